import Access
import Assessment
import Certificates
import Curriculum
import Foundation
import Gradebook
import Localization
import PapiTrainTesting
import Units

let shippedLibrary = try! TestCourses.shipped()

/// A small class written through `CommuneStore` into real SQLite files: class `classID`
/// (`LC-2610-A`, "Tập huấn một cửa, đợt 2", 2026-10-15, Phong Thổ, post-test `oss-posttest`; with
/// `titled: false` a class stored before classes had codes, titles and a post-test) over
/// communes 03637 and 03640. On `oss-posttest` (pass mark 70%, ten
/// questions asked), by hand:
///
///     Nguyễn Thị Hoa  (03637, chairman)        9/10 → 90%, certificate
///     Lò Văn Thắng    (03637, justice-civil-status) 5/10, then 7/10 → best 70%, certificate
///     Hoàng Thị Mai   (03640, chairman)        6/10 → 60%, not passed
///     Tòng Văn Hùng   (03640, chairman)        only the pre-test: no post-test
final class ClassFixture {
  static let classID = ClassID("0C1A55E5-0000-4000-8000-00000000CE57")!
  static let classDay = Date(timeIntervalSince1970: 1_792_027_800)  // 2026-10-15 01:30 UTC

  let folder: TemporaryFolder
  var directory: ResultsDirectory { ResultsDirectory(url: folder.appending("Results")) }

  init(titled: Bool = true) throws {
    folder = try TemporaryFolder("papi-certificates")
    let questions = Array(
      shippedLibrary.course("one-stop-shop")!.quiz("oss-posttest")!.questions.map(\.questionID).prefix(10))
    try directory.saveClass(
      TrainingClass(
        id: Self.classID, code: titled ? ClassCode("LC-2610-A") : nil,
        title: titled ? "Tập huấn một cửa, đợt 2" : "", trainer: "Đặng Văn Lâm", date: "2026-10-15",
        place: "Phong Thổ", communeCodes: [CommuneCode("03637"), CommuneCode("03640")],
        posttestQuizID: titled ? "oss-posttest" : nil))
    let first = try directory.store(for: CommuneCode("03637"))
    let second = try directory.store(for: CommuneCode("03640"))
    let hoa = try first.addOfficial(name: "Nguyễn Thị Hoa", position: "chairman")
    let thang = try first.addOfficial(name: "Lò Văn Thắng", position: "justice-civil-status")
    let mai = try second.addOfficial(name: "Hoàng Thị Mai", position: "chairman")
    let hung = try second.addOfficial(name: "Tòng Văn Hùng", position: "chairman")
    try Self.take(first, hoa, "oss-posttest", questions, right: 9, at: Self.classDay)
    try Self.take(first, thang, "oss-posttest", questions, right: 5, at: Self.classDay)
    try Self.take(
      first, thang, "oss-posttest", questions, right: 7, at: Self.classDay.addingTimeInterval(3_600))
    try Self.take(second, mai, "oss-posttest", questions, right: 6, at: Self.classDay)
    try Self.take(second, hung, "oss-pretest", questions, right: 10, at: Self.classDay)
  }

  /// One finished attempt: the first `right` questions right, the rest wrong.
  static func take(
    _ store: CommuneStore, _ official: Official, _ quiz: String, _ questions: [QuestionID], right: Int,
    at start: Date
  ) throws {
    let attempt = try store.startAttempt(
      Attempt(
        officialID: official.id, quizID: quiz, courseID: "one-stop-shop", courseVersion: "1.0.0",
        classID: classID, seed: 5, questionIDs: questions, startedAt: start))
    for (index, question) in questions.enumerated() {
      let mark: Double = index < right ? 1 : 0
      try store.record(
        Answer(
          attemptID: attempt.id, questionID: question, position: index, response: #"{"choice":{"_0":"a"}}"#,
          score: mark, isCorrect: mark == 1, timeTaken: 8,
          answeredAt: start.addingTimeInterval(Double(index + 1) * 30)))
    }
    try store.finishAttempt(
      attempt.id, score: Double(right), maxScore: Double(questions.count), at: start.addingTimeInterval(600))
  }
}

/// Facts of a certificate, for tests that need no class.
func sampleFacts(name: String = "Nguyễn Thị Hoa", score: String = "90") -> CertificateFacts {
  CertificateFacts(
    name: name, officialID: "6F1C2D3E-0000-4000-8000-000000000001",
    position: LocalizedText(
      vi: "Chủ tịch Ủy ban nhân dân xã", en: "Chairman of the commune People's Committee"),
    communeCode: "03637", communeName: "Xã Mường Kim", classID: ClassFixture.classID.uuidString,
    classCode: nil, classTitle: "Lớp tập huấn tại Phong Thổ, ngày 2026-10-15", trainer: "Đặng Văn Lâm",
    course: LocalizedText(vi: "Cơ chế một cửa, một cửa liên thông", en: "The one-stop shop"),
    postTest: LocalizedText(vi: "Kiểm tra cuối khóa – Cơ chế một cửa", en: "Post-test – The one-stop shop"),
    score: score, passMark: "70", passedOn: "2026-10-15", issuedOn: "2026-12-03", issuer: "may-tap-huan")
}

/// A machine key in its own folder.
func freshKey(in folder: TemporaryFolder, _ name: String = "signing-key") throws -> MachineKey {
  try MachineKey.loadOrCreate(at: folder.appending(name))
}

import Assessment
import Curriculum
import Foundation
import Gradebook
import PapiTrainTesting
import Units

/// The shipped courses, the ones a real export reads.
let repositoryRoot = Repository.root
let shippedLibrary = try! TestCourses.shipped()
let vietnam = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

/// A small class, written through `CommuneStore` into real SQLite files in a fresh folder.
///
/// Class `classID` (2026-10-15, Phong Thổ) spans communes 03637 and 03640. Four officials finish
/// `oss-pretest` on three questions q[0], q[1], q[2] with these marks (a hand-computed case):
///
///     Nguyễn Thị Hoa (03637)  1 1 1
///     =1+1           (03637)  1 0 1
///     Lò Văn Thắng   (03637)  0 1 0
///     Hoàng Thị Mai  (03640)  0 0 0
///
/// q[0] is `oss-q-001` (single choice, key a): a right answer chose a, a wrong one b.
/// "+1 Trần" (03640) abandons the pre-test after one right answer. Outside the class, on
/// 2026-11-02, Hoa takes `oss-practice-m1` on five more questions, all right.
final class ExportFixture {
  static let classID = ClassID("0C1A55E5-0000-4000-8000-000000000001")!
  static let classDay = Date(timeIntervalSince1970: 1_792_027_800)  // 2026-10-15 01:30 UTC, 08:30 in Vietnam
  static let laterDay = Date(timeIntervalSince1970: 1_793_607_600)  // 2026-11-02 08:20 UTC
  static let marks: [[Double]] = [[1, 1, 1], [1, 0, 1], [0, 1, 0], [0, 0, 0]]

  let url = FileManager.default.temporaryDirectory.appendingPathComponent("papi-export-\(UUID().uuidString)")
  var directory: ResultsDirectory { ResultsDirectory(url: url.appendingPathComponent("Results")) }
  /// The pre-test's three questions, in id order (the order item statistics list them).
  let pretestQuestions: [QuestionID]
  let practiceQuestions: [QuestionID]

  init() throws {
    let ids = shippedLibrary.course("one-stop-shop")!.questions.map(\.id)
    pretestQuestions = Array(ids.prefix(3)).sorted()
    practiceQuestions = Array(ids.dropFirst(3).prefix(5))
    try directory.saveClass(
      TrainingClass(
        id: Self.classID, trainer: "Đặng Văn Lâm", date: "2026-10-15", place: "Phong Thổ",
        communeCodes: [CommuneCode("03637"), CommuneCode("03640")]))
    let first = try directory.store(for: CommuneCode("03637"))
    let second = try directory.store(for: CommuneCode("03640"))
    let hoa = try first.addOfficial(name: "Nguyễn Thị Hoa", position: "chairman")
    let formula = try first.addOfficial(name: "=1+1", position: "one-stop-staff")
    let thang = try first.addOfficial(name: "Lò Văn Thắng", position: "justice-civil-status")
    try first.addOfficial(name: "Tòng Văn Hùng", position: "chairman")  // never answers
    let mai = try second.addOfficial(name: "Hoàng Thị Mai", position: "chairman")
    let plus = try second.addOfficial(name: "+1 Trần", position: "office-statistics")
    for (official, store, marks) in [
      (hoa, first, 0), (formula, first, 1), (thang, first, 2), (mai, second, 3),
    ] {
      try Self.take(
        store, official, quiz: "oss-pretest", questions: pretestQuestions, marks: Self.marks[marks],
        classID: Self.classID, at: Self.classDay)
    }
    try Self.take(
      second, plus, quiz: "oss-pretest", questions: pretestQuestions, marks: [1], classID: Self.classID,
      at: Self.classDay, finish: false)
    try Self.take(
      first, hoa, quiz: "oss-practice-m1", questions: practiceQuestions, marks: [1, 1, 1, 1, 1], classID: nil,
      at: Self.laterDay)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// One attempt: the first `marks.count` questions answered with these marks, a minute apart.
  static func take(
    _ store: CommuneStore, _ official: Official, quiz: String, questions: [QuestionID], marks: [Double],
    classID: ClassID?, at start: Date, finish: Bool = true
  ) throws {
    let attempt = try store.startAttempt(
      Attempt(
        officialID: official.id, quizID: quiz, courseID: "one-stop-shop", courseVersion: "1.0.0",
        classID: classID, seed: 7, questionIDs: questions, startedAt: start))
    for (index, mark) in marks.enumerated() {
      let response: Response =
        index == 0
        ? .choice(mark == 1 ? "a" : "b") : index == 1 ? .truth(mark == 1) : .text("Ủy ban nhân dân xã")
      try store.record(
        Answer(
          attemptID: attempt.id, questionID: questions[index], position: index,
          response: String(decoding: try JSONEncoder().encode(response), as: UTF8.self), score: mark,
          isCorrect: mark == 1, timeTaken: 12.5,
          answeredAt: start.addingTimeInterval(Double(60 * (index + 1)))))
    }
    if finish {
      try store.finishAttempt(
        attempt.id, score: marks.reduce(0, +), maxScore: Double(questions.count),
        at: start.addingTimeInterval(600))
    } else {
      try store.abandonAttempt(attempt.id, at: start.addingTimeInterval(600))
    }
  }
}

import Curriculum
import Foundation
import Gradebook
import Localization
import ResultsExport
import Toolkit
import Units

/// Who in a class earned a certificate: each official whose best finished post-test of the class
/// (the class's own post-test when it names one, else any post-test of the courses) reaches that
/// quiz's pass mark, with the facts to print. Pure computation over the class's
/// results and the courses.
public struct ClassCertificates: Sendable {
  /// An official who took the post-test and did not reach the pass mark.
  public struct NotPassed: Sendable, Hashable {
    public var name: String
    /// The commune's name (`Xã CODE` when the units list does not know it).
    public var commune: String
    public var score: String
    public var passMark: String
  }

  /// The facts of every certificate earned, commune by commune, by name.
  public var earned: [CertificateFacts]
  /// Those who took the post-test and did not pass it.
  public var notPassed: [NotPassed]
  /// Officials of the class who never finished a post-test.
  public var withoutPostTest: Int

  /// Works out the certificates of `results` (one class's), to be issued on `issuedOn` by
  /// `issuer`. `communeNames` names communes the units list knows.
  public init(
    results: ClassResults, library: CourseLibrary, communeNames: [CommuneCode: String], issuedOn: Day,
    issuer: String, timeZone: TimeZone = .current
  ) {
    var quizzes: [String: (quiz: Quiz, course: Course)] = [:]
    for course in library.courses {
      for quiz in course.quizzes
      where Self.isPostTest(quiz, of: results.trainingClass) && quizzes[quiz.id] == nil {
        quizzes[quiz.id] = (quiz, course)
      }
    }
    let byOfficial = Dictionary(
      grouping: results.attempts.filter { $0.status == .finished }, by: \.officialID)
    var earned: [CertificateFacts] = []
    var notPassed: [NotPassed] = []
    var without = 0
    for official in results.officials {
      let posts = (byOfficial[official.id] ?? []).filter { quizzes[$0.quizID] != nil }
      guard let best = posts.max(by: Self.isWorse), let (quiz, course) = quizzes[best.quizID] else {
        without += 1
        continue
      }
      let share = ClassExport.share(of: best)
      let score = Self.percentText(share)
      let passMark = Self.percentText(quiz.passPercent / 100)
      let code = official.communeCode
      let communeName = communeNames[code] ?? "Xã \(code.rawValue)"
      guard share * 100 >= quiz.passPercent - 1e-9 else {
        notPassed.append(
          NotPassed(name: official.name, commune: communeName, score: score, passMark: passMark))
        continue
      }
      earned.append(
        CertificateFacts(
          name: official.name, officialID: official.id.uuidString,
          position: library.position(official.position)?.name ?? LocalizedText(vi: official.position),
          communeCode: code.rawValue, communeName: communeName,
          classID: results.trainingClass?.id.uuidString ?? "",
          classCode: results.trainingClass?.code?.rawValue,
          classTitle: Self.title(of: results.trainingClass), trainer: results.trainingClass?.trainer ?? "",
          course: course.title, postTest: quiz.title, score: score, passMark: passMark,
          passedOn: Self.localDay(best.endedAt ?? best.startedAt, in: timeZone),
          issuedOn: issuedOn.description,
          issuer: issuer))
    }
    self.earned = earned
    self.notPassed = notPassed
    withoutPostTest = without
  }

  /// A lower score, or the same score later: the best attempt is the highest, the first of equals.
  static func isWorse(_ left: Attempt, _ right: Attempt) -> Bool {
    let (a, b) = (ClassExport.share(of: left), ClassExport.share(of: right))
    if a != b { return a < b }
    return (left.endedAt ?? left.startedAt) > (right.endedAt ?? right.startedAt)
  }

  /// The class's post-test when it names one; else any quiz of kind post-test.
  static func isPostTest(_ quiz: Quiz, of trainingClass: TrainingClass?) -> Bool {
    if let chosen = trainingClass?.posttestQuizID { return quiz.id == chosen }
    return quiz.kind == .postTest
  }

  /// The class's title (`Tập huấn một cửa, đợt 2`), else, for a class stored before classes had
  /// titles, `Lớp tập huấn tại Phong Thổ, ngày 2026-10-15`.
  static func title(of trainingClass: TrainingClass?) -> String {
    guard let trainingClass else { return "" }
    let title = trainingClass.title.trimmingCharacters(in: .whitespaces)
    return title.isEmpty ? "Lớp tập huấn tại \(trainingClass.place), ngày \(trainingClass.date)" : title
  }

  /// `85.5` or `70`: a share as a percentage to one decimal, without a trailing `.0`.
  static func percentText(_ share: Double) -> String {
    let value = (share * 1000).rounded() / 10
    return value == value.rounded() ? String(Int(value)) : String(value)
  }

  /// The day of `date` in `timeZone` (`2026-10-15`).
  static func localDay(_ date: Date, in timeZone: TimeZone) -> String {
    Day(date.addingTimeInterval(Double(timeZone.secondsFromGMT(for: date)))).description
  }
}

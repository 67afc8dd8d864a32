import Curriculum
import Foundation

/// A dimension or sub-dimension where knowledge is weak, with what to study and who is responsible.
public struct WeakArea: Sendable, Hashable {
  public var code: String
  public var mastery: Mastery
  public var verdict: Mastery.Verdict
  /// Lessons that teach the code, in course order.
  public var lessons: [String]
  /// Questions on the code that were answered wrongly, most missed first.
  public var questionsToReview: [QuestionID]
  /// The positions the code's questions concern, most concerned first.
  public var positions: [String]
}

/// What to study for each PAPI code and who is responsible for it, worked out once from a course
/// library: the lessons that teach the code (in course order) and the positions its questions
/// concern (most concerned first).
public struct StudyGuide: Sendable {
  public var lessons: [String: [String]]
  public var positions: [String: [String]]

  public init(library: CourseLibrary) {
    let taxonomy = library.taxonomy
    var lessons: [String: [String]] = [:]
    for lesson in library.courses.flatMap(\.lessons) {
      for code in taxonomy.countedCodes(for: lesson.papiCodes).sorted() {
        lessons[code, default: []].append(lesson.id)
      }
    }
    var counts: [String: [String: Int]] = [:]
    for question in library.courses.flatMap(\.questions) {
      let codes = taxonomy.countedCodes(for: question.papiCodes)
      for code in codes {
        for position in question.positions { counts[code, default: [:]][position.id, default: 0] += 1 }
      }
    }
    self.lessons = lessons
    self.positions = counts.mapValues { $0.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key) }
  }
}

/// Finds weak areas: codes whose mastery is below `threshold` (0-1), the interval taken into
/// account: ``Mastery/Verdict/weak`` when the whole interval is below, ``Mastery/Verdict/possiblyWeak``
/// when only the estimate is. `facts` give the questions to review (none when empty).
public func weakAreas(
  in report: MasteryReport, facts: [AnswerFact], guide: StudyGuide, taxonomy: Taxonomy,
  threshold: Double = 0.7
) -> [WeakArea] {
  var result: [WeakArea] = []
  for code in taxonomy.allCodes {
    guard let mastery = report.byCode[code] else { continue }
    let verdict = mastery.verdict(threshold: threshold)
    guard verdict == .weak || verdict == .possiblyWeak else { continue }
    var misses: [QuestionID: Double] = [:]
    for fact in facts where fact.score < 1 && taxonomy.countedCodes(for: fact.papiCodes).contains(code) {
      misses[fact.questionID, default: 0] += 1 - fact.score
    }
    let questions = misses.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
    result.append(
      WeakArea(
        code: code, mastery: mastery, verdict: verdict, lessons: guide.lessons[code] ?? [],
        questionsToReview: questions, positions: guide.positions[code] ?? []))
  }
  return result.sorted { ($0.mastery.estimate ?? 0, $0.code) < ($1.mastery.estimate ?? 0, $1.code) }
}

/// Weak areas with a study guide worked out from `library` (see the other overload).
public func weakAreas(
  in report: MasteryReport, facts: [AnswerFact], library: CourseLibrary, threshold: Double = 0.7
) -> [WeakArea] {
  weakAreas(
    in: report, facts: facts, guide: StudyGuide(library: library), taxonomy: library.taxonomy,
    threshold: threshold)
}

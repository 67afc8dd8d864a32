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
  public var questionsToReview: [String]
  /// The positions the code's questions concern, most concerned first.
  public var positions: [String]
}

/// Finds weak areas: codes whose mastery is below `threshold` (0-1), the interval taken into
/// account: ``Mastery/Verdict/weak`` when the whole interval is below, ``Mastery/Verdict/possiblyWeak``
/// when only the estimate is.
public func weakAreas(
  in report: MasteryReport, facts: [AnswerFact], library: CourseLibrary, threshold: Double = 0.7
) -> [WeakArea] {
  let taxonomy = library.taxonomy
  let codes = taxonomy.dimensions.flatMap { [$0.code] + $0.subdimensions.map(\.code) }
  var result: [WeakArea] = []
  for code in codes {
    guard let mastery = report.byCode[code] else { continue }
    let verdict = mastery.verdict(threshold: threshold)
    guard verdict == .weak || verdict == .possiblyWeak else { continue }
    let serves = { (tags: [String]) in tags.contains { taxonomy.code($0, fallsUnder: code) } }
    let lessons = library.courses.flatMap(\.lessons).filter { serves($0.papiCodes) }.map(\.id)
    var misses: [String: Double] = [:]
    for fact in facts where serves(fact.papiCodes) && fact.score < 1 {
      misses[fact.questionID, default: 0] += 1 - fact.score
    }
    let questions = misses.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
    var positionCounts: [String: Int] = [:]
    for question in library.courses.flatMap(\.questions) where serves(question.papiCodes) {
      for position in question.positions { positionCounts[position.id, default: 0] += 1 }
    }
    let positions = positionCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
    result.append(
      WeakArea(
        code: code, mastery: mastery, verdict: verdict, lessons: lessons, questionsToReview: questions,
        positions: positions))
  }
  return result.sorted { ($0.mastery.estimate ?? 0, $0.code) < ($1.mastery.estimate ?? 0, $1.code) }
}

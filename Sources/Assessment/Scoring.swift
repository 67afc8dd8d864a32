import Curriculum
import VietnameseText

/// The mark one response earns: a share of the question's one point, and whether it is fully right.
public struct Mark: Sendable, Hashable, Codable {
  /// Between 0 and 1.
  public var score: Double
  /// True only with full marks.
  public var isCorrect: Bool

  public init(score: Double) {
    self.score = min(max(score, 0), 1)
    self.isCorrect = self.score >= 1 - 1e-9
  }
}

/// Scores responses. The rules, as Courses/README.md states them for trainers:
///
/// - single choice, true/false and short answer: 1 or 0 (short answers by ``ShortAnswerMatcher``);
/// - multiple choice: the share of options classified correctly (ticked when right, left when wrong);
/// - matching: the share of left items matched to their own right item;
/// - ordering: the share of items in their right position.
public enum Scorer {
  public static func mark(_ response: Response, for question: Question) -> Mark {
    switch (question.body, response) {
    case (.singleChoice(_, let answer), .choice(let chosen)):
      return Mark(score: chosen == answer ? 1 : 0)
    case (.multipleChoice(let options, let answers), .choices(let ticked)):
      let right = Set(answers)
      let tickedSet = Set(ticked)
      let classifiedWell = options.filter { right.contains($0.id) == tickedSet.contains($0.id) }.count
      return Mark(score: Double(classifiedWell) / Double(max(options.count, 1)))
    case (.trueFalse(let answer), .truth(let said)):
      return Mark(score: said == answer ? 1 : 0)
    case (.matching(let pairs), .matching(let chosen)):
      let matched = chosen.enumerated().filter { $0.offset == $0.element }.count
      return Mark(score: Double(matched) / Double(max(pairs.count, 1)))
    case (.ordering(let items), .ordering(let order)):
      let inPlace = order.enumerated().filter { $0.offset == $0.element }.count
      return Mark(score: Double(inPlace) / Double(max(items.count, 1)))
    case (.shortAnswer(let accepted, let matching), .text(let typed)):
      return Mark(score: ShortAnswerMatcher.match(typed, accepted: accepted, rule: matching) == nil ? 0 : 1)
    default:
      // A response of the wrong shape (a stored answer to an older version of the question).
      return Mark(score: 0)
    }
  }

  /// The response that earns full marks, in the question's written order.
  public static func key(for question: Question) -> Response {
    switch question.body {
    case .singleChoice(_, let answer): .choice(answer)
    case .multipleChoice(_, let answers): .choices(answers)
    case .trueFalse(let answer): .truth(answer)
    case .matching(let pairs): .matching(Array(pairs.indices))
    case .ordering(let items): .ordering(Array(items.indices))
    case .shortAnswer(let accepted, _): .text(accepted.first ?? "")
    }
  }
}

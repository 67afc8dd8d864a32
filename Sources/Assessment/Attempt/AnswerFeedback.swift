import Curriculum
import Localization

/// What an official is told about one answer: how right it was, the right answer in the letters
/// they saw, the explanation and the legal source.
public struct AnswerFeedback: Sendable, Hashable {
  public enum Verdict: Sendable, Hashable {
    case correct
    /// Part of the marks, as a whole percentage.
    case partlyCorrect(percent: Int)
    case wrong
  }

  public var item: QuizItem
  public var mark: Mark
  /// What the official answered, when known.
  public var response: Response?

  public init(item: QuizItem, mark: Mark, response: Response? = nil) {
    self.item = item
    self.mark = mark
    self.response = response
  }

  public var verdict: Verdict {
    if mark.isCorrect { return .correct }
    if mark.score > 0 { return .partlyCorrect(percent: Int((mark.score * 100).rounded())) }
    return .wrong
  }

  public var question: Question { item.question }

  /// The right answer in the letters the official saw: "b) ..." for a choice, "1-b 2-a" for
  /// matching, "c a b" for ordering.
  public func rightAnswer(in language: Language) -> String {
    let question = item.question
    func letter(_ original: Int) -> String {
      AnswerParser.label(item.displayOrder.firstIndex(of: original) ?? original)
    }
    switch question.body {
    case .singleChoice(let options, let answer):
      let index = options.firstIndex { $0.id == answer } ?? 0
      return "\(letter(index))) \(options[index].text.text(in: language))"
    case .multipleChoice(let options, let answers):
      return chosen(options.indices.filter { answers.contains(options[$0].id) }, of: options, in: language)
    case .trueFalse(let answer):
      return KeyText.truth(answer).text(in: language)
    case .matching(let pairs):
      return pairs.indices.map { "\($0 + 1)-\(letter($0))" }.joined(separator: " ")
    case .ordering(let items):
      return items.indices.map { letter($0) }.joined(separator: " ")
    case .shortAnswer(let accepted, _):
      return accepted.first ?? ""
    }
  }

  /// The official's own answer in the letters they saw, as ``rightAnswer(in:)`` writes the key;
  /// nil when the response is not known or not of the question's shape.
  public func givenAnswer(in language: Language) -> String? {
    func letter(_ original: Int) -> String {
      AnswerParser.label(item.displayOrder.firstIndex(of: original) ?? original)
    }
    switch (item.question.body, response) {
    case (.singleChoice(let options, _), .choice(let id)?):
      return options.firstIndex { $0.id == id }.map { chosen([$0], of: options, in: language) }
    case (.multipleChoice(let options, _), .choices(let ids)?):
      return chosen(options.indices.filter { ids.contains(options[$0].id) }, of: options, in: language)
    case (.trueFalse, .truth(let said)?):
      return KeyText.truth(said).text(in: language)
    case (.matching, .matching(let picked)?):
      return picked.enumerated().map { "\($0.offset + 1)-\(letter($0.element))" }.joined(separator: " ")
    case (.ordering, .ordering(let order)?):
      return order.map(letter).joined(separator: " ")
    case (.shortAnswer, .text(let typed)?):
      return typed
    default:
      return nil
    }
  }

  /// For a short answer marked right though typed differently (without diacritics, say): the
  /// accepted answer it matched, to show its right spelling. Nil otherwise.
  public var rightSpelling: String? {
    guard mark.isCorrect, case .shortAnswer(let accepted, let rule) = item.question.body,
      case .text(let typed)? = response,
      let matched = ShortAnswerMatcher.match(typed, accepted: accepted, rule: rule),
      ShortAnswerMatcher.fairKey(matched) != ShortAnswerMatcher.fairKey(typed)
    else { return nil }
    return matched
  }

  /// Options by their display letters, in the order shown: "a) ...; c) ...".
  private func chosen(_ originals: [Int], of options: [Choice], in language: Language) -> String {
    originals.map { (position: item.displayOrder.firstIndex(of: $0) ?? $0, original: $0) }
      .sorted { $0.position < $1.position }
      .map { "\(AnswerParser.label($0.position))) \(options[$0.original].text.text(in: language))" }
      .joined(separator: "; ")
  }
}

/// The words of a right answer that are not the course's own.
enum KeyText: LocalizedMessage {
  case truth(Bool)

  func text(in language: Language) -> String {
    switch (self, language) {
    case (.truth(let value), .vietnamese): value ? "đúng" : "sai"
    case (.truth(let value), .english): value ? "true" : "false"
    }
  }
}

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

  public init(item: QuizItem, mark: Mark) {
    self.item = item
    self.mark = mark
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
      return options.indices.filter { answers.contains(options[$0].id) }
        .map { "\(letter($0))) \(options[$0].text.text(in: language))" }.joined(separator: "; ")
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

import Localization
import VietnameseText

/// What the giveaway check compares: the keys a question has in words, and where another
/// question's text holds one.
enum GiveawayCheck {
  /// Keys shorter than this (in letters, after folding case and spacing) are common words, not
  /// answers; they are not looked for.
  static let shortestKey = 12

  /// The key of `question` in words, in each language: the right options' texts, the accepted
  /// short answers. True/false, matching and ordering have no key in words.
  static func keys(of question: Question) -> [String] {
    var texts: [LocalizedText] = []
    switch question.body {
    case .singleChoice(let options, let answer): texts = options.filter { $0.id == answer }.map(\.text)
    case .multipleChoice(let options, let answers):
      texts = options.filter { answers.contains($0.id) }.map(\.text)
    case .shortAnswer(let accepted, _): return accepted.filter { key($0).count >= shortestKey }
    default: return []
    }
    return texts.flatMap { [$0.vi, $0.en].compactMap { $0 } }.filter { key($0).count >= shortestKey }
  }

  /// "stem" or "option" when the stem or one of the options of `question` contains `key`.
  static func part(of question: Question, containing key: String) -> String? {
    let wanted = Self.key(key)
    let stems = [question.prompt.vi, question.prompt.en].compactMap { $0 }
    if stems.contains(where: { Self.key($0).contains(wanted) }) { return "stem" }
    switch question.body {
    case .singleChoice(let options, _), .multipleChoice(let options, _):
      let texts = options.flatMap { [$0.text.vi, $0.text.en].compactMap { $0 } }
      if texts.contains(where: { Self.key($0).contains(wanted) }) { return "option" }
    default: break
    }
    return nil
  }

  /// Case and spacing folded, trailing punctuation gone.
  static func key(_ text: String) -> String {
    var folded = text.matchKey(foldingDiacritics: false)
    while let last = folded.last, ".,;:!?".contains(last) { folded.removeLast() }
    return folded
  }
}

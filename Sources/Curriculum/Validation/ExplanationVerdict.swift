/// Finds an explanation that opens with a verdict ("Đúng.", "Sai,", "True.", "False (…)"), which
/// contradicts the feedback line when the official's answer was the opposite.
enum ExplanationVerdict {
  /// The verdict words, in either language, compared without regard to case.
  static let words = [
    "đúng", "sai", "chưa đúng", "không đúng", "true", "false", "right", "wrong", "correct", "incorrect",
  ]

  /// Words that make a verdict of the word before them ("Sai vì …").
  static let becauseWords = ["vì", "do", "bởi", "because", "as", "since"]

  /// The verdict `text` opens with, when a verdict word is followed by punctuation, a bracket, a
  /// "because" or nothing; nil otherwise ("Sai lầm thường gặp là …" opens with no verdict).
  static func opening(of text: String) -> String? {
    let trimmed = text.drop { $0 == " " || $0 == "'" || $0 == "\"" }
    let lowered = trimmed.lowercased()
    for word in words.sorted(by: { $0.count > $1.count }) where lowered.hasPrefix(word) {
      let after = lowered.dropFirst(word.count)
      if after.first?.isLetter == true { continue }  // a longer word: "Sailing", "Đúngđắn"
      let rest = after.drop { $0 == " " }
      guard let next = rest.first else { return String(trimmed.prefix(word.count)) }
      let nextWord = rest.prefix { $0.isLetter }
      if ".,:;!(–-—".contains(next) || becauseWords.contains(String(nextWord)) {
        return String(trimmed.prefix(word.count))
      }
    }
    return nil
  }
}

import Curriculum
import Foundation
import VietnameseText

/// Marks a typed short answer as a fair human marker would. The rules, as Courses/README.md
/// states them for trainers:
///
/// - always ignored: Unicode form (NFC), surrounding spaces and quotes, spacing inside;
/// - `fold_diacritics` (the default) and `exact`: case and trailing punctuation (`. , ; : ! ? …`)
///   are ignored too, and numbers are compared as numbers (`5`, `5.`, `05`, `5,0` are all 5;
///   number words such as `năm` are not numbers: list them in `accepted` when they should count);
/// - `fold_diacritics`: an answer typed without diacritics is accepted when it folds to exactly one
///   accepted answer (`thu huong` for `thụ hưởng`), and the right spelling is shown;
/// - `verbatim`: case and punctuation count; only the form and surrounding spaces are ignored.
public enum ShortAnswerMatcher {
  /// The accepted answer `typed` matches under `rule`, or nil when it matches none.
  public static func match(_ typed: String, accepted: [String], rule: AnswerMatching) -> String? {
    if rule == .verbatim {
      let key = verbatimKey(typed)
      return accepted.first { verbatimKey($0) == key }
    }
    let key = fairKey(typed)
    if let number = number(key), let found = accepted.first(where: { Self.number(fairKey($0)) == number }) {
      return found
    }
    if let found = accepted.first(where: { fairKey($0) == key }) { return found }
    guard rule == .foldDiacritics else { return nil }
    let folded = key.foldingDiacritics
    let candidates = accepted.filter { fairKey($0).foldingDiacritics == folded }
    let distinct = Set(candidates.map(fairKey))
    return distinct.count == 1 && key == folded ? candidates.first : nil
  }

  /// Spacing and the surrounding quotes and spaces aside, the text as typed.
  static func verbatimKey(_ text: String) -> String {
    text.nfc.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      .trimmingCharacters(in: CharacterSet(charactersIn: "\"'“”‘’«»"))
  }

  /// Lower case, trailing punctuation and surrounding quotes gone, spacing collapsed.
  static func fairKey(_ text: String) -> String {
    var key = text.matchKey(foldingDiacritics: false)
    let ignored = CharacterSet(charactersIn: ".,;:!?…\"'“”‘’«»()").union(.whitespaces)
    key = key.trimmingCharacters(in: ignored)
    return key
  }

  /// The number `key` writes (digits with at most one decimal point or comma), or nil.
  static func number(_ key: String) -> Decimal? {
    let compact = key.replacingOccurrences(of: " ", with: "")
    let parts = compact.split(separator: ",", omittingEmptySubsequences: false).flatMap {
      $0.split(separator: ".", omittingEmptySubsequences: false)
    }
    guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
      parts.allSatisfy({ $0.allSatisfy(\.isNumber) })
    else { return nil }
    return Decimal(string: parts.joined(separator: "."), locale: Locale(identifier: "en_US_POSIX"))
  }
}

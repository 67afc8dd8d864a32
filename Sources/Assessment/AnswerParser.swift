import Curriculum
import Localization
import VietnameseText

/// Why a typed answer could not be understood; shown to the official with a hint of the form.
public enum AnswerInputError: Error, LocalizedMessage, Hashable {
  case empty
  case notAnOption(String, allowed: String)
  case chooseOne
  case notTrueOrFalse(String)
  case wrongCount(expected: Int)
  case repeated(String)

  public func text(in language: Language) -> String {
    switch (self, language) {
    case (.empty, .vietnamese): "Chưa có câu trả lời."
    case (.empty, .english): "No answer given."
    case (.notAnOption(let given, let allowed), .vietnamese):
      "'\(given)' không phải phương án; chọn trong \(allowed)."
    case (.notAnOption(let given, let allowed), .english):
      "'\(given)' is not an option; choose from \(allowed)."
    case (.chooseOne, .vietnamese): "Câu này chỉ chọn một phương án."
    case (.chooseOne, .english): "Choose only one option for this question."
    case (.notTrueOrFalse(let given), .vietnamese): "'\(given)': hãy trả lời đ (đúng) hoặc s (sai)."
    case (.notTrueOrFalse(let given), .english): "'\(given)': answer t (true) or f (false)."
    case (.wrongCount(let expected), .vietnamese): "Cần đúng \(expected) mục, cách nhau bằng dấu cách."
    case (.wrongCount(let expected), .english): "Give exactly \(expected) entries, separated by spaces."
    case (.repeated(let given), .vietnamese): "'\(given)' được dùng hai lần."
    case (.repeated(let given), .english): "'\(given)' is used twice."
    }
  }
}

/// Turns what an official typed into a ``Response``, for a question as it was shown.
///
/// Options and right-hand items are labelled a, b, c, ... in display order; left items of a
/// matching question are numbered 1, 2, 3, ... Forms accepted:
/// - single choice: `b` (or `2`);
/// - multiple choice: `a c`, `a,c` or `ac`;
/// - true/false: `đ`, `đúng`, `d`, `t`, `true`, `1` / `s`, `sai`, `f`, `false`, `0`;
/// - matching: the letter for each numbered item in turn, `b a c` (or `1b 2a 3c`);
/// - ordering: the letters in the right order, `c a b` or `cab`;
/// - short answer: the text.
public enum AnswerParser {
  /// The label shown for the display position `index`: a, b, c, ...
  public static func label(_ index: Int) -> String {
    String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index % 26)))
  }

  /// What an official would type to answer `item` fully right, in the letters it is shown with:
  /// the inverse of ``parse(_:for:)`` for the key (used by scripted sessions and their tests).
  public static func typedKey(for item: QuizItem) -> String {
    func letter(_ original: Int) -> String { label(item.displayOrder.firstIndex(of: original) ?? original) }
    switch item.question.body {
    case .singleChoice(let options, let answer):
      return letter(options.firstIndex { $0.id == answer } ?? 0)
    case .multipleChoice(let options, let answers):
      return options.indices.filter { answers.contains(options[$0].id) }.map(letter).joined(separator: " ")
    case .trueFalse(let answer): return answer ? "đ" : "s"
    case .matching(let pairs): return pairs.indices.map(letter).joined(separator: " ")
    case .ordering(let items): return items.indices.map(letter).joined(separator: " ")
    case .shortAnswer(let accepted, _): return accepted.first ?? ""
    }
  }

  public static func parse(_ input: String, for item: QuizItem) throws(AnswerInputError) -> Response {
    let text = input.nfc.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else { throw .empty }
    switch item.question.body {
    case .singleChoice(let options, _):
      let picked = try positions(text, count: options.count, allowsNumbers: true)
      guard picked.count == 1 else { throw .chooseOne }
      return .choice(options[item.displayOrder[picked[0]]].id)
    case .multipleChoice(let options, _):
      let picked = try positions(text, count: options.count, allowsNumbers: true)
      let ids = picked.map { options[item.displayOrder[$0]].id }
      return .choices(options.map(\.id).filter(ids.contains))
    case .trueFalse:
      let key = text.matchKey(foldingDiacritics: true)
      if ["d", "dung", "t", "true", "1", "y", "yes", "co"].contains(key) { return .truth(true) }
      if ["s", "sai", "f", "false", "0", "n", "no", "khong"].contains(key) { return .truth(false) }
      throw .notTrueOrFalse(text)
    case .matching(let pairs):
      let cleaned = text.split(whereSeparator: { $0 == " " || $0 == "," }).map { token in
        // "1b" and "b" both name the letter; the number is the left item's and is implied by order.
        String(token.drop(while: \.isNumber))
      }.joined(separator: " ")
      let picked = try positions(cleaned, count: pairs.count, allowsNumbers: false)
      guard picked.count == pairs.count else { throw .wrongCount(expected: pairs.count) }
      return .matching(picked.map { item.displayOrder[$0] })
    case .ordering(let items):
      let picked = try positions(text, count: items.count, allowsNumbers: false)
      guard picked.count == items.count else { throw .wrongCount(expected: items.count) }
      return .ordering(picked.map { item.displayOrder[$0] })
    case .shortAnswer:
      return .text(text)
    }
  }

  /// Display positions named by letters (`a c`, `a,c`, `ac`) or, where allowed, numbers (`1 3`).
  private static func positions(
    _ text: String, count: Int, allowsNumbers: Bool
  ) throws(AnswerInputError) -> [Int] {
    let allowed = "a-\(label(count - 1))"
    let tokens = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" })
    var result: [Int] = []
    for token in tokens {
      if allowsNumbers, let number = Int(token) {
        guard (1...count).contains(number) else { throw .notAnOption(String(token), allowed: allowed) }
        result.append(number - 1)
        continue
      }
      for character in token {
        guard let ascii = character.asciiValue, (97..<97 + count).contains(Int(ascii)) else {
          throw .notAnOption(String(character), allowed: allowed)
        }
        result.append(Int(ascii) - 97)
      }
    }
    var seen = Set<Int>()
    for position in result where !seen.insert(position).inserted {
      throw .repeated(label(position))
    }
    return result
  }
}

import Foundation
import Toolkit
import VietnameseText

/// The short code a trainer reads out and officials type to find a class: `LC-2612-A`, the
/// initials of the province (or commune), the year and month it starts, and a letter.
///
/// A code is typed in any case, with or without its dashes (`lc2612a`, `LC 2612 A`); a `0`
/// typed among the letters reads as `O`, an `O`, `I` or `L` among the digits as `0` and `1`.
/// The letter that ends a code is never `I` or `O`, so no two codes differ only by a character
/// that looks like another. The code is unique in a results folder (``ResultsDirectory``
/// picks the first letter free); the stable ``ClassID`` stays the record's identity.
public struct ClassCode: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The code as written: `LC-2612-A`.
  public let rawValue: String

  /// The letters a code ends with, in the order they are given out: no `I`, no `O`.
  static let suffixLetters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")

  /// The code `typed` stands for, or nil when it is not one.
  public init?(_ typed: String) {
    let characters = typed.matchKey(foldingDiacritics: true).uppercased().filter {
      $0.isLetter || $0.isNumber
    }
    let chars = Array(characters)
    guard (7...8).contains(chars.count) else { return nil }
    let prefix = chars[0..<2].map(Self.asLetter)
    let digits = chars[2..<6].map(Self.asDigit)
    let suffix = chars[6...].map(Self.asLetter)
    guard prefix.allSatisfy(Self.isLatinLetter), digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
      suffix.allSatisfy({ Self.suffixLetters.contains($0) })
    else { return nil }
    rawValue = String(prefix) + "-" + String(digits) + "-" + String(suffix)
  }

  private init(prefix: String, month: String, suffix: String) {
    rawValue = prefix + "-" + month + "-" + suffix
  }

  public var description: String { rawValue }

  public static func < (lhs: ClassCode, rhs: ClassCode) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The first code free among `taken`, for a class starting on `start` in a place called
  /// `placeName` (its first two words' initials: "Lai Châu" → `LC`); nil when every letter of
  /// the month is taken.
  public static func first(placeName: String, start: Day, taken: Set<ClassCode>) -> ClassCode? {
    let prefix = initials(of: placeName)
    let month =
      String(start.description.dropFirst(2).prefix(2)) + String(start.description.dropFirst(5).prefix(2))
    let singles = suffixLetters.map { String($0) }
    let doubles = suffixLetters.flatMap { first in suffixLetters.map { String([first, $0]) } }
    for suffix in singles + doubles {
      let code = ClassCode(prefix: prefix, month: month, suffix: suffix)
      if !taken.contains(code) { return code }
    }
    return nil
  }

  /// The `index`-th code (from 0) of a place and month, whatever is taken: for generated data,
  /// where each class has its own index.
  public static func numbered(_ index: Int, placeName: String, start: Day) -> ClassCode? {
    let letters = suffixLetters.count
    let suffix: String
    if index < letters {
      suffix = String(suffixLetters[index])
    } else if index < letters + letters * letters {
      let rest = index - letters
      suffix = String([suffixLetters[rest / letters], suffixLetters[rest % letters]])
    } else {
      return nil
    }
    let month =
      String(start.description.dropFirst(2).prefix(2)) + String(start.description.dropFirst(5).prefix(2))
    return ClassCode(prefix: initials(of: placeName), month: month, suffix: suffix)
  }

  /// Two capital letters from the words of `name` (diacritics folded, `Tỉnh`/`Thành phố`
  /// dropped); `LH` (lớp học) when it has none.
  static func initials(of name: String) -> String {
    let ignored: Set<String> = ["tinh", "thanh", "pho", "xa", "phuong", "thi", "tran", "huyen"]
    let words = name.matchKey(foldingDiacritics: true).split(whereSeparator: { !$0.isLetter })
      .map(String.init).filter { !ignored.contains($0) }
    var letters = words.compactMap(\.first).map(asLetter).filter(isLatinLetter)
    if letters.count == 1, let word = words.first, word.count > 1 {
      letters.append(asLetter(Array(word)[1]))
    }
    let two = String(letters.prefix(2)).uppercased()
    return two.count == 2 ? two : "LH"
  }

  private static func asLetter(_ character: Character) -> Character {
    switch character {
    case "0": "O"
    case "1": "I"
    default: Character(character.uppercased())
    }
  }

  private static func asDigit(_ character: Character) -> Character {
    switch character {
    case "O": "0"
    case "I", "L": "1"
    default: character
    }
  }

  private static func isLatinLetter(_ character: Character) -> Bool {
    character.isASCII && character.isLetter
  }
}

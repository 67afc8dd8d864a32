/// GIFT's escaped characters (`\~ \= \# \{ \} \:` and `\\`), swapped for private-use characters
/// while a question is split into its parts, and restored in each part's text.
enum GIFTEscapes {
  private static let pairs: [(Character, Character)] = [
    ("\\", "\u{E000}"), ("~", "\u{E001}"), ("=", "\u{E002}"), ("#", "\u{E003}"), ("{", "\u{E004}"),
    ("}", "\u{E005}"), (":", "\u{E006}"),
  ]

  /// `text` with every escape replaced by its placeholder, and `\n` by a line break.
  static func protect(_ text: String) -> String {
    guard text.contains("\\") else { return text }
    var out = ""
    var escaped = false
    for character in text {
      if escaped {
        escaped = false
        if character == "n" {
          out.append("\n")
        } else if let pair = pairs.first(where: { $0.0 == character }) {
          out.append(pair.1)
        } else {
          out.append("\\")
          out.append(character)
        }
      } else if character == "\\" {
        escaped = true
      } else {
        out.append(character)
      }
    }
    if escaped { out.append("\\") }
    return out
  }

  /// Placeholders back to the characters they stand for.
  static func restore(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { (0xE000...0xE006).contains($0.value) }) else { return text }
    var out = ""
    for character in text {
      if let pair = pairs.first(where: { $0.1 == character }) {
        out.append(pair.0)
      } else {
        out.append(character)
      }
    }
    return out
  }

  /// `text` written for GIFT: special characters escaped, line breaks as `\n`.
  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "\\", "~", "=", "#", "{", "}", ":":
        out.append("\\")
        out.append(character)
      case "\n": out += "\\n"
      case "\r\n": out += "\\n"
      default: out.append(character)
      }
    }
    return out
  }
}

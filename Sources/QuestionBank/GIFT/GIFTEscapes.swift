/// GIFT's escaped characters (`\~ \= \# \{ \} \:` and `\\`), swapped for private-use characters
/// while a question is split into its parts, and restored in each part's text. Both work on UTF-8
/// bytes: the specials and the backslash are ASCII, which no byte of a longer UTF-8 sequence is,
/// and a 10,000-question bank is many megabytes.
enum GIFTEscapes {
  private static let specials: [UInt8] = Array("\\~=#{}:".utf8)

  /// `text` with every escape replaced by its placeholder (U+E000-U+E006, in UTF-8 EE 80 80-86),
  /// and `\n` by a line break.
  static func protect(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    var escaped = false
    for byte in text.utf8 {
      if escaped {
        escaped = false
        if byte == UInt8(ascii: "n") {
          out.append(0x0A)
        } else if let index = specials.firstIndex(of: byte) {
          out += [0xEE, 0x80, 0x80 + UInt8(index)]
        } else {
          out += [UInt8(ascii: "\\"), byte]
        }
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
      } else {
        out.append(byte)
      }
    }
    if escaped { out.append(UInt8(ascii: "\\")) }
    return String(decoding: out, as: UTF8.self)
  }

  /// Placeholders back to the characters they stand for.
  static func restore(_ text: String) -> String {
    guard text.utf8.contains(0xEE) else { return text }
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0xEE, index + 2 < bytes.count, bytes[index + 1] == 0x80,
        (0x80..<0x80 + UInt8(specials.count)).contains(bytes[index + 2])
      {
        out.append(specials[Int(bytes[index + 2] - 0x80)])
        index += 3
      } else {
        out.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `text` written for GIFT: special characters escaped, line breaks as `\n`.
  static func escape(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
      if specials.contains(byte) {
        out += [UInt8(ascii: "\\"), byte]
      } else if byte == 0x0A {
        out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      } else if byte != 0x0D {
        out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

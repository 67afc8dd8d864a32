/// What Toolkit's two JSON writers (``CompactJSON`` and ``PrettyJSON``) write the same way, as
/// Foundation's `JSONEncoder` does: strings in quotes with their escapes, and numbers.
enum JSONBytes {
  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// `text` in quotes: `"` and `\` escaped (and `/` with `escapingSlashes`), control characters
  /// as `\b`, `\t`, `\n`, `\f`, `\r` or `\u00xx`, everything else as its UTF-8; runs of bytes that
  /// need no escape are copied whole.
  static func appendString(_ text: String, escapingSlashes: Bool, to bytes: inout [UInt8]) {
    bytes.append(0x22)
    var text = text
    text.withUTF8 { utf8 in
      var start = 0
      for (index, byte) in utf8.enumerated()
      where byte < 0x20 || byte == 0x22 || byte == 0x5C || (escapingSlashes && byte == 0x2F) {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        appendEscape(byte, to: &bytes)
        start = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    bytes.append(0x22)
  }

  private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
    bytes.append(0x5C)
    switch byte {
    case 0x22, 0x5C, 0x2F: bytes.append(byte)
    case 0x08: bytes.append(0x62)  // b
    case 0x09: bytes.append(0x74)  // t
    case 0x0A: bytes.append(0x6E)  // n
    case 0x0C: bytes.append(0x66)  // f
    case 0x0D: bytes.append(0x72)  // r
    default:
      bytes.append(contentsOf: [0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
    }
  }

  /// A finite number's text as `JSONEncoder` writes it: as Swift prints it, a whole number
  /// without its `.0`.
  static func numberText(_ description: String) -> String {
    description.hasSuffix(".0") ? String(description.dropLast(2)) : description
  }

  /// The error `JSONEncoder` throws for a number that is not finite.
  static func notFinite(_ value: Any, codingPath: [any CodingKey]) -> EncodingError {
    EncodingError.invalidValue(
      value,
      EncodingError.Context(
        codingPath: codingPath, debugDescription: "Unable to encode \(value) directly in JSON."))
  }
}

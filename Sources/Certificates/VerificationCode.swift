/// A certificate's short verification code: 10 characters of Crockford's base32 (digits and
/// letters without I, L, O and U, so nothing reads as another), written `7KQ2M-9XD3F`. The first
/// 50 bits of the SHA-256 of the certificate's facts: a changed fact gives another code.
///
/// Typed back in any case, with or without the dash; `O` is read as 0 and `I`, `L` as 1.
public struct VerificationCode: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The 10 characters, upper case, without the dash.
  public let characters: String

  static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

  /// The code of a digest (its first 50 bits).
  init(digest: [UInt8]) {
    var bits: UInt64 = 0
    for byte in digest.prefix(7) { bits = bits << 8 | UInt64(byte) }
    bits >>= 6  // 56 bits read, 50 kept
    var characters = ""
    for index in (0..<10).reversed() {
      characters.append(Self.alphabet[Int(bits >> UInt64(5 * index) & 31)])
    }
    self.characters = characters
  }

  /// A code as typed; nil unless it is 10 characters of the alphabet (dashes and spaces aside).
  public init?(_ typed: String) {
    var characters = ""
    for character in typed.uppercased() where character != "-" && character != " " {
      let read: Character =
        switch character {
        case "O": "0"
        case "I", "L": "1"
        default: character
        }
      guard Self.alphabet.contains(read) else { return nil }
      characters.append(read)
    }
    guard characters.count == 10 else { return nil }
    self.characters = characters
  }

  /// `7KQ2M-9XD3F`.
  public var description: String { "\(characters.prefix(5))-\(characters.suffix(5))" }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let code = VerificationCode(text) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a code"))
    }
    self = code
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

import Foundation
import Gradebook

/// Ids as a batch carries them: a UUID as 36 bytes of text, upper-case hex when written, either
/// case when read, with `-` at bytes 9, 14, 19 and 24 (what a results file's `uuid` rule
/// accepts, and nothing else: Foundation's `UUID(uuidString:)` also reads a space or a sign
/// where a digit belongs). Written and read byte by byte.
public enum WireID {
  /// `uuid` as `uuidString` writes it (upper-case).
  public static func text(_ uuid: UUID) -> String {
    let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
    return withUnsafeBytes(of: uuid.uuid) { raw in
      String(unsafeUninitializedCapacity: 36) { buffer in
        var at = 0
        for (index, byte) in raw.enumerated() {
          if index == 4 || index == 6 || index == 8 || index == 10 {
            buffer[at] = 0x2D
            at += 1
          }
          buffer[at] = digits[Int(byte >> 4)]
          buffer[at + 1] = digits[Int(byte & 0xF)]
          at += 2
        }
        return at
      }
    }
  }

  /// The UUID `text` names, or nil when it is not exactly 36 bytes of hex digits (either case)
  /// and dashes in their places: Gradebook's reading of an id in a results file.
  public static func uuid(_ text: String) -> UUID? {
    var text = text
    return text.withUTF8 { UUID(canonicalText: $0) }
  }
}

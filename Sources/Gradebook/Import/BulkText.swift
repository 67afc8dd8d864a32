import Curriculum
import Foundation
import Toolkit
import VietnameseText

/// Fast spellings of what bulk import stores: timestamps as GRDB stores dates
/// (`YYYY-MM-DD HH:MM:SS.SSS`, UTC, to the millisecond), and NFC that skips ASCII text.
public enum BulkText {
  /// `date` as GRDB writes it, without a date formatter (millions of answers are written).
  public static func timestamp(_ date: Date) -> String {
    let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    let (days, rest) = Day.split(millisecondsSince1970: milliseconds)
    let (year, month, day) = Day.civil(daysSince1970: days)
    let hour = rest / 3_600_000
    let minute = rest / 60_000 % 60
    let second = rest / 1000 % 60
    let millisecond = rest % 1000
    var bytes = [UInt8]()
    bytes.reserveCapacity(23)
    func append(_ value: Int64, width: Int) {
      var digits = [UInt8](repeating: 0x30, count: width)
      var value = value
      for index in stride(from: width - 1, through: 0, by: -1) {
        digits[index] = 0x30 + UInt8(value % 10)
        value /= 10
      }
      bytes += digits
    }
    append(year, width: 4)
    bytes.append(0x2D)
    append(month, width: 2)
    bytes.append(0x2D)
    append(day, width: 2)
    bytes.append(0x20)
    append(hour, width: 2)
    bytes.append(0x3A)
    append(minute, width: 2)
    bytes.append(0x3A)
    append(second, width: 2)
    bytes.append(0x2E)
    append(millisecond, width: 3)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// NFC, with ASCII text (ids, JSON of choices) passed through untouched.
  static func nfc(_ text: String) -> String {
    text.utf8.allSatisfy { $0 < 0x80 } ? text : text.nfc
  }

  /// The question id in NFC, an ASCII one untouched.
  static func nfc(_ id: QuestionID) -> QuestionID {
    id.rawValue.utf8.allSatisfy { $0 < 0x80 } ? id : id.nfc
  }
}

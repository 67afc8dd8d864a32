import Foundation
internal import GRDB
import Toolkit
import Units

/// A value a ``ColumnRule`` checks: what a column of a results file holds (SQLite's text,
/// integer, real or null), or a list of ids as a record or a batch carries it before it is
/// stored as a JSON list. A list keeps ``ColumnRule/idList(maximumCount:maximumBytes:)`` exactly
/// when its JSON text would.
public enum ColumnValue: Sendable, Hashable {
  case text(String)
  case integer(Int64)
  case real(Double)
  case null
  case list([String])

  /// A moment as a results file stores it (GRDB's `yyyy-MM-dd HH:mm:ss.SSS`, UTC); a moment
  /// whose year has not four digits is no text the timestamp rule takes (as GRDB's is not).
  public static func moment(_ date: Date) -> ColumnValue {
    // 0001-01-01 and 10000-01-01 00:00:00 UTC.
    guard (-62_135_596_800.0..<253_402_300_800.0).contains(date.timeIntervalSince1970) else {
      return .text("")
    }
    return .text(BulkText.timestamp(date))
  }

  /// A stored value; nil for a blob, which no rule takes.
  init?(_ value: DatabaseValue) {
    switch value.storage {
    case .null: self = .null
    case .int64(let number): self = .integer(number)
    case .double(let number): self = .real(number)
    case .string(let text): self = .text(text)
    case .blob: return nil
    }
  }
}

extension ColumnRule {
  /// Whether a value keeps the rule (nulls aside: whether a column may be null is its spec's):
  /// the Swift face of `sqlViolation(_:)`.
  public func accepts(_ value: ColumnValue) -> Bool {
    switch (self, value) {
    case (.uuid, .text(let text)): return Self.isUUID(text)
    case (.text(let maximum, let nonEmpty), .text(let text)):
      return text.utf8.count <= maximum && (!nonEmpty || !text.isEmpty)
    case (.timestamp(let earliest, let latest), .text(let text)):
      return Self.isTimestamp(text) && text.prefix(10) >= earliest && text.prefix(10) <= latest
    case (.day, .text(let text)): return Day(text) != nil
    case (.number(let range), .real(let number)): return range.contains(number)
    case (.number(let range), .integer(let number)): return range.contains(Double(number))
    case (.integer(let range), .integer(let number)): return range.contains(number)
    case (.boolean, .integer(let number)): return number == 0 || number == 1
    case (.oneOf(let values), .text(let text)): return values.contains(text)
    case (.decimalUInt64, .text(let text)):
      return text.utf8.count <= 40 && !text.isEmpty && UInt64(text) != nil
    case (.idList(let count, let bytes), .text(let text)):
      guard let list = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else { return false }
      return Self.keepsIDList(list, count: count, bytes: bytes)
    case (.idList(let count, let bytes), .list(let list)):
      return Self.keepsIDList(list, count: count, bytes: bytes)
    case (.unitCode, .text(let text)): return UnitCode.isValid(text)
    case (.classCode, .text(let text)): return text.isEmpty || ClassCode(text)?.rawValue == text
    default: return false
    }
  }

  /// Whether a stored value keeps the rule.
  func accepts(_ value: DatabaseValue) -> Bool {
    ColumnValue(value).map(accepts) ?? false
  }

  private static func keepsIDList(_ list: [String], count: Int, bytes: Int) -> Bool {
    list.count <= count && list.allSatisfy { $0.utf8.count <= bytes }
  }
}

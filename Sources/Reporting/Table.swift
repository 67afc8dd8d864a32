import Foundation
import Toolkit

/// A cell of an exported table: text or a number, kept apart so spreadsheets get numbers as
/// numbers and text as text (never as a formula).
public enum Cell: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
  ExpressibleByIntegerLiteral
{
  case text(String)
  case number(Double)
  /// A code made of digits (a commune code `03478`, an id): always text, its leading zeros kept.
  /// A workbook writes it as a text cell; a CSV file for spreadsheets puts an invisible word
  /// joiner (U+2060) before an all-digit code, the only way a CSV file can keep a spreadsheet
  /// from reading `03478` as the number 3478 (``CSVWriter/protectsCodes``).
  case code(String)
  /// A wall-clock moment, as seconds since 1970-01-01 00:00 in the time it is shown in (the
  /// zone's offset already added): a date-time cell in a workbook, `2026-10-15 08:31:00` in CSV.
  case dateTime(Int64)
  case empty

  public init(stringLiteral value: String) { self = .text(value) }
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }

  /// The date-time cell of `date` as shown in a zone `offset` seconds ahead of UTC, to the second
  /// (rounded down).
  public static func dateTime(_ date: Date, offset: Int) -> Cell {
    .dateTime(Int64((date.timeIntervalSince1970).rounded(.down)) + Int64(offset))
  }

  /// `2026-10-15 08:31:00`: a ``dateTime(_:)`` cell's seconds as text.
  public static func dateTimeText(_ seconds: Int64) -> String {
    String(unsafeUninitializedCapacity: 19) { buffer in
      writeDateTime(seconds, into: buffer)
      return 19
    }
  }

  /// Appends `yyyy-MM-dd HH:mm:ss` of wall-clock seconds since 1970.
  static func appendDateTime(_ seconds: Int64, to bytes: inout [UInt8]) {
    // Made in a small buffer and appended at once: an export writes a time on each of its
    // hundreds of thousands of answers.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 19) { text in
      writeDateTime(seconds, into: text)
      bytes.append(contentsOf: UnsafeBufferPointer(text))
    }
  }

  /// Writes `yyyy-MM-dd HH:mm:ss` of wall-clock seconds since 1970 into the first 19 bytes of
  /// `text`.
  static func writeDateTime(_ seconds: Int64, into text: UnsafeMutableBufferPointer<UInt8>) {
    var days = seconds / 86_400
    var rest = seconds - days * 86_400
    if rest < 0 {
      days -= 1
      rest += 86_400
    }
    let (year, month, day) = Day.civil(daysSince1970: days)
    /// The last `width` decimal digits of `value` at `start`, leading zeros kept.
    func put(_ value: Int64, _ width: Int, at start: Int) {
      var remaining = value
      for index in stride(from: start + width - 1, through: start, by: -1) {
        text[index] = UInt8(truncatingIfNeeded: 0x30 + remaining % 10)
        remaining /= 10
      }
    }
    put(year, 4, at: 0)
    text[4] = 0x2D
    put(month, 2, at: 5)
    text[7] = 0x2D
    put(day, 2, at: 8)
    text[10] = 0x20
    put(rest / 3600, 2, at: 11)
    text[13] = 0x3A
    put(rest / 60 % 60, 2, at: 14)
    text[16] = 0x3A
    put(rest % 60, 2, at: 17)
  }
}

/// A named table with a header row, the unit every exporter writes.
///
/// Its rows are either stored or made on demand by a function of the row's index: a table of a
/// class's 170,000 answers is never held whole, each writer makes its rows as it writes them (on
/// every core), and each row is freed once written.
public struct Table: Sendable, Hashable {
  public var name: String
  public var header: [String]
  /// How many rows there are, the header not counted.
  public let rowCount: Int
  private let makeRow: @Sendable (Int) -> [Cell]
  /// Gives row `index`'s cells one by one, when the table was made so (without an array per row).
  private let giveCells: (@Sendable (Int, (Cell) -> Void) -> Void)?

  /// A table of the rows given.
  public init(name: String, header: [String], rows: [[Cell]]) {
    self.name = name
    self.header = header
    rowCount = rows.count
    makeRow = { rows[$0] }
    giveCells = nil
  }

  /// A table of `count` rows, row `index` made by `row(index)` each time it is asked for (from
  /// several threads at once).
  public init(name: String, header: [String], count: Int, row: @escaping @Sendable (Int) -> [Cell]) {
    self.name = name
    self.header = header
    rowCount = count
    makeRow = row
    giveCells = nil
  }

  /// A table of `count` rows whose row `index` is given cell by cell, in order, by
  /// `cells(index, take)` calling `take` for each (from several threads at once): a writer that
  /// takes cells one by one (``forEachCell(ofRow:_:)``) then makes no array per row.
  public init(
    name: String, header: [String], count: Int, cells: @escaping @Sendable (Int, (Cell) -> Void) -> Void
  ) {
    self.name = name
    self.header = header
    rowCount = count
    makeRow = { index in
      var row: [Cell] = []
      row.reserveCapacity(header.count)
      cells(index) { row.append($0) }
      return row
    }
    giveCells = cells
  }

  /// Row `index` (0 is the first row after the header).
  public func row(_ index: Int) -> [Cell] { makeRow(index) }

  /// `body` on each cell of row `index`, in order.
  public func forEachCell(ofRow index: Int, _ body: (Cell) -> Void) {
    if let giveCells {
      giveCells(index, body)
    } else {
      for cell in makeRow(index) { body(cell) }
    }
  }

  /// Every row, made now.
  public var rows: [[Cell]] { (0..<rowCount).map(makeRow) }

  public static func == (first: Table, second: Table) -> Bool {
    first.name == second.name && first.header == second.header && first.rows == second.rows
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(header)
    hasher.combine(rowCount)
  }
}

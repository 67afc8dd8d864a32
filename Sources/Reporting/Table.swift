/// A cell of an exported table: text or a number, kept apart so spreadsheets get numbers as
/// numbers and text as text (never as a formula).
public enum Cell: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
  ExpressibleByIntegerLiteral
{
  case text(String)
  case number(Double)
  case empty

  public init(stringLiteral value: String) { self = .text(value) }
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
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

  /// A table of the rows given.
  public init(name: String, header: [String], rows: [[Cell]]) {
    self.name = name
    self.header = header
    rowCount = rows.count
    makeRow = { rows[$0] }
  }

  /// A table of `count` rows, row `index` made by `row(index)` each time it is asked for (from
  /// several threads at once).
  public init(name: String, header: [String], count: Int, row: @escaping @Sendable (Int) -> [Cell]) {
    self.name = name
    self.header = header
    rowCount = count
    makeRow = row
  }

  /// Row `index` (0 is the first row after the header).
  public func row(_ index: Int) -> [Cell] { makeRow(index) }

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

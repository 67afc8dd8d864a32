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
public struct Table: Sendable, Hashable {
  public var name: String
  public var header: [String]
  public var rows: [[Cell]]

  public init(name: String, header: [String], rows: [[Cell]]) {
    self.name = name
    self.header = header
    self.rows = rows
  }
}

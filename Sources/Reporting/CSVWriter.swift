import Foundation

/// Writes a ``Table`` as CSV that Excel on Windows opens correctly with Vietnamese text, and that
/// no cell can turn into a formula.
///
/// - UTF-8 with a byte-order mark by default (Excel needs it to read UTF-8); `plain` omits it.
/// - A text cell whose first character is `=`, `+`, `-`, `@`, tab or carriage return is written
///   with a leading apostrophe, so "=HYPERLINK(...)" shows as text. Quoting alone does not
///   protect a cell.
/// - Numbers are written as numbers (a negative score stays a number), with a dot as decimal mark.
public struct CSVWriter: Sendable {
  public var byteOrderMark: Bool
  public var separator: Character

  public init(byteOrderMark: Bool = true, separator: Character = ",") {
    self.byteOrderMark = byteOrderMark
    self.separator = separator
  }

  public func data(for table: Table) -> Data {
    var text = byteOrderMark ? "\u{FEFF}" : ""
    text += line(table.header.map(Cell.text))
    for row in table.rows { text += line(row) }
    return Data(text.utf8)
  }

  private func line(_ cells: [Cell]) -> String {
    cells.map(field).joined(separator: String(separator)) + "\r\n"
  }

  func field(_ cell: Cell) -> String {
    switch cell {
    case .empty: return ""
    case .number(let value): return Self.format(value)
    case .text(let raw):
      var text = raw.precomposedStringWithCanonicalMapping
      if let first = text.unicodeScalars.first, Self.formulaTriggers.contains(first) {
        text = "'" + text
      }
      let needsQuotes = text.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }
      return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
  }

  static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  /// A number without a needless ".0", with up to 6 decimals.
  static func format(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
    var text = String(format: "%.6f", value)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }
}

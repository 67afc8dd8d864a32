import Foundation
import VietnameseText

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
    var bytes: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
    bytes.reserveCapacity(64 * (table.rows.count + 1) * max(1, table.header.count))
    append(table.header.map(Cell.text), to: &bytes)
    for row in table.rows { append(row, to: &bytes) }
    return Data(bytes)
  }

  /// One line, built as UTF-8 bytes: exports of thousands of rows spend their time here.
  private func append(_ cells: [Cell], to bytes: inout [UInt8]) {
    let separatorBytes = Array(String(separator).utf8)
    for (index, cell) in cells.enumerated() {
      if index > 0 { bytes += separatorBytes }
      append(cell, to: &bytes, separatorBytes: separatorBytes)
    }
    bytes += [0x0D, 0x0A]
  }

  func field(_ cell: Cell) -> String {
    var bytes: [UInt8] = []
    let separatorBytes = Array(String(separator).utf8)
    append(cell, to: &bytes, separatorBytes: separatorBytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  private func append(_ cell: Cell, to bytes: inout [UInt8], separatorBytes: [UInt8]) {
    switch cell {
    case .empty: return
    case .number(let value): bytes += Self.format(value).utf8
    case .text(let raw):
      let text = raw.nfc
      let guarded = text.unicodeScalars.first.map { Self.formulaTriggers.contains($0) } ?? false
      let utf8 = text.utf8
      let single = separatorBytes.count == 1 ? separatorBytes[0] : nil
      let needsQuotes =
        utf8.contains { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == single }
        || (single == nil && text.contains(separator))
      if needsQuotes { bytes.append(0x22) }
      if guarded { bytes.append(0x27) }
      for byte in utf8 {
        bytes.append(byte)
        if byte == 0x22 { bytes.append(0x22) }
      }
      if needsQuotes { bytes.append(0x22) }
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

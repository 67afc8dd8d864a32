import Foundation
import Toolkit
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
  /// Whether an all-digit ``Cell/code(_:)`` gets an invisible word joiner (U+2060) in front, so a
  /// spreadsheet shows `03478` as text rather than the number 3478. Off for files meant for
  /// other programs (`--plain`), which read the code as written.
  public var protectsCodes: Bool

  public init(byteOrderMark: Bool = true, separator: Character = ",", protectsCodes: Bool? = nil) {
    self.byteOrderMark = byteOrderMark
    self.separator = separator
    self.protectsCodes = protectsCodes ?? byteOrderMark
  }

  public func data(for table: Table) -> Data {
    let parts = parts(for: table)
    var data = Data(capacity: parts.reduce(0) { $0 + $1.count })
    for part in parts { data.append(contentsOf: part) }
    return data
  }

  /// The file's bytes in parts, one after the other (the byte-order mark and header first): what
  /// ``data(for:)`` joins, for writing a big table without joining it first.
  public func parts(for table: Table) -> [[UInt8]] {
    var encoder = Encoder(separator: separator, protectsCodes: protectsCodes)
    var head: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
    encoder.append(table.header.map(Cell.text), to: &head)
    // Lines do not depend on each other: a big table is made and written in parts, on every core.
    let count = table.rowCount
    let parts = count < 20_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 4
    let size = (count + parts - 1) / max(parts, 1)
    let separator = self.separator
    let protectsCodes = self.protectsCodes
    let width = max(1, table.header.count)
    let encoded = concurrentMap(Array(0..<parts)) { part -> [UInt8] in
      let rows = min(part * size, count)..<min((part + 1) * size, count)
      var encoder = Encoder(separator: separator, protectsCodes: protectsCodes)
      var bytes: [UInt8] = []
      bytes.reserveCapacity(24 * rows.count * width)
      for index in rows {
        encoder.append(row: index, of: table, to: &bytes)
        // The part's size as its first rows tell, with an eighth more: the bytes are copied
        // once now rather than each time the array outgrows itself (a 74 MB answers file).
        if index == rows.lowerBound + 63 {
          bytes.reserveCapacity(bytes.count / 64 * rows.count / 8 * 9)
        }
      }
      return bytes
    }
    return [head] + encoded
  }

  func field(_ cell: Cell) -> String {
    var bytes: [UInt8] = []
    var encoder = Encoder(separator: separator, protectsCodes: protectsCodes)
    encoder.append(cell, column: 0, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Builds lines as UTF-8 bytes: exports of hundreds of thousands of rows spend their time here.
  /// A text met again in its column (a question's text on each answer to it) is copied from where
  /// it was first written instead of being checked and escaped again.
  private struct Encoder {
    let separator: Character
    let protectsCodes: Bool
    let separatorBytes: [UInt8]
    /// The separator when it is one byte (a comma, a semicolon, a tab).
    let single: UInt8?
    /// Where each text already written is, in the output.
    var memo = TextMemo<Range<Int>>()

    init(separator: Character, protectsCodes: Bool) {
      self.separator = separator
      self.protectsCodes = protectsCodes
      separatorBytes = Array(String(separator).utf8)
      single = separatorBytes.count == 1 ? separatorBytes[0] : nil
    }

    mutating func append(_ cells: [Cell], to bytes: inout [UInt8]) {
      for (index, cell) in cells.enumerated() {
        if index > 0 { bytes += separatorBytes }
        append(cell, column: index, to: &bytes)
      }
      bytes.append(0x0D)
      bytes.append(0x0A)
    }

    /// Appends row `index` of `table` as a line, its cells encoded as the table gives them.
    mutating func append(row index: Int, of table: Table, to bytes: inout [UInt8]) {
      var column = 0
      table.forEachCell(ofRow: index) { cell in
        if column > 0 {
          if let single { bytes.append(single) } else { bytes += separatorBytes }
        }
        append(cell, column: column, to: &bytes)
        column += 1
      }
      bytes.append(0x0D)
      bytes.append(0x0A)
    }

    mutating func append(_ cell: Cell, column: Int, to bytes: inout [UInt8]) {
      switch cell {
      case .empty: return
      case .number(let value): NumberText.append(value, to: &bytes)
      case .dateTime(let seconds): Cell.appendDateTime(seconds, to: &bytes)
      case .code(let code):
        let digits = !code.isEmpty && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        if digits {
          if protectsCodes { bytes += Self.wordJoiner }
          bytes += code.utf8
        } else {
          append(.text(code), column: column, to: &bytes)
        }
      case .text(let text):
        if let range = memo.value(for: text, column: column) {
          bytes.appendCopy(of: range)
          return
        }
        let start = bytes.count
        appendEscaped(text, to: &bytes)
        memo.store(start..<bytes.count, for: text, column: column)
      }
    }

    private func appendEscaped(_ raw: String, to bytes: inout [UInt8]) {
      raw.withUTF8Bytes { utf8 in
        var ascii = true
        var needsQuotes = false
        for byte in utf8 {
          if byte >= 0x80 { ascii = false }
          if byte == 0x22 || byte == 0x0A || byte == 0x0D || byte == single { needsQuotes = true }
        }
        // Precomposed Vietnamese passes a scalar range test; other text may need normalising.
        if single == nil || (!ascii && !raw.isCertainlyNFC) {
          appendSlowly(raw.nfc, to: &bytes)
          return
        }
        // First scalar a formula trigger: all of them are ASCII, so the first byte tells.
        let guarded = utf8.first.map { Self.formulaTriggerBytes.contains($0) } ?? false
        if needsQuotes { bytes.append(0x22) }
        if guarded { bytes.append(0x27) }
        if needsQuotes {
          // Runs between quotes copied whole, each quote doubled.
          var start = utf8.startIndex
          for index in utf8.indices where utf8[index] == 0x22 {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...index]))
            bytes.append(0x22)
            start = index + 1
          }
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        } else {
          bytes.append(contentsOf: utf8)
        }
        if needsQuotes { bytes.append(0x22) }
      }
    }

    /// Text that was normalised here, or a separator of more than one byte.
    private func appendSlowly(_ text: String, to bytes: inout [UInt8]) {
      let guarded = text.unicodeScalars.first.map { CSVWriter.formulaTriggers.contains($0) } ?? false
      let utf8 = text.utf8
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

    /// U+2060 WORD JOINER in UTF-8: invisible, and it makes a spreadsheet read digits as text.
    static let wordJoiner: [UInt8] = [0xE2, 0x81, 0xA0]

    static let formulaTriggerBytes: [UInt8] = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]
  }

  static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  /// A number without a needless ".0", with up to 6 decimals.
  static func format(_ value: Double) -> String { NumberText.formatted(value) }
}

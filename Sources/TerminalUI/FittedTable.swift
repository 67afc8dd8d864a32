/// A table laid out to a terminal's width, so that every cell can be read:
/// - on one line per row, columns aligned, when the table fits;
/// - with cells wrapped inside their columns when every column can hold its longest word;
/// - else as records, one per row, each cell on its own line as `header: value`.
///
/// Cells may hold ANSI styles; they count nothing in the width.
public struct FittedTable: Sendable {
  /// How the table came out.
  public enum Shape: Sendable, Equatable {
    case aligned, wrapped, records
  }

  public var header: [String]
  public var rows: [[String]]
  public var width: Int
  /// Between two columns.
  public var gap = "  "

  public init(header: [String], rows: [[String]], width: Int) {
    self.header = header
    self.rows = rows
    self.width = max(10, width)
  }

  private var columns: Int { max(header.count, rows.map(\.count).max() ?? 0) }

  private func cell(_ row: [String], _ column: Int) -> String { column < row.count ? row[column] : "" }

  private var allRows: [[String]] { [header] + rows }

  /// The shape the width allows.
  public var shape: Shape {
    let room = width - TextWrapper.visibleWidth(gap) * (columns - 1)
    if naturalWidths.reduce(0, +) <= room { return .aligned }
    if readableWidths.reduce(0, +) <= room { return .wrapped }
    return .records
  }

  /// Each column's widest cell.
  var naturalWidths: [Int] {
    (0..<columns).map { column in allRows.map { TextWrapper.visibleWidth(cell($0, column)) }.max() ?? 0 }
  }

  /// Each column's narrowest readable width: its longest word, and at least 8 columns unless the
  /// column is narrower anyway.
  var readableWidths: [Int] {
    (0..<columns).map { column in
      let longestWord =
        allRows.flatMap { cell($0, column).split(separator: " ") }.map(TextWrapper.visibleWidth).max() ?? 0
      return max(longestWord, min(naturalWidths[column], 8))
    }
  }

  /// The table's lines, header and rule first (records: one block per row, blank lines between).
  public func lines(style: Style = Style(enabled: false)) -> [String] {
    switch shape {
    case .aligned: return grid(widths: naturalWidths, style: style)
    case .wrapped: return grid(widths: wrappedWidths, style: style)
    case .records: return records(style: style)
    }
  }

  /// The readable widths, with the room left over shared in proportion to what each column
  /// would need to sit on one line.
  private var wrappedWidths: [Int] {
    let room = width - TextWrapper.visibleWidth(gap) * (columns - 1)
    var widths = readableWidths
    let wanted = zip(naturalWidths, widths).map { $0 - $1 }
    let spare = room - widths.reduce(0, +)
    let totalWanted = max(1, wanted.reduce(0, +))
    for column in widths.indices { widths[column] += spare * wanted[column] / totalWanted }
    return widths
  }

  private func grid(widths: [Int], style: Style) -> [String] {
    var lines = gridRow(header.map { style.bold($0) }, widths: widths)
    lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: gap))
    let wraps = rows.contains { row in
      (0..<columns).contains { TextWrapper.visibleWidth(cell(row, $0)) > widths[$0] }
    }
    for (index, row) in rows.enumerated() {
      if wraps, index > 0 { lines.append("") }
      lines += gridRow(row, widths: widths)
    }
    return lines
  }

  private func gridRow(_ row: [String], widths: [Int]) -> [String] {
    let cells = (0..<columns).map { column in
      TextWrapper(columnWidth: widths[column]).wrap(cell(row, column), firstPrefix: "", restPrefix: "")
    }
    let height = cells.map(\.count).max() ?? 1
    return (0..<height).map { lineIndex in
      let parts = (0..<columns).map { column in
        lineIndex < cells[column].count ? cells[column][lineIndex] : ""
      }
      let padded = parts.enumerated().map { column, part in
        column == columns - 1 ? part : TextWrapper.pad(part, to: widths[column])
      }
      return String(padded.joined(separator: gap).reversed().drop(while: { $0 == " " }).reversed())
    }
  }

  private func records(style: Style) -> [String] {
    var lines: [String] = []
    let wrapper = TextWrapper(width: width)
    for (index, row) in rows.enumerated() {
      if index > 0 { lines.append("") }
      for column in 0..<columns where !cell(row, column).isEmpty {
        let label = cell(header, column).isEmpty ? "" : style.bold(cell(header, column)) + ": "
        let first = column == 0 ? "• " : "  "
        lines += wrapper.wrap(cell(row, column), firstPrefix: first + label, restPrefix: "    ")
      }
    }
    return lines
  }
}

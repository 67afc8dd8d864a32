import VietnameseText

/// A table for a terminal: cells padded by display width, so Vietnamese letters with their marks
/// (and wide characters) line up, columns two spaces apart. The one table of papi-train's
/// terminal output (reports, rosters, units, course coverage).
public struct TextTable: Sendable {
  /// How a column's cells sit in its width.
  public enum Alignment: Sendable {
    case left, right
  }

  /// The rows, the first usually the header; rows may be shorter than the widest.
  public var rows: [[String]]
  /// Per column; columns beyond the list are left-aligned.
  public var alignments: [Alignment]
  /// Between two columns.
  public var gap: String

  public init(_ rows: [[String]], alignments: [Alignment] = [], gap: String = "  ") {
    self.rows = rows
    self.alignments = alignments
    self.gap = gap
  }

  /// Each column's width: its widest cell's display width.
  public var columnWidths: [Int] {
    let columns = rows.map(\.count).max() ?? 0
    return (0..<columns).map { column in
      rows.map { column < $0.count ? $0[column].displayWidth : 0 }.max() ?? 0
    }
  }

  /// The table's lines. A left-aligned last cell of a row is not padded (no trailing spaces).
  public var lines: [String] {
    let widths = columnWidths
    return rows.map { cells in
      cells.enumerated().map { index, cell in
        switch alignment(index) {
        case .right:
          String(repeating: " ", count: max(0, widths[index] - cell.displayWidth)) + cell
        case .left:
          index == cells.count - 1 ? cell : cell.padded(toDisplayWidth: widths[index])
        }
      }.joined(separator: gap)
    }
  }

  /// A rule under the header: each column's width in `character`.
  public func rule(_ character: Character = "-") -> String {
    columnWidths.map { String(repeating: character, count: $0) }.joined(separator: gap)
  }

  private func alignment(_ column: Int) -> Alignment {
    column < alignments.count ? alignments[column] : .left
  }
}

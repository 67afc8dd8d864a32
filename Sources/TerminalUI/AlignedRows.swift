import VietnameseText

/// Rows of cells in columns padded by display width (Vietnamese letters with their marks count
/// once), two spaces apart; the last cell of a row is not padded.
public struct AlignedRows: Sendable {
  public var rows: [[String]]
  /// Written before every row.
  public var indent: String

  public init(_ rows: [[String]], indent: String = "") {
    self.rows = rows
    self.indent = indent
  }

  /// The rows as lines.
  public var lines: [String] {
    guard let columns = rows.map(\.count).max() else { return [] }
    let widths = (0..<columns).map { column in
      rows.map { column < $0.count ? $0[column].displayWidth : 0 }.max() ?? 0
    }
    return rows.map { cells in
      indent
        + cells.enumerated().map { index, cell in
          index == cells.count - 1 ? cell : cell.padded(toDisplayWidth: widths[index])
        }.joined(separator: "  ")
    }
  }
}

import Foundation
import TerminalUI
import VietnameseText

/// The leaders' readiness view for a terminal: communes as rows, dimensions as columns, each cell
/// the readiness score coloured in four bands fixed on the scale, "—" where data are
/// insufficient, with each commune's status, officials trained and latest results, and the
/// province row; a legend; and a bar chart for one commune against the province average.
public struct TerminalReadiness: Sendable {
  /// Colours the bands (TerminalUI's rule: a terminal, no NO_COLOR, no `--no-color`).
  public var style: Style

  public init(style: Style) {
    self.style = style
  }

  /// Without colour, or with colour on every cell.
  public init(useColor: Bool) {
    self.init(style: Style(enabled: useColor))
  }

  private func paint(_ text: String, band: String) -> String {
    switch band {
    case "b1": style.highlight(text, .green)
    case "b2": style.highlight(text, .lightGreen)
    case "b3": style.highlight(text, .yellow)
    case "b4": style.highlight(text, .red)
    default: style.dim(text)
    }
  }

  /// The mark of each status in the first column: trained, some results, no results.
  public static let statusMarks: [DashboardData.CollectionStatus: String] = [
    .trained: "●", .someResults: "◐", .noResults: "○",
  ]

  /// The compact table, `width` columns at most: a status mark, the name (shortened with "…"
  /// when needed), the score per dimension (coloured in fixed bands, `insufficientMark` where
  /// the data are insufficient), the total when every dimension is shown, officials trained of
  /// the roster and the day of the latest answer received; then the province row.
  public func table(_ data: DashboardData, insufficientMark: String = "—", width: Int = 80) -> [String] {
    let cellWidth = 5
    let showTotal = data.communes.contains { $0.total != nil }
    let totalWidth = max(cellWidth, data.labels.total.displayWidth + 1)
    let officials = data.communes.map { "\($0.trainedOfficials)/\($0.rosterOfficials)" }
    let province = data.province.map { "\($0.trainedOfficials)/\($0.rosterOfficials)" }
    let officialsWidth =
      ([data.labels.trainedColumn] + officials + [province].compactMap { $0 }).map(\.displayWidth).max()! + 1
    let lastWidth = max(data.labels.lastColumn.displayWidth, 10) + 1
    let fixed =
      2 + cellWidth * data.dimensions.count + (showTotal ? totalWidth : 0) + officialsWidth + lastWidth
    let names = data.communes.map(\.name) + [data.labels.commune] + [data.province?.name].compactMap { $0 }
    let nameWidth = min(names.map(\.displayWidth).max() ?? 0, max(10, width - fixed))
    func right(_ text: String, _ width: Int) -> String {
      String(repeating: " ", count: max(0, width - text.displayWidth)) + text
    }
    var header =
      "  " + data.labels.commune.shortened(toDisplayWidth: nameWidth).padded(toDisplayWidth: nameWidth)
    for dimension in data.dimensions { header += right(dimension.code, cellWidth) }
    if showTotal { header += right(data.labels.total, totalWidth) }
    header += right(data.labels.trainedColumn, officialsWidth) + right(data.labels.lastColumn, lastWidth)
    let rule = String(repeating: "─", count: nameWidth + fixed)
    var lines = [header, rule]
    for (index, commune) in data.communes.enumerated() {
      var line = (Self.statusMarks[commune.status] ?? " ") + " "
      line += commune.name.shortened(toDisplayWidth: nameWidth).padded(toDisplayWidth: nameWidth)
      line += scoreCells(data.dimensions.map { commune.scores[$0.code] ?? nil }, data, insufficientMark)
      if showTotal {
        line += right(commune.total.map { String(format: "%.1f", $0) } ?? insufficientMark, totalWidth)
      }
      line +=
        right(officials[index], officialsWidth) + right(commune.lastReceived ?? insufficientMark, lastWidth)
      lines.append(line)
    }
    guard let summary = data.province else { return lines }
    var line = "  " + summary.name.shortened(toDisplayWidth: nameWidth).padded(toDisplayWidth: nameWidth)
    let averages = data.dimensions.map { summary.averages[$0.code] ?? nil }
    line += scoreCells(averages, data, insufficientMark)
    if showTotal {
      let complete = averages.allSatisfy { $0 != nil } && data.dimensions.count == summary.averages.count
      line += right(
        complete ? String(format: "%.1f", averages.compactMap { $0 }.reduce(0, +)) : "", totalWidth)
    }
    line += right(province ?? "", officialsWidth) + right(summary.lastReceived ?? insufficientMark, lastWidth)
    return lines + [rule, line]
  }

  /// One score per dimension, right-aligned in five columns and painted in its band.
  private func scoreCells(_ scores: [Double?], _ data: DashboardData, _ insufficientMark: String) -> String {
    scores.map { score in
      guard let score else {
        return style.dim(String(repeating: " ", count: 5 - insufficientMark.displayWidth) + insufficientMark)
      }
      let text = String(format: "%.1f", score)
      return " "
        + paint(String(repeating: " ", count: max(0, 4 - text.count)) + text, band: data.bands.band(score))
    }.joined()
  }

  /// The legend printed under the table: the four bands with the scores each covers (each in its
  /// colour), then the status marks.
  public func legend(_ data: DashboardData) -> [String] {
    let bands = zip(data.bands.ranges, data.labels.bandNames).map { band, name in
      paint("■ \(band.range) \(name)", band: band.band)
    }
    let marks = DashboardData.CollectionStatus.allCases.enumerated().map { index, status in
      "\(Self.statusMarks[status] ?? "") \(data.labels.statusNames[index])"
    }
    return [bands.joined(separator: "  "), marks.joined(separator: "  ")]
  }

  /// One commune's scores as horizontal bars, with the province average marked `|`.
  public func bars(for commune: DashboardData.Commune, in data: DashboardData, width: Int = 30) -> [String] {
    let span = data.scale.upperBound - data.scale.lowerBound
    let nameWidth = min(36, data.dimensions.map(\.name.displayWidth).max() ?? 0)
    var lines: [String] = []
    let averages = data.averages
    for dimension in data.dimensions {
      let name =
        dimension.name.displayWidth > nameWidth
        ? String(dimension.name.prefix(nameWidth - 1)) + "…" : dimension.name
      var line = dimension.code.padded(toDisplayWidth: 4) + name.padded(toDisplayWidth: nameWidth) + " "
      let average = averages[dimension.code] ?? nil
      guard let score = commune.scores[dimension.code] ?? nil else {
        line += data.labels.insufficient
        lines.append(line)
        continue
      }
      let filled = Int(((score - data.scale.lowerBound) / span * Double(width)).rounded())
      var bar = Array(
        String(repeating: "█", count: filled) + String(repeating: "·", count: max(0, width - filled)))
      if let average {
        let mark = min(
          width - 1, max(0, Int(((average - data.scale.lowerBound) / span * Double(width)).rounded())))
        bar[mark] = "|"
      }
      line += String(bar) + " " + String(format: "%.1f", score)
      lines.append(line)
    }
    return lines
  }
}

extension String {
  /// The text cut to `width` terminal columns, ending in "…" when cut.
  func shortened(toDisplayWidth width: Int) -> String {
    guard displayWidth > width else { return self }
    var result = ""
    for character in self {
      guard (result + String(character)).displayWidth < width else { break }
      result.append(character)
    }
    return result + "…"
  }
}

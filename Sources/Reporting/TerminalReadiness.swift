import TerminalUI
import VietnameseText

/// The leaders' readiness view for a terminal: communes as rows, dimensions as columns, each cell
/// the readiness score with its coverage, coloured in PAPI's four bands, "—" where data are
/// insufficient; and a bar chart for one commune.
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

  /// The table; `insufficientMark` stands where a score would be.
  public func table(_ data: DashboardData, insufficientMark: String = "—") -> [String] {
    let renderer = DashboardRenderer()
    let cuts = renderer.quartiles(data)
    let nameWidth = max(data.labels.commune.displayWidth, data.communes.map(\.name.displayWidth).max() ?? 0)
    let cellWidth = 11
    var header = data.labels.commune.padded(toDisplayWidth: nameWidth)
    for dimension in data.dimensions {
      header += " " + String(repeating: " ", count: max(0, cellWidth - dimension.code.count)) + dimension.code
    }
    // The total (8-80 for PAPI) only when some commune has one, i.e. every dimension is shown.
    let showTotal = data.communes.contains { $0.total != nil }
    let totalWidth = max(6, data.labels.total.displayWidth)
    if showTotal {
      header +=
        " " + String(repeating: " ", count: totalWidth - data.labels.total.displayWidth) + data.labels.total
    }
    let width = nameWidth + (cellWidth + 1) * data.dimensions.count + (showTotal ? totalWidth + 1 : 0)
    var lines = [header, String(repeating: "─", count: width)]
    for commune in data.communes {
      var line = commune.name.padded(toDisplayWidth: nameWidth)
      for dimension in data.dimensions {
        let coverage = Int(((commune.coverage[dimension.code] ?? 0) * 100).rounded())
        let cell: String
        let band: String
        if let score = commune.scores[dimension.code] ?? nil {
          cell = String(format: "%.1f", score) + " " + "(\(coverage)%)"
          band = renderer.band(score, quartiles: cuts)
        } else {
          cell = insufficientMark + " " + "(\(coverage)%)"
          band = "na"
        }
        let padded = String(repeating: " ", count: max(0, cellWidth - cell.displayWidth)) + cell
        line += " " + paint(padded, band: band)
      }
      if showTotal {
        let total = commune.total.map { String(format: "%.1f", $0) } ?? insufficientMark
        line += " " + String(repeating: " ", count: max(0, totalWidth - total.displayWidth)) + total
      }
      lines.append(line)
    }
    return lines
  }

  /// One commune's scores as horizontal bars, with the province average marked `|`.
  public func bars(for commune: DashboardData.Commune, in data: DashboardData, width: Int = 30) -> [String] {
    let span = data.scale.upperBound - data.scale.lowerBound
    let nameWidth = min(36, data.dimensions.map(\.name.displayWidth).max() ?? 0)
    var lines: [String] = []
    for dimension in data.dimensions {
      let name =
        dimension.name.displayWidth > nameWidth
        ? String(dimension.name.prefix(nameWidth - 1)) + "…" : dimension.name
      var line = dimension.code.padded(toDisplayWidth: 4) + name.padded(toDisplayWidth: nameWidth) + " "
      let values = data.communes.compactMap { $0.scores[dimension.code] ?? nil }
      let average = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
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

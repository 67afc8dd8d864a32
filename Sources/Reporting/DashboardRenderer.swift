import Foundation

/// Renders the leaders' dashboard as one self-contained HTML file: inline CSS and SVG, no script,
/// no network, so it opens from a USB stick and prints. Every text is HTML-escaped.
public struct DashboardRenderer: Sendable {
  public init() {}

  public func render(_ data: DashboardData) -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="vi"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(data.title))</title>
      <style>\(Self.css)</style></head><body>
      <h1>\(escape(data.title))</h1>
      <p class="meta">\(escape(data.labels.generated)): \(escape(data.generated))</p>
      <p class="meta">\(legend(data))</p>

      """
    html += section(data.labels.heatMap, heatMap(data))
    html += section(data.labels.priorities, priorities(data))
    html += section(data.labels.weakAreas, weakAreas(data))
    html += section(data.labels.profiles, profiles(data))
    if !data.trends.isEmpty { html += section(data.labels.trends, trends(data)) }
    html += "</body></html>\n"
    return html
  }

  static let css = """
    body{font-family:"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:24px;color:#1d2733;max-width:1200px}
    h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ccd}
    .meta{color:#566;font-size:13px}table{border-collapse:collapse;font-size:13px}
    th,td{border:1px solid #dde;padding:4px 6px;text-align:center}th{background:#eef1f6}
    td.name{text-align:left;white-space:nowrap}.b1{background:#1a7f4b;color:#fff}.b2{background:#8fd19e}
    .b3{background:#f6d186}.b4{background:#e8736c;color:#fff}.na{background:#f3f3f3;color:#889;font-style:italic}
    .cov{display:block;font-size:10px;opacity:.8}.profile{display:inline-block;margin:6px 12px 6px 0;vertical-align:top}
    .profile h3{font-size:13px;margin:0 0 2px}ul{margin:4px 0 4px 18px;font-size:13px;text-align:left}
    .key{display:inline-block;padding:1px 8px;margin-right:4px;border-radius:3px}td.list{text-align:left}
    .detail{color:#566;font-size:12px}tr.province td{font-weight:bold;border-top:2px solid #889}
    tr.no-results td.name{color:#889}
    @media print{body{margin:8mm}section{break-inside:avoid}}
    """

  /// The four bands with the scores each covers, and the insufficient-data mark.
  private func legend(_ data: DashboardData) -> String {
    var html = ""
    for (band, name) in zip(data.bands.ranges, data.labels.bandNames) {
      html += "<span class=\"key \(band.band)\">\(escape(band.range)) \(escape(name))</span> "
    }
    return html + "<span class=\"key na\">\(escape(data.labels.insufficient))</span>"
  }

  private func section(_ title: String, _ body: String) -> String {
    "<section><h2>\(escape(title))</h2>\n\(body)\n</section>\n"
  }

  private func heatMap(_ data: DashboardData) -> String {
    var html = "<table><tr><th>\(escape(data.labels.commune))</th>"
    for dimension in data.dimensions {
      html += "<th title=\"\(escape(dimension.name))\">\(escape(dimension.code))</th>"
    }
    let showTotal = data.communes.contains { $0.total != nil }
    if showTotal { html += "<th>\(escape(data.labels.total))</th>" }
    html += "<th>\(escape(data.labels.trainedColumn))</th><th>\(escape(data.labels.lastColumn))</th></tr>\n"
    let statuses = Dictionary(
      uniqueKeysWithValues: zip(DashboardData.CollectionStatus.allCases, data.labels.statusNames))
    for commune in data.communes {
      let status = statuses[commune.status] ?? ""
      html += "<tr class=\"\(commune.status.rawValue)\"><td class=\"name\">\(escape(commune.name))"
      html += "<span class=\"cov\">\(escape(status))</span></td>"
      for dimension in data.dimensions {
        let coverage = Int(((commune.coverage[dimension.code] ?? 0) * 100).rounded())
        let coverageText = "<span class=\"cov\">\(escape(data.labels.coverage)) \(coverage)%</span>"
        if let score = commune.scores[dimension.code] ?? nil {
          html += "<td class=\"\(data.bands.band(score))\">\(format(score))\(coverageText)</td>"
        } else {
          html += "<td class=\"na\">\(escape(data.labels.insufficient))\(coverageText)</td>"
        }
      }
      if showTotal { html += "<td>\(commune.total.map(format) ?? "—")</td>" }
      html += "<td>\(commune.trainedOfficials)/\(commune.rosterOfficials)</td>"
      html += "<td>\(escape(commune.lastReceived ?? "—"))</td></tr>\n"
    }
    if let province = data.province {
      html += "<tr class=\"province\"><td class=\"name\">\(escape(province.name))</td>"
      for dimension in data.dimensions {
        if let average = province.averages[dimension.code] ?? nil {
          html += "<td class=\"\(data.bands.band(average))\">\(format(average))</td>"
        } else {
          html += "<td class=\"na\">\(escape(data.labels.insufficient))</td>"
        }
      }
      if showTotal { html += "<td></td>" }
      html += "<td>\(province.trainedOfficials)/\(province.rosterOfficials)</td>"
      html += "<td>\(escape(province.lastReceived ?? "—"))</td></tr>\n"
    }
    html += "</table>"
    if !data.labels.collectionLine.isEmpty {
      html += "<p class=\"meta\">\(escape(data.labels.collectionLine))</p>"
    }
    return html
  }

  private func priorities(_ data: DashboardData) -> String {
    guard !data.priorities.isEmpty else { return "<p>\(escape(data.labels.noPriorities))</p>" }
    var html =
      "<table><tr><th>\(escape(data.labels.dimension))</th><th>\(escape(data.labels.provinceScore))</th>"
    html += "<th>\(escape(data.labels.readiness))</th><th>\(escape(data.labels.urgency))</th></tr>\n"
    for row in data.priorities {
      let name = data.dimensions.first { $0.code == row.code }?.name ?? row.code
      let readiness = row.readiness.map(format) ?? escape(data.labels.insufficient)
      html +=
        "<tr><td class=\"name\">\(escape(row.code)) \(escape(name))</td><td>\(format(row.provinceScore))</td>"
      html += "<td>\(readiness)</td><td>\(Int((row.urgency * 100).rounded()))</td></tr>\n"
    }
    return html + "</table>"
  }

  private func weakAreas(_ data: DashboardData) -> String {
    var html =
      "<table><tr><th>\(escape(data.labels.commune))</th><th>\(escape(data.labels.weakAreas))</th></tr>\n"
    for commune in data.communes where !commune.weakAreas.isEmpty {
      html += "<tr><td class=\"name\">\(escape(commune.name))</td><td class=\"list\"><ul>"
      for (index, area) in commune.weakAreas.enumerated() {
        html += "<li>\(escape(area))"
        if index < commune.weakDetails.count, !commune.weakDetails[index].isEmpty {
          html += "<br><span class=\"detail\">\(escape(commune.weakDetails[index]))</span>"
        }
        html += "</li>"
      }
      html += "</ul></td></tr>\n"
    }
    return html + "</table>"
  }

  /// One small SVG bar chart per commune: its score per dimension, with the province average as a
  /// tick mark.
  private func profiles(_ data: DashboardData) -> String {
    let averages = data.averages
    let width = 260.0
    let rowHeight = 16.0
    let labelWidth = 34.0
    let span = data.scale.upperBound - data.scale.lowerBound
    var html = ""
    for commune in data.communes {
      let height = rowHeight * Double(data.dimensions.count) + 6
      var svg =
        "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(escape(commune.name))\">"
      for (index, dimension) in data.dimensions.enumerated() {
        let y = Double(index) * rowHeight + 3
        svg += "<text x=\"0\" y=\"\(y + 11)\" font-size=\"11\">\(escape(dimension.code))</text>"
        if let score = commune.scores[dimension.code] ?? nil {
          let length = (width - labelWidth - 30) * (score - data.scale.lowerBound) / span
          svg +=
            "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(format(max(length, 1)))\" height=\"10\" fill=\"#4a78b5\"/>"
          svg +=
            "<text x=\"\(format(labelWidth + length + 3))\" y=\"\(y + 11)\" font-size=\"10\">\(format(score))</text>"
        } else {
          svg +=
            "<text x=\"\(labelWidth)\" y=\"\(y + 11)\" font-size=\"10\" fill=\"#889\">\(escape(data.labels.insufficient))</text>"
        }
        if let average = averages[dimension.code] ?? nil {
          let x = labelWidth + (width - labelWidth - 30) * (average - data.scale.lowerBound) / span
          svg +=
            "<line x1=\"\(format(x))\" x2=\"\(format(x))\" y1=\"\(y)\" y2=\"\(y + 14)\" stroke=\"#c0392b\" stroke-width=\"2\">"
          svg += "<title>\(escape(data.labels.provinceAverage)) \(format(average))</title></line>"
        }
      }
      svg += "</svg>"
      html += "<div class=\"profile\"><h3>\(escape(commune.name))</h3>\(svg)</div>\n"
    }
    return html
      + "<p class=\"meta\"><span style=\"color:#c0392b\">│</span> \(escape(data.labels.provinceAverage))</p>"
  }

  /// A line per dimension across the trend points.
  private func trends(_ data: DashboardData) -> String {
    let width = 520.0
    let height = 180.0
    let left = 30.0
    let span = data.scale.upperBound - data.scale.lowerBound
    let step = data.trends.count > 1 ? (width - left - 70) / Double(data.trends.count - 1) : 0
    let colors = [
      "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    ]
    var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height + 30))\" role=\"img\">"
    for tick in [
      data.scale.lowerBound, (data.scale.lowerBound + data.scale.upperBound) / 2, data.scale.upperBound,
    ] {
      let y = height - (tick - data.scale.lowerBound) / span * (height - 10)
      svg +=
        "<line x1=\"\(format(left))\" x2=\"\(format(width - 10))\" y1=\"\(format(y))\" y2=\"\(format(y))\" stroke=\"#dde\"/>"
      svg +=
        "<text x=\"\(format(left + 2))\" y=\"\(format(y - 2))\" font-size=\"9\" fill=\"#889\">\(format(tick))</text>"
    }
    for (index, point) in data.trends.enumerated() {
      svg +=
        "<text x=\"\(format(left + step * Double(index)))\" y=\"\(Int(height + 20))\" font-size=\"10\">\(escape(point.label))</text>"
    }
    for (index, dimension) in data.dimensions.enumerated() {
      let points = data.trends.enumerated().compactMap { position, point -> String? in
        guard let score = point.scores[dimension.code] ?? nil else { return nil }
        let y = height - (score - data.scale.lowerBound) / span * (height - 10)
        return "\(format(left + step * Double(position))),\(format(y))"
      }
      guard !points.isEmpty else { continue }
      let color = colors[index % colors.count]
      svg +=
        "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\">"
      svg += "<title>\(escape(dimension.code)) \(escape(dimension.name))</title></polyline>"
      svg +=
        "<text x=\"0\" y=\"\(12 * (index + 1))\" font-size=\"10\" fill=\"\(color)\">\(escape(dimension.code))</text>"
    }
    return svg + "</svg>"
  }

  private func format(_ value: Double) -> String {
    String(format: "%.1f", value)
  }
}

/// HTML text: `<script>` in a name shows as text.
func escape(_ text: String) -> String {
  var result = ""
  for character in text.precomposedStringWithCanonicalMapping {
    switch character {
    case "&": result += "&amp;"
    case "<": result += "&lt;"
    case ">": result += "&gt;"
    case "\"": result += "&quot;"
    case "'": result += "&#39;"
    default: result.append(character)
    }
  }
  return result
}

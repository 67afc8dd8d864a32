import Foundation

/// Renders the leaders' dashboard as one self-contained HTML file: inline CSS and SVG, no script,
/// no network, so it opens from a USB stick and prints. Every text is HTML-escaped.
public struct DashboardRenderer: Sendable {
  public init() {}

  public func render(_ data: DashboardData) -> String {
    let period =
      data.labels.dataPeriod.isEmpty ? "" : "<p class=\"meta period\">\(escape(data.labels.dataPeriod))</p>"
    var html = """
      <!DOCTYPE html>
      <html lang="vi"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(data.title))</title>
      <style>\(Self.css)</style></head><body>
      <h1>\(escape(data.title))</h1>
      <p class="meta">\(escape(data.labels.generated)): \(escape(data.generated))</p>
      \(period)
      <p class="meta">\(legend(data))</p>
      <p class="meta">\(escape(data.labels.legend))</p>

      """
    if let province = data.province { html += section(data.labels.summary, summary(province, data)) }
    html += section(data.labels.heatMap, heatMap(data), screenOnly: true)
    html += section(data.labels.priorities, priorities(data))
    html += section(data.labels.weakAreas, weakAreas(data), screenOnly: true)
    html += section(data.labels.profiles, profiles(data), screenOnly: true)
    if !data.trends.isEmpty { html += section(data.labels.trends, trends(data), screenOnly: true) }
    html += "</body></html>\n"
    return html
  }

  /// The dashboard's stylesheet, shared by the province server's pages.
  public static let css = """
    body{font-family:"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:24px;color:#1d2733;max-width:1200px}
    h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ccd}
    .meta{color:#566;font-size:13px}table{border-collapse:collapse;font-size:13px}
    th,td{border:1px solid #dde;padding:4px 6px;text-align:center}th{background:#eef1f6}
    td.name{text-align:left;white-space:nowrap}.b1{background:#1a7f4b;color:#fff}.b2{background:#8fd19e}
    .b3{background:#f6d186}.b4{background:#e8736c;color:#fff}.na{background:#f3f3f3;color:#889;font-style:italic}
    .cov{display:block;font-size:10px;opacity:.8}.profile{display:inline-block;margin:6px 12px 6px 0;vertical-align:top}
    .profile h3{font-size:13px;margin:0 0 2px}ul{margin:4px 0 4px 18px;font-size:13px;text-align:left}
    .key{display:inline-block;padding:1px 8px;margin-right:4px;border-radius:3px}td.list{text-align:left}
    .detail{color:#566;font-size:12px}tr.province td{font-weight:bold;border-top:2px solid #889;white-space:nowrap}
    tr.no-results td.name{color:#889}
    .dn{display:block;font-size:10px;font-weight:normal;max-width:90px;white-space:normal}.lead{font-size:15px}
    @media print{@page{size:A4 landscape;margin:8mm}body{margin:0;max-width:none;font-size:10px}
    .screen{display:none}section{break-inside:avoid}h1{font-size:16px}h2{font-size:13px;margin:6px 0 3px}
    .meta{font-size:9px;margin:2px 0}.lead{font-size:11px;margin:3px 0}table{font-size:10px}
    th,td{padding:1px 4px}.cov{font-size:7px}}
    """

  /// The four bands with the scores each covers, and the insufficient-data mark.
  public func legend(_ data: DashboardData) -> String {
    var html = ""
    for (band, name) in zip(data.bands.ranges, data.labels.bandNames) {
      html += "<span class=\"key \(band.band)\">\(escape(band.range)) \(escape(name))</span> "
    }
    return html + "<span class=\"key na\">\(escape(data.labels.insufficient))</span>"
  }

  private func section(_ title: String, _ body: String, screenOnly: Bool = false) -> String {
    "<section\(screenOnly ? " class=\"screen\"" : "")><h2>\(escape(title))</h2>\n\(body)\n</section>\n"
  }

  /// The province first: how many communes have trained, each dimension's province score with
  /// its interval and the officials behind it, and the three most urgent priorities; also drawn
  /// by the province server's readiness page.
  public func summary(_ province: DashboardData.Province, _ data: DashboardData) -> String {
    var html = "<p class=\"lead\">\(escape(data.labels.collectionLine))</p>"
    html += "<table><tr><th>\(escape(data.labels.dimension))</th><th>\(escape(data.labels.readiness))"
    html += " (\(escape(data.labels.interval)))</th><th>\(escape(data.labels.provinceAverage))</th></tr>\n"
    for dimension in data.dimensions {
      let pooled = province.pooled[dimension.code]
      html += "<tr><td class=\"name\">\(escape(dimension.code)) \(escape(dimension.name))</td>"
      if let pooled, let score = pooled.score {
        html += "<td class=\"\(data.bands.band(score))\">\(format(score)) (\(format(pooled.lower))–"
        html +=
          "\(format(pooled.upper)))<span class=\"cov\">\(pooled.officials) \(escape(data.labels.officials))</span></td>"
      } else {
        html += "<td class=\"na\">\(escape(data.labels.insufficient))</td>"
      }
      let average = province.averages[dimension.code] ?? nil
      html += "<td>\(average.map(format) ?? "—")</td></tr>\n"
    }
    html += "</table>"
    let top = data.priorities.prefix(3).map { row in
      "\(row.code) \(data.dimensions.first { $0.code == row.code }?.name ?? "")"
    }
    if !top.isEmpty {
      html +=
        "<p class=\"lead\">\(escape(data.labels.priorities)): \(top.map(escape).joined(separator: "; "))</p>"
    }
    return html
  }

  /// The heat map: a row a commune, a cell a dimension coloured by its band (or insufficient
  /// data), then the province row; also drawn alone by the province server's readiness page.
  public func heatMap(_ data: DashboardData) -> String {
    var html = "<table><tr><th>\(escape(data.labels.commune))</th>"
    for dimension in data.dimensions {
      html += "<th>\(escape(dimension.code))<span class=\"dn\">\(escape(dimension.name))</span></th>"
    }
    let showTotal = data.communes.contains { $0.total != nil }
    if showTotal { html += "<th>\(escape(data.labels.total))</th>" }
    html += "<th>\(escape(data.labels.trainedColumn))</th><th>\(escape(data.labels.lastColumn))</th></tr>\n"
    let statuses = Dictionary(
      uniqueKeysWithValues: zip(DashboardData.CollectionStatus.allCases, data.labels.statusNames))
    for commune in data.communes {
      let status = statuses[commune.status] ?? ""
      html += "<tr class=\"\(commune.status.rawValue)\" data-commune=\"\(escape(commune.code))\">"
      html += "<td class=\"name\">\(escape(commune.name))"
      html += "<span class=\"cov\">\(escape(status))</span></td>"
      for dimension in data.dimensions {
        let coverageText = "<span class=\"cov\">\(escape(behind(dimension.code, of: commune, data)))</span>"
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
    if !data.labels.cellOfficials.isEmpty, data.communes.contains(where: { !$0.officials.isEmpty }) {
      html += "<p class=\"meta\">\(escape(data.labels.cellOfficials))</p>"
    }
    return html
  }

  /// Who stands behind a cell's figure: officials assessed of the roster, else the coverage.
  private func behind(_ code: String, of commune: DashboardData.Commune, _ data: DashboardData) -> String {
    if let officials = commune.officials[code] {
      return "\(officials)/\(commune.rosterOfficials) \(data.labels.officials)"
    }
    let coverage = Int(((commune.coverage[code] ?? 0) * 100).rounded())
    return "\(data.labels.coverage) \(coverage)%"
  }

  /// The priorities table (the province's PAPI scores against readiness), or why there is none.
  public func priorities(_ data: DashboardData) -> String {
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

  /// Sizes of a commune's profile: dimension codes on the left, the bars, then a column of
  /// their figures that the average mark, drawn over the bars only, can never reach.
  enum Profile {
    static let width = 260.0
    static let rowHeight = 16.0
    static let labelWidth = 34.0
    /// The figures' column: right-aligned at the edge, after a gap.
    static let valueColumn = 34.0
    static var plotWidth: Double { width - labelWidth - valueColumn }
  }

  /// One small SVG bar chart per commune: its score per dimension, its figure in a column of its
  /// own, with the province average as a red mark over the bar area; a legend says how to read it.
  public func profiles(_ data: DashboardData) -> String {
    var html = ""
    // A commune with no score at all has nothing to draw: the heat map shows it.
    for commune in data.communes where commune.scores.values.contains(where: { $0 != nil }) {
      html += "<div class=\"profile\" data-commune=\"\(escape(commune.code))\"><h3>\(escape(commune.name))"
      html += "<span class=\"cov\">\(commune.trainedOfficials)/\(commune.rosterOfficials) "
      html += "\(escape(data.labels.officials))</span></h3>\(profile(commune, data))</div>\n"
    }
    return html + "<p class=\"meta legend-profile\">\(profileKey()) \(escape(data.labels.profileLegend))</p>"
  }

  private func profile(_ commune: DashboardData.Commune, _ data: DashboardData) -> String {
    let averages = data.averages
    let span = data.scale.upperBound - data.scale.lowerBound
    let x = { (score: Double) in
      Profile.labelWidth + Profile.plotWidth * (score - data.scale.lowerBound) / span
    }
    let height = Profile.rowHeight * Double(data.dimensions.count) + 6
    var svg =
      "<svg width=\"\(Int(Profile.width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(escape(commune.name))\">"
    for (index, dimension) in data.dimensions.enumerated() {
      let y = Double(index) * Profile.rowHeight + 3
      svg += "<text x=\"0\" y=\"\(y + 11)\" font-size=\"11\">\(escape(dimension.code))</text>"
      let value: String
      if let score = commune.scores[dimension.code] ?? nil {
        let length = max(x(score) - Profile.labelWidth, 1)
        svg +=
          "<rect x=\"\(Profile.labelWidth)\" y=\"\(y + 2)\" width=\"\(format(length))\" height=\"10\" fill=\"#4a78b5\"/>"
        value = format(score)
      } else {
        value = "—"
      }
      svg += "<text class=\"value\" x=\"\(Profile.width - 2)\" y=\"\(y + 11)\" font-size=\"10\" "
      svg += "text-anchor=\"end\">\(value)<title>\(escape(dimension.name))</title></text>"
      if let average = averages[dimension.code] ?? nil {
        svg +=
          "<line class=\"average\" x1=\"\(format(x(average)))\" x2=\"\(format(x(average)))\" y1=\"\(y)\" y2=\"\(y + 14)\" stroke=\"#c0392b\" stroke-width=\"2\">"
        svg += "<title>\(escape(data.labels.provinceAverage)) \(format(average))</title></line>"
      }
    }
    return svg + "</svg>"
  }

  /// A bar, its figure and the average mark, drawn as in the profiles, for the legend.
  private func profileKey() -> String {
    "<svg width=\"74\" height=\"14\" role=\"img\"><rect x=\"0\" y=\"2\" width=\"36\" height=\"10\" fill=\"#4a78b5\"/>"
      + "<line x1=\"28\" x2=\"28\" y1=\"0\" y2=\"14\" stroke=\"#c0392b\" stroke-width=\"2\"/>"
      + "<text x=\"72\" y=\"11\" font-size=\"10\" text-anchor=\"end\">7.5</text></svg>"
  }

  /// The months as one line per dimension, then the classes as markers in date order, each
  /// chart with the dimensions named beside it.
  private func trends(_ data: DashboardData) -> String {
    let months = data.trends.filter { !$0.isClass }
    let classes = data.trends.filter(\.isClass)
    var html = ""
    if !months.isEmpty { html += trendChart(months, data, lines: true) }
    if !classes.isEmpty { html += trendChart(classes, data, lines: false) }
    return html
  }

  /// Where the x-axis labels go: every `stride`-th point, so that no two labels (about 6 px a
  /// character at 10 px) overlap.
  static func labelStride(labels: [String], step: Double) -> Int {
    let widest = Double(labels.map(\.count).max() ?? 0) * 6 + 8
    return step <= 0 ? 1 : max(1, Int((widest / step).rounded(.up)))
  }

  private func trendChart(_ points: [DashboardData.TrendPoint], _ data: DashboardData, lines: Bool) -> String
  {
    let width = 760.0
    let height = 200.0
    let left = 30.0
    let plot = width - left - 230
    let span = data.scale.upperBound - data.scale.lowerBound
    let step = points.count > 1 ? plot / Double(points.count - 1) : 0
    let colors = [
      "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    ]
    let y = { (score: Double) in height - (score - data.scale.lowerBound) / span * (height - 10) }
    var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height + 30))\" role=\"img\">"
    for tick in [data.scale.lowerBound, data.bands.weakLine, data.scale.upperBound] {
      svg += "<line x1=\"\(format(left))\" x2=\"\(format(left + plot))\" y1=\"\(format(y(tick)))\" "
      svg += "y2=\"\(format(y(tick)))\" stroke=\"#dde\"/>"
      svg += "<text x=\"0\" y=\"\(format(y(tick) + 3))\" font-size=\"9\" fill=\"#889\">\(format(tick))</text>"
    }
    let stride = Self.labelStride(labels: points.map(\.label), step: step)
    for (index, point) in points.enumerated() where index % stride == 0 {
      svg += "<text class=\"xl\" x=\"\(format(left + step * Double(index)))\" y=\"\(Int(height + 20))\" "
      svg += "font-size=\"10\">\(escape(point.label))</text>"
    }
    for (index, dimension) in data.dimensions.enumerated() {
      let color = colors[index % colors.count]
      let coordinates = points.enumerated().compactMap { position, point -> (Double, Double)? in
        guard let score = point.scores[dimension.code] ?? nil else { return nil }
        return (left + step * Double(position), y(score))
      }
      if lines, !coordinates.isEmpty {
        let list = coordinates.map { "\(format($0.0)),\(format($0.1))" }.joined(separator: " ")
        svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(list)\"/>"
      }
      for (x, yValue) in coordinates {
        svg += "<circle cx=\"\(format(x))\" cy=\"\(format(yValue))\" r=\"3\" fill=\"\(color)\"/>"
      }
      svg +=
        "<text class=\"key-label\" x=\"\(format(left + plot + 16))\" y=\"\(14 * (index + 1))\" font-size=\"10\" "
      svg +=
        "fill=\"\(color)\">\(escape(dimension.code)) \(escape(dimension.name.shortened(toDisplayWidth: 34)))</text>"
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

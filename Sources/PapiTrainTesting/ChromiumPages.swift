import Foundation

/// What `scripts/dashboard-layout.js` found in a page Chromium laid out: how many charts and
/// label boxes it measured, and every pair that overlaps (two labels, or a province-average
/// mark across a figure).
public struct LayoutReport: Decodable, CustomStringConvertible, Sendable {
  /// Two boxes that overlap: `kind` is `text` (two labels) or `average` (a mark over a figure).
  public struct Overlap: Decodable, Sendable {
    public var kind: String
    public var a: String
    public var b: String
  }

  public var charts: Int
  public var boxes: Int
  public var overlaps: [Overlap]

  public var description: String { "\(overlaps.map { "\($0.kind) \($0.a) × \($0.b)" })" }

  /// The report the layout script wrote into `html` (a page's DOM as Chromium had it), or nil
  /// when there is none. The last `<pre id="layout-report">` is the one: the script's own text,
  /// also in the page, names the element too.
  public init?(in html: String) {
    guard let start = html.range(of: "<pre id=\"layout-report\">", options: .backwards),
      let end = html.range(of: "</pre>", range: start.upperBound..<html.endIndex)
    else { return nil }
    let json = html[start.upperBound..<end.lowerBound].replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    guard let report = try? JSONDecoder().decode(LayoutReport.self, from: Data(json.utf8)) else { return nil }
    self = report
  }
}

/// How many pages the PDF at `path` has, read from its page tree (`/Type /Pages … /Count N`), as
/// Chromium prints it; nil when the file is missing or has no page tree.
public func pdfPageCount(_ path: String) -> Int? {
  guard let data = FileManager.default.contents(atPath: path) else { return nil }
  let text = String(decoding: data, as: UTF8.self)
  guard let range = text.range(of: #"/Type /Pages[^>]*/Count (\d+)"#, options: .regularExpression)
  else { return nil }
  return Int(text[range].split(separator: " ").last ?? "")
}

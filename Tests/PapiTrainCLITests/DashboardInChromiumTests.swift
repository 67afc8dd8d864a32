import Foundation
import PapiTrainTesting
import Testing

/// The leaders' dashboard as a leader sees it: a generated province's `report readiness --html`,
/// laid out by headless Chromium (Debian's `chromium`, installed by scripts/install-prerequisites)
/// at 1366×768 with the network off. `scripts/dashboard-layout.js`, added to a copy of the page,
/// measures every label box of the trend charts and the profiles; none may overlap another, and
/// no province-average mark may cross a figure. Printed to PDF, it is one page.
@Suite(.serialized) struct DashboardInChromiumTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// Chromium headless, networking off, a profile of its own in `folder`.
  func runChromium(_ arguments: [String], in folder: TemporaryFolder) throws -> String {
    guard let chromium = Self.chromium else {
      Issue.record("chromium is missing: scripts/install-prerequisites installs it")
      return ""
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--proxy-server=127.0.0.1:9",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=\(folder.path("chromium-profile"))",
        "--window-size=1366,768",
      ] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// The layout report of the page at `html`, measured in a copy with the layout script.
  func layout(of html: String, in folder: TemporaryFolder) throws -> LayoutReport? {
    let page = try String(contentsOfFile: html, encoding: .utf8)
    let script = try String(
      contentsOf: Repository.root.appendingPathComponent("scripts/dashboard-layout.js"), encoding: .utf8)
    let measured = folder.path("measured-\(UUID().uuidString).html")
    try page.replacingOccurrences(of: "</body>", with: "<script>\(script)</script></body>")
      .write(toFile: measured, atomically: true, encoding: .utf8)
    let dom = try runChromium(["--dump-dom", "file://\(measured)"], in: folder)
    guard let report = LayoutReport(in: dom) else {
      Issue.record("Chromium gave no layout report: \(dom.suffix(500))")
      return nil
    }
    return report
  }

  /// The pages of the page at `html` printed to PDF.
  func printedPages(of html: String, in folder: TemporaryFolder) throws -> Int? {
    let pdf = folder.path("printed.pdf")
    _ = try runChromium(["--print-to-pdf=\(pdf)", "--no-pdf-header-footer", "file://\(html)"], in: folder)
    return pdfPageCount(pdf)
  }

  @Test func theMeasureFindsLabelsThatOverlapAndAMarkOverAFigure() throws {
    let folder = try TemporaryFolder()
    let html = folder.path("overlapping.html")
    try """
    <!DOCTYPE html><html><body><svg width="300" height="40">
    <text x="0" y="20" font-size="10">2026-09-12 Phong Thổ</text><text x="30" y="22" font-size="10">2026-10</text>
    <text x="200" y="20" font-size="10">7.5</text>
    <line class="average" x1="205" x2="205" y1="5" y2="25" stroke="red"/></svg></body></html>
    """.write(toFile: html, atomically: true, encoding: .utf8)
    let report = try #require(try layout(of: html, in: folder))
    #expect(report.boxes == 3)
    #expect(report.overlaps.map(\.kind).sorted() == ["average", "text"])
    #expect(report.overlaps.contains { $0.a == "2026-09-12 Phong Thổ" && $0.b == "2026-10" })
  }

  @Test func noLabelOverlapsAt1366x768AndPrintedTheSummaryIsOnePage() throws {
    let folder = try TemporaryFolder()
    let results = folder.path("Results")
    let generated = try PapiTrainProcess.run([
      "demo-data", "--results", results, "--communes", "8", "--officials", "6", "--attempts", "4", "--seed",
      "3",
    ])
    #expect(generated.status == 0, "\(generated.error)")
    let scores = folder.path("papi.csv")
    try "dimension,score\nD1,5.05\nD2,5.4\nD3,4.2\nD4,6.6\nD5,7.1\nD6,7.5\nD7,3.5\nD8,3.1\n"
      .write(toFile: scores, atomically: true, encoding: .utf8)
    let html = folder.path("dashboard.html")
    let report = try PapiTrainProcess.run([
      "report", "readiness", "--results", results, "--province-scores", scores, "--html", html, "--as-of",
      "2026-12-01",
    ])
    #expect(report.status == 0, "\(report.error)")
    let page = try String(contentsOfFile: html, encoding: .utf8)
    // The data period, and how to read a profile's average mark.
    #expect(page.contains("Số liệu: câu trả lời từ ngày 20"))
    #expect(page.contains("vạch đỏ: trung bình tỉnh"))
    #expect(page.contains("class=\"average\""))

    let layout = try #require(try layout(of: html, in: folder))
    // Two trend charts (months, classes), eight profiles and the profile legend's key.
    #expect(layout.charts >= 11, "\(layout.charts) charts")
    #expect(layout.boxes > 100, "\(layout.boxes) label boxes")
    #expect(layout.overlaps.isEmpty, "\(layout.overlaps.prefix(10).map { "\($0.kind) \($0.a) × \($0.b)" })")
    #expect(try printedPages(of: html, in: folder) == 1)
  }
}

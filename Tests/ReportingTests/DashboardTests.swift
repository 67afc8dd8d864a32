import Testing
import VietnameseText

@testable import Reporting

@Suite struct DashboardTests {
  let data = DashboardData(
    title: "Tỉnh Hưng Yên: mức sẵn sàng", generated: "22/11/2026", scale: 1...10,
    dimensions: [.init(code: "D1", name: "Tham gia"), .init(code: "D2", name: "Công khai, minh bạch")],
    communes: [
      .init(
        code: "12345", name: "Xã <script>alert(1)</script>", parents: ["Tỉnh Hưng Yên"],
        scores: ["D1": 7.5, "D2": nil], coverage: ["D1": 0.8, "D2": 0], weakAreas: ["D2.3"]),
      .init(
        code: "12346", name: "Xã Tiên Lữ", parents: ["Tỉnh Hưng Yên"], scores: ["D1": 4.2, "D2": 6.1],
        coverage: ["D1": 1, "D2": 0.5], weakAreas: []),
    ],
    trends: [
      .init(label: "Lớp 1", scores: ["D1": 4, "D2": 5]), .init(label: "Lớp 2", scores: ["D1": 6, "D2": nil]),
    ],
    priorities: [.init(code: "D2", provinceScore: 4.1, readiness: 6.1, urgency: 0.35)])

  @Test func namesAreEscapedSoAScriptShowsAsText() {
    let html = DashboardRenderer().render(data)
    #expect(!html.contains("<script>"))
    #expect(html.contains("Xã &lt;script&gt;alert(1)&lt;/script&gt;"))
  }

  @Test func isSelfContainedWithNoNetworkReference() {
    let html = DashboardRenderer().render(data)
    #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="))
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
  }

  @Test func insufficientDataAndCoverageAreShownNeverAZero() {
    let html = DashboardRenderer().render(data)
    #expect(html.contains("<td class=\"na\">chưa đủ dữ liệu<span class=\"cov\">độ phủ 0%</span></td>"))
    #expect(html.contains("7.5<span class=\"cov\">độ phủ 80%</span>"))
    #expect(html.contains("D2.3"))
    #expect(html.contains("Điểm PAPI của tỉnh"))
  }

  @Test func bandsAreFixedOnTheScaleWithTheWeakLineAsABoundary() {
    let bands = ScoreBands(scale: 1...10)
    #expect(bands.cuts == [5.5, 7.3, 8.2])
    #expect(bands.weakLine == 7.3)
    // A score is banded as it is shown: 7.25 shows as 7.2, under the weak line.
    #expect(bands.band(7.3) == "b2" && bands.band(7.299) == "b2" && bands.band(7.25) == "b3")
    #expect(bands.band(8.2) == "b1" && bands.band(5.5) == "b3" && bands.band(5.4) == "b4")
    #expect(bands.ranges.map(\.range) == ["≥ 8.2", "7.3–8.1", "5.5–7.2", "< 5.5"])
    // The same score has the same band whatever else is shown.
    var few = data
    few.communes = [few.communes[0]]
    let html = DashboardRenderer().render(few)
    let all = DashboardRenderer().render(data)
    #expect(html.contains("<td class=\"b2\">7.5") && all.contains("<td class=\"b2\">7.5"))
    #expect(all.contains("<td class=\"b4\">4.2"))
    #expect(all.contains("≥ 8.2 Tốt"))
  }
}

@Suite struct DashboardLayoutTests {
  @Test func trendLabelsAreSpacedSoThatNoTwoOverlap() {
    for count in [2, 6, 12, 30, 90] {
      for label in ["2026-05", "2026-09-12 Phong Thổ, Tỉnh Lai Châu"] {
        let labels = Array(repeating: label, count: count)
        let step = 530.0 / Double(count - 1)
        let stride = DashboardRenderer.labelStride(labels: labels, step: step)
        // Two labels shown next to each other are further apart than a label is wide.
        #expect(step * Double(stride) >= Double(label.count) * 6, "\(count) × \(label)")
      }
    }
  }

  @Test func theProvinceComesFirstWithNamesOnScreenAndNoCommandLine() {
    var data = DashboardTests().data
    data.province = .init(
      name: "Tỉnh Hưng Yên", communes: 10, trained: 2, someResults: 1, averages: ["D1": 5.9, "D2": 6.1],
      pooled: ["D1": .init(score: 6.0, lower: 5.1, upper: 6.8, officials: 14, answers: 300)])
    data.labels.collectionLine = "Đã học: 2/10 xã"
    let html = DashboardRenderer().render(data)
    let summary = html.range(of: "Tóm tắt toàn tỉnh")
    let heatMap = html.range(of: "Mức sẵn sàng theo xã và chỉ số")
    #expect(summary != nil && heatMap != nil && summary!.lowerBound < heatMap!.lowerBound)
    #expect(html.contains("6.0 (5.1–6.8)") && html.contains("14 cán bộ"))
    #expect(html.contains("D2<span class=\"dn\">Công khai, minh bạch</span>"))
    #expect(!html.contains("papi-train"))
    #expect(html.contains("@media print") && html.contains("class=\"screen\""))
  }
}

@Suite struct TerminalReadinessTests {
  let data = DashboardData(
    title: "t", generated: "g", scale: 1...10,
    dimensions: [.init(code: "D1", name: "Tham gia"), .init(code: "D2", name: "Công khai")],
    communes: [
      .init(
        code: "1", name: "Xã Tiên Lữ", parents: [], scores: ["D1": 7.5, "D2": nil],
        coverage: ["D1": 0.8, "D2": 0.1],
        weakAreas: []),
      .init(
        code: "2", name: "Xã An", parents: [], scores: ["D1": 5.5, "D2": 3], coverage: ["D1": 1, "D2": 1],
        weakAreas: []),
    ])

  @Test func tableAlignsVietnameseNamesAndMarksInsufficientData() {
    let lines = TerminalReadiness(useColor: false).table(data)
    #expect(
      lines == [
        "  Xã/phường    D1   D2 Đã học   Gần nhất",
        "────────────────────────────────────────",
        "● Xã Tiên Lữ  7.5    —    0/0          —",
        "● Xã An       5.5  3.0    0/0          —",
      ])
  }

  @Test func theTotalColumnAppearsWhenACommuneHasEveryDimension() {
    var withTotal = data
    withTotal.communes[1].total = 8.5
    let lines = TerminalReadiness(useColor: false).table(withTotal)
    #expect(lines[0].contains(" Tổng Đã học"))
    #expect(lines[2].contains("    — "))
    #expect(lines[3].contains("  8.5 "))
  }

  @Test func everyStatusTheProvinceRowAndLongNamesFitIn80Columns() {
    var wide = data
    wide.dimensions = (1...8).map { .init(code: "D\($0)", name: "Chỉ số \($0)") }
    wide.communes[0].name = "Phường Tân Phong của một tỉnh có tên rất dài"
    wide.communes[0].status = .someResults
    wide.communes[0].lastReceived = "2026-10-15"
    wide.communes[0].trainedOfficials = 12
    wide.communes[0].rosterOfficials = 25
    wide.communes[1].status = .noResults
    wide.communes[1].total = 60.2
    wide.province = .init(
      name: "Tỉnh Lai Châu", communes: 38, trained: 1, someResults: 1, averages: ["D1": 6.5, "D2": nil],
      trainedOfficials: 12, rosterOfficials: 25, lastReceived: "2026-10-15")
    let lines = TerminalReadiness(useColor: false).table(wide)
    for line in lines { #expect(line.displayWidth <= 80, "\(line)") }
    #expect(lines[2].hasPrefix("◐ Phường Tân Pho…"))
    #expect(lines[2].hasSuffix(" 12/25 2026-10-15"))
    #expect(lines[3].hasPrefix("○ Xã An"))
    #expect(lines.last?.hasPrefix("  Tỉnh Lai Châu") == true)
    #expect(lines.last?.contains("6.5    —") == true)
  }

  @Test func theLegendNamesEveryBandWithItsScoresAndEveryStatus() {
    let legend = TerminalReadiness(useColor: false).legend(data)
    #expect(legend[0] == "■ ≥ 8.2 Tốt  ■ 7.3–8.1 Đạt  ■ 5.5–7.2 Dưới ngưỡng yếu  ■ < 5.5 Thấp")
    #expect(legend[1].hasPrefix("● đã học") && legend[1].contains("○ chưa có kết quả"))
    let coloured = TerminalReadiness(useColor: true).legend(data)
    #expect(coloured[0].contains("\u{1B}["))
  }

  @Test func barsShowTheScoreAndTheProvinceAverage() {
    let lines = TerminalReadiness(useColor: false).bars(for: data.communes[0], in: data, width: 9)
    // Score 7.5 fills round(6.5 / 9 × 9) = 7 cells; the average (6.5) marks the 7th with |.
    #expect(lines[0] == "D1  Tham gia  ██████|·· 7.5")
    #expect(lines[1] == "D2  Công khai chưa đủ dữ liệu")
  }
}

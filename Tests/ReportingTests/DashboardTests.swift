import Testing

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

  @Test func bandsFollowQuartilesOfTheScoresShown() {
    let renderer = DashboardRenderer()
    // Three scores cannot make quartiles: one band for all.
    #expect(renderer.quartiles(data) == [])
    #expect(renderer.band(7.5, quartiles: []) == "b2")
    var many = data
    many.communes = (1...8).map { index in
      .init(
        code: "\(index)", name: "Xã \(index)", parents: [], scores: ["D1": Double(index), "D2": nil],
        coverage: [:], weakAreas: [])
    }
    let cuts = renderer.quartiles(many)
    #expect(cuts == [3, 5, 6])
    #expect(renderer.band(8, quartiles: cuts) == "b1")
    #expect(renderer.band(5, quartiles: cuts) == "b2")
    #expect(renderer.band(3, quartiles: cuts) == "b3")
    #expect(renderer.band(2, quartiles: cuts) == "b4")
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
        "Xã/phường           D1          D2",
        "──────────────────────────────────",
        "Xã Tiên Lữ   7.5 (80%)     — (10%)",
        "Xã An       5.5 (100%)  3.0 (100%)",
      ])
  }

  @Test func theTotalColumnAppearsWhenACommuneHasEveryDimension() {
    var withTotal = data
    withTotal.communes[1].total = 8.5
    let lines = TerminalReadiness(useColor: false).table(withTotal)
    #expect(lines[0].hasSuffix("  Tổng"))
    #expect(lines[2].hasSuffix("     —"))
    #expect(lines[3].hasSuffix("   8.5"))
  }

  @Test func barsShowTheScoreAndTheProvinceAverage() {
    let lines = TerminalReadiness(useColor: false).bars(for: data.communes[0], in: data, width: 9)
    // Score 7.5 fills round(6.5 / 9 × 9) = 7 cells; the average (6.5) marks the 7th with |.
    #expect(lines[0] == "D1  Tham gia  ██████|·· 7.5")
    #expect(lines[1] == "D2  Công khai chưa đủ dữ liệu")
  }
}

import Testing
import VietnameseText

@testable import TerminalUI

@Suite struct MarkdownRendererTests {
  let plain = MarkdownRenderer(width: 30, style: Style(enabled: false))

  @Test func headingsListsAndQuotesRenderWithoutMarkers() {
    let lines = plain.render(
      """
      # Tiếp nhận hồ sơ

      Công chức **phải** kiểm tra *tính đầy đủ*.

      - Ý một
      1. Bước một
      > Ghi nhớ
      """)
    #expect(
      lines == [
        "TIẾP NHẬN HỒ SƠ", "═══════════════", "", "Công chức phải kiểm tra tính", "đầy đủ.", "", "  • Ý một",
        "  1. Bước một", "  │ Ghi nhớ",
      ])
  }

  @Test func wrapsByDisplayWidthNeverInsideAWordAndIndentsListItems() {
    let text = "- Người dân được biết, được bàn, được làm, được kiểm tra, được giám sát và được thụ hưởng."
    let lines = plain.render(text)
    #expect(lines.count > 2)
    #expect(lines.allSatisfy { $0.displayWidth <= 30 })
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") })
    let words = lines.joined(separator: " ").split(separator: " ").filter { $0 != "•" }
    #expect(words.joined(separator: " ") == String(text.dropFirst(2)))
  }

  @Test func decomposedTextWrapsLikePrecomposedText() {
    let nfc = "Quản trị hành chính công cấp xã và phường hiện nay"
    let nfd = nfc.decomposedStringWithCanonicalMapping
    #expect(plain.render(nfd).map(\.nfc) == plain.render(nfc))
  }

  @Test func colourAddsStylesWithoutChangingTheWrap() {
    let coloured = MarkdownRenderer(width: 30, style: Style(enabled: true))
    let lines = coloured.render("Một **hai** ba bốn năm sáu bảy tám chín mười mười một")
    #expect(lines[0].contains("\u{1B}[1mhai\u{1B}[0m"))
    #expect(lines.count == plain.render("Một **hai** ba bốn năm sáu bảy tám chín mười mười một").count)
  }
}

@Suite struct MarkdownTableAndLinkTests {
  let table = """
    | Ai | Làm gì |
    |---|---|
    | Chủ tịch UBND xã | Chỉ đạo bộ phận một cửa, ký quyết định |
    | Công chức văn phòng | Tiếp nhận hồ sơ và trả kết quả |
    """

  @Test func tablesAreDrawnWithoutPipesAtEveryWidth() {
    for width in [20, 40, 60, 80] {
      let lines = MarkdownRenderer(width: width, style: Style(enabled: false)).render(table)
      #expect(lines.allSatisfy { $0.displayWidth <= width }, "\(width): \(lines)")
      #expect(!lines.contains { $0.contains("|") })
      #expect(lines.joined(separator: " ").contains("Chủ"))
    }
    let wide = MarkdownRenderer(width: 80, style: Style(enabled: false)).render(table)
    #expect(wide[0] == "Ai                   Làm gì")
  }

  @Test func linksAreShownAsTheirText() {
    let lines = MarkdownRenderer(width: 60, style: Style(enabled: false)).render(
      "Xem [Luật 10/2022/QH15](https://example.vn/luat) và **[Nghị định 59](x)**.")
    #expect(lines == ["Xem Luật 10/2022/QH15 và Nghị định 59."])
  }
}

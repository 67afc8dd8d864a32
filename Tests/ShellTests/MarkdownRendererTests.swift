import TerminalUI
import Testing
import VietnameseText

@testable import Shell

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

@Suite struct CompletionTests {
  @Test func commonPrefixNeverShortensWhatWasTyped() {
    #expect(commonPrefix(["oss-l01", "oss-l02"], typed: "oss") == "oss-l0")
    #expect(commonPrefix(["Quản trị", "Quan hệ"], typed: "quan") == "quan")
  }
}

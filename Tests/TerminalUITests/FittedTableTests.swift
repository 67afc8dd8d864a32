import Testing
import VietnameseText

@testable import TerminalUI

@Suite struct FittedTableTests {
  let header = ["Mục", "Điều", "Nội dung", "\"Dân...\""]
  let rows = [
    ["Mục 1", "11-14", "Công khai thông tin ở xã", "dân biết"],
    ["Mục 3", "25-29", "Nhân dân tham gia ý kiến trước khi cơ quan có thẩm quyền quyết định", "dân bàn"],
  ]

  func words(_ lines: [String]) -> Set<String> {
    Set(lines.joined(separator: " ").split(separator: " ").map(String.init))
  }

  @Test func aTableThatFitsIsAlignedOnOneLinePerRow() {
    let table = FittedTable(header: header, rows: rows, width: 120)
    #expect(table.shape == .aligned)
    let lines = table.lines()
    #expect(lines.count == 4)
    #expect(lines[1].hasPrefix("─────"))
    #expect(lines[2].hasPrefix("Mục 1  11-14  Công khai"))
    #expect(lines.allSatisfy { $0.displayWidth <= 120 })
  }

  @Test func aNarrowerWidthWrapsCellsInsideTheirColumns() {
    let table = FittedTable(header: header, rows: rows, width: 60)
    #expect(table.shape == .wrapped)
    let lines = table.lines()
    #expect(lines.allSatisfy { $0.displayWidth <= 60 })
    #expect(words(lines).isSuperset(of: words(rows.flatMap { $0 })))
    // The third column starts at the same place on every line of a row: a continuation line has
    // only spaces before it.
    let column = lines[0].distance(from: lines[0].startIndex, to: lines[0].range(of: "Nội dung")!.lowerBound)
    let continued = lines.filter { $0.hasPrefix(" ") }
    #expect(!continued.isEmpty)
    #expect(
      continued.allSatisfy { $0.prefix(column).allSatisfy { $0 == " " } && $0.dropFirst(column).first != " " }
    )
  }

  /// Columns squeezed to 8 (short words, long cells) wrap at 8, not at a screen's least 10: no
  /// line is wider than the table, and each column's text stays in its column.
  @Test func aColumnNarrowerThanTenWrapsAtItsOwnWidth() {
    let cell = "abc defgh ijk lmnop"
    let table = FittedTable(header: ["Một", "Hai"], rows: [[cell, cell]], width: 18)
    #expect(table.shape == .wrapped)
    #expect(table.readableWidths == [8, 8])
    let lines = table.lines()
    #expect(lines.allSatisfy { $0.displayWidth <= 18 }, "\(lines)")
    for line in lines.dropFirst(2) {
      #expect(line.count <= 8 || line.dropFirst(8).hasPrefix("  "), "\(line)")
    }
    #expect(words(lines).isSuperset(of: words([cell])))
  }

  @Test func aTableTooWideForItsWordsBecomesRecordsOfLabelAndValue() {
    let table = FittedTable(header: header, rows: rows, width: 24)
    #expect(table.shape == .records)
    let lines = table.lines()
    #expect(lines.allSatisfy { $0.displayWidth <= 24 })
    #expect(lines.first == "• Mục: Mục 1")
    #expect(lines.contains("  Điều: 11-14"))
    #expect(words(lines).isSuperset(of: words(rows.flatMap { $0 })))
  }

  @Test func stylesCountNothingInTheWidth() {
    let plain = FittedTable(header: header, rows: rows, width: 60).lines()
    let styled = FittedTable(header: header, rows: rows, width: 60).lines(style: Style(enabled: true))
    #expect(plain.count == styled.count)
    #expect(styled.allSatisfy { TextWrapper.visibleWidth($0) <= 60 })
  }
}

@Suite struct TextWrapperTests {
  @Test func linesWrapUnderTheirMarkerAndIndent() {
    let wrapper = TextWrapper(width: 30)
    let lines = wrapper.wrapLine("  b) Người dân được biết, được bàn, được làm và được kiểm tra")
    #expect(lines.count > 1)
    #expect(lines[0].hasPrefix("  b) Người"))
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("     ") && !$0.hasPrefix("      ") })
    #expect(lines.allSatisfy { $0.displayWidth <= 30 })
  }

  @Test func aLabelBecomesTheHangingIndent() {
    let lines = TextWrapper(width: 30).wrapLine("Giải thích: Nghị định 118 quy định thủ tục một cửa")
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("            ") })
  }

  @Test func onlyAWordWiderThanTheLineIsCut() {
    let lines = TextWrapper(width: 20).wrap(
      "xem https://thuvienphapluat.vn/van-ban/nghi-dinh-118", firstPrefix: "", restPrefix: "")
    #expect(lines.allSatisfy { $0.displayWidth <= 20 })
    #expect(lines[0] == "xem")
    #expect(lines.joined() == "xemhttps://thuvienphapluat.vn/van-ban/nghi-dinh-118")
  }

  @Test func shortLinesAreLeftAlone() {
    #expect(TextWrapper(width: 80).wrapLine("  • Ý một") == ["  • Ý một"])
  }
}

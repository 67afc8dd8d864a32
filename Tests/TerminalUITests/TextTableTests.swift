import TerminalUI
import Testing

@Suite struct TextTableTests {
  @Test func vietnameseCellsLineUpByDisplayWidth() {
    // "Nguyễn" decomposed or not is six columns; the table pads by columns, not by characters.
    let lines = TextTable([["Họ và tên", "Mã"], ["Nguyễn Thị Hoa", "1"], ["Lò Văn A", "22"]]).lines
    #expect(lines == ["Họ và tên       Mã", "Nguyễn Thị Hoa  1", "Lò Văn A        22"])
  }

  @Test func rightAlignedColumnsArePaddedOnTheLeftAndTheRuleSpansEachColumn() {
    let table = TextTable([["Mã", "Số"], ["D1", "7"], ["D10", "12 !"]], alignments: [.left, .right])
    #expect(table.lines == ["Mã     Số", "D1      7", "D10  12 !"])
    #expect(table.rule() == "---  ----")
  }

  @Test func shortRowsAndNoRows() {
    #expect(TextTable([]).lines == [])
    #expect(TextTable([["a", "b"], ["ccc"]]).lines == ["a    b", "ccc"])
  }

  @Test func stylesHonourNoColorAndTheFlag() {
    #expect(!Style.standardOutput(noColor: false, environment: ["NO_COLOR": "1"]).enabled)
    #expect(!Style.standardOutput(noColor: true, environment: [:]).enabled)
    #expect(Style(enabled: false).highlight("x", .red) == "x")
    #expect(Style(enabled: true).highlight("x", .red) == "\u{1B}[41;97mx\u{1B}[0m")
  }
}

import Foundation
import Testing

@testable import Reporting

let sample = Table(
  name: "Điểm / Scores",
  header: ["Họ và tên", "Xã", "Điểm"],
  rows: [
    ["Nguyễn Văn An", "Tiên Lữ", 8.5],
    ["=HYPERLINK(\"http://x\")", "+1 xã", -2],
    ["@SUM(A1)", "-1", 0.333333333],
    ["Trần \"Bé\", Ba", .empty, 10],
  ])

@Suite struct CSVWriterTests {
  let csv = String(decoding: CSVWriter().data(for: sample), as: UTF8.self)

  @Test func startsWithAByteOrderMarkForExcel() {
    #expect(csv.unicodeScalars.first == "\u{FEFF}")
    #expect(
      !String(decoding: CSVWriter(byteOrderMark: false).data(for: sample), as: UTF8.self).hasPrefix(
        "\u{FEFF}"))
  }

  @Test func formulaTriggersAreNeutralisedAndNumbersStayNumbers() {
    let lines = csv.dropFirst().components(separatedBy: "\r\n")
    #expect(lines[0] == "Họ và tên,Xã,Điểm")
    #expect(lines[1] == "Nguyễn Văn An,Tiên Lữ,8.5")
    #expect(lines[2] == "\"'=HYPERLINK(\"\"http://x\"\")\",'+1 xã,-2")
    #expect(lines[3] == "'@SUM(A1),'-1,0.333333")
    #expect(lines[4] == "\"Trần \"\"Bé\"\", Ba\",,10")
  }

  @Test func tabAndCarriageReturnAtTheStartAreNeutralisedToo() {
    let writer = CSVWriter()
    #expect(writer.field(.text("\tcmd")) == "'\tcmd")
    #expect(writer.field(.text("\rcmd")) == "\"'\rcmd\"")
    #expect(writer.field(.text("a-b")) == "a-b")
  }

  @Test func decomposedTextIsWrittenInNFC() {
    let nfd = "Qua\u{0309}n"
    #expect(Array(CSVWriter().field(.text(nfd)).unicodeScalars) == Array("Quản".unicodeScalars))
  }
}

@Suite struct XLSXWriterTests {
  /// Reads a workbook back with Python's zipfile and XML parser: an independent implementation.
  func readBack(_ data: Data) throws -> [String: Any] {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("papi-\(UUID().uuidString).xlsx")
    try data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let script = """
      import json, sys, zipfile, xml.etree.ElementTree as ET
      ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
      z = zipfile.ZipFile(sys.argv[1])
      assert z.testzip() is None
      wb = ET.fromstring(z.read('xl/workbook.xml'))
      names = [s.get('name') for s in wb.find('m:sheets', ns)]
      sheets = {}
      for i, name in enumerate(names):
          root = ET.fromstring(z.read(f'xl/worksheets/sheet{i+1}.xml'))
          pane = root.find('m:sheetViews/m:sheetView/m:pane', ns)
          rows = []
          for row in root.find('m:sheetData', ns):
              cells = []
              for c in row:
                  if c.get('t') == 'inlineStr':
                      cells.append({'r': c.get('r'), 't': c.find('m:is/m:t', ns).text, 's': c.get('s')})
                  else:
                      cells.append({'r': c.get('r'), 'n': float(c.find('m:v', ns).text), 's': c.get('s')})
                  assert c.find('m:f', ns) is None
              rows.append(cells)
          sheets[name] = {'frozen': pane.get('state') if pane is not None else None, 'rows': rows}
      print(json.dumps(sheets))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    return try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
  }

  @Test func writesTypedCellsWithAFrozenBoldHeader() throws {
    let data = XLSXWriter().data(for: [
      sample, Table(name: "Items", header: ["Câu", "Độ khó"], rows: [["q1", 0.5]]),
    ])
    let sheets = try readBack(data)
    #expect(Set(sheets.keys) == ["Điểm  Scores", "Items"])
    let scores = try #require(sheets["Điểm  Scores"] as? [String: Any])
    #expect(scores["frozen"] as? String == "frozen")
    let rows = try #require(scores["rows"] as? [[[String: Any]]])
    #expect(rows.count == 5)
    #expect(rows[0][0]["t"] as? String == "Họ và tên")
    #expect(rows[0][0]["s"] as? String == "1")
    #expect(rows[1][2]["n"] as? Double == 8.5)
    // A would-be formula is a typed text cell, and a negative number stays a number.
    #expect(rows[2][0]["t"] as? String == "=HYPERLINK(\"http://x\")")
    #expect(rows[2][2]["n"] as? Double == -2)
    // An empty cell is skipped, so the number lands in column C.
    #expect(rows[4].map { $0["r"] as? String } == ["A5", "C5"])
  }

  @Test func sheetNamesFollowExcelsRules() {
    let names = XLSXWriter().sheetNames(["a/b", "a/b", String(repeating: "x", count: 40), ""])
    #expect(names == ["ab", "ab 2", String(repeating: "x", count: 31), "Sheet4"])
  }

  @Test func columnNamesGoPastZ() {
    #expect(XLSXWriter.columnName(0) == "A")
    #expect(XLSXWriter.columnName(25) == "Z")
    #expect(XLSXWriter.columnName(26) == "AA")
    #expect(XLSXWriter.columnName(701) == "ZZ")
  }

  @Test func controlCharactersCannotBreakTheXML() throws {
    let table = Table(name: "x", header: ["a"], rows: [["bad\u{0001}<tag>&"]])
    let sheets = try readBack(XLSXWriter().data(for: [table]))
    let rows = try #require((sheets["x"] as? [String: Any])?["rows"] as? [[[String: Any]]])
    #expect(rows[1][0]["t"] as? String == "bad<tag>&")
  }
}

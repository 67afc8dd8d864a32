import Foundation
import PapiTrainTesting
import Testing
import Toolkit

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

  /// A table big enough to be written in parts, whose texts repeat (the same string, and equal
  /// strings stored apart): every line is exactly what the rules give.
  @Test func repeatedTextsAndBigTablesGiveTheSameBytes() {
    let question = "Người dân được tiếp cận thông tin về kế hoạch sử dụng đất của xã như thế nào?"
    let copy = String(question.unicodeScalars)
    let rows: [[Cell]] = (0..<25_000).map { (index: Int) -> [Cell] in
      let text: String = index % 2 == 0 ? question : copy
      let time: String = "2026-10-15 08:31:" + String(index % 60)
      let last: String = index % 3 == 0 ? "-2" : "ok"
      return [
        .text(text), .text("=HYPERLINK(\"http://x\")"), .text("Qua\u{0309}n"), .text("Trần \"Bé\", Ba"),
        .number(Double(index) / 4), .empty, .text(time), .text(last),
      ]
    }
    let data = CSVWriter(byteOrderMark: false).data(for: Table(name: "x", header: ["a", "b"], rows: rows))
    var expected = "a,b\r\n"
    for index in 0..<25_000 {
      let quarter = ["", ".25", ".5", ".75"][index % 4]
      expected +=
        "\(question),\"'=HYPERLINK(\"\"http://x\"\")\",Quản,\"Trần \"\"Bé\"\", Ba\",\(index / 4)\(quarter),,"
        + "2026-10-15 08:31:\(index % 60),\(index % 3 == 0 ? "'-2" : "ok")\r\n"
    }
    #expect(data == Data(expected.utf8))
    // Rows made on demand, in parts on every core, give the same bytes.
    let made = Table(name: "x", header: ["a", "b"], count: rows.count) { rows[$0] }
    #expect(CSVWriter(byteOrderMark: false).data(for: made) == data)
  }

  /// Texts with quotes (at the start, inside, doubled, at the end), commas, line breaks,
  /// Vietnamese in both spellings, arrows and ticks, short and long, each met again in the same
  /// value, in an equal value stored apart and in another column: the file written in parts
  /// through `AtomicFile` reads back as a plain escaper, written independently here, gives it.
  @Test func escapingThroughTheByteWriterWrittenInPartsToAFile() throws {
    let pieces = [
      "\"", "\"\"", "a\"b", ",", "Xã Tiên Lữ", "\n", "\r\n", "Qua\u{0309}n", "1-b 2-a: trái → phải", "✓",
      "=1+1", "-", " ", "ơ", "Người dân được tiếp cận thông tin",
    ]
    var generator = SystemRandomNumberGenerator()
    let texts = (0..<400).map { index -> String in
      let count = index % 4 + 1
      return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }
    let rows: [[Cell]] = (0..<30_000).map { index in
      let text = texts[index % texts.count]
      let apart = String(text.unicodeScalars)
      return [.text(text), .text(apart), .text(texts[(index * 7) % texts.count]), .text(text), .number(1)]
    }
    func escaped(_ raw: String) -> String {
      let text = raw.precomposedStringWithCanonicalMapping
      let guarded = ["=", "+", "-", "@", "\t", "\r"].contains {
        text.unicodeScalars.first == $0.unicodeScalars.first
      }
      let quoted = text.contains { $0 == "\"" || $0 == "," || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
      let body = (guarded ? "'" : "") + text.replacingOccurrences(of: "\"", with: "\"\"")
      return quoted ? "\"" + body + "\"" : body
    }
    var expected = "\u{FEFF}a,b,c,d,e\r\n"
    for row in rows {
      expected +=
        row.map { cell in
          if case .text(let text) = cell { return escaped(text) }
          return "1"
        }.joined(separator: ",") + "\r\n"
    }
    let folder = try TemporaryFolder("papi-csv-parts")
    let table = Table(name: "x", header: ["a", "b", "c", "d", "e"], count: rows.count) { rows[$0] }
    let parts = CSVWriter().parts(for: table)
    #expect(parts.count > 2)
    try AtomicFile.write(parts: parts, to: folder.appending("x.csv"))
    let written = try Data(contentsOf: folder.appending("x.csv"))
    #expect(written == Data(expected.utf8))
    #expect(written == CSVWriter().data(for: table))
  }

  @Test func decomposedTextIsWrittenInNFC() {
    let nfd = "Qua\u{0309}n"
    #expect(Array(CSVWriter().field(.text(nfd)).unicodeScalars) == Array("Quản".unicodeScalars))
  }
}

@Suite struct XLSXWriterTests {
  /// Reads a workbook back with Python's zipfile and XML parser: an independent implementation.
  func readBack(_ data: Data) throws -> [String: Any] {
    let folder = try TemporaryFolder("papi-xlsx")
    let file = folder.appending("read-back.xlsx")
    try data.write(to: file)
    let script = """
      import json, sys, zipfile, xml.etree.ElementTree as ET
      ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
      z = zipfile.ZipFile(sys.argv[1])
      assert z.testzip() is None  # inflates every entry and checks its CRC-32
      assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in z.infolist())
      sst = ET.fromstring(z.read('xl/sharedStrings.xml'))
      shared = [si.find('m:t', ns).text or '' for si in sst.findall('m:si', ns)]
      assert len(shared) == len(set(shared)), 'a text is in the shared strings twice'
      assert int(sst.get('uniqueCount')) == len(shared)
      references = 0
      wb = ET.fromstring(z.read('xl/workbook.xml'))
      names = [s.get('name') for s in wb.find('m:sheets', ns)]
      sheets = {}
      for i, name in enumerate(names):
          root = ET.fromstring(z.read(f'xl/worksheets/sheet{i+1}.xml'))
          pane = root.find('m:sheetViews/m:sheetView/m:pane', ns)
          rows = []
          for row in root.find('m:sheetData', ns):
              cells = []
              # A cell without a reference is in the column after the cell before it (ECMA-376).
              column = 0
              for c in row:
                  given = c.get('r')
                  if given is not None:
                      letters = given.rstrip('0123456789')
                      assert given[len(letters):] == row.get('r'), f'{given} is not in row {row.get("r")}'
                      column = 0
                      for letter in letters:
                          column = column * 26 + ord(letter) - 64
                      column -= 1
                  label, index = '', column + 1
                  while index > 0:
                      index, remainder = divmod(index - 1, 26)
                      label = chr(65 + remainder) + label
                  column += 1
                  c.set('r', label + row.get('r'))
                  c.set('explicit', 'yes' if given is not None else 'no')
                  if c.get('t') == 's':
                      references += 1
                      cells.append({'r': c.get('r'), 't': shared[int(c.find('m:v', ns).text)], 's': c.get('s')})
                  elif c.get('t') == 'inlineStr':
                      text = c.find('m:is/m:t', ns).text or ''
                      cells.append({'r': c.get('r'), 't': text, 's': c.get('s'), 'inline': True})
                  else:
                      cells.append({'r': c.get('r'), 'n': float(c.find('m:v', ns).text), 's': c.get('s')})
                  cells[-1]['explicit'] = c.get('explicit') == 'yes'
                  assert c.find('m:f', ns) is None
              rows.append(cells)
          sheets[name] = {'frozen': pane.get('state') if pane is not None else None, 'rows': rows}
      assert int(sst.get('count')) == references
      sheets['_'] = {'shared': shared, 'sizes': {i.filename: [i.file_size, i.compress_size] for i in z.infolist()}}
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
    #expect(Set(sheets.keys) == ["Điểm  Scores", "Items", "_"])
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
    // An empty cell is skipped, so the number lands in column C: that cell names its place, the
    // cells that follow the one before them do not (a reader puts them in the next column).
    #expect(rows[4].map { $0["r"] as? String } == ["A5", "C5"])
    #expect(rows[4].map { $0["explicit"] as? Bool } == [false, true])
    #expect(rows[1].map { $0["explicit"] as? Bool } == [false, false, false])
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

  /// Column names are worked out from the header and the first 500 rows; a later row that is
  /// longer still names each of its cells.
  @Test func aLongRowAfterTheFirstFiveHundredNamesItsOwnColumns() throws {
    var rows: [[Cell]] = (0..<600).map { [.text("r\($0)"), .number(Double($0))] }
    rows[550] += (2..<30).map { .number(Double($0)) }
    let sheets = try readBack(XLSXWriter().data(for: [Table(name: "x", header: ["a", "b"], rows: rows)]))
    let read = try #require((sheets["x"] as? [String: Any])?["rows"] as? [[[String: Any]]])
    let long = read[551]
    #expect(long.count == 30)
    #expect(long.suffix(3).map { $0["r"] as? String } == ["AB552", "AC552", "AD552"])
    #expect(long.last?["n"] as? Double == 29)
    #expect(read[599].map { $0["r"] as? String } == ["A600", "B600"])
  }

  @Test func controlCharactersCannotBreakTheXML() throws {
    let table = Table(name: "x", header: ["a"], rows: [["bad\u{0001}<tag>&"]])
    let sheets = try readBack(XLSXWriter().data(for: [table]))
    let rows = try #require((sheets["x"] as? [String: Any])?["rows"] as? [[[String: Any]]])
    #expect(rows[1][0]["t"] as? String == "bad<tag>&")
  }

  @Test func aRepeatedTextIsOneSharedStringAndEveryCellResolvesToIt() throws {
    let question = "Người dân được tiếp cận thông tin về kế hoạch sử dụng đất của xã như thế nào?"
    let nfd = "Qua\u{0309}n"
    let rows: [[Cell]] = (0..<300).map { index in
      [
        .text(question), .text(String(question)), .text("=SUM(A\(index % 3))"), .text(nfd),
        .number(Double(index)),
      ]
    }
    let sheets = try readBack(
      XLSXWriter().data(for: [
        Table(name: "x", header: ["Câu", "Bản sao", "Công thức", "Tên", "Số"], rows: rows)
      ]))
    let shared = try #require((sheets["_"] as? [String: Any])?["shared"] as? [String])
    // The header's five texts, the question once, three formulas, the name once (in NFC).
    #expect(shared.count == 10)
    #expect(shared.filter { $0 == question }.count == 1)
    // Compared by bytes: Swift's == holds the two spellings equal.
    #expect(shared.contains { Array($0.utf8) == Array("Quản".utf8) })
    #expect(!shared.contains { Array($0.utf8) == Array(nfd.utf8) })
    let read = try #require((sheets["x"] as? [String: Any])?["rows"] as? [[[String: Any]]])
    #expect(read.count == 301)
    for (index, row) in read.dropFirst().enumerated() {
      #expect(
        row.map { $0["t"] as? String }.prefix(4) == [question, question, "=SUM(A\(index % 3))", "Quản"])
      #expect(row[4]["n"] as? Double == Double(index))
      #expect(row[0]["s"] is NSNull)
    }
  }

  /// A column whose texts do not repeat (times to the second) is written inline, not as shared
  /// strings; a column whose texts repeat stays shared. Both read back as typed.
  @Test func textsThatDoNotRepeatAreWrittenInline() throws {
    let rows: [[Cell]] = (0..<2_000).map { index in
      [
        .text("Lò Văn \(index % 7)"), .text("2026-10-15 \(index / 3600):\(index / 60 % 60):\(index % 60)"),
        .text(" ở \(index) "),
      ]
    }
    let sheets = try readBack(
      XLSXWriter().data(for: [Table(name: "x", header: ["Tên", "Lúc", "Ghi chú"], rows: rows)]))
    let shared = try #require((sheets["_"] as? [String: Any])?["shared"] as? [String])
    #expect(shared == ["Tên", "Lúc", "Ghi chú"] + (0..<7).map { "Lò Văn \($0)" })
    let read = try #require((sheets["x"] as? [String: Any])?["rows"] as? [[[String: Any]]])
    #expect(read.count == 2_001)
    for (index, row) in read.dropFirst().enumerated() {
      #expect(
        row.map { $0["t"] as? String } == rows[index].map { if case .text(let t) = $0 { t } else { nil } })
      #expect(row.map { $0["inline"] as? Bool ?? false } == [false, true, true])
    }
  }

  /// A sheet bigger than one compressed piece (1 MiB of XML): the pieces join into one DEFLATE
  /// stream that Python's zipfile inflates, CRC-32 and size checked, and it is far smaller.
  @Test func aBigSheetIsCompressedInPiecesThatInflateToTheWholeSheet() throws {
    let rows: [[Cell]] = (0..<40_000).map { index in
      [
        .text("Nguyễn Văn \(index % 2000)"), .text("q\(index % 15)"), .number(Double(index) / 8),
        .text("2026-10-15 08:\(index % 60)"),
      ]
    }
    let data = XLSXWriter().data(for: [Table(name: "Big", header: ["Tên", "Câu", "Điểm", "Lúc"], rows: rows)])
    // Rows made on demand (as the export's answers are) give the same bytes.
    let made = Table(name: "Big", header: ["Tên", "Câu", "Điểm", "Lúc"], count: rows.count) { rows[$0] }
    #expect(XLSXWriter().data(for: [made]) == data)
    let sheets = try readBack(data)
    let read = try #require((sheets["Big"] as? [String: Any])?["rows"] as? [[[String: Any]]])
    #expect(read.count == 40_001)
    #expect(read[40_000].map { $0["r"] as? String } == ["A40001", "B40001", "C40001", "D40001"])
    // Rows are made in parts on every core; every cell of every part resolves to its text.
    for (index, row) in read.dropFirst().enumerated()
    where row.map({ $0["t"] as? String }) != [
      "Nguyễn Văn \(index % 2000)", "q\(index % 15)", nil, "2026-10-15 08:\(index % 60)",
    ] || row[2]["n"] as? Double != Double(index) / 8 {
      Issue.record("row \(index + 2): \(row)")
      break
    }
    // The shared strings in the order first met, each once: the header's, then the rows' (the
    // names, all different in the first 500 rows, are written inline).
    let shared = try #require((sheets["_"] as? [String: Any])?["shared"] as? [String])
    #expect(shared.count == 4 + 15 + 60)
    #expect(Array(shared.prefix(7)) == ["Tên", "Câu", "Điểm", "Lúc", "q0", "2026-10-15 08:0", "q1"])
    let sizes = try #require((sheets["_"] as? [String: Any])?["sizes"] as? [String: [Int]])
    let sheet = try #require(sizes["xl/worksheets/sheet1.xml"])
    #expect(sheet[0] > 2 * XLSXWriter.pieceSize)
    #expect(sheet[1] * 4 < sheet[0])
  }
}

/// The header row is as high as its most wrapped heading, so that printed, no heading is cut off.
@Suite struct HeaderRowTests {
  @Test func theHeaderRowHoldsItsMostWrappedHeading() {
    // "Kiểm tra đầu vào - Dân chủ ở cơ sở: điểm (%)" in a column 11 wide: five lines of 10.
    #expect(XLSXWriter.headerHeight(["Kiểm tra đầu vào - Dân chủ ở cơ sở: điểm (%)"], widths: [11]) == 75)
    #expect(XLSXWriter.headerHeight(["Xã", "Họ và tên"], widths: [9, 20]) == 30)
    // A word longer than its column is cut across lines.
    #expect(XLSXWriter.headerHeight(["abcdefghijklmnopqrstuvwxyz"], widths: [11]) == 45)
  }
}

@Suite struct DeflateTests {
  /// Raw DEFLATE pieces, joined, inflate with Python's zlib to the bytes given, with their CRC-32.
  @Test func piecesJoinIntoOneStreamThatZlibInflates() throws {
    var deflater = ParallelDeflater()
    var generator = SystemRandomNumberGenerator()
    var all: [UInt8] = []
    for size in [0, 1, 70_000, 3, 1 << 20, 5_000] {
      // Half random bytes (which do not compress), half text (which does).
      var piece: [UInt8] = []
      for index in 0..<size {
        piece.append(index % 2 == 0 ? UInt8.random(in: 0...255, using: &generator) : UInt8(65 + index % 7))
      }
      all += piece
      deflater.append(piece)
    }
    let entry = deflater.finish()
    #expect(entry.size == all.count)
    let folder = try TemporaryFolder("papi-deflate")
    try Data(entry.compressed).write(to: folder.appending("raw"))
    try Data(all).write(to: folder.appending("plain"))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c",
      """
      import sys, zlib
      raw = open(sys.argv[1] + '/raw', 'rb').read()
      plain = open(sys.argv[1] + '/plain', 'rb').read()
      d = zlib.decompressobj(-15)
      out = d.decompress(raw) + d.flush()
      assert d.eof and not d.unused_data, 'the stream does not end with its final block'
      assert out == plain, 'inflated bytes differ'
      print(zlib.crc32(plain))
      """,
      folder.url.path,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .newlines) == String(entry.crc))
  }
}

@Suite struct NumberTextTests {
  /// The byte formatter agrees with `%.6f` without trailing zeros on values of every kind.
  @Test func numbersAreWrittenAsPrintfWritesThem() {
    var generator = SystemRandomNumberGenerator()
    var values: [Double] = [
      0, -0.0, 1, -2, 8.5, 0.333333333, 57.74, 70.71, 0.0000005, 0.0000015, -0.0000001, 2.0000001, 1e15,
      1.5e15,
      123456789.123456, 999999999.9999995, .nan, .infinity, -.infinity, 0.1 + 0.2, 12.5, 1e-7, 33.3,
    ]
    for _ in 0..<20_000 {
      let magnitude = Double.random(in: -9...9, using: &generator)
      values.append(Double.random(in: -1...1, using: &generator) * pow(10, magnitude))
      values.append((Double.random(in: 0...100, using: &generator) * 10).rounded() / 10)
    }
    for value in values {
      var bytes: [UInt8] = []
      NumberText.append(value, to: &bytes)
      var reference = String(format: "%.6f", value)
      if value.rounded() == value, abs(value) < 1e15 {
        reference = String(Int(value))
      } else if reference.contains(".") {
        while reference.hasSuffix("0") { reference.removeLast() }
        if reference.hasSuffix(".") { reference.removeLast() }
        if reference == "-0" { reference = "0" }
      }
      #expect(String(decoding: bytes, as: UTF8.self) == reference, "\(value)")
    }
  }

  @Test func aNumberThatRoundsToAWholeOneHasNoBareDot() {
    for (value, text) in [
      (1.9999999, "2"), (-0.0000001, "0"), (2.0000001, "2"), (-2.9999999, "-3"), (0.5, "0.5"),
    ] {
      var bytes: [UInt8] = []
      NumberText.append(value, to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == text, "\(value)")
    }
  }
}

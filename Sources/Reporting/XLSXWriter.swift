import Dispatch
import Foundation
import Synchronization
import VietnameseText

/// Writes tables as an Excel workbook, one sheet a table: text as typed strings (never formulas),
/// numbers as numbers, codes as text, date-times as date-time cells, a bold shaded header row
/// (wrapped, frozen in place), columns sized to fit.
///
/// Every sheet is set up to print: A4 landscape, fitted to one page wide (as many pages down as it
/// takes), the header row repeated on every page, gridlines, narrow margins, the sheet's name at
/// the top and "page / pages" at the bottom.
///
/// Texts go to the shared strings table (`xl/sharedStrings.xml`), as Excel writes them: a text
/// repeated on thousands of rows (a question, a name) is stored once. Every part is compressed.
public struct XLSXWriter: Sendable {
  public init() {}

  public func data(for tables: [Table]) -> Data {
    var archive = ZipArchive()
    let names = sheetNames(tables.map(\.name))
    archive.add("[Content_Types].xml", Data(contentTypes(count: tables.count).utf8))
    archive.add(
      "_rels/.rels",
      Data(
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """.utf8))
    archive.add("xl/workbook.xml", Data(workbook(names).utf8))
    archive.add("xl/_rels/workbook.xml.rels", Data(workbookRelationships(count: tables.count).utf8))
    archive.add("xl/styles.xml", Data(Self.styles.utf8))
    var strings = SharedStrings()
    for (index, table) in tables.enumerated() {
      archive.add("xl/worksheets/sheet\(index + 1).xml", sheet(table, strings: &strings))
    }
    archive.add("xl/sharedStrings.xml", strings.deflated())
    return archive.finished()
  }

  /// Sheet names as Excel allows them: at most 31 characters, none of []:*?/\, unique.
  func sheetNames(_ names: [String]) -> [String] {
    var used = Set<String>()
    return names.enumerated().map { index, name in
      var clean = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
      if clean.isEmpty { clean = "Sheet\(index + 1)" }
      var candidate = clean
      var suffix = 2
      while used.contains(candidate.lowercased()) {
        candidate = String(clean.prefix(28)) + " \(suffix)"
        suffix += 1
      }
      used.insert(candidate.lowercased())
      return candidate
    }
  }

  private func contentTypes(count: Int) -> String {
    let sheets = (1...max(count, 1)).prefix(count).map {
      "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }.joined()
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
      <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
      <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
      \(sheets)</Types>
      """
  }

  private func workbook(_ names: [String]) -> String {
    let sheets = names.enumerated().map { index, name in
      "<sheet name=\"\(Self.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }.joined()
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
      <sheets>\(sheets)</sheets><definedNames>\(printTitles(names))</definedNames></workbook>
      """
  }

  /// Each sheet's header row, repeated at the top of every printed page.
  private func printTitles(_ names: [String]) -> String {
    names.enumerated().map { index, name in
      let quoted = Self.escape(name.replacingOccurrences(of: "'", with: "''"))
      return
        "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">'\(quoted)'!$1:$1</definedName>"
    }.joined()
  }

  private func workbookRelationships(count: Int) -> String {
    var relationships = (0..<count).map { index in
      "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
    }
    relationships.append(
      "<Relationship Id=\"rId\(count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    )
    relationships.append(
      "<Relationship Id=\"rId\(count + 2)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    )
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      \(relationships.joined())</Relationships>
      """
  }

  /// Style 0: default; style 1: the header (bold on light grey, wrapped, at the top); style 2:
  /// numbers with up to 2 decimals; style 3: date-times (`2026-10-15 08:31:00`).
  static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <numFmts count="2"><numFmt numFmtId="164" formatCode="0.##"/>\
    <numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd hh:mm:ss"/></numFmts>\
    <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
    <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
    <fill><patternFill patternType="solid"><fgColor rgb="FFDDE4EE"/><bgColor indexed="64"/></patternFill></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">\
    <alignment vertical="top" wrapText="1"/></xf>\
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
    </styleSheet>
    """

  /// What every sheet ends with: gridlines printed, margins (inches), A4 landscape fitted to one
  /// page wide, the sheet's name above and the page number below.
  static let printSetup = """
    <printOptions gridLines="1"/>\
    <pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.25" footer="0.25"/>\
    <pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>\
    <headerFooter><oddHeader>&amp;C&amp;A</oddHeader><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>
    """

  /// The widest a column is made (characters): a longer text is cut off on paper where the next
  /// cell has text (wrapping it would need row heights that readers do not work out on opening).
  static let widestColumn = 48.0
  /// The widest a column is made for its header alone: a long header wraps.
  static let widestHeader = 14.0
  /// The same for a column of numbers, and the widest a column of codes is made.
  static let widestNumberHeader = 8.0
  static let widestCode = 12.0

  /// The header row's height in points: 15 per line of its most wrapped heading (bold 11-point
  /// Calibri, about one character per unit of column width, a character kept for the padding),
  /// at least two lines.
  static func headerHeight(_ header: [String], widths: [Int]) -> Int {
    var lines = 2
    for (text, width) in zip(header, widths) {
      let room = max(4, width - 1)
      var count = 1
      var used = 0
      for word in text.split(separator: " ") {
        let length = word.unicodeScalars.count
        if used == 0 {
          used = length
        } else if used + 1 + length <= room {
          used += 1 + length
        } else {
          count += 1
          used = length
        }
        // A word longer than the column is cut across lines.
        while used > room {
          count += 1
          used -= room
        }
      }
      lines = max(lines, count)
    }
    return 15 * lines
  }

  /// A sheet's XML, built byte by byte (a class of thousands of officials has millions of cells)
  /// and compressed piece by piece as it is built.
  private func sheet(_ table: Table, strings: inout SharedStrings) -> DeflatedEntry {
    let sample = (0..<min(table.rowCount, 500)).map(table.row)
    let columnCount = max(table.header.count, sample.map(\.count).max() ?? 0)
    // A column of numbers is as wide as its numbers (its header wraps), one of texts as its texts
    // up to `widestColumn` (longer ones wrap), one of codes as its codes up to `widestCode` (a
    // long id is cut off on paper: it is for matching files, not for reading).
    var headerWidths = table.header.map { Double($0.unicodeScalars.count) }
    headerWidths += Array(repeating: 4, count: max(0, columnCount - headerWidths.count))
    var widths = [Double](repeating: 6, count: columnCount)
    var hasText = [Bool](repeating: false, count: columnCount)
    for row in sample {
      for (index, cell) in row.enumerated() where index < columnCount {
        switch cell {
        case .text(let text):
          hasText[index] = true
          widths[index] = max(widths[index], min(Double(text.unicodeScalars.count), Self.widestColumn))
        case .code(let text):
          widths[index] = max(widths[index], min(Double(text.unicodeScalars.count), Self.widestCode))
        case .dateTime: widths[index] = max(widths[index], 19)
        case .number, .empty: continue
        }
      }
    }
    for index in widths.indices {
      let header = min(headerWidths[index], hasText[index] ? Self.widestHeader : Self.widestNumberHeader)
      widths[index] = max(widths[index], header)
    }
    let headerHeight = Self.headerHeight(table.header, widths: widths.map { Int($0) + 3 })
    let columns = widths.enumerated().map { index, width in
      "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(Int(width) + 3)\" customWidth=\"1\"/>"
    }.joined()
    var deflater = ParallelDeflater()
    var xml = Array(
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
      <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0">\
      <pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
      <cols>\(columns)</cols><sheetData>
      """.utf8)
    let names = ColumnNames(count: columnCount)
    // A column whose texts hardly repeat (times to the second) is written inline: in the shared
    // strings each would be one more entry, looked up and stored for nothing.
    let inline = (0..<columnCount).map { column in
      let texts = sample.compactMap { row -> String? in
        guard column < row.count, case .text(let text) = row[column] else { return nil }
        return text
      }
      return texts.count >= 100 && Set(texts).count * 10 >= texts.count * 9
    }
    var header = SheetPart()
    var headerTexts = TextMemo<Int>(shared: true)
    Self.append(
      1, table.header.map(Cell.text), header: true, names: names, inline: [], texts: &headerTexts,
      to: &header,
      headerHeight: headerHeight)
    xml += header.filled(with: strings.numbers(of: header))
    // The rows are made and written as XML in parts of `rowsPerPart`, a batch of parts at a time
    // on every core; then each part's texts get their numbers in the shared strings, part after
    // part (so in the order first met, as if written row by row), and the numbers are filled in.
    let count = table.rowCount
    let parts = (count + Self.rowsPerPart - 1) / Self.rowsPerPart
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let batches = stride(from: 0, to: parts, by: cores).map { $0..<min($0 + cores, parts) }
    // While the parts of one batch are numbered, filled and handed to the compressor here, the
    // next batch is made on the other cores.
    let make = { @Sendable (batch: Range<Int>) -> PartsInFlight in
      let flight = PartsInFlight(count: batch.count)
      DispatchQueue.global(qos: .userInitiated).async(group: flight.group) {
        DispatchQueue.concurrentPerform(iterations: batch.count) { offset in
          let part = batch.lowerBound + offset
          var texts = TextMemo<Int>(shared: true)
          var sheetPart = SheetPart()
          sheetPart.xml.reserveCapacity(Self.rowsPerPart * 48 * max(1, columnCount))
          for index in (part * Self.rowsPerPart)..<min((part + 1) * Self.rowsPerPart, count) {
            Self.append(
              index + 2, table.row(index), header: false, names: names, inline: inline, texts: &texts,
              to: &sheetPart)
          }
          flight.made.withLock { $0[offset] = sheetPart }
        }
      }
      return flight
    }
    deflater.append(xml)
    var inFlight = batches.first.map(make)
    for number in batches.indices {
      guard let current = inFlight else { break }
      let made = current.parts()
      inFlight = number + 1 < batches.count ? make(batches[number + 1]) : nil
      for part in made { deflater.append(part.filled(with: strings.numbers(of: part))) }
    }
    deflater.append(Array("</sheetData>\(Self.printSetup)</worksheet>".utf8))
    return deflater.finish()
  }

  /// The parts of a batch being made on other threads.
  private final class PartsInFlight: Sendable {
    let group = DispatchGroup()
    let made: Mutex<[SheetPart?]>

    init(count: Int) { made = Mutex([SheetPart?](repeating: nil, count: count)) }

    /// The parts, once all are made.
    func parts() -> [SheetPart] {
      group.wait()
      return made.withLock { $0.map { $0! } }
    }
  }

  /// How much XML is compressed at a time.
  static let pieceSize = 1 << 20
  /// How many rows a part of a sheet made on one core holds.
  static let rowsPerPart = 8192

  /// The pieces of a cell's XML. Static text is appended from its own bytes: appending a shared
  /// `[UInt8]` retains it, millions of times, from every core at once.
  private enum Markup {
    static let rowStart: StaticString = "<row r=\""
    static let rowStartEnd: StaticString = "\">"
    static let rowHeight: StaticString = "\" ht=\""
    static let rowHeightEnd: StaticString = "\" customHeight=\"1\">"
    static let rowEnd: StaticString = "</row>"
    static let cellStart: StaticString = "<c"
    static let referenceStart: StaticString = " r=\""
    static let referenceEnd: StaticString = "\""
    static let numberValue: StaticString = " s=\"2\"><v>"
    static let dateTimeValue: StaticString = " s=\"3\"><v>"
    static let headerNumberValue: StaticString = " s=\"1\"><v>"
    static let sharedValue: StaticString = " t=\"s\"><v>"
    static let headerSharedValue: StaticString = " t=\"s\" s=\"1\"><v>"
    static let valueEnd: StaticString = "</v></c>"
    static let inlineText: StaticString = " t=\"inlineStr\"><is>"
    static let inlineTextEnd: StaticString = "</is></c>"
  }

  /// Rows of a sheet as XML, made on their own: their texts are numbered within the part, and
  /// where a text cell's shared-string number goes is a hole, filled by ``filled(with:)``.
  struct SheetPart: Sendable {
    var xml: [UInt8] = []
    /// The part's distinct texts, in the order first met, and the column each was first met in.
    var texts: [String] = []
    var textColumns: [Int] = []
    /// Where in `xml` a number goes, and which of `texts` it is the number of.
    var holes: [(offset: Int, text: Int)] = []

    /// The XML with each hole filled with `numbers[text]`: written through a pointer into room
    /// for the longest numbers, the runs between holes copied whole.
    func filled(with numbers: [Int]) -> [UInt8] {
      xml.withUnsafeBufferPointer { xml in
        [UInt8](unsafeUninitializedCapacity: xml.count + 20 * holes.count) { room, written in
          var cursor = ByteCursor(room.baseAddress!)
          var start = 0
          for hole in holes {
            cursor.put(UnsafeBufferPointer(rebasing: xml[start..<hole.offset]))
            cursor.putInteger(Int64(numbers[hole.text]))
            start = hole.offset
          }
          cursor.put(UnsafeBufferPointer(rebasing: xml[start...]))
          written = cursor.count
        }
      }
    }
  }

  /// Appends row `number` to `part`: texts of the columns marked `inline` in the cell itself,
  /// other texts as holes for their shared-string numbers.
  ///
  /// A cell right after the one before it (or first in its row, in column A) has no `r`
  /// reference: ECMA-376 makes it optional, and readers (Excel, LibreOffice, Google Sheets,
  /// openpyxl) put such a cell in the next column; Microsoft's own exporters write cells so. Only
  /// a cell after a skipped empty one names its place. The worksheet is a third smaller for it.
  private static func append(
    _ number: Int, _ cells: [Cell], header: Bool, names: ColumnNames, inline: [Bool],
    texts: inout TextMemo<Int>,
    to part: inout SheetPart, headerHeight: Int = 0
  ) {
    var row = RowStart(number: number, header: header, headerHeight: headerHeight)
    part.xml.appendWriting(atMost: RowStart.longest) { row.write(to: &$0) }
    // Cells are written through a pointer into room made for a run of them (no array append per
    // piece); a cell whose size is not known ahead (an inline text, a rare number) is appended.
    var index = 0
    while index < cells.count {
      var end = index
      var room = 0
      while end < cells.count, let size = roomNeeded(cells[end], column: end, inline: inline) {
        room += size
        end += 1
      }
      if end > index {
        let run = index..<end
        // The part's lists are moved out (not copied) while its bytes are written.
        var holes = Holes(
          base: part.xml.count, texts: part.texts, columns: part.textColumns, found: part.holes)
        (part.texts, part.textColumns, part.holes) = ([], [], [])
        part.xml.appendWriting(atMost: room) { cursor in
          for column in run {
            writeCell(
              cells[column], column: column, row: &row, names: names, texts: &texts, holes: &holes,
              to: &cursor)
          }
        }
        (part.texts, part.textColumns, part.holes) = (holes.texts, holes.columns, holes.found)
      }
      guard end < cells.count else { break }
      appendCell(cells[end], column: end, row: &row, names: names, to: &part.xml)
      index = end + 1
    }
    part.xml.append(Markup.rowEnd)
  }

  /// What a row's cells need of it: its number for a cell's reference, and the column a cell
  /// without a reference is read in.
  private struct RowStart {
    let number: Int
    let header: Bool
    let headerHeight: Int
    var implicitColumn = 0

    /// The most bytes ``write(to:)`` writes.
    static let longest = 80

    init(number: Int, header: Bool, headerHeight: Int) {
      self.number = number
      self.header = header
      self.headerHeight = headerHeight
    }

    /// `<row r="N">`: the header row is as high as its most wrapped heading (readers do not size
    /// a row to its wrapped text, and LibreOffice prints a fixed-height row's overflow cut off).
    func write(to cursor: inout ByteCursor) {
      cursor.put(Markup.rowStart)
      putDigits(to: &cursor)
      if header {
        cursor.put(Markup.rowHeight)
        cursor.putInteger(Int64(headerHeight))
        cursor.put(Markup.rowHeightEnd)
      } else {
        cursor.put(Markup.rowStartEnd)
      }
    }

    func putDigits(to cursor: inout ByteCursor) { cursor.putInteger(Int64(number)) }

    /// A cell's start, with its reference (column name and the row's number) when a cell was
    /// skipped before it.
    mutating func startCell(_ column: Int, names: ColumnNames, to cursor: inout ByteCursor) {
      cursor.put(Markup.cellStart)
      if column != implicitColumn {
        cursor.put(Markup.referenceStart)
        names.write(column, to: &cursor)
        putDigits(to: &cursor)
        cursor.put(Markup.referenceEnd)
      }
      implicitColumn = column + 1
    }
  }

  /// The most bytes a cell's reference takes (` r="`, a column name of up to 14 letters, a row
  /// number of up to 20 digits, the closing quote).
  private static let longestReference = 40

  /// A part's texts and holes, held apart from the part while a run of cells is written into its
  /// bytes through a pointer.
  private struct Holes {
    /// Where the run starts in the part's bytes.
    let base: Int
    var texts: [String]
    var columns: [Int]
    var found: [(offset: Int, text: Int)]
  }

  /// The room `cell` takes written through a pointer, or nil when it is appended instead (an
  /// inline text, a number left to ``NumberText/formatted(_:)``, a column not named ahead).
  private static func roomNeeded(_ cell: Cell, column: Int, inline: [Bool]) -> Int? {
    switch cell {
    case .empty: return 0
    case .number(let value) where value.isFinite:
      return NumberText.fastPath(value) ? 32 + longestReference + NumberText.longestFast : nil
    case .number: return 0
    case .dateTime: return 32 + longestReference + longestSerial
    case .text where column < inline.count && inline[column]: return nil
    case .text, .code: return 32 + longestReference
    }
  }

  /// Writes a cell whose room was made (``roomNeeded(_:column:inline:)``): texts as holes for
  /// their shared-string numbers.
  private static func writeCell(
    _ cell: Cell, column: Int, row: inout RowStart, names: ColumnNames, texts: inout TextMemo<Int>,
    holes: inout Holes, to cursor: inout ByteCursor
  ) {
    switch cell {
    case .empty: return
    case .number(let value) where value.isFinite:
      row.startCell(column, names: names, to: &cursor)
      cursor.put(row.header ? Markup.headerNumberValue : Markup.numberValue)
      NumberText.write(value, to: &cursor)
      cursor.put(Markup.valueEnd)
    case .number: return
    case .dateTime(let seconds):
      row.startCell(column, names: names, to: &cursor)
      cursor.put(Markup.dateTimeValue)
      writeSerial(seconds, to: &cursor)
      cursor.put(Markup.valueEnd)
    case .text(let text), .code(let text):
      row.startCell(column, names: names, to: &cursor)
      // Style 0 (the default) is left out.
      cursor.put(row.header ? Markup.headerSharedValue : Markup.sharedValue)
      let known = texts.value(for: text, column: column)
      let local = known ?? holes.texts.count
      if known == nil {
        texts.store(local, for: text, column: column)
        holes.texts.append(text)
        holes.columns.append(column)
      }
      holes.found.append((holes.base + cursor.count, local))
      cursor.put(Markup.valueEnd)
    }
  }

  /// Appends a cell whose size is not known ahead: an inline text, a rare number.
  private static func appendCell(
    _ cell: Cell, column: Int, row: inout RowStart, names: ColumnNames, to xml: inout [UInt8]
  ) {
    xml.appendWriting(atMost: 32 + longestReference) { row.startCell(column, names: names, to: &$0) }
    switch cell {
    case .text(let text):
      xml.append(Markup.inlineText)
      appendTextElement(text, to: &xml)
      xml.append(Markup.inlineTextEnd)
    case .number(let value):
      xml.append(row.header ? Markup.headerNumberValue : Markup.numberValue)
      NumberText.append(value, to: &xml)
      xml.append(Markup.valueEnd)
    default:
      preconditionFailure("room is made for \(cell)")
    }
  }

  /// Appends the spreadsheet serial of wall-clock seconds since 1970: days since 1899-12-30 and
  /// the time as a fraction of a day, to ten decimals (a hundred-thousandth of a second).
  static func appendSerial(_ seconds: Int64, to xml: inout [UInt8]) {
    xml.appendWriting(atMost: longestSerial) { writeSerial(seconds, to: &$0) }
  }

  /// The most bytes a serial takes (``writeSerial(_:to:)``).
  static let longestSerial = 32

  /// Writes the serial ``appendSerial(_:to:)`` appends.
  static func writeSerial(_ seconds: Int64, to cursor: inout ByteCursor) {
    var days = seconds / 86_400
    var rest = seconds - days * 86_400
    if rest < 0 {
      days -= 1
      rest += 86_400
    }
    cursor.putInteger(days + 25_569)
    guard rest > 0 else { return }
    var fraction = (rest * 10_000_000_000 + 43_200) / 86_400
    // Ten decimals without their trailing zeros.
    var digits = 10
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    cursor.put(0x2E)
    cursor.putDigits(UInt64(fraction), count: digits)
  }

  /// The columns' names (A, B, ..., AA, ...) as bytes, all in one array.
  struct ColumnNames: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = [0]

    init(count: Int) {
      for index in 0..<count {
        bytes += XLSXWriter.columnName(index).utf8
        ends.append(bytes.count)
      }
    }

    /// Writes the name of column `index` (named here when the table's first rows were shorter).
    func write(_ index: Int, to cursor: inout ByteCursor) {
      guard index + 1 < ends.count else {
        for byte in XLSXWriter.columnName(index).utf8 { cursor.put(byte) }
        return
      }
      bytes.withUnsafeBufferPointer { bytes in
        cursor.put(UnsafeBufferPointer(rebasing: bytes[ends[index]..<ends[index + 1]]))
      }
    }
  }

  /// The workbook's shared strings: each distinct text once, in the order first met; cells refer
  /// to them by index.
  struct SharedStrings {
    private var memo = TextMemo<Int>(shared: true)
    /// The `<si>` elements so far.
    private var items: [UInt8] = []
    private(set) var count = 0
    private(set) var references = 0

    /// The number of each of the part's texts, numbering those met for the first time; every
    /// hole of the part counts as a reference.
    mutating func numbers(of part: SheetPart) -> [Int] {
      let numbers = part.texts.indices.map { index(of: part.texts[$0], column: part.textColumns[$0]) }
      references += part.holes.count - part.texts.count
      return numbers
    }

    mutating func index(of text: String, column: Int) -> Int {
      references += 1
      if let index = memo.value(for: text, column: column) { return index }
      let index = count
      count += 1
      memo.store(index, for: text, column: column)
      items += "<si>".utf8
      XLSXWriter.appendTextElement(text, to: &items)
      items += "</si>".utf8
      return index
    }

    /// `xl/sharedStrings.xml`, compressed.
    func deflated() -> DeflatedEntry {
      var deflater = ParallelDeflater()
      deflater.append(
        Array(
          """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
          count="\(references)" uniqueCount="\(count)">
          """.utf8))
      var start = 0
      while start < items.count {
        let end = min(items.count, start + XLSXWriter.pieceSize)
        deflater.append(Array(items[start..<end]))
        start = end
      }
      deflater.append(Array("</sst>".utf8))
      return deflater.finish()
    }
  }

  /// `<t>text</t>`, with `xml:space="preserve"` when the text begins or ends with white space
  /// (which is kept only then).
  static func appendTextElement(_ text: String, to xml: inout [UInt8]) {
    let scalars = text.unicodeScalars
    if scalars.first?.properties.isWhitespace == true || scalars.last?.properties.isWhitespace == true {
      xml += "<t xml:space=\"preserve\">".utf8
    } else {
      xml += "<t>".utf8
    }
    appendEscaped(text, to: &xml)
    xml += "</t>".utf8
  }

  /// Appends XML text as bytes: escaped, NFC, without the control characters XML 1.0 forbids.
  static func appendEscaped(_ text: String, to xml: inout [UInt8]) {
    let normalized = text.nfc
    normalized.withUTF8Bytes { bytes in
      // Most texts need nothing escaped or left out: their bytes are copied at once.
      guard bytes.contains(where: needsCare) else {
        xml.append(contentsOf: bytes)
        return
      }
      // U+FFFE and U+FFFF (forbidden) begin with 0xEF in UTF-8: only such text takes the slow path.
      guard !bytes.contains(0xEF) else {
        xml += escape(normalized).utf8
        return
      }
      for byte in bytes {
        switch byte {
        case 0x26: xml += "&amp;".utf8
        case 0x3C: xml += "&lt;".utf8
        case 0x3E: xml += "&gt;".utf8
        case 0x22: xml += "&quot;".utf8
        case 0x09, 0x0A, 0x0D: xml.append(byte)
        case 0..<0x20: continue
        default: xml.append(byte)
        }
      }
    }
  }

  /// Whether a byte of UTF-8 text is escaped or left out in XML, or may begin U+FFFE or U+FFFF.
  private static func needsCare(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0xEF
  }

  /// A, B, ..., Z, AA, AB, ...
  static func columnName(_ index: Int) -> String {
    var name = ""
    var value = index + 1
    while value > 0 {
      let remainder = (value - 1) % 26
      name = String(UnicodeScalar(UInt8(65 + remainder))) + name
      value = (value - 1) / 26
    }
    return name
  }

  /// XML text: escaped, NFC, without the control characters XML 1.0 forbids.
  static func escape(_ text: String) -> String {
    var result = ""
    for scalar in text.nfc.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      default:
        if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }
}

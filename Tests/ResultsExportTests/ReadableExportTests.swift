import Assessment
import Curriculum
import Foundation
import Gradebook
import Insight
import Reporting
import Testing
import Units

@testable import ResultsExport

/// The workbook as a person reads and prints it, read back from the file.
@Suite struct ReadableWorkbookTests {
  /// Reads a workbook with Python's zipfile and XML parser: per sheet its name, header row,
  /// cells `[type, style, value]` (shared strings resolved), print setup and print titles; the
  /// number formats of the styles.
  static let reader = """
    import json, sys, zipfile, xml.etree.ElementTree as ET
    ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
    z = zipfile.ZipFile(sys.argv[1])
    shared = [''.join(t.text or '' for t in si.iter('{%s}t' % ns['m']))
              for si in ET.fromstring(z.read('xl/sharedStrings.xml'))]
    book = ET.fromstring(z.read('xl/workbook.xml'))
    names = [s.get('name') for s in book.find('m:sheets', ns)]
    titles = {d.get('localSheetId'): d.text for d in book.find('m:definedNames', ns)}
    styles = ET.fromstring(z.read('xl/styles.xml'))
    formats = {f.get('numFmtId'): f.get('formatCode') for f in styles.find('m:numFmts', ns)}
    xfs = [x.get('numFmtId') for x in styles.find('m:cellXfs', ns)]
    out = {'sheets': [], 'formats': formats}
    for i, name in enumerate(names):
        root = ET.fromstring(z.read(f'xl/worksheets/sheet{i+1}.xml'))
        rows = []
        for row in root.find('m:sheetData', ns):
            cells = []
            for c in row:
                v = c.find('m:v', ns)
                t = c.get('t')
                value = shared[int(v.text)] if t == 's' else (float(v.text) if v is not None else None)
                cells.append([t or 'n', xfs[int(c.get('s', '0'))], value])
            rows.append(cells)
        setup = root.find('m:pageSetup', ns).attrib
        out['sheets'].append({
            'name': name, 'rows': rows, 'setup': setup, 'title': titles.get(str(i)),
            'fit': root.find('m:sheetPr/m:pageSetUpPr', ns).get('fitToPage'),
            'margins': root.find('m:pageMargins', ns).attrib,
            'frozen': root.find('m:sheetViews/m:sheetView/m:pane', ns).get('state')})
    print(json.dumps(out))
    """

  @Test func theWorkbookShowsLettersTitlesDatesAndCodesAndPrintsLandscapeOnePageWide() throws {
    let fixture = try ExportFixture()
    let export = try classExport(fixture)
    let file = fixture.url.appendingPathComponent("lop.xlsx")
    try XLSXWriter().data(for: export.tables()).write(to: file)
    let json = try python(Self.reader, [file.path])
    let book = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let sheets = try #require(book["sheets"] as? [[String: Any]])
    #expect(
      sheets.map { $0["name"] as? String } == [
        "Điểm", "Câu trả lời", "Thống kê câu hỏi", "Phương án", "Bài kiểm tra", "Cần hỗ trợ", "Hướng dẫn đọc",
      ])
    for sheet in sheets {
      let name = sheet["name"] as? String ?? ""
      let setup = try #require(sheet["setup"] as? [String: String])
      #expect(setup["orientation"] == "landscape" && setup["paperSize"] == "9", "\(name)")
      #expect(setup["fitToWidth"] == "1" && setup["fitToHeight"] == "0", "\(name)")
      #expect(sheet["fit"] as? String == "1", "\(name)")
      #expect(sheet["title"] as? String == "'\(name)'!$1:$1", "\(name): the header row repeats")
      #expect((sheet["margins"] as? [String: String])?["left"] == "0.4")
      #expect(sheet["frozen"] as? String == "frozen")
    }
    let formats = try #require(book["formats"] as? [String: String])
    let rows = { (index: Int) in sheets[index]["rows"] as? [[[Any]]] ?? [] }
    // Scores: the quiz's title heads its column; the commune code is a text cell "03637".
    let scores = rows(0)
    #expect(scores[0].contains { $0[2] as? String == "Kiểm tra đầu vào – Cơ chế một cửa: điểm (%)" })
    #expect(scores[0].contains { $0[2] as? String == "D5 Thủ tục hành chính công: điểm (%)" })
    #expect(
      scores.dropFirst().allSatisfy {
        $0[0][0] as? String == "s" && ["03637", "03640"].contains($0[0][2] as? String)
      })
    // Answers: each response starts with the letter shown; the time is a number in a date format.
    let answers = rows(1)
    let choices = answers.dropFirst().filter { ($0[4][2] as? String) == fixture.pretestQuestions[0].rawValue }
    #expect(choices.count == 5)
    for row in choices {
      let text = row[7][2] as? String ?? ""
      #expect(text.range(of: #"^[a-d]\) "#, options: .regularExpression) != nil, "\(text)")
    }
    let time = try #require(answers.dropFirst().first?[11])
    #expect(time[0] as? String == "n")
    #expect(formats[time[1] as? String ?? ""] == #"yyyy\-mm\-dd hh:mm:ss"#)
    // 2026-10-15 08:31:00 in Vietnam: 46310 days after 1899-12-30, and 08:31 of the day.
    let serial = try #require(time[2] as? Double)
    #expect(abs(serial - (46_310 + (8 * 3600 + 31 * 60) / 86_400.0)) < 1e-8)
    // The guide explains every statistic the workbook shows.
    let guide = rows(6).map { $0.first?[2] as? String ?? "" }
    for term in ["Độ dễ (%)", "Chỉ số phân biệt", "Hệ số Cronbach alpha (%)", "Chưa đủ dữ liệu"] {
      #expect(guide.contains(term), "\(term) is not explained")
    }
  }
}

@Suite struct OptionAnalysisTests {
  /// By hand: q0 (oss-q-001, key a) was answered a by Hoa and =1+1 (right), b by Thắng and Mai
  /// (wrong); "+1 Trần" abandoned and is left out. So a 2 (50%), b 2 (50%), c 0, d 0.
  @Test func perOptionCountsMatchAHandCount() throws {
    let fixture = try ExportFixture()
    let export = try classExport(fixture)
    let counts = try #require(export.optionCounts()["oss-pretest"]?[fixture.pretestQuestions[0]])
    #expect(counts.answers == 4)
    #expect(counts.rows.map(\.key) == ["a", "b", "c", "d"])
    #expect(counts.rows.map(\.count) == [2, 2, 0, 0])
    #expect(counts.rows.map(\.isRight) == [true, false, false, false])
    #expect(counts.strongestDistractor?.key == "b")
    let table = export.table(.options)
    let rows = table.rows.filter { $0[1] == .code(fixture.pretestQuestions[0].rawValue) }
    #expect(
      rows.map { Array($0[3...7]) } == [
        [
          "a", "Người dân được hướng dẫn, nộp hồ sơ và nhận kết quả tại một đầu mối là Bộ phận Một cửa", "✓",
          .number(2), .number(50),
        ],
        [
          "b", "Người dân nộp hồ sơ trực tiếp cho công chức chuyên môn phụ trách lĩnh vực", .empty,
          .number(2), .number(50),
        ],
        ["c", "Mọi thủ tục chỉ được nộp trực tuyến", .empty, .number(0), .number(0)],
        [
          "d", "Người dân nộp ở xã nhưng phải tự mang hồ sơ lên cấp trên xin ký", .empty, .number(0),
          .number(0),
        ],
      ])
  }
}

@Suite struct NeedsHelpTests {
  /// Thắng's post-test (0 of 3) is below the pass mark and below his pre-test (1 of 3); Hoa's
  /// (3 of 3) and =1+1's (3 of 3, above the pre-test's 2 of 3) are not listed.
  @Test func officialsBelowThePassMarkOrFallingAreListedWithLessons() throws {
    let fixture = try ExportFixture()
    let store = try fixture.directory.store(for: CommuneCode("03637"))
    let later = ExportFixture.classDay.addingTimeInterval(3 * 86_400)
    for official in try store.officials() where official.name != "Tòng Văn Hùng" {
      let marks: [Double] = official.name == "Lò Văn Thắng" ? [0, 0, 0] : [1, 1, 1]
      try ExportFixture.take(
        store, official, quiz: "oss-posttest", questions: fixture.pretestQuestions, marks: marks,
        classID: ExportFixture.classID, at: later)
    }
    let export = try classExport(fixture)
    let list = NeedsHelp(export)
    #expect(list.entries.map(\.official.name) == ["Lò Văn Thắng"])
    let entry = try #require(list.entries.first)
    #expect(entry.belowPassMark && entry.scoreFell)
    #expect(abs((entry.gain ?? 0) + 1.0 / 3) < 1e-9)
    #expect(!entry.lessons.isEmpty && entry.lessons.count <= NeedsHelp.lessonsShown)
    let course = try #require(shippedLibrary.course("one-stop-shop"))
    #expect(entry.lessons.allSatisfy { lesson in course.lessons.contains { $0.id == lesson.id } })
    let table = export.table(.needsHelp)
    #expect(table.rows.count == 1)
    #expect(table.rows[0][9] == "chưa đạt điểm kiểm tra cuối khoá; điểm cuối khoá thấp hơn đầu vào")
    #expect(Array(table.rows[0][5...8]) == [.number(33.3), .number(0), .number(70), .number(-33.3)])
  }
}

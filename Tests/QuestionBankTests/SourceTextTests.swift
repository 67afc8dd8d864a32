import Curriculum
import Foundation
import Localization
import Reporting
import Testing

@testable import QuestionBank

/// The one form a trainer types a legal source in (a spreadsheet cell, a feedback line, `--source`):
/// every field written and read back, the forms people type read, the rest refused with the reason.
@Suite struct SourceTextTests {
  static func parsed(_ text: String) -> [LegalSource]? {
    try? SourceText.parse(text).get()
  }

  static func reason(_ text: String) -> SourceText.Malformed.Reason? {
    guard case .failure(let malformed) = SourceText.parse(text) else { return nil }
    return malformed.reason
  }

  static let full = LegalSource(document: "nd-118-2025", article: "3", clause: "1", point: "a")

  @Test func everyFieldIsWrittenInWordsInEachLanguage() {
    let sources = [
      Self.full, LegalSource(document: "luat-10-2022", article: "11", history: true),
      LegalSource(document: "papi-2024", indicator: "D5.3 Một cửa (2023; 2024)"),
    ]
    #expect(
      SourceText.format(sources)
        == "nd-118-2025 | Điều 3, khoản 1, điểm a ; luat-10-2022 | Điều 11 (lịch sử) ; "
        + "papi-2024 | chỉ số: D5.3 Một cửa (2023; 2024)")
    #expect(
      SourceText.format(sources, in: .english)
        == "nd-118-2025 | Article 3, clause 1, point a ; luat-10-2022 | Article 11 (history) ; "
        + "papi-2024 | indicator: D5.3 Một cửa (2023; 2024)")
    #expect(Self.parsed(SourceText.format(sources)) == sources)
    // An indicator's own ';' outside brackets stays in it; a source after it is still one.
    let semicolon = [
      LegalSource(document: "papi-2024", indicator: "Thang điểm 1-10 cho mỗi chỉ số; điểm tổng hợp 8-80"),
      LegalSource(document: "nd-118-2025", article: "3"),
    ]
    #expect(Self.parsed(SourceText.format(semicolon)) == semicolon)
    #expect(Self.parsed(SourceText.format(sources, in: .english)) == sources)
  }

  @Test(arguments: [
    "nd-118-2025 | Điều 3, khoản 1, điểm a",
    "nd-118-2025 | Article 3, clause 1, point a",
    "nd-118-2025|điều 3 khoản 1 điểm a",
    "nd-118-2025 | Dieu 3, khoan 1, diem A",
    "nd-118-2025 | điểm a, khoản 1, Điều 3",
    "nd-118-2025 | 3.1.a",
    "  nd-118-2025 | ĐIỀU 3, KHOẢN 1, ĐIỂM a  ",
    "nd-118-2025, Điều 3, khoản 1, điểm a",
    // Decomposed marks, as a Mac's Excel may save them.
    "nd-118-2025 | Đie\u{0300}u 3, khoa\u{0309}n 1, đie\u{0302}\u{0309}m a",
  ])
  func theFormsATrainerTypesAreRead(text: String) {
    #expect(Self.parsed(text) == [Self.full], "\(text)")
  }

  @Test func bareNumbersHistoryAndListsAreRead() {
    #expect(Self.parsed("nd-118-2025 | 3") == [LegalSource(document: "nd-118-2025", article: "3")])
    #expect(
      Self.parsed("nd-118-2025 | 17.1") == [LegalSource(document: "nd-118-2025", article: "17", clause: "1")])
    #expect(
      Self.parsed("luat-10-2022 | 5.2.đ (Lịch sử)")
        == [LegalSource(document: "luat-10-2022", article: "5", clause: "2", point: "đ", history: true)])
    #expect(
      Self.parsed("luat-10-2022 | Article 5 (history);nd-59-2023 | 3.1 ; ")
        == [
          LegalSource(document: "luat-10-2022", article: "5", history: true),
          LegalSource(document: "nd-59-2023", article: "3", clause: "1"),
        ])
    #expect(
      Self.parsed("papi-2024 | Indicator: D1.1") == [LegalSource(document: "papi-2024", indicator: "D1.1")])
    #expect(Self.parsed("nd-118-2025") == [LegalSource(document: "nd-118-2025")])
    #expect(Self.parsed("   ") == [])
  }

  @Test func amendedNumberingIsKept() {
    #expect(
      Self.parsed("nd-118-2025 | Điều 5, khoản 1a, điểm b2")
        == [LegalSource(document: "nd-118-2025", article: "5", clause: "1a", point: "b2")])
  }

  @Test func aMalformedSourceIsRefusedWithItsReason() {
    #expect(Self.reason("| Điều 3") == .noDocument)
    #expect(Self.reason("3.1.a") == .noDocument)
    #expect(Self.reason("nd-118-2025 |") == .noPlace)
    #expect(Self.reason("nd-118-2025 | (lịch sử)") == .noPlace)
    #expect(Self.reason("Điều 5 Luật Đất đai") == .noBar)
    #expect(Self.reason("nd-118-2025 Điều 5") == .noBar)
    #expect(Self.reason("nd-118-2025 | Điều 5 | khoản 1") == .twoBars)
    #expect(Self.reason("nd-118-2025 | Chương 3") == .unknownPart("Chương"))
    #expect(Self.reason("nd-118-2025 | Điều 5,") == .unknownPart("Điều 5,"))
    #expect(Self.reason("nd-118-2025 | Điều") == .missingValue(.article))
    #expect(Self.reason("nd-118-2025 | Điều khoản 1") == .missingValue(.article))
    #expect(Self.reason("nd-118-2025 | Điều 3, Điều 4") == .repeated(.article))
    #expect(Self.reason("nd-118-2025 | Điều 5a") == .notANumber(.article, "5a"))
    #expect(Self.reason("nd-118-2025 | Điều 0") == .notANumber(.article, "0"))
    #expect(Self.reason("nd-118-2025 | Điều 3, khoản một") == .notANumber(.clause, "một"))
    #expect(Self.reason("nd-118-2025 | 3.1.ab") == .badPoint("ab"))
    #expect(Self.reason("nd-118-2025 | khoản 1") == .partWithoutParent(.clause))
    #expect(Self.reason("nd-118-2025 | Điều 3, điểm a") == .partWithoutParent(.point))
    #expect(Self.reason("papi-2024 | chỉ số:") == .noIndicator)
    // The one source of a list that is wrong is the one named.
    guard case .failure(let malformed) = SourceText.parse("nd-118-2025 | 3 ; nd-59-2023 | Điều x") else {
      Issue.record("read")
      return
    }
    #expect(malformed.text == "nd-59-2023 | Điều x")
    let message = QuestionBankMessage.malformedSource(malformed)
    #expect(
      message.text(in: .english)
        == "cannot read the source 'nd-59-2023 | Điều x': article 'x' is not a number; write it as "
        + "'nd-118-2025 | Article 3, clause 1, point a', several separated by ' ; '")
    #expect(
      message.text(in: .vietnamese)
        == "căn cứ 'nd-59-2023 | Điều x' không đọc được: điều 'x' không phải là số; viết dạng "
        + "'nd-118-2025 | Điều 3, khoản 1, điểm a', nhiều căn cứ ngăn cách bằng ' ; '")
  }

  @Test func aMalformedSourceIsNamedAtItsCellLineAndElement() throws {
    let table = Table(
      name: "Câu hỏi",
      header: ["Câu hỏi / question", "Loại / type", "Đáp án / key", "Căn cứ / source"],
      rows: [
        [.text("Đúng không?"), .text("true_false"), .text("Đúng"), .text("nd-118-2025 | Điều 3, khoản 1")],
        [.text("Sai không?"), .text("true_false"), .text("Sai"), .text("Nghị định 118 Điều 3")],
      ])
    let workbook = SpreadsheetReader().readXLSX(XLSXWriter().data(for: [table]), file: "bank.xlsx")
    #expect(workbook.errors.map(\.location.description) == ["bank.xlsx:Câu hỏi!D3"])
    #expect(
      workbook.questions.first?.sources == [LegalSource(document: "nd-118-2025", article: "3", clause: "1")])

    let gift = GIFTReader().read(
      Data("::A:: Một?\n{T####Vì.\\n\\nCăn cứ\\: nd-118-2025 | Điều 3, khoản x}\n".utf8), file: "bank.gift")
    #expect(gift.errors.map(\.location.description) == ["bank.gift:1"])

    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <quiz>
        <question type="truefalse">
          <name><text>A</text></name>
          <questiontext format="html"><text>Một?</text></questiontext>
          <generalfeedback format="html">
            <text><![CDATA[<p>Vì.</p><p>Căn cứ: nd-118-2025 | khoản 2</p>]]></text>
          </generalfeedback>
          <answer fraction="100"><text>true</text></answer>
          <answer fraction="0"><text>false</text></answer>
        </question>
      </quiz>
      """
    let moodle = MoodleXMLReader().read(Data(xml.utf8), file: "bank.xml")
    #expect(moodle.errors.map(\.location.description) == ["bank.xml:6"])
    #expect(
      moodle.errors.first?.message
        == .malformedSource(.init(text: "nd-118-2025 | khoản 2", reason: .partWithoutParent(.clause))))
  }

  @Test func aMalformedSourceOptionStopsTheImport() throws {
    let workspace = try Workspace()
    try workspace.write("bank.gift", "::A:: Một? {T}\n")
    let before = workspace.snapshot()
    let outcome = QuestionImport.run(
      bank: workspace.path("bank.gift"), format: nil,
      options: ImportOptions(
        courseID: "mini", coursesDirectory: workspace.courses, defaultSource: "nd-118-2025 | Điều năm"))
    #expect(!outcome.succeeded)
    #expect(
      outcome.errors.map { $0.formatted(in: .english) } == [
        "bank.gift:1: error: cannot read --source 'nd-118-2025 | Điều năm': article 'năm' is not a number; "
          + "write it as 'nd-118-2025 | Article 3, clause 1, point a'"
      ])
    #expect(workspace.snapshot() == before)
  }
}

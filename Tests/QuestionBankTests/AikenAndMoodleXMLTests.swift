import Curriculum
import Foundation
import Localization
import Testing

@testable import QuestionBank

@Suite struct AikenReaderTests {
  func read(_ text: String) -> BankContents { AikenReader().read(Data(text.utf8), file: "bank.txt") }

  @Test func theStrictLayoutIsRead() throws {
    let contents = read(
      """
      Ai tiếp nhận hồ sơ
      tại xã?
      A. Bộ phận Một cửa
      B) Chủ tịch xã
      C. Công an xã
      ANSWER: A

      Luật 10/2022/QH15 quy định về?
      A. Dân chủ ở cơ sở
      B. Đất đai
      ANSWER: A
      """)
    #expect(contents.problems.isEmpty)
    #expect(contents.questions.count == 2)
    let first = try #require(contents.questions.first)
    #expect(first.prompt.vi == "Ai tiếp nhận hồ sơ\ntại xã?")
    #expect(
      first.body
        == .singleChoice(
          options: [
            Choice(id: "a", text: LocalizedText(vi: "Bộ phận Một cửa")),
            Choice(id: "b", text: LocalizedText(vi: "Chủ tịch xã")),
            Choice(id: "c", text: LocalizedText(vi: "Công an xã")),
          ], answer: "a"))
    #expect(contents.questions.last?.location.line == 8)
  }

  @Test func eachMalformedBlockIsReportedByLineAndTheOthersAreRead() {
    let contents = read(
      """
      Thiếu dòng đáp án?
      A. Một
      B. Hai

      Đáp án không có?
      A. Một
      B. Hai
      ANSWER: D

      Sai thứ tự?
      A. Một
      C. Hai
      ANSWER: A

      Dòng lạ?
      A. Một
      một dòng lạ
      B. Hai
      ANSWER: B

      Một phương án?
      A. Một
      ANSWER: A

      Câu tốt?
      A. Có
      B. Không
      ANSWER: B
      """)
    let errors = contents.errors.map { "\($0.location): \($0.message.text(in: .english))" }
    #expect(
      errors == [
        "bank.txt:1: the Aiken question has no 'ANSWER: X' line",
        "bank.txt:8: the answer 'D' is not one of the question's options",
        "bank.txt:12: option 'C' is out of the order A, B, C, ...",
        "bank.txt:17: this line is neither an option 'A. ...' nor the 'ANSWER:' line",
        "bank.txt:21: at least 2 options are needed",
      ])
    #expect(contents.questions.map(\.prompt.vi) == ["Câu tốt?"])
  }
}

@Suite struct MoodleXMLReaderTests {
  static let bank = """
    <?xml version="1.0" encoding="UTF-8"?>
    <quiz>
      <question type="category"><category><text>$course$/top/Dân chủ/Công khai</text></category></question>
      <question type="multichoice">
        <name><text>MC một</text></name>
        <questiontext format="html"><text><![CDATA[<p>Chọn <b>một</b> đáp án:</p><p><img src="@@PLUGINFILE@@/hinh.png"></p>]]></text>
          <file name="hinh.png" path="/" encoding="base64">iVBORw0KGgo=</file>
        </questiontext>
        <generalfeedback format="html"><text><![CDATA[<p>Vì luật quy định.</p><p>Căn cứ: luat-10-2022 | Điều 11, khoản 2 ; nd-59-2023 | 3.1.a</p>]]></text></generalfeedback>
        <idnumber>xml-single</idnumber>
        <single>true</single>
        <answer fraction="100" format="html"><text>&lt;p&gt;Đúng &amp;amp; đủ&lt;/p&gt;</text><feedback format="html"><text>Hay!</text></feedback></answer>
        <answer fraction="0" format="html"><text>Sai</text></answer>
        <tags><tag><text>papi:D2</text></tag><tag><text>difficulty:hard</text></tag><tag><text>công khai</text></tag></tags>
      </question>
      <question type="multichoice">
        <name><text>MC nhiều</text></name>
        <questiontext format="html"><text>Chọn các việc</text></questiontext>
        <single>false</single>
        <answer fraction="50"><text>A</text></answer>
        <answer fraction="50"><text>B</text></answer>
        <answer fraction="-100"><text>C</text></answer>
      </question>
      <question type="truefalse">
        <name><text>TF</text></name>
        <questiontext format="moodle_auto_format"><text>Trời xanh.</text></questiontext>
        <answer fraction="0"><text>true</text></answer>
        <answer fraction="100"><text>false</text></answer>
      </question>
      <question type="shortanswer">
        <name><text>SA</text></name>
        <questiontext format="html"><text>Viết tắt?</text></questiontext>
        <answer fraction="100"><text>UBND</text></answer>
        <answer fraction="50"><text>UB</text></answer>
      </question>
      <question type="matching">
        <name><text>M</text></name>
        <questiontext format="html"><text>Ghép</text></questiontext>
        <subquestion format="html"><text>Một</text><answer><text>1</text></answer></subquestion>
        <subquestion format="html"><text>Hai</text><answer><text>2</text></answer></subquestion>
        <subquestion format="html"><text></text><answer><text>3</text></answer></subquestion>
      </question>
      <question type="numerical">
        <name><text>N</text></name>
        <questiontext format="html"><text>Năm?</text></questiontext>
        <answer fraction="100"><text>2022</text><tolerance>0</tolerance></answer>
      </question>
      <question type="numerical">
        <name><text>N2</text></name>
        <questiontext format="html"><text>Tỉ lệ?</text></questiontext>
        <answer fraction="100"><text>0.5</text><tolerance>0.05</tolerance></answer>
      </question>
      <question type="description"><name><text>D</text></name><questiontext format="html"><text>Mô tả</text></questiontext></question>
      <question type="essay"><name><text>E</text></name><questiontext format="html"><text>Viết</text></questiontext></question>
      <question type="cloze"><name><text>C</text></name><questiontext format="html"><text>{1:SA:=a}</text></questiontext></question>
    </quiz>
    """

  @Test func everyTypeIsReadAndTheRestAreNamed() throws {
    let contents = MoodleXMLReader().read(Data(Self.bank.utf8), file: "bank.xml")
    #expect(contents.errors.isEmpty, "\(contents.errors)")
    let byName = Dictionary(
      uniqueKeysWithValues: contents.questions.compactMap { q in q.name.map { ($0, q) } })
    #expect(byName.keys.sorted() == ["M", "MC một", "MC nhiều", "N", "SA", "TF"])
    let single = try #require(byName["MC một"])
    #expect(single.id == "xml-single")
    #expect(single.category == ["Dân chủ", "Công khai"])
    #expect(single.prompt.vi == "Chọn **một** đáp án:")
    #expect(
      single.sources == [
        LegalSource(document: "luat-10-2022", article: "11", clause: "2"),
        LegalSource(document: "nd-59-2023", article: "3", clause: "1", point: "a"),
      ])
    #expect(single.explanation?.vi == "Vì luật quy định.\n\n- Đúng & đủ: Hay!")
    #expect(single.papi == ["D2"])
    #expect(single.difficulty == .hard)
    #expect(single.tags == ["công khai"])
    guard case .singleChoice(let options, "a") = single.body else {
      Issue.record("\(single.body)")
      return
    }
    #expect(options.map(\.text.vi) == ["Đúng & đủ", "Sai"])
    guard case .multipleChoice(_, let answers) = byName["MC nhiều"]?.body else {
      Issue.record("MC nhiều")
      return
    }
    #expect(answers == ["a", "b"])
    #expect(byName["TF"]?.body == .trueFalse(answer: false))
    #expect(byName["SA"]?.body == .shortAnswer(accepted: ["UBND"], matching: .foldDiacritics))
    guard case .matching(let pairs) = byName["M"]?.body else { return }
    #expect(pairs.map(\.left.vi) == ["Một", "Hai"])
    #expect(byName["N"]?.body == .shortAnswer(accepted: ["2022"], matching: .exact))
    let notes = contents.problems.filter { $0.severity == .note }.map(\.message)
    #expect(notes.contains(.embeddedFile("hinh.png")))
    #expect(notes.contains(.partialCreditDropped))
    #expect(notes.contains(.numericalRange("0.5 ± 0.05")))
    #expect(notes.contains(.distractorDropped("3")))
    for type in ["description", "essay", "cloze"] { #expect(notes.contains(.unsupportedType(type))) }
  }

  @Test func brokenXMLIsReportedWithItsLine() {
    let contents = MoodleXMLReader().read(
      Data("<?xml version=\"1.0\"?>\n<quiz>\n<question type=\"truefalse\">\n</quiz>\n".utf8), file: "bad.xml")
    #expect(contents.errors.count == 1)
    #expect(contents.errors.first?.location.line ?? 0 >= 3)
    guard case .xmlSyntax = contents.errors.first?.message else {
      Issue.record("\(contents.errors)")
      return
    }
    let other = MoodleXMLReader().read(Data("<html><body/></html>".utf8), file: "page.xml")
    #expect(other.errors.map(\.message) == [.notMoodleXML])
  }
}

@Suite struct FormatDetectionTests {
  @Test func theFormatComesFromTheNameElseTheContent() {
    let aiken = Data("Câu?\nA. Một\nB. Hai\nANSWER: A\n".utf8)
    #expect(BankFormat.detect(path: "bank.txt", data: aiken) == .aiken)
    #expect(BankFormat.detect(path: "bank.txt", data: Data("::a:: Câu {T}".utf8)) == .gift)
    #expect(
      BankFormat.detect(path: "export", data: Data("\u{FEFF}<?xml version=\"1.0\"?><quiz/>".utf8))
        == .moodleXML)
    #expect(BankFormat.detect(path: "bank", data: Data([0x50, 0x4B, 0x03, 0x04, 0])) == .xlsx)
    #expect(BankFormat.detect(path: "bank.GIFT", data: Data()) == .gift)
    #expect(BankFormat.detect(path: "bank.csv", data: Data()) == .csv)
    #expect(BankFormat.detect(path: "notes.txt", data: Data("just words".utf8)) == nil)
  }
}

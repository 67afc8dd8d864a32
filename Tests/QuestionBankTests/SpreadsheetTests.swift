import Curriculum
import Foundation
import Localization
import Reporting
import Testing

@testable import QuestionBank

@Suite struct SpreadsheetTests {
  static let template = "docs/question-bank-template"

  @Test func theCSVTemplateHoldsEveryTypeAndReadsWithoutErrors() throws {
    let contents = BankReader.read(path: Self.template + ".csv")
    #expect(contents.problems.isEmpty, "\(contents.problems)")
    #expect(Set(contents.questions.map(\.body.type)) == Set(QuestionType.allCases))
    let first = try #require(contents.questions.first)
    #expect(first.id == "mau-q-001")
    #expect(first.sources == [LegalSource(document: "luat-10-2022", article: "1")])
    #expect(first.category == ["Mẫu", "Dân chủ ở cơ sở"])
    #expect(first.prompt.en == "Law 10/2022/QH15 is the law on what?")
    #expect(contents.questions.first { $0.body.type == .ordering }?.scenario == true)
  }

  /// The workbook beside the CSV template is the same bank written by papi-train's XLSX writer.
  /// `PAPI_WRITE_TEMPLATE=1 swift test --filter theWorkbookTemplate` writes it again.
  @Test func theWorkbookTemplateHoldsTheSameQuestionsAsTheCSVTemplate() throws {
    let csv = BankReader.read(path: Self.template + ".csv")
    let data = SpreadsheetWriter().xlsx(for: csv.questions)
    if ProcessInfo.processInfo.environment["PAPI_WRITE_TEMPLATE"] == "1" {
      try data.write(to: URL(fileURLWithPath: Self.template + ".xlsx"))
    }
    let workbook = BankReader.read(path: Self.template + ".xlsx")
    #expect(workbook.problems.isEmpty, "\(workbook.problems)")
    #expect(workbook.questions.map(Self.withoutPlace) == csv.questions.map(Self.withoutPlace))
  }

  static func withoutPlace(_ question: BankQuestion) -> BankQuestion {
    var question = question
    question.location = BankLocation(file: "", line: 0)
    return question
  }

  @Test func aCSVFromExcelWithSemicolonsAndVietnameseHeadersIsRead() throws {
    let text =
      "\u{FEFF}Loại;Câu hỏi;Phương án;Đáp án;Mã PAPI\r\n"
      + "chọn một;\"Ai ký, đóng dấu?\";\"A. Chủ tịch\nB. Văn thư\";A;D5\r\n"
      + ";Đúng hay sai?;;sai;\r\n"
    let contents = SpreadsheetReader().readCSV(Data(text.utf8), file: "bank.csv")
    #expect(contents.problems.isEmpty, "\(contents.problems)")
    #expect(contents.questions.count == 2)
    #expect(contents.questions.first?.prompt.vi == "Ai ký, đóng dấu?")
    #expect(contents.questions.first?.papi == ["D5"])
    #expect(contents.questions.last?.body == .trueFalse(answer: false))
    #expect(contents.questions.last?.location.line == 4)
  }

  @Test func everyBadRowIsNamedByLineInACSVFile() {
    let text = """
      type,question,options,key
      single_choice,Một?,"A. x
      B. y",C
      riddle,Hai?,,
      matching,Ba?,"x -> y
      z",
      short_answer,Bốn?,,
      ,,,
      single_choice,,A. x,A
      multiple_choice,Năm?,"A. x
      B. y","A, B"
      """
    let contents = SpreadsheetReader().readCSV(Data(text.utf8), file: "bank.csv")
    let errors = contents.errors.map { "\($0.location): \($0.message.text(in: .english))" }
    #expect(
      errors == [
        "bank.csv:2: the key 'C' does not match the options",
        "bank.csv:4: no question type 'riddle'; see docs/question-bank-template.csv",
        "bank.csv:5: 'z' is not a pair 'left -> right'",
        "bank.csv:7: the 'Đáp án / key' cell is empty",
        "bank.csv:9: the 'Câu hỏi / question' cell is empty",
      ])
    #expect(contents.questions.count == 1)
  }

  @Test func aWorkbookNamesTheSheetAndCellOfEachProblem() throws {
    let table = Table(
      name: "Ngân hàng",
      header: ["Câu hỏi / question", "Loại / type", "Phương án / options", "Đáp án / key"],
      rows: [
        [.text("Đúng không?"), .text("true_false"), .empty, .text("có lẽ")],
        [.text("Chọn một"), .text("single_choice"), .text("A. x\nB. y"), .number(2)],
        [.text("=1+1 là gì?"), .text("short_answer"), .empty, .number(2)],
      ])
    let contents = SpreadsheetReader().readXLSX(XLSXWriter().data(for: [table]), file: "bank.xlsx")
    let errors = contents.errors.map { "\($0.location): \($0.message.text(in: .english))" }
    #expect(
      errors == [
        "bank.xlsx:Ngân hàng!D2: the key 'có lẽ' does not match the options",
        "bank.xlsx:Ngân hàng!D3: the key '2' does not match the options",
      ])
    #expect(contents.questions.map(\.prompt.vi) == ["=1+1 là gì?"])
    #expect(contents.questions.first?.body == .shortAnswer(accepted: ["2"], matching: .foldDiacritics))
  }

  @Test func aFileThatIsNotAWorkbookIsRefused() {
    let contents = SpreadsheetReader().readXLSX(Data("not a zip".utf8), file: "bank.xlsx")
    #expect(contents.errors.count == 1)
    guard case .notAWorkbook = contents.errors.first?.message else {
      Issue.record("\(contents.errors)")
      return
    }
  }
}

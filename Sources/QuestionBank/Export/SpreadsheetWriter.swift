import Curriculum
import Foundation
import Localization
import Reporting

/// Writes questions as the spreadsheet layout papi-train reads (``SpreadsheetColumn``), one
/// question a row, through Reporting's XLSX writer: every cell typed text, so nothing is run.
public struct SpreadsheetWriter: Sendable {
  public init() {}

  public static let sheetName = "Câu hỏi"

  public func table(for questions: [BankQuestion]) -> Table {
    let columns = SpreadsheetColumn.allCases
    let rows = questions.map { question in
      let values = Self.values(question)
      return columns.map { column -> Cell in
        let text = values[column] ?? ""
        return text.isEmpty ? .empty : .text(text)
      }
    }
    return Table(name: Self.sheetName, header: columns.map(\.header), rows: rows)
  }

  public func xlsx(for questions: [BankQuestion]) -> Data {
    XLSXWriter().data(for: [table(for: questions)])
  }

  static func values(_ question: BankQuestion) -> [SpreadsheetColumn: String] {
    var values: [SpreadsheetColumn: String] = [
      .id: question.id ?? "", .type: question.body.type.rawValue, .question: question.prompt.vi,
      .questionEnglish: question.prompt.en ?? "", .explanation: question.explanation?.vi ?? "",
      .explanationEnglish: question.explanation?.en ?? "",
      .source: SourceText.format(question.sources),
      .papi: question.papi.joined(separator: ", "), .area: question.area ?? "",
      .positions: question.positions.joined(separator: ", "),
      .difficulty: question.difficulty?.rawValue ?? "",
      .module: question.module ?? "", .tags: question.tags.joined(separator: ", "),
      .scenario: question.scenario ? "x" : "", .category: question.category.joined(separator: " / "),
    ]
    switch question.body {
    case .singleChoice(let options, let answer):
      choiceValues(options, right: [answer], into: &values)
    case .multipleChoice(let options, let answers):
      choiceValues(options, right: answers, into: &values)
    case .trueFalse(let answer):
      values[.key] = answer ? "Đúng" : "Sai"
    case .shortAnswer(let accepted, let matching):
      values[.key] = accepted.joined(separator: "\n")
      if matching == .exact { values[.match] = "exact" }
    case .matching(let pairs):
      values[.options] = pairs.map { "\($0.left.vi) -> \($0.right.vi)" }.joined(separator: "\n")
      if pairs.contains(where: { $0.left.en != nil || $0.right.en != nil }) {
        values[.optionsEnglish] = pairs.map { "\($0.left.en ?? "-") -> \($0.right.en ?? "-")" }
          .joined(separator: "\n")
      }
    case .ordering(let items):
      values[.options] = items.map(\.vi).joined(separator: "\n")
      if items.contains(where: { $0.en != nil }) {
        values[.optionsEnglish] = items.map { $0.en ?? "-" }.joined(separator: "\n")
      }
    }
    return values
  }

  private static func choiceValues(
    _ options: [Choice], right: [String], into values: inout [SpreadsheetColumn: String]
  ) {
    func letter(_ index: Int) -> String { SheetRows.columnName(index) }
    values[.options] = options.enumerated().map { "\(letter($0.offset)). \($0.element.text.vi)" }.joined(
      separator: "\n")
    if options.contains(where: { $0.text.en != nil }) {
      values[.optionsEnglish] = options.enumerated().map {
        "\(letter($0.offset)). \($0.element.text.en ?? "-")"
      }
      .joined(separator: "\n")
    }
    values[.key] = options.indices.filter { right.contains(options[$0].id) }.map(letter).joined(
      separator: ", ")
  }
}

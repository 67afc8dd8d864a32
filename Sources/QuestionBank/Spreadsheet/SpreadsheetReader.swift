import Curriculum
import Foundation
import Localization
import VietnameseText

/// Reads a question bank laid out in a spreadsheet, XLSX or CSV: a header row naming the columns
/// (``SpreadsheetColumn``), then one question a row. Every problem names its cell (XLSX) or line
/// (CSV).
public struct SpreadsheetReader: Sendable {
  public init() {}

  public func readXLSX(_ data: Data, file: String) -> BankContents {
    do {
      var rows = try XLSXReader.rows(data)
      for index in rows.rows.indices {
        for (column, cell) in rows.rows[index].cells { rows.rows[index].cells[column] = cell.nfc }
      }
      return read(rows, file: file)
    } catch {
      var log = ProblemLog()
      log.error(.notAWorkbook(error.description), at: BankLocation(file: file, line: 1))
      return BankContents(questions: [], problems: log.problems)
    }
  }

  public func readCSV(_ data: Data, file: String) -> BankContents {
    var log = ProblemLog()
    guard let text = BankText.decode(data, file: file, log: &log) else {
      return BankContents(questions: [], problems: log.problems)
    }
    var rows = CSVRows.rows(text.text)
    for index in rows.rows.indices {
      for (column, cell) in rows.rows[index].cells {
        rows.rows[index].cells[column] = Self.withoutGuard(cell)
      }
    }
    return read(rows, file: file)
  }

  /// A CSV cell that a spreadsheet export guarded with an apostrophe (`'=1+1`) as its text.
  private static func withoutGuard(_ cell: String) -> String {
    guard cell.hasPrefix("'"), let second = cell.dropFirst().first, "=+-@\t\r".contains(second) else {
      return cell
    }
    return String(cell.dropFirst())
  }

  func read(_ sheet: SheetRows, file: String) -> BankContents {
    var log = ProblemLog()
    var rows = sheet.rows.filter { !$0.isEmpty }[...]
    guard let header = rows.popFirst() else {
      log.error(
        .emptyBank,
        at: BankLocation(file: file, line: 1, sheet: sheet.sheet, cell: sheet.sheet.map { _ in "A1" }))
      return BankContents(questions: [], problems: log.problems)
    }
    var columns: [SpreadsheetColumn: Int] = [:]
    for (index, text) in header.cells.sorted(by: { $0.key < $1.key }) {
      if let column = SpreadsheetColumn.named(text), columns[column] == nil { columns[column] = index }
    }
    guard columns[.question] != nil else {
      log.error(.missingColumn(SpreadsheetColumn.question.header), at: place(file, sheet, header.number, nil))
      return BankContents(questions: [], problems: log.problems)
    }
    var questions: [BankQuestion] = []
    for row in rows {
      var reader = SpreadsheetRowReader(row: row, columns: columns, file: file, sheet: sheet.sheet)
      if let question = reader.question() { questions.append(question) }
      log.append(reader.log.problems)
    }
    if questions.isEmpty, !log.hasErrors {
      log.error(.emptyBank, at: place(file, sheet, header.number, nil))
    }
    return BankContents(questions: questions, problems: log.problems)
  }

  private func place(_ file: String, _ sheet: SheetRows, _ row: Int, _ column: Int?) -> BankLocation {
    BankLocation(
      file: file, line: row, sheet: sheet.sheet,
      cell: sheet.sheet.map { _ in SheetRows.columnName(column ?? 0) + String(row) })
  }
}

/// One row of a spreadsheet bank turned into a question.
struct SpreadsheetRowReader {
  let row: SheetRows.Row
  let columns: [SpreadsheetColumn: Int]
  let file: String
  let sheet: String?
  var log = ProblemLog()

  init(row: SheetRows.Row, columns: [SpreadsheetColumn: Int], file: String, sheet: String?) {
    self.row = row
    self.columns = columns
    self.file = file
    self.sheet = sheet
  }

  private func cell(_ column: SpreadsheetColumn) -> String { row.cell(columns[column]) }

  private func location(_ column: SpreadsheetColumn?) -> BankLocation {
    let index = column.flatMap { columns[$0] } ?? 0
    return BankLocation(
      file: file, line: row.number, sheet: sheet,
      cell: sheet.map { _ in SheetRows.columnName(index) + String(row.number) })
  }

  private static func lines(_ text: String) -> [String] {
    text.components(separatedBy: .newlines).map(\.trimmingWhitespace).filter { !$0.isEmpty }
  }

  private static func list(_ text: String) -> [String] {
    text.components(separatedBy: CharacterSet(charactersIn: ",;\n")).map(\.trimmingWhitespace).filter {
      !$0.isEmpty
    }
  }

  mutating func question() -> BankQuestion? {
    let prompt = cell(.question)
    guard !prompt.isEmpty else {
      log.error(.emptyCell(SpreadsheetColumn.question.header), at: location(.question))
      return nil
    }
    guard let body = body() else { return nil }
    var question = BankQuestion(
      body: body, prompt: LocalizedText(vi: prompt, en: nonEmpty(cell(.questionEnglish))),
      location: location(nil))
    question.id = nonEmpty(cell(.id))
    question.explanation = nonEmpty(cell(.explanation)).map {
      LocalizedText(vi: $0, en: nonEmpty(cell(.explanationEnglish)))
    }
    question.sources = SourceText.read(cell(.source), at: location(.source), log: &log)
    question.papi = Self.list(cell(.papi))
    question.area = nonEmpty(cell(.area))
    question.positions = Self.list(cell(.positions))
    question.module = nonEmpty(cell(.module))
    question.tags = Self.list(cell(.tags))
    question.scenario = ["x", "1", "true", "co", "yes"].contains(SpreadsheetColumn.normalize(cell(.scenario)))
    question.category = cell(.category).split(separator: "/").map { String($0).trimmingWhitespace }.filter {
      !$0.isEmpty
    }
    let difficulty = cell(.difficulty)
    if !difficulty.isEmpty {
      switch SpreadsheetColumn.normalize(difficulty) {
      case "easy", "de": question.difficulty = .easy
      case "medium", "trung binh", "vua": question.difficulty = .medium
      case "hard", "kho": question.difficulty = .hard
      default: log.error(.badKey(difficulty), at: location(.difficulty))
      }
    }
    return question
  }

  private func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

  private mutating func body() -> QuestionBody? {
    let typeText = cell(.type)
    let key = cell(.key)
    let type: QuestionType
    if typeText.isEmpty {
      type = inferredType(key: key)
    } else if let named = SpreadsheetType.named(typeText) {
      type = named
    } else {
      log.error(.unknownType(typeText), at: location(.type))
      return nil
    }
    switch type {
    case .singleChoice, .multipleChoice: return choice(type, key: key)
    case .trueFalse:
      switch SpreadsheetColumn.normalize(key) {
      case "true", "dung", "d", "t", "1": return .trueFalse(answer: true)
      case "false", "sai", "s", "f", "0": return .trueFalse(answer: false)
      default:
        log.error(key.isEmpty ? .emptyCell(SpreadsheetColumn.key.header) : .badKey(key), at: location(.key))
        return nil
      }
    case .matching: return matching()
    case .ordering:
      let items = localizedLines()
      guard items.count >= 3 else {
        log.error(.tooFewOptions(minimum: 3), at: location(.options))
        return nil
      }
      return .ordering(items: items)
    case .shortAnswer:
      var accepted = Self.lines(key)
      if accepted.count == 1 {
        accepted = accepted[0].components(separatedBy: ";").map(\.trimmingWhitespace).filter { !$0.isEmpty }
      }
      guard !accepted.isEmpty else {
        log.error(.emptyCell(SpreadsheetColumn.key.header), at: location(.key))
        return nil
      }
      let exact = ["exact", "chinh xac"].contains(SpreadsheetColumn.normalize(cell(.match)))
      return .shortAnswer(accepted: accepted, matching: exact ? .exact : .foldDiacritics)
    }
  }

  private func inferredType(key: String) -> QuestionType {
    switch SpreadsheetColumn.normalize(key) {
    case "true", "false", "dung", "sai": return .trueFalse
    default: return Self.list(key).count > 1 ? .multipleChoice : .singleChoice
    }
  }

  /// The options, one a line (`A. ...` labels dropped), with their English lines when given.
  private func localizedLines() -> [LocalizedText] {
    let vi = Self.lines(cell(.options)).map(Self.withoutLabel)
    let en = Self.lines(cell(.optionsEnglish)).map(Self.withoutLabel)
    return vi.enumerated().map { index, text in
      LocalizedText(vi: text, en: en.count == vi.count ? Self.english(en[index]) : nil)
    }
  }

  /// An English line: `-` (or nothing) where the text has no English version.
  static func english(_ line: String) -> String? {
    let text = line.trimmingWhitespace
    return text.isEmpty || text == "-" ? nil : text
  }

  /// `A. text`, `b) text` as `text`.
  static func withoutLabel(_ line: String) -> String {
    let characters = Array(line.prefix(3))
    guard characters.count == 3, characters[0].isLetter, characters[0].isASCII,
      characters[1] == "." || characters[1] == ")",
      characters[2] == " "
    else { return line }
    return String(line.dropFirst(3)).trimmingWhitespace
  }

  private mutating func choice(_ type: QuestionType, key: String) -> QuestionBody? {
    let texts = localizedLines()
    guard texts.count >= 2 else {
      log.error(.tooFewOptions(minimum: 2), at: location(.options))
      return nil
    }
    let options = texts.enumerated().map {
      Choice(id: GIFTQuestionParser.optionID($0.offset), text: $0.element)
    }
    var answers: [String] = []
    for part in Self.list(key) {
      let letter = part.count == 1 ? part.lowercased().unicodeScalars.first.map { Int($0.value) - 97 } : nil
      if let letter, options.indices.contains(letter) {
        answers.append(options[letter].id)
      } else if let match = options.first(where: { $0.text.vi == part }) {
        answers.append(match.id)
      } else {
        log.error(.badKey(part), at: location(.key))
        return nil
      }
    }
    guard !answers.isEmpty else {
      log.error(.emptyCell(SpreadsheetColumn.key.header), at: location(.key))
      return nil
    }
    if type == .singleChoice {
      guard answers.count == 1 else {
        log.error(.badKey(key), at: location(.key))
        return nil
      }
      return .singleChoice(options: options, answer: answers[0])
    }
    return .multipleChoice(options: options, answers: answers)
  }

  private mutating func matching() -> QuestionBody? {
    let vi = Self.lines(cell(.options))
    let en = Self.lines(cell(.optionsEnglish))
    var pairs: [MatchingPair] = []
    for (index, line) in vi.enumerated() {
      guard let pair = Self.pair(line) else {
        log.error(.badPair(line), at: location(.options))
        return nil
      }
      let english = en.count == vi.count ? Self.pair(en[index]) : nil
      pairs.append(
        MatchingPair(
          left: LocalizedText(vi: pair.0, en: english.flatMap { Self.english($0.0) }),
          right: LocalizedText(vi: pair.1, en: english.flatMap { Self.english($0.1) })))
    }
    guard pairs.count >= 2 else {
      log.error(.tooFewOptions(minimum: 2), at: location(.options))
      return nil
    }
    return .matching(pairs: pairs)
  }

  private static func pair(_ line: String) -> (String, String)? {
    guard let arrow = line.range(of: "->") else { return nil }
    let left = String(line[..<arrow.lowerBound]).trimmingWhitespace
    let right = String(line[arrow.upperBound...]).trimmingWhitespace
    return left.isEmpty || right.isEmpty ? nil : (left, right)
  }
}

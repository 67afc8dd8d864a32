import Curriculum
import Localization
import VietnameseText

/// A question as a bank holds it, before it becomes a course question: what papi-train requires
/// but banks rarely carry (PAPI codes, a legal source, an explanation, an area) may be missing.
public struct BankQuestion: Sendable, Hashable {
  /// The id the bank gives (Moodle's `idnumber`, GIFT's `[id:...]`, a spreadsheet's id column).
  public var id: String?
  /// The question's name in Moodle (GIFT's `::name::`), used for an id when there is none.
  public var name: String?
  /// The category path (`top/Một cửa/Tiếp nhận`), its parts in order.
  public var category: [String] = []
  public var body: QuestionBody
  public var prompt: LocalizedText
  public var explanation: LocalizedText?
  public var difficulty: Difficulty?
  public var area: String?
  public var papi: [String] = []
  public var positions: [String] = []
  public var scenario = false
  /// Where the answer rests, the main source first; empty when the bank gives none.
  public var sources: [LegalSource] = []
  public var module: String?
  public var tags: [String] = []
  /// Where the question starts in its bank.
  public var location: BankLocation
}

extension BankQuestion {
  /// A course question as a bank question, with everything it carries.
  public init(_ question: Question, category: [String] = []) {
    self.init(
      id: question.id.rawValue, name: question.id.rawValue, category: category, body: question.body,
      prompt: question.prompt,
      explanation: question.explanation, difficulty: question.difficulty, area: question.area.id,
      papi: question.papiCodes, positions: question.positions.map(\.id), scenario: question.scenario,
      sources: question.sources.map(\.withoutPlace), module: question.module?.id, tags: question.tags,
      location: BankLocation(file: question.location.file, line: question.location.line))
  }
}

/// Where something stands in a bank: a line of a text file, or a sheet and cell of a workbook.
public struct BankLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var file: String
  public var line: Int
  /// For a workbook: the sheet's name and the cell (`C5`); `line` is then the row.
  public var sheet: String?
  public var cell: String?

  public init(file: String, line: Int, sheet: String? = nil, cell: String? = nil) {
    self.file = file
    self.line = line
    self.sheet = sheet
    self.cell = cell
  }

  /// `file:line`, or `file:sheet!C5` for a workbook cell.
  public var description: String {
    if let sheet { return "\(file):\(sheet)!\(cell ?? "A\(line)")" }
    return "\(file):\(line)"
  }

  public static func < (lhs: BankLocation, rhs: BankLocation) -> Bool {
    (lhs.file, lhs.sheet ?? "", lhs.line, lhs.cell ?? "") < (
      rhs.file, rhs.sheet ?? "", rhs.line, rhs.cell ?? ""
    )
  }
}

extension BankQuestion {
  /// This question with every text in Unicode NFC, whichever reader made it (XML and workbook
  /// text comes from their parsers, not from ``BankText``).
  var normalized: BankQuestion {
    var question = self
    func nfc(_ text: LocalizedText) -> LocalizedText { LocalizedText(vi: text.vi.nfc, en: text.en?.nfc) }
    question.prompt = nfc(prompt)
    question.explanation = explanation.map(nfc)
    question.category = category.map(\.nfc)
    question.tags = tags.map(\.nfc)
    question.sources = sources.map {
      LegalSource(
        document: $0.document.nfc, article: $0.article?.nfc, clause: $0.clause?.nfc, point: $0.point?.nfc,
        indicator: $0.indicator?.nfc, history: $0.history)
    }
    switch body {
    case .singleChoice(let options, let answer):
      question.body = .singleChoice(
        options: options.map { Choice(id: $0.id, text: nfc($0.text)) }, answer: answer)
    case .multipleChoice(let options, let answers):
      question.body = .multipleChoice(
        options: options.map { Choice(id: $0.id, text: nfc($0.text)) }, answers: answers)
    case .trueFalse: break
    case .matching(let pairs):
      question.body = .matching(pairs: pairs.map { MatchingPair(left: nfc($0.left), right: nfc($0.right)) })
    case .ordering(let items): question.body = .ordering(items: items.map(nfc))
    case .shortAnswer(let accepted, let matching):
      question.body = .shortAnswer(accepted: accepted.map(\.nfc), matching: matching)
    }
    return question
  }
}

extension LegalSource {
  /// This source as a bank holds it: what its author wrote, without its place in a course file or
  /// the citation name a registry gave it.
  var withoutPlace: LegalSource {
    LegalSource(
      document: document, article: article, clause: clause, point: point, indicator: indicator,
      history: history)
  }
}

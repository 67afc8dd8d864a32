import Assessment
import Curriculum
import Foundation
import Localization

/// How many officials chose each option of a question: Moodle's response analysis, so a trainer
/// sees which wrong option draws people (a distractor that misleads, or a key that is wrong).
///
/// Choice questions list every option as written in the course file (those nobody chose with 0),
/// true/false questions "true" then "false"; matching, ordering and short-answer questions list
/// each distinct response given, the most frequent first. Counted over the answers given: an
/// answer to a multiple-choice question counts once for each option ticked.
public struct OptionCounts: Sendable, Hashable {
  /// One answer as counted: the keys it chose (option ids; `true` or `false`; for other questions
  /// the response as a trainer reads it) and whether it earned full marks.
  public struct Answer: Sendable, Hashable {
    public var keys: [String]
    public var isCorrect: Bool

    public init(keys: [String], isCorrect: Bool) {
      self.keys = keys
      self.isCorrect = isCorrect
    }
  }

  /// One option, or one distinct response.
  public struct Row: Sendable, Hashable {
    /// The option id, `true`/`false`, or the response.
    public var key: String
    /// The option's text as written (nil for a response, which is its own text).
    public var text: LocalizedText?
    /// Whether choosing it is (part of) the right answer.
    public var isRight: Bool
    /// How many answers chose it.
    public var count: Int
    /// `count` over the answers to the question (0 to 1; 0 when there are none).
    public var share: Double
  }

  public var questionID: QuestionID
  /// The answers counted.
  public var answers: Int
  public var rows: [Row]

  /// Counts `answers` to `question`.
  public init(question: Question, answers: [Answer]) {
    self.init(question: question, tallies: answers.map { ($0, 1) })
  }

  /// Counts the answers to `question` given as tallies: each distinct answer with how many gave
  /// it. The same counts as ``init(question:answers:)`` over the answers one by one, in far fewer
  /// steps for a class's hundreds of thousands of answers.
  public init(question: Question, tallies: [(answer: Answer, count: Int)]) {
    questionID = question.id
    let total = tallies.reduce(0) { $0 + $1.count }
    answers = total
    var counts: [String: Int] = [:]
    var right = Set<String>()
    for (answer, count) in tallies where count > 0 {
      for key in Set(answer.keys) { counts[key, default: 0] += count }
      if answer.isCorrect { right.formUnion(answer.keys) }
    }
    func row(_ key: String, _ text: LocalizedText?, _ isRight: Bool) -> Row {
      let count = counts[key] ?? 0
      return Row(
        key: key, text: text, isRight: isRight, count: count,
        share: total == 0 ? 0 : Double(count) / Double(total))
    }
    switch question.body {
    case .singleChoice(let options, let key):
      rows = options.map { row($0.id, $0.text, $0.id == key) }
    case .multipleChoice(let options, let keys):
      rows = options.map { row($0.id, $0.text, keys.contains($0.id)) }
    case .trueFalse(let key):
      rows = [row("true", nil, key), row("false", nil, !key)]
    case .matching, .ordering, .shortAnswer:
      rows = counts.keys.sorted { (counts[$1] ?? 0, $0) < (counts[$0] ?? 0, $1) }.map {
        row($0, nil, right.contains($0))
      }
    }
  }

  /// The wrong option chosen most often, when one was chosen at all: the distractor to look at.
  public var strongestDistractor: Row? {
    rows.filter { !$0.isRight && $0.count > 0 }.max { ($0.count, $1.key) < ($1.count, $0.key) }
  }
}

extension OptionCounts.Answer {
  /// What an answer chose, as ``OptionCounts`` counts it: option ids, `true`/`false`, else the
  /// response in the course file's terms (1-based positions, typed text).
  public init(_ response: Response, isCorrect: Bool) {
    switch response {
    case .choice(let id): self.init(keys: [id], isCorrect: isCorrect)
    case .choices(let ids): self.init(keys: ids, isCorrect: isCorrect)
    case .truth(let value): self.init(keys: [value ? "true" : "false"], isCorrect: isCorrect)
    case .matching, .ordering, .text: self.init(keys: [response.summary], isCorrect: isCorrect)
    }
  }

  /// A response as the gradebook stores it (JSON); nil when it does not decode.
  public init?(stored: String, isCorrect: Bool) {
    guard let response = try? JSONDecoder().decode(Response.self, from: Data(stored.utf8)) else { return nil }
    self.init(response, isCorrect: isCorrect)
  }
}

extension OptionCounts {
  /// One answer to count: the question it answers and what it chose.
  public typealias Given = (questionID: QuestionID, answer: Answer)

  /// How many chose each option of each question answered in `given`, for the questions the
  /// courses know (`questions`, by id): the one count behind the workbook, the JSON, `report
  /// items` and the shell's `items`.
  public static func byQuestion(_ given: [Given], questions: [QuestionID: Question]) -> [QuestionID:
    OptionCounts]
  {
    var answers: [QuestionID: [Answer]] = [:]
    for (questionID, answer) in given { answers[questionID, default: []].append(answer) }
    var counts: [QuestionID: OptionCounts] = [:]
    for (id, answered) in answers {
      guard let question = questions[id] else { continue }
      counts[id] = OptionCounts(question: question, answers: answered)
    }
    return counts
  }
}

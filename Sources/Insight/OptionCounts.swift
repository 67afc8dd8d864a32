import Curriculum
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
    questionID = question.id
    self.answers = answers.count
    var counts: [String: Int] = [:]
    var right = Set<String>()
    for answer in answers {
      for key in Set(answer.keys) { counts[key, default: 0] += 1 }
      if answer.isCorrect { right.formUnion(answer.keys) }
    }
    let total = Double(max(answers.count, 1))
    func row(_ key: String, _ text: LocalizedText?, _ isRight: Bool) -> Row {
      let count = counts[key] ?? 0
      return Row(
        key: key, text: text, isRight: isRight, count: count,
        share: answers.isEmpty ? 0 : Double(count) / total)
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

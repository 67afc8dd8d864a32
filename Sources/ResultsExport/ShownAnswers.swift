import Assessment
import Curriculum
import Foundation
import Gradebook
import Insight
import Localization
import Toolkit

/// Each answer as the official saw it: the letters of the options in the order the quiz showed
/// them, with their texts. The order is the quiz's, reproduced from the seed recorded with the
/// attempt through Assessment's ``QuizAssembler`` (a question's order depends on the seed, its id
/// and whether the quiz shuffles), so `b) Ủy ban nhân dân xã` is what stood beside the letter the
/// official typed.
///
/// - single choice: `b) text`; multiple choice: `a) text; c) text`;
/// - true/false: `Đúng` / `Sai`;
/// - matching: the letter typed for each numbered item, as typed (`1-b 2-a 3-c`), then each pair
///   in words (`: left → right; ...`);
/// - ordering: the letters in the order given (`c a b`), then the items in words;
/// - short answer: the text typed. A response that does not decode, or whose question is no
///   longer in the courses, is shown as stored.
struct ShownAnswers: Sendable {
  /// Attempt id → the text of each of its answers, in the attempt's answer order.
  let texts: [AttemptID: [String]]
  /// Stored response → the response, for those that decode.
  let responses: [String: Response]

  init(
    attempts: [Attempt], questions: [QuestionID: Question], quizzes: [String: (quiz: Quiz, course: Course)],
    taxonomy: Taxonomy, language: Language
  ) {
    // Each distinct stored response is decoded once.
    var stored = Set<String>()
    for attempt in attempts { for answer in attempt.answers { stored.insert(answer.response) } }
    let decoder = JSONDecoder()
    var responses: [String: Response] = [:]
    for text in stored {
      if let response = try? decoder.decode(Response.self, from: Data(text.utf8)) {
        responses[text] = response
      }
    }
    // A quiz's assembler over only the questions its attempts asked: looking a question up in a
    // whole course, for every answer of a class, would take longer than the rest of the export.
    var asked: [String: Set<QuestionID>] = [:]
    for attempt in attempts { asked[attempt.quizID, default: []].formUnion(attempt.questionIDs) }
    var assemblers: [String: (quiz: Quiz, assembler: QuizAssembler)] = [:]
    for (quizID, ids) in asked {
      guard let (quiz, course) = quizzes[quizID] else { continue }
      var trimmed = course
      trimmed.questions = course.questions.filter { ids.contains($0.id) }
      assemblers[quizID] = (quiz, QuizAssembler(course: trimmed, taxonomy: taxonomy))
    }
    let decoded = responses
    let quizAssemblers = assemblers
    let shown = concurrentMap(attempts) { attempt -> [String] in
      let orders = Self.displayOrders(of: attempt, quizAssemblers[attempt.quizID])
      return attempt.answers.map { answer in
        guard let response = decoded[answer.response], let question = questions[answer.questionID] else {
          return answer.response
        }
        return Self.text(response, of: question, order: orders[answer.questionID] ?? [], language: language)
      }
    }
    texts = Dictionary(zip(attempts.map(\.id), shown), uniquingKeysWith: { first, _ in first })
    self.responses = responses
  }

  /// Question id → the order its parts were shown in, for the questions of the attempt still in
  /// the courses.
  static func displayOrders(of attempt: Attempt, _ quiz: (quiz: Quiz, assembler: QuizAssembler)?)
    -> [QuestionID:
    [Int]]
  {
    guard let quiz else { return [:] }
    let known = attempt.questionIDs.filter { quiz.assembler.course.question($0) != nil }
    guard let assembled = try? quiz.assembler.reassemble(quiz.quiz, seed: attempt.seed, questionIDs: known)
    else { return [:] }
    return Dictionary(
      assembled.items.map { ($0.question.id, $0.displayOrder) }, uniquingKeysWith: { first, _ in first })
  }

  /// `response` to `question` as shown with its parts in `order` (original indices in display
  /// order; empty or short: as written).
  static func text(_ response: Response, of question: Question, order: [Int], language: Language) -> String {
    /// The letter an original index was shown with.
    func letter(_ original: Int) -> String {
      AnswerParser.label(order.firstIndex(of: original) ?? original)
    }
    switch (response, question.body) {
    case (.choice(let id), .singleChoice(let options, _)), (.choice(let id), .multipleChoice(let options, _)):
      guard let index = options.firstIndex(where: { $0.id == id }) else { return id }
      return "\(letter(index))) \(options[index].text.text(in: language))"
    case (.choices(let ids), .multipleChoice(let options, _)),
      (.choices(let ids), .singleChoice(let options, _)):
      let picked = options.indices.filter { ids.contains(options[$0].id) }.sorted { letter($0) < letter($1) }
      return picked.map { "\(letter($0))) \(options[$0].text.text(in: language))" }.joined(separator: "; ")
    case (.truth(let value), _):
      return ExportHeading.truth(value).text(in: language)
    case (.matching(let rights), .matching(let pairs)):
      let typed = rights.enumerated().map { "\($0.offset + 1)-\(letter($0.element))" }.joined(separator: " ")
      let words = rights.enumerated().compactMap { left, right -> String? in
        guard pairs.indices.contains(left), pairs.indices.contains(right) else { return nil }
        return "\(pairs[left].left.text(in: language)) → \(pairs[right].right.text(in: language))"
      }
      return typed + ": " + words.joined(separator: "; ")
    case (.ordering(let items), .ordering(let texts)):
      let typed = items.map(letter).joined(separator: " ")
      let words = items.filter(texts.indices.contains).map { texts[$0].text(in: language) }
      return typed + ": " + words.joined(separator: "; ")
    case (.text(let text), _):
      return text
    default:
      return response.summary
    }
  }
}

/// A stored response as a plain JSON object, for other systems: `{"type": "choice", "option":
/// "c"}`, `{"type": "choices", "options": ["a", "c"]}`, `{"type": "truth", "value": true}`,
/// `{"type": "matching", "rights": [2, 0, 1]}` (for each left item as written, the right item
/// chosen, from 0), `{"type": "ordering", "items": [2, 0, 1]}` (the items as written, in the order
/// given, from 0), `{"type": "text", "text": "..."}`; a response that does not decode is
/// `{"type": "unreadable", "stored": "..."}`. Option ids and indices are those of the course file,
/// whatever order the quiz showed.
public struct ResponseObject: Encodable, Sendable, Hashable {
  public var type: String
  public var option: String?
  public var options: [String]?
  public var value: Bool?
  public var rights: [Int]?
  public var items: [Int]?
  public var text: String?
  public var stored: String?

  init(type: String) {
    self.type = type
  }

  public init(_ response: Response) {
    switch response {
    case .choice(let id):
      self.init(type: "choice")
      option = id
    case .choices(let ids):
      self.init(type: "choices")
      options = ids
    case .truth(let value):
      self.init(type: "truth")
      self.value = value
    case .matching(let rights):
      self.init(type: "matching")
      self.rights = rights
    case .ordering(let items):
      self.init(type: "ordering")
      self.items = items
    case .text(let text):
      self.init(type: "text")
      self.text = text
    }
  }

  /// The object of a stored response (`{"choice":{"_0":"c"}}` as the gradebook keeps it).
  public init(stored: String) {
    if let response = try? JSONDecoder().decode(Response.self, from: Data(stored.utf8)) {
      self.init(response)
    } else {
      self.init(type: "unreadable")
      self.stored = stored
    }
  }

  /// Only the fields of its type are written (no nulls for the others): `{"type":"choice","option":"c"}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(type, forKey: .type)
    try container.encodeIfPresent(option, forKey: .option)
    try container.encodeIfPresent(options, forKey: .options)
    try container.encodeIfPresent(value, forKey: .value)
    try container.encodeIfPresent(rights, forKey: .rights)
    try container.encodeIfPresent(items, forKey: .items)
    try container.encodeIfPresent(text, forKey: .text)
    try container.encodeIfPresent(stored, forKey: .stored)
  }

  private enum Key: String, CodingKey {
    case type, option, options, value, rights, items, text, stored
  }
}

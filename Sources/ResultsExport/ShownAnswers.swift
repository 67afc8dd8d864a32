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
  /// Attempt id → for each of its answers (in order), the question's place in `questions` and
  /// the stored response's in `decoded`, when the courses know the question and the response
  /// decodes (else nil): what the per-option counts tally, without looking either up again.
  let slots: [AttemptID: [Slot?]]
  /// The questions of the courses, by ``Slot/question``.
  let questions: [Question]
  /// The decoded responses, by ``Slot/response``.
  let decoded: [Response]

  /// An answer's question and response, by their places in ``questions`` and ``decoded``.
  struct Slot: Sendable, Hashable {
    var question: Int32
    var response: Int32
  }

  /// The answers of `attempts` as shown. `stored` holds every distinct stored response of them.
  ///
  /// Each answer's display order is worked out from its attempt's seed alone
  /// (``QuizAssembler/displayOrder(of:shuffle:seed:)``, as reassembling the quiz would give it),
  /// and each distinct text (a question, a response, the places of the parts it names) is written
  /// once per slice of attempts: a class has hundreds of thousands of answers and a few thousand
  /// such texts.
  init(
    attempts: [Attempt], stored: some Sequence<String>, questions: [QuestionID: Question],
    quizzes: [String: (quiz: Quiz, course: Course)], language: Language
  ) {
    self.init(
      attempts: attempts, survey: AnswerSurvey(of: attempts), questions: questions, quizzes: quizzes,
      language: language)
  }

  /// The answers of `attempts` as shown, their questions and responses found by their places in
  /// `survey` (of the same attempts), not by their text.
  init(
    attempts: [Attempt], survey: AnswerSurvey, questions: [QuestionID: Question],
    quizzes: [String: (quiz: Quiz, course: Course)], language: Language
  ) {
    var decodedList: [Response] = []
    var responses: [String: Response] = [:]
    let decoder = JSONDecoder()
    // Each distinct response's place in `decodedList`, by its place in the survey's list.
    let responseSlots = survey.responses.map { text -> Int32? in
      guard let response = try? decoder.decode(Response.self, from: Data(text.utf8)) else { return nil }
      responses[text] = response
      decodedList.append(response)
      return Int32(decodedList.count - 1)
    }
    let list = Array(questions.values)
    let questionSlots = Dictionary(
      uniqueKeysWithValues: list.enumerated().map { ($0.element.id, Int32($0.offset)) })
    // Each answered question's place in `list`, by its place in the survey's list.
    let answeredSlots = survey.questionIDs.map { questionSlots[$0] }
    let named = list.map(NamedParts.init)
    let orders = QuizOrders(attempts: attempts, quizzes: quizzes, slots: questionSlots)
    // A few slices a core: each makes the texts it meets once.
    let size = max(256, attempts.count / (4 * ProcessInfo.processInfo.activeProcessorCount) + 1)
    let slices = stride(from: 0, to: attempts.count, by: size).map { $0..<min($0 + size, attempts.count) }
    let decodedResponses = decodedList
    let parts = concurrentMap(slices) { slice -> [(texts: [String], slots: [Slot?])] in
      var memo: [TextKey: String] = [:]
      return slice.map { place in
        let attempt = attempts[place]
        let places = survey.places[place]
        var texts: [String] = []
        var slots: [Slot?] = []
        texts.reserveCapacity(attempt.answers.count)
        slots.reserveCapacity(attempt.answers.count)
        let quiz = orders.quizzes[attempt.quizID]
        for (number, answer) in attempt.answers.enumerated() {
          guard let question = answeredSlots[Int(places.questions[number])],
            let response = responseSlots[Int(places.responses[number])]
          else {
            texts.append(answer.response)
            slots.append(nil)
            continue
          }
          let slot = Slot(question: question, response: response)
          slots.append(slot)
          let decoded = decodedResponses[Int(response)]
          let order =
            Self.needsOrder(decoded)
            ? quiz?.order(of: answer.questionID, slot: question, in: attempt) ?? [] : []
          // The text depends on the order only through where the parts it names were shown: one
          // text for every attempt that showed them there, whatever the other parts' places.
          let shown = Self.shownPositions(decoded, of: named[Int(question)], order: order)
          let key = TextKey(slot: slot, positions: shown)
          if let key, let text = memo[key] {
            texts.append(text)
            continue
          }
          let text = Self.text(decoded, of: list[Int(question)], order: order, language: language)
          if let key { memo[key] = text }
          texts.append(text)
        }
        return (texts, slots)
      }
    }
    var texts: [AttemptID: [String]] = [:]
    var slots: [AttemptID: [Slot?]] = [:]
    texts.reserveCapacity(attempts.count)
    slots.reserveCapacity(attempts.count)
    for (attempt, shown) in zip(attempts, parts.joined()) where texts[attempt.id] == nil {
      texts[attempt.id] = shown.texts
      slots[attempt.id] = shown.slots
    }
    self.texts = texts
    self.slots = slots
    self.responses = responses
    self.questions = list
    self.decoded = decodedList
  }

  /// Whether the text of `response` depends on the order the question's parts were shown in.
  private static func needsOrder(_ response: Response) -> Bool {
    switch response {
    case .choice, .choices, .matching, .ordering: true
    case .truth, .text: false
    }
  }

  /// Where the parts `response` names were shown, in the order the text names them: the
  /// positions in `order` that ``text(_:of:order:language:)`` turns into letters. The text
  /// depends on the order through these alone.
  static func shownPositions(_ response: Response, of parts: NamedParts, order: [Int]) -> [Int] {
    func position(_ original: Int) -> Int { order.firstIndex(of: original) ?? original }
    switch (response, parts) {
    case (.choice(let id), .options(let ids)): return ids.firstIndex(of: id).map { [position($0)] } ?? []
    case (.choices(let chosen), .options(let ids)):
      return ids.indices.filter { chosen.contains(ids[$0]) }.map(position)
    case (.matching(let rights), .matching): return rights.map(position)
    case (.ordering(let items), .ordering): return items.map(position)
    default: return []
    }
  }

  /// What of a question tells where the parts a response names were shown: its options' ids, or
  /// the kind of its parts. Made once per question, so that no answer copies its question (a
  /// `Question` copied costs a retain for each of its texts and lists).
  enum NamedParts: Sendable {
    case options([String])
    case matching
    case ordering
    case other

    init(_ question: Question) {
      switch question.body {
      case .singleChoice(let options, _), .multipleChoice(let options, _): self = .options(options.map(\.id))
      case .matching: self = .matching
      case .ordering: self = .ordering
      default: self = .other
      }
    }
  }

  /// A shown text's key: the question, the response and where the parts it names were shown (up
  /// to 16 positions, 4 bits each); nil for more or further positions, whose text is made each
  /// time.
  private struct TextKey: Hashable {
    var slot: Slot
    var positions: UInt64
    var count: Int

    init?(slot: Slot, positions: [Int]) {
      guard positions.count <= 16 else { return nil }
      var packed: UInt64 = 0
      for position in positions {
        guard (0..<16).contains(position) else { return nil }
        packed = packed << 4 | UInt64(position)
      }
      self.slot = slot
      self.positions = packed
      count = positions.count
    }
  }

  /// The quizzes the attempts took, each with the questions of its course that its attempts
  /// asked: where an answer's display order comes from.
  private struct QuizOrders: Sendable {
    /// Quiz id → whether it shuffles, and question → the question as its course has it.
    let quizzes: [String: ShownQuiz]

    /// A quiz as its attempts showed it.
    struct ShownQuiz: Sendable {
      var shuffle: Bool
      /// What each question's order depends on, by the question's slot (``Slot/question``): a
      /// question looked up for every answer is neither copied (a `Question` copied costs a
      /// retain for each of its texts and lists) nor found by its id's text again.
      var questions: [Int32: QuizAssembler.ShuffledParts]

      /// The order question `questionID` (at `slot`) was shown in by `attempt` of this quiz:
      /// empty when the question is no longer in the course, or the attempt did not ask it (then
      /// as written).
      func order(of questionID: QuestionID, slot: Int32, in attempt: Attempt) -> [Int] {
        guard let parts = questions[slot], attempt.questionIDs.contains(questionID) else { return [] }
        return QuizAssembler.displayOrder(of: parts, shuffle: shuffle, seed: attempt.seed)
      }
    }

    init(attempts: [Attempt], quizzes: [String: (quiz: Quiz, course: Course)], slots: [QuestionID: Int32]) {
      var asked: [String: Set<QuestionID>] = [:]
      for attempt in attempts { asked[attempt.quizID, default: []].formUnion(attempt.questionIDs) }
      var found: [String: ShownQuiz] = [:]
      for (quizID, ids) in asked {
        guard let (quiz, course) = quizzes[quizID] else { continue }
        var questions: [Int32: QuizAssembler.ShuffledParts] = [:]
        var seen = Set<QuestionID>()
        // The first of a repeated id, as the course's own lookup finds it.
        for question in course.questions where ids.contains(question.id) && seen.insert(question.id).inserted
        {
          guard let slot = slots[question.id] else { continue }
          questions[slot] = QuizAssembler.ShuffledParts(question)
        }
        found[quizID] = ShownQuiz(shuffle: quiz.shuffle, questions: questions)
      }
      self.quizzes = found
    }
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

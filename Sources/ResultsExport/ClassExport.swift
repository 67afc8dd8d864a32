import Assessment
import Curriculum
import Foundation
import Gradebook
import Insight
import Localization
import Reporting
import Toolkit
import Units

/// Class results turned into what a trainer hands in: a table of scores per official, one of
/// every answer, one of item statistics per question and one per quiz, and the same as a JSON
/// document (``document()``). Pure computation over ``ClassResults`` and the course library.
///
/// Scores and shares in the tables are percentages (0-100) rounded to one decimal; the JSON keeps
/// shares from 0 to 1 unrounded. Figures are computed as of the last answer exported, so the same
/// results always export the same file whatever day it is run.
public struct ClassExport: Sendable {
  public let results: ClassResults
  public let library: CourseLibrary
  public let language: Language
  /// Commune code → name, where the unit list knows it.
  public let communeNames: [CommuneCode: String]
  /// The zone the tables write times in (the JSON writes UTC).
  public let timeZone: TimeZone

  /// Quiz ids with attempts exported, in course order (quizzes no longer in the courses last).
  public let quizIDs: [String]
  /// The dimensions some exported answer counts for, in taxonomy order.
  public let dimensions: [Curriculum.Dimension]
  /// Quiz id → Moodle's item statistics over its finished attempts.
  public let itemAnalyses: [String: ItemAnalysis]
  /// The moment figures are computed for: the last answer exported.
  public let reference: Date
  /// The per-dimension rule for one official (at least 5 answers).
  public let rule: MasteryRule = .official

  /// Question id → what the tables need of it, worked out once: an export looks a question up
  /// for each of its hundreds of thousands of answers.
  let questionInfo: [QuestionID: QuestionInfo]
  let quizzes: [String: (quiz: Quiz, course: Course)]
  let attemptsByOfficial: [OfficialID: [Attempt]]
  /// Question id → the positions in `dimensions` its answers count for.
  let dimensionSlots: [QuestionID: [Int]]
  let finishedByQuiz: [String: [Attempt]]
  /// The time of the first answer exported (`reference` is the last one's).
  let earliestAnswer: Date
  /// Every distinct response stored, as stored.
  let storedResponses: [String]
  /// Each answer as the official saw it (letters and texts).
  let shown: ShownAnswers
  /// Question id → the question, for the questions of the courses.
  let questions: [QuestionID: Question]
  /// Quiz id → question id → how many chose each option, over the quiz's finished attempts.
  let optionCountsByQuiz: [String: [QuestionID: OptionCounts]]

  public init(
    results: ClassResults, library: CourseLibrary, language: Language,
    communeNames: [CommuneCode: String] = [:],
    timeZone: TimeZone = .current
  ) {
    self.results = results
    self.library = library
    self.language = language
    self.communeNames = communeNames
    self.timeZone = timeZone
    var questionInfo: [QuestionID: QuestionInfo] = [:]
    var questions: [QuestionID: Question] = [:]
    var quizzes: [String: (quiz: Quiz, course: Course)] = [:]
    var order: [String] = []
    for course in library.courses {
      for question in course.questions {
        questionInfo[question.id] = QuestionInfo(question, taxonomy: library.taxonomy, language: language)
        questions[question.id] = question
      }
      for quiz in course.quizzes where quizzes[quiz.id] == nil {
        quizzes[quiz.id] = (quiz, course)
        order.append(quiz.id)
      }
    }
    self.questionInfo = questionInfo
    self.questions = questions
    self.quizzes = quizzes
    let taken = Set(results.attempts.map(\.quizID))
    quizIDs = order.filter(taken.contains) + taken.subtracting(order).sorted()
    attemptsByOfficial = Dictionary(grouping: results.attempts, by: \.officialID)
    let survey = AnswerSurvey(of: results.attempts)
    shown = ShownAnswers(
      attempts: results.attempts, survey: survey, questions: questions, quizzes: quizzes, language: language)
    reference = survey.latest ?? Date(timeIntervalSince1970: 0)
    earliestAnswer = min(survey.earliest ?? reference, reference)
    storedResponses = survey.responses
    var answered = Set<String>()
    for question in survey.questionIDs {
      if let codes = questionInfo[question]?.countedCodes { answered.formUnion(codes) }
    }
    dimensions = library.taxonomy.dimensions.filter { answered.contains($0.code) }
    let dimensionCodes = dimensions.map(\.code)
    dimensionSlots = questionInfo.mapValues { info in
      dimensionCodes.indices.filter { info.countedCodes.contains(dimensionCodes[$0]) }
    }
    finishedByQuiz = Dictionary(grouping: results.attempts.filter { $0.status == .finished }, by: \.quizID)
    // Each quiz's finished attempts as their places in `results.attempts`: their questions are
    // the survey's places, not looked up by id again.
    let attempts = results.attempts
    let finishedPlaces = Dictionary(
      grouping: attempts.indices.filter { attempts[$0].status == .finished }, by: { attempts[$0].quizID })
    // Quiz by quiz on every core, the biggest first.
    let quizzesBySize = finishedPlaces.sorted { ($0.value.count, $0.key) > ($1.value.count, $1.key) }
    let analyses = concurrentMap(quizzesBySize) { _, places in
      ItemAnalysis(
        questions: survey.questionIDs,
        attempts: places.map { place in
          ItemAttempt.ByPosition(
            positions: survey.places[place].questions, marks: attempts[place].answers.map(\.score))
        })
    }
    itemAnalyses = Dictionary(uniqueKeysWithValues: zip(quizzesBySize.map(\.key), analyses))
    optionCountsByQuiz = Self.optionCounts(finishedByQuiz, shown: shown)
  }

  /// Quiz id → question id → how many chose each option, over each quiz's finished attempts:
  /// each distinct (question, response, right or not) tallied, quiz by quiz on every core.
  private static func optionCounts(_ finishedByQuiz: [String: [Attempt]], shown: ShownAnswers) -> [String:
    [QuestionID: OptionCounts]]
  {
    struct Given: Hashable {
      var slot: ShownAnswers.Slot
      var isCorrect: Bool
    }
    let quizzes = finishedByQuiz.keys.sorted()
    let counted = concurrentMap(quizzes) { quiz -> [QuestionID: OptionCounts] in
      var tallies: [Given: Int] = [:]
      for attempt in finishedByQuiz[quiz] ?? [] {
        guard let slots = shown.slots[attempt.id] else { continue }
        for (answer, slot) in zip(attempt.answers, slots) {
          guard let slot else { continue }
          tallies[Given(slot: slot, isCorrect: answer.isCorrect), default: 0] += 1
        }
      }
      var byQuestion: [Int32: [(answer: OptionCounts.Answer, count: Int)]] = [:]
      for (given, count) in tallies {
        let answer = OptionCounts.Answer(shown.decoded[Int(given.slot.response)], isCorrect: given.isCorrect)
        byQuestion[given.slot.question, default: []].append((answer, count))
      }
      var counts: [QuestionID: OptionCounts] = [:]
      for (slot, tallies) in byQuestion {
        let question = shown.questions[Int(slot)]
        counts[question.id] = OptionCounts(question: question, tallies: tallies)
      }
      return counts
    }
    return Dictionary(uniqueKeysWithValues: zip(quizzes, counted))
  }

  /// Quiz id → question id → how many chose each option, over the quiz's finished attempts.
  public func optionCounts() -> [String: [QuestionID: OptionCounts]] { optionCountsByQuiz }

  // MARK: - Figures

  /// The attempt's score as a share of its maximum (0-1): the stored total of a finished attempt,
  /// else the marks so far over its questions.
  public static func share(of attempt: Attempt) -> Double {
    if attempt.status == .finished, let score = attempt.score, let maximum = attempt.maxScore, maximum > 0 {
      return score / maximum
    }
    let marks = attempt.answers.reduce(0) { $0 + $1.score }
    return marks / Double(max(attempt.questionIDs.count, attempt.answers.count, 1))
  }

  /// How many attempts at the quiz were finished, and their mean share (nil when none was).
  public func finishedSummary(of quiz: String) -> (attempts: Int, meanShare: Double?) {
    let shares = (finishedByQuiz[quiz] ?? []).map(Self.share)
    return (shares.count, shares.isEmpty ? nil : shares.reduce(0, +) / Double(shares.count))
  }

  /// The official's mastery of each exported dimension, over their exported answers.
  ///
  /// Summed as ``MasteryTally``s, answer by answer in the order ``MasteryRule/tally(of:at:)``
  /// adds them, so the figures are those of the official's answer facts.
  public func dimensionMastery(of official: Official) -> [String: Mastery] {
    var tallies = [MasteryTally?](repeating: nil, count: dimensions.count)
    for attempt in attemptsByOfficial[official.id] ?? [] {
      for answer in attempt.answers {
        guard let slots = dimensionSlots[answer.questionID], !slots.isEmpty else { continue }
        let weight = rule.weight(of: answer.answeredAt, at: reference)
        for slot in slots {
          var tally = tallies[slot] ?? MasteryTally(officials: 1)
          tally.add(weight: weight, score: answer.score)
          tallies[slot] = tally
        }
      }
    }
    var mastery: [String: Mastery] = [:]
    for (slot, dimension) in dimensions.enumerated() {
      mastery[dimension.code] = rule.mastery(of: tallies[slot] ?? .empty)
    }
    return mastery
  }

  /// The question's prompt in the export's language on one line, cut at 100 characters.
  public func shortText(of questionID: QuestionID) -> String? { questionInfo[questionID]?.shortText }

  /// The PAPI codes the question is tagged with, as written in its course file.
  public func papiCodes(of questionID: QuestionID) -> [String] { questionInfo[questionID]?.papiCodes ?? [] }

  /// A stored response as a trainer reads it: option ids, "Đúng"/"Sai", 1-based positions for
  /// matching and ordering, typed text as typed. A response that does not decode is shown as stored.
  public func responseText(_ stored: String) -> String {
    guard let response = try? JSONDecoder().decode(Response.self, from: Data(stored.utf8)) else {
      return stored
    }
    switch response {
    case .choice(let id): return id
    case .choices(let ids): return ids.joined(separator: ", ")
    case .truth(let value): return ExportHeading.truth(value).text(in: language)
    case .matching(let rights):
      return rights.enumerated().map { "\($0.offset + 1)→\($0.element + 1)" }.joined(separator: ", ")
    case .ordering(let items): return items.map { String($0 + 1) }.joined(separator: ", ")
    case .text(let text): return text
    }
  }

  /// A ``LocalTimeFormatter`` for the times of the exported answers (`2026-10-15 08:31:00` in the
  /// export's time zone, without a DateFormatter per answer).
  func localTimeFormatter() -> LocalTimeFormatter {
    LocalTimeFormatter(timeZone: timeZone, span: earliestAnswer...reference)
  }

  func position(_ id: String) -> String {
    library.positionName(id, in: language)
  }

  func quizTitle(_ id: String) -> String? { quizzes[id]?.quiz.title.text(in: language) }

  func heading(_ heading: ExportHeading) -> String { heading.text(in: language) }

  /// The zone's offset from UTC in seconds, when it has one offset over every exported answer
  /// (else nil: each time is looked up).
  var fixedOffset: Int? {
    timeZone.nextDaylightSavingTimeTransition(after: earliestAnswer).map({ $0 > reference }) ?? true
      ? timeZone.secondsFromGMT(for: reference) : nil
  }

  /// The answer's moment as a date-time cell in the export's zone.
  func timeCell(_ date: Date, fixedOffset: Int?) -> Cell {
    .dateTime(date, offset: fixedOffset ?? timeZone.secondsFromGMT(for: date))
  }

  /// The quiz's title in the export's language, else its id (a quiz no longer in the courses).
  func quizName(_ id: String) -> String { quizTitle(id) ?? id }

  /// `D5 Thủ tục hành chính công`: a dimension's code and name.
  func dimensionName(_ dimension: Curriculum.Dimension) -> String {
    "\(dimension.code) \(dimension.name.text(in: language))"
  }

  /// `03637 Xã Mường Kim`, or the code alone when the units file does not know it.
  func communeHeading(_ code: CommuneCode) -> String {
    communeNames[code].map { "\(code.rawValue) \($0)" } ?? code.rawValue
  }

  /// `UTC+07:00`, the zone the tables' times are in.
  var zoneName: String {
    let seconds = timeZone.secondsFromGMT(for: reference)
    let sign = seconds < 0 ? "-" : "+"
    return String(format: "UTC%@%02d:%02d", sign, abs(seconds) / 3600, abs(seconds) % 3600 / 60)
  }

  /// A percentage rounded to one decimal, from a share.
  static func percent(_ share: Double) -> Cell { .number((share * 1000).rounded() / 10) }

  /// A number rounded to two decimals, or an empty cell.
  static func rounded(_ value: Double?) -> Cell {
    value.map { .number(($0 * 100).rounded() / 100) } ?? .empty
  }
}

/// What one pass over a class's answers finds: the span of their times, the questions answered
/// and the distinct responses, and each answer's question and response as small numbers (their
/// places in those lists), so that what follows finds them without hashing their text again.
/// Worked out in slices of attempts on every core (an export has hundreds of thousands of
/// answers), then put together.
struct AnswerSurvey: Sendable {
  var earliest: Date?
  var latest: Date?
  /// The questions answered, each once, in the order first met.
  var questionIDs: [QuestionID] = []
  /// The distinct responses as stored, in the order first met.
  var responses: [String] = []
  /// For each attempt, in the order given: its answers' places in ``questionIDs`` and
  /// ``responses``.
  var places: [Places] = []

  /// An attempt's answers' questions and responses, answer by answer, as places in the lists.
  struct Places: Sendable {
    var questions: [Int32] = []
    var responses: [Int32] = []
  }

  init(of attempts: [Attempt]) {
    let size = 256
    let slices = stride(from: 0, to: attempts.count, by: size).map { $0..<min($0 + size, attempts.count) }
    let parts = concurrentMap(slices) { slice in
      var part = AnswerSurvey()
      var questionPlaces: [QuestionID: Int32] = [:]
      var responsePlaces: [String: Int32] = [:]
      part.places.reserveCapacity(slice.count)
      for attempt in attempts[slice] {
        var places = Places()
        places.questions.reserveCapacity(attempt.answers.count)
        places.responses.reserveCapacity(attempt.answers.count)
        for answer in attempt.answers {
          part.earliest = min(part.earliest ?? answer.answeredAt, answer.answeredAt)
          part.latest = max(part.latest ?? answer.answeredAt, answer.answeredAt)
          places.questions.append(
            Self.place(of: answer.questionID, in: &questionPlaces, list: &part.questionIDs))
          places.responses.append(Self.place(of: answer.response, in: &responsePlaces, list: &part.responses))
        }
        part.places.append(places)
      }
      return part
    }
    var questionPlaces: [QuestionID: Int32] = [:]
    var responsePlaces: [String: Int32] = [:]
    places.reserveCapacity(attempts.count)
    for part in parts {
      if let earliest = part.earliest { self.earliest = min(self.earliest ?? earliest, earliest) }
      if let latest = part.latest { self.latest = max(self.latest ?? latest, latest) }
      // The slice's places, renumbered in the lists of the whole.
      let questions = part.questionIDs.map { Self.place(of: $0, in: &questionPlaces, list: &questionIDs) }
      let responses = part.responses.map { Self.place(of: $0, in: &responsePlaces, list: &self.responses) }
      for slice in part.places {
        places.append(
          Places(
            questions: slice.questions.map { questions[Int($0)] },
            responses: slice.responses.map { responses[Int($0)] }))
      }
    }
  }

  private init() {}

  /// The place of `key` in `list`, added at the end when new.
  private static func place<Key: Hashable>(of key: Key, in places: inout [Key: Int32], list: inout [Key])
    -> Int32
  {
    if let place = places[key] { return place }
    let place = Int32(list.count)
    places[key] = place
    list.append(key)
    return place
  }
}

/// What the export tables need of a question, worked out once per question.
struct QuestionInfo: Sendable {
  let id: QuestionID
  /// The PAPI codes as written in the course file, and joined with ", " for a cell.
  let papiCodes: [String]
  let joinedCodes: String
  /// The codes its answers count for (the tags and their parent dimensions), in a fixed order.
  let countedCodes: [String]
  /// The prompt in the export's language on one line, cut at 100 characters.
  let shortText: String

  init(_ question: Question, taxonomy: Taxonomy, language: Language) {
    id = question.id
    papiCodes = question.papiCodes
    joinedCodes = papiCodes.joined(separator: ", ")
    countedCodes = taxonomy.countedCodes(for: papiCodes).sorted()
    let line = question.prompt.text(in: language).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    shortText = line.count > 100 ? String(line.prefix(99)) + "…" : line
  }
}

/// `2026-10-15 08:31:00` in a time zone, as `BulkText.timestamp` writes times (to the second,
/// rounded down), without a DateFormatter per answer and, when the zone has no daylight-saving
/// transition within the dates formatted, without a time-zone lookup per answer either.
struct LocalTimeFormatter: Sendable {
  let timeZone: TimeZone
  /// The zone's offset throughout `span`, when it has one.
  private let fixedOffset: Int?

  init(timeZone: TimeZone, span: ClosedRange<Date>? = nil) {
    self.timeZone = timeZone
    if let span,
      timeZone.nextDaylightSavingTimeTransition(after: span.lowerBound).map({ $0 > span.upperBound }) ?? true
    {
      fixedOffset = timeZone.secondsFromGMT(for: span.lowerBound)
    } else {
      fixedOffset = nil
    }
  }

  func string(_ date: Date) -> String {
    let offset = fixedOffset ?? timeZone.secondsFromGMT(for: date)
    let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) + Int64(offset) * 1000
    let (days, rest) = Day.split(millisecondsSince1970: milliseconds)
    return Cell.dateTimeText(days * 86_400 + rest / 1000)
  }
}

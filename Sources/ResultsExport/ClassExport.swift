import Assessment
import Curriculum
import Foundation
import Gradebook
import Insight
import Localization
import Reporting

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
  public let communeNames: [UnitCode: String]
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

  let questions: [String: Question]
  /// Question id → the PAPI codes its answers count for, and its prompt on one line.
  let countedCodes: [String: Set<String>]
  let shortTexts: [String: String]
  let quizzes: [String: (quiz: Quiz, course: Course)]
  let attemptsByOfficial: [UUID: [Attempt]]
  let finishedByQuiz: [String: [Attempt]]

  public init(
    results: ClassResults, library: CourseLibrary, language: Language, communeNames: [UnitCode: String] = [:],
    timeZone: TimeZone = .current
  ) {
    self.results = results
    self.library = library
    self.language = language
    self.communeNames = communeNames
    self.timeZone = timeZone
    var questions: [String: Question] = [:]
    var quizzes: [String: (quiz: Quiz, course: Course)] = [:]
    var order: [String] = []
    for course in library.courses {
      for question in course.questions { questions[question.id] = question }
      for quiz in course.quizzes where quizzes[quiz.id] == nil {
        quizzes[quiz.id] = (quiz, course)
        order.append(quiz.id)
      }
    }
    self.questions = questions
    countedCodes = questions.mapValues { library.taxonomy.countedCodes(for: $0.papiCodes) }
    shortTexts = questions.mapValues { question in
      let line = question.prompt.text(in: language).split(whereSeparator: \.isWhitespace).joined(
        separator: " ")
      return line.count > 100 ? String(line.prefix(99)) + "…" : line
    }
    self.quizzes = quizzes
    let taken = Set(results.attempts.map(\.quizID))
    quizIDs = order.filter(taken.contains) + taken.subtracting(order).sorted()
    attemptsByOfficial = Dictionary(grouping: results.attempts, by: \.officialID)
    var answered = Set<String>()
    var latest = Date(timeIntervalSince1970: 0)
    for attempt in results.attempts {
      for answer in attempt.answers {
        latest = max(latest, answer.answeredAt)
        if let codes = countedCodes[answer.questionID] { answered.formUnion(codes) }
      }
    }
    reference = latest
    dimensions = library.taxonomy.dimensions.filter { answered.contains($0.code) }
    finishedByQuiz = Dictionary(grouping: results.attempts.filter { $0.status == .finished }, by: \.quizID)
    var analyses: [String: ItemAnalysis] = [:]
    for (quiz, attempts) in finishedByQuiz {
      analyses[quiz] = ItemAnalysis(
        attempts: attempts.map { attempt in
          ItemAttempt(
            marks: Dictionary(attempt.answers.map { ($0.questionID, $0.score) }, uniquingKeysWith: max))
        })
    }
    itemAnalyses = analyses
  }

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
  public func dimensionMastery(of official: Official) -> [String: Mastery] {
    var facts: [String: [AnswerFact]] = [:]
    for attempt in attemptsByOfficial[official.id] ?? [] {
      for answer in attempt.answers {
        guard let question = questions[answer.questionID] else { continue }
        let fact = AnswerFact(
          officialID: official.id.uuidString, position: official.position,
          communeCode: official.communeCode.rawValue, classID: attempt.classID?.uuidString,
          attemptID: attempt.id.uuidString, quizID: attempt.quizID, questionID: answer.questionID,
          score: answer.score, answeredAt: answer.answeredAt, papiCodes: question.papiCodes,
          area: question.area.id)
        for code in countedCodes[answer.questionID] ?? [] {
          facts[code, default: []].append(fact)
        }
      }
    }
    var mastery: [String: Mastery] = [:]
    for dimension in dimensions {
      mastery[dimension.code] = rule.mastery(of: facts[dimension.code] ?? [], at: reference)
    }
    return mastery
  }

  /// The question's prompt in the export's language on one line, cut at 100 characters.
  public func shortText(of questionID: String) -> String? { shortTexts[questionID] }

  /// The PAPI codes the question is tagged with, as written in its course file.
  public func papiCodes(of questionID: String) -> [String] { questions[questionID]?.papiCodes ?? [] }

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

  /// ``responseText(_:)`` of every distinct stored response exported, worked out once each.
  func responseTexts() -> [String: String] {
    var texts: [String: String] = [:]
    for attempt in results.attempts {
      for answer in attempt.answers where texts[answer.response] == nil {
        texts[answer.response] = responseText(answer.response)
      }
    }
    return texts
  }

  /// `2026-10-15 08:31:00` in the export's time zone, without a DateFormatter per answer.
  func localTime(_ date: Date) -> String {
    String(BulkText.timestamp(date.addingTimeInterval(Double(timeZone.secondsFromGMT(for: date)))).prefix(19))
  }

  func position(_ id: String) -> String {
    library.positions.first { $0.id == id }?.name.text(in: language) ?? id
  }

  func quizTitle(_ id: String) -> String? { quizzes[id]?.quiz.title.text(in: language) }

  func heading(_ heading: ExportHeading) -> String { heading.text(in: language) }

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

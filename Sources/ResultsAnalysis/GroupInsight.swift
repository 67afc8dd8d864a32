import Curriculum
import Foundation
import Gradebook
import Insight
import Units

/// Whose answers a detailed report covers.
public enum ReportScope: Sendable, Hashable {
  /// One commune's officials.
  case commune(CommuneCode)
  /// One official of a commune.
  case official(CommuneCode, OfficialID)
  /// A training class, in every commune that has its attempts.
  case trainingClass(ClassID)
}

/// Everything Insight says about one group of answers (an official, a commune, a class): mastery
/// per PAPI code and knowledge area, weak areas with what to study, learning gain, and item
/// statistics per quiz. For groups small enough to read answer by answer; provinces use
/// ``ReadinessSurvey``.
public struct GroupInsight: Sendable {
  /// Pre-test against post-test for one official on one course.
  public struct OfficialGain: Sendable, Hashable {
    public var officialID: String
    public var courseID: String
    public var gain: LearningGain
  }

  public var facts: [AnswerFact]
  /// Answers to questions that are no longer in the courses (left out of every figure).
  public var unknownQuestions: Int
  public var officials: Int
  public var mastery: MasteryReport
  public var weakAreas: [WeakArea]
  public var gains: [OfficialGain]
  /// Quiz id → item statistics over its finished attempts.
  public var items: [String: ItemAnalysis]
  /// Quiz id → question id → how many chose each option, over the same attempts.
  public var options: [String: [QuestionID: OptionCounts]]

  /// The rule is ``MasteryRule/official`` for one official, ``MasteryRule/group`` otherwise.
  /// - Parameter answers: the answers of each commune, as ``rows(of:in:selection:)`` reads them.
  public init(
    answers: [(commune: String, rows: [AnswerRow])], index: QuestionIndex, rule: MasteryRule, reference: Date,
    threshold: Double = 0.7
  ) {
    var facts: [AnswerFact] = []
    var unknown = 0
    for (commune, rows) in answers {
      let converted = index.facts(from: rows, communeCode: commune)
      facts += converted.facts
      unknown += converted.unknownQuestions
    }
    self.facts = facts
    self.unknownQuestions = unknown
    officials = Set(facts.map(\.officialID)).count
    let library = index.library
    mastery = MasteryReport(facts: facts, taxonomy: library.taxonomy, rule: rule, at: reference)
    weakAreas = Insight.weakAreas(in: mastery, facts: facts, library: library, threshold: threshold)
    gains = Self.gains(facts, library: library)
    var items: [String: ItemAnalysis] = [:]
    var options: [String: [QuestionID: OptionCounts]] = [:]
    let finished = answers.flatMap(\.rows).filter(\.isAttemptFinished)
    let questions = index.questionsByID
    for (quiz, quizRows) in Dictionary(grouping: finished, by: \.quizID) {
      let given = quizRows.compactMap { row in
        OptionCounts.Answer(stored: row.response, isCorrect: row.isCorrect).map { (row.questionID, $0) }
      }
      options[quiz] = OptionCounts.byQuestion(given, questions: questions)
      // Attempts in id order: the statistics sum over them, and the same files must give the
      // same figures to the last digit.
      let attempts = Dictionary(grouping: quizRows, by: \.attemptID)
        .sorted { $0.key.uuidString < $1.key.uuidString }.map { _, answers in
          ItemAttempt(marks: Dictionary(answers.map { ($0.questionID, $0.score) }, uniquingKeysWith: max))
        }
      items[quiz] = ItemAnalysis(attempts: attempts)
    }
    self.items = items
    self.options = options
  }

  /// The mean gain over the officials who took both a pre-test and a post-test of a course.
  public var meanGain: LearningGain? { LearningGain.mean(gains.map(\.gain)) }

  /// Per official and course: the share of marks over all their pre-test answers against all
  /// their post-test answers.
  static func gains(_ facts: [AnswerFact], library: CourseLibrary) -> [OfficialGain] {
    var kinds: [String: (course: String, kind: QuizKind)] = [:]
    for course in library.courses {
      for quiz in course.quizzes { kinds[quiz.id] = (course.id, quiz.kind) }
    }
    struct Key: Hashable {
      var official: String
      var course: String
    }
    var pre: [Key: (sum: Double, count: Int)] = [:]
    var post: [Key: (sum: Double, count: Int)] = [:]
    for fact in facts {
      guard let (course, kind) = kinds[fact.quizID] else { continue }
      let key = Key(official: fact.officialID, course: course)
      switch kind {
      case .preTest:
        pre[key, default: (0, 0)].sum += fact.score
        pre[key, default: (0, 0)].count += 1
      case .postTest:
        post[key, default: (0, 0)].sum += fact.score
        post[key, default: (0, 0)].count += 1
      case .practice, .review: continue
      }
    }
    return pre.compactMap { key, before -> OfficialGain? in
      guard let after = post[key], before.count > 0, after.count > 0 else { return nil }
      return OfficialGain(
        officialID: key.official, courseID: key.course,
        gain: LearningGain(pre: before.sum / Double(before.count), post: after.sum / Double(after.count)))
    }.sorted { ($0.courseID, $0.officialID) < ($1.courseID, $1.officialID) }
  }

  /// Reads the answers of `scope` from `directory`.
  public static func rows(
    of scope: ReportScope, in directory: ResultsDirectory, selection: AnswerSelection = .all
  ) throws -> [(commune: String, rows: [AnswerRow])] {
    var selection = selection
    switch scope {
    case .commune(let code):
      guard let store = try directory.checkedReadOnlyStore(for: code) else { return [] }
      return [(code.rawValue, try store.answerRows(selection))]
    case .official(let code, let official):
      selection.officialID = official
      guard let store = try directory.checkedReadOnlyStore(for: code) else { return [] }
      return [(code.rawValue, try store.answerRows(selection))]
    case .trainingClass(let id):
      selection.classID = id
      var result: [(String, [AnswerRow])] = []
      for code in try directory.communeCodes() {
        guard let store = try directory.checkedReadOnlyStore(for: code),
          try store.trainingClass(id: id) != nil
        else {
          continue
        }
        result.append((code.rawValue, try store.answerRows(selection)))
      }
      return result
    }
  }
}

import Curriculum
import Foundation
internal import GRDB
import Synchronization

/// Which stored answers a report reads: all of them, or those of one class, one official, some
/// quizzes, or a period. Conditions combine with "and".
public struct AnswerSelection: Sendable, Hashable {
  /// Only answers in attempts taken in this training class.
  public var classID: ClassID?
  /// Only this official's answers.
  public var officialID: OfficialID?
  /// Only answers to these quizzes (empty: every quiz).
  public var quizIDs: Set<String>
  /// Only answers given at or after this moment.
  public var from: Date?
  /// Only answers given before this moment.
  public var until: Date?

  public init(
    classID: ClassID? = nil, officialID: OfficialID? = nil, quizIDs: Set<String> = [], from: Date? = nil,
    until: Date? = nil
  ) {
    self.classID = classID
    self.officialID = officialID
    self.quizIDs = quizIDs
    self.from = from
    self.until = until
  }

  /// Every answer.
  public static let all = AnswerSelection()

  /// The SQL condition over `answers` aliased `an` and `attempts` aliased `at`, with its arguments.
  var condition: (sql: String, arguments: StatementArguments) {
    // Reviews are not quiz attempts: the review "attempts" older files hold are never read.
    var clauses = [Schema.isQuizAttempt()]
    var arguments = StatementArguments()
    if let classID {
      clauses.append("at.class_id = ?")
      arguments += [classID.uuidString]
    }
    if let officialID {
      clauses.append("at.official_id = ?")
      arguments += [officialID.uuidString]
    }
    if !quizIDs.isEmpty {
      clauses.append("at.quiz_id IN (\(Array(repeating: "?", count: quizIDs.count).joined(separator: ", ")))")
      arguments += StatementArguments(quizIDs.sorted())
    }
    // Timestamps are stored as "YYYY-MM-DD HH:MM:SS.SSS" in UTC, GRDB's format for dates, so
    // text comparison is time comparison.
    if let from {
      clauses.append("an.answered_at >= ?")
      arguments += [from]
    }
    if let until {
      clauses.append("an.answered_at < ?")
      arguments += [until]
    }
    return (clauses.joined(separator: " AND "), arguments)
  }
}

/// One stored answer with what reports group it by: who gave it, in which attempt, quiz and class.
public struct AnswerRow: Sendable, Hashable {
  public var officialID: OfficialID
  /// The official's position id.
  public var position: String
  public var attemptID: AttemptID
  public var quizID: String
  public var courseID: String
  public var classID: ClassID?
  /// Whether the attempt was finished (item statistics use finished attempts only).
  public var isAttemptFinished: Bool
  public var questionID: QuestionID
  /// The mark, 0 to 1.
  public var score: Double
  public var isCorrect: Bool
  public var answeredAt: Date
  /// The response as stored (JSON for structured responses), for per-option counts.
  public var response: String
}

extension CommuneStore {
  /// The answers chosen by `selection`, in the order they were given. For one commune, class or
  /// official; reports over many communes use ``WeightedAnswerScan``, which never holds answers.
  public func answerRows(_ selection: AnswerSelection = .all) throws -> [AnswerRow] {
    let condition = selection.condition
    return try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT at.official_id, o.position, an.attempt_id, at.quiz_id, at.course_id, at.class_id, at.status,
                 an.question_id, an.score, an.correct, an.answered_at, an.response
          FROM answers an JOIN attempts at ON at.id = an.attempt_id JOIN officials o ON o.id = at.official_id
          WHERE \(condition.sql)
          ORDER BY an.answered_at, an.attempt_id, an.position
          """, arguments: condition.arguments
      ).map { row in
        let classID: String? = row["class_id"]
        return AnswerRow(
          officialID: OfficialID(rawValue: try Self.uuid(row["official_id"])), position: row["position"],
          attemptID: AttemptID(rawValue: try Self.uuid(row["attempt_id"])), quizID: row["quiz_id"],
          courseID: row["course_id"],
          classID: try classID.map { ClassID(rawValue: try Self.uuid($0)) },
          isAttemptFinished: row["status"] == "finished",
          questionID: QuestionID(row["question_id"] as String), score: row["score"],
          isCorrect: row["correct"], answeredAt: row["answered_at"], response: row["response"])
      }
    }
  }
}

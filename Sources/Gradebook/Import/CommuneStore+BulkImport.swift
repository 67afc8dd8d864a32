import Curriculum
import Foundation
internal import GRDB
import VietnameseText

/// What a bulk import wrote.
public struct BulkImportCounts: Sendable, Hashable {
  public var officials = 0
  public var classes = 0
  public var attempts = 0
  public var answers = 0

  /// Nothing written.
  public init() {}

  /// The counts of two imports together.
  public static func + (lhs: BulkImportCounts, rhs: BulkImportCounts) -> BulkImportCounts {
    var sum = lhs
    sum.officials += rhs.officials
    sum.classes += rhs.classes
    sum.attempts += rhs.attempts
    sum.answers += rhs.answers
    return sum
  }
}

extension CommuneStore {
  /// Writes a whole commune's records at once: officials, training classes, and attempts with
  /// their answers, in ONE transaction with prepared statements (what `record(_:)` does per
  /// answer, without a transaction and a lookup per row). For generated data and imports of
  /// thousands of answers; the shell keeps recording answers one by one.
  ///
  /// Every record must be new to the file (a repeated id throws and nothing is written); texts
  /// are stored in NFC and numbers are checked as ``record(_:)`` checks them. Classes must include
  /// this commune; each attempt's official must be among `officials` or already stored, and its
  /// class among `classes` or already stored (foreign keys are enforced). An official with an
  /// attempt in a class is recorded as a member of it, from that attempt's start.
  @discardableResult
  public func bulkImport(
    officials: [Official], classes: [TrainingClass] = [], attempts: [Attempt]
  ) throws -> BulkImportCounts {
    let classes = try classes.map { trainingClass in
      let saved = try Self.validated(trainingClass)
      guard saved.communeCodes.contains(communeCode) else {
        throw GradebookError.classNotForCommune(saved.id, communeCode)
      }
      return saved
    }
    let counts = try write { db in
      var counts = BulkImportCounts()
      let officialStatement = try db.makeStatement(
        sql: """
          INSERT INTO officials (id, name, name_key, position, commune_code, created_at)
          VALUES (?, ?, ?, ?, ?, ?)
          """)
      for official in officials {
        let name = Self.clean(official.name)
        guard !name.isEmpty else { throw GradebookError.emptyName }
        try officialStatement.execute(arguments: [
          official.id.uuidString, name, Schema.nameKey(name), Self.clean(official.position),
          communeCode.rawValue, BulkText.timestamp(official.createdAt),
        ])
        counts.officials += 1
      }
      // A few classes: every field of each, as a class saved one by one is written.
      for trainingClass in classes {
        try Self.upsert(trainingClass, into: db)
        counts.classes += 1
      }
      let attemptStatement = try db.makeStatement(
        sql: """
          INSERT INTO attempts (id, official_id, quiz_id, course_id, course_version, class_id, started_at,
            ended_at, seed, question_ids, score, max_score, status)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      let answerStatement = try db.makeStatement(
        sql: """
          INSERT INTO answers (attempt_id, question_id, position, response, score, correct, time_taken, answered_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """)
      for attempt in attempts {
        let attemptID = attempt.id.uuidString
        let questionIDs = attempt.questionIDs.map(BulkText.nfc)
        try attemptStatement.execute(arguments: [
          attemptID, attempt.officialID.uuidString, BulkText.nfc(attempt.quizID),
          BulkText.nfc(attempt.courseID), BulkText.nfc(attempt.courseVersion),
          attempt.classID?.uuidString, BulkText.timestamp(attempt.startedAt),
          attempt.endedAt.map(BulkText.timestamp), String(attempt.seed), try Self.encodeList(questionIDs),
          attempt.score, attempt.maxScore, attempt.status.rawValue,
        ])
        counts.attempts += 1
        for answer in attempt.answers {
          guard answer.attemptID == attempt.id else { throw GradebookError.unknownAttempt(answer.attemptID) }
          let questionID = BulkText.nfc(answer.questionID)
          guard questionIDs.contains(questionID) else {
            throw GradebookError.questionNotInAttempt(question: questionID, attempt: attempt.id)
          }
          try answer.checkNumbers()
          try answerStatement.execute(arguments: [
            attemptID, questionID.rawValue, answer.position, BulkText.nfc(answer.response), answer.score,
            answer.isCorrect, answer.timeTaken, BulkText.timestamp(answer.answeredAt),
          ])
          counts.answers += 1
        }
      }
      // An official who took a class's quizzes joined it, as the shell records when they join:
      // from their first attempt in it.
      try db.execute(
        sql: """
          INSERT OR IGNORE INTO class_members (class_id, official_id, joined_at)
          SELECT class_id, official_id, min(started_at) FROM attempts
          WHERE class_id IS NOT NULL GROUP BY class_id, official_id
          """)
      return counts
    }
    // Leave the file whole without its -wal, so it can be copied as one file.
    _ = try? writableDatabase().writeWithoutTransaction { try $0.checkpoint(.truncate) }
    return counts
  }
}

import Curriculum
import Foundation
internal import GRDB
import VietnameseText

extension CommuneStore {
  /// The oldest schema version whose files an export reads as it reads them migrated to the
  /// latest: the reviews' version (v5), which took the review "attempts" out of `attempts`'s
  /// meaning; the later migrations add tables an export does not read (v6 `class_reviews`). What
  /// an export reads is ``attempts(classID:quizIDs:startedFrom:startedBefore:)``, ``officials()``
  /// and ``trainingClass(id:)``: raise this with a migration that changes their tables.
  public static let exportReadableFrom = Schema.reviewsVersion

  /// The attempts an export selects, oldest first, with their answers: those taken in `classID`
  /// (any class when nil), at one of `quizIDs` (any quiz when empty), started in
  /// `[startedFrom, startedBefore)`. The conditions are applied in SQL, so a class's export does
  /// not read the commune's other attempts.
  public func attempts(
    classID: ClassID?, quizIDs: Set<String> = [], startedFrom: Date? = nil, startedBefore: Date? = nil
  ) throws -> [Attempt] {
    var clauses = ["1"]
    var arguments: [String] = []
    if let classID {
      clauses.append("a.class_id = ?")
      arguments.append(classID.uuidString)
    }
    if !quizIDs.isEmpty {
      clauses.append("a.quiz_id IN (\(Array(repeating: "?", count: quizIDs.count).joined(separator: ", ")))")
      arguments += quizIDs.sorted().map(\.nfc)
    }
    // Timestamps are stored as "YYYY-MM-DD HH:MM:SS.SSS" in UTC, so text order is time order.
    for (bound, operation) in [(startedFrom, ">="), (startedBefore, "<")] {
      guard let bound else { continue }
      clauses.append("a.started_at \(operation) ?")
      arguments.append(String.fromDatabaseValue(bound.databaseValue) ?? "")
    }
    let condition = clauses.joined(separator: " AND ")
    return try read { db in
      // SQLite's column functions, positions and times as numbers: a class's export reads
      // 100 000 answers and more, where GRDB rows, names and timestamp text would dominate.
      let attemptStatement = try db.makeStatement(
        sql: """
          SELECT a.id, a.official_id, a.quiz_id, a.course_id, a.course_version, a.class_id, a.seed,
                 a.question_ids, \(ColumnReader.secondsSince1970("a.started_at")),
                 \(ColumnReader.secondsSince1970("a.ended_at")), a.score, a.max_score, a.status
          FROM attempts a WHERE \(condition) AND \(Schema.isQuizAttempt("a")) ORDER BY a.started_at, a.id
          """)
      try attemptStatement.setArguments(StatementArguments(arguments))
      let attemptRows = ColumnReader(attemptStatement, in: db, path: path, table: "attempts")
      var attempts: [Attempt] = []
      var indexByID: [String: Int] = [:]
      while try attemptRows.step() {
        let seedText = try attemptRows.text(6)
        guard let seed = UInt64(seedText) else {
          throw GradebookError.damaged(path: path, details: "attempts.seed is '\(seedText)', not a number")
        }
        let id = AttemptID(rawValue: try attemptRows.uuid(0))
        indexByID[try attemptRows.text(0)] = attempts.count
        attempts.append(
          Attempt(
            id: id, officialID: OfficialID(rawValue: try attemptRows.uuid(1)),
            quizID: try attemptRows.text(2),
            courseID: try attemptRows.text(3), courseVersion: try attemptRows.text(4),
            classID: attemptRows.isNull(5) ? nil : ClassID(rawValue: try attemptRows.uuid(5)), seed: seed,
            questionIDs: try Self.decodeQuestionIDs(try attemptRows.text(7)),
            startedAt: try attemptRows.date(8),
            endedAt: try attemptRows.optionalDate(9), score: try attemptRows.optionalDouble(10),
            maxScore: try attemptRows.optionalDouble(11),
            status: AttemptStatus(rawValue: try attemptRows.text(12)) ?? .abandoned, answers: []))
      }
      guard !attempts.isEmpty else { return [] }
      // The answers in the order they were written, which is each attempt's in turn: an answer's
      // attempt is looked up only when it differs from the one before. Answers of attempts not
      // selected (the review "attempts" of older files among them) are passed over.
      let answerStatement = try db.makeStatement(
        sql: """
          SELECT an.attempt_id, an.question_id, an.position, an.response, an.score, an.correct, an.time_taken,
                 \(ColumnReader.secondsSince1970("an.answered_at"))
          FROM answers an
          \(condition == "1" ? "" : "WHERE an.attempt_id IN (SELECT a.id FROM attempts a WHERE \(condition))")
          """)
      try answerStatement.setArguments(StatementArguments(arguments))
      let answerRows = ColumnReader(answerStatement, in: db, path: path, table: "answers")
      var previous: [UInt8] = []
      var current = -1
      while try answerRows.step() {
        let attemptText = try answerRows.bytes(0)
        if current < 0 || !Self.same(previous, attemptText) {
          previous = Array(attemptText)
          current = indexByID[String(decoding: attemptText, as: UTF8.self)] ?? -1
        }
        guard current >= 0 else { continue }
        attempts[current].answers.append(
          Answer(
            attemptID: attempts[current].id, questionID: QuestionID(try answerRows.text(1)),
            position: try answerRows.integer(2),
            response: try answerRows.text(3), score: try answerRows.double(4),
            isCorrect: try answerRows.integer(5) != 0, timeTaken: try answerRows.double(6),
            answeredAt: try answerRows.date(7)))
      }
      for index in attempts.indices where !attempts[index].answers.isSorted(by: Self.answerOrder) {
        attempts[index].answers.sort(by: Self.answerOrder)
      }
      return attempts
    }
  }

  /// Whether `bytes` are `kept`'s (one `memcmp`: an export compares each answer's attempt id
  /// with the one before).
  private static func same(_ kept: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard kept.count == bytes.count else { return false }
    guard let start = bytes.baseAddress, !kept.isEmpty else { return true }
    return kept.withUnsafeBufferPointer { memcmp($0.baseAddress!, start, kept.count) == 0 }
  }

  /// An attempt's answers by position, then question id.
  private static func answerOrder(_ first: Answer, _ second: Answer) -> Bool {
    (first.position, first.questionID) < (second.position, second.questionID)
  }
}

extension Array {
  fileprivate func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
    zip(self, dropFirst()).allSatisfy { !areInIncreasingOrder($1, $0) }
  }
}

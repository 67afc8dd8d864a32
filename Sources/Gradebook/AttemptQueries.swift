import Foundation
internal import GRDB
import VietnameseText

extension CommuneStore {
  /// The attempts an export selects, oldest first, with their answers: those taken in `classID`
  /// (any class when nil), at one of `quizIDs` (any quiz when empty), started in
  /// `[startedFrom, startedBefore)`. The conditions are applied in SQL, so a class's export does
  /// not read the commune's other attempts.
  public func attempts(
    classID: UUID?, quizIDs: Set<String> = [], startedFrom: Date? = nil, startedBefore: Date? = nil
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
      // Columns by position and times as numbers: a class's export reads 100 000 answers and
      // more, where looking columns up by name and parsing timestamp text would dominate.
      var answers: [String: [Answer]] = [:]
      var attemptIDs: [String: UUID] = [:]
      let cursor = try Row.fetchCursor(
        db,
        sql: """
          SELECT an.attempt_id, an.question_id, an.position, an.response, an.score, an.correct, an.time_taken,
                 (julianday(an.answered_at) - 2440587.5) * 86400.0
          FROM answers an JOIN attempts a ON a.id = an.attempt_id
          WHERE \(condition) ORDER BY an.attempt_id, an.position, an.question_id
          """, arguments: StatementArguments(arguments))
      while let row = try cursor.next() {
        let attempt: String = row[0]
        let id = try attemptIDs[attempt] ?? Self.uuid(attempt)
        attemptIDs[attempt] = id
        let seconds: Double = row[7]
        answers[attempt, default: []].append(
          Answer(
            attemptID: id, questionID: row[1], position: row[2], response: row[3], score: row[4],
            isCorrect: row[5], timeTaken: row[6],
            answeredAt: Date(timeIntervalSince1970: (seconds * 1000).rounded() / 1000)))
      }
      return try Row.fetchAll(
        db, sql: "SELECT a.* FROM attempts a WHERE \(condition) ORDER BY a.started_at, a.id",
        arguments: StatementArguments(arguments)
      ).map { row in
        var attempt = try Self.attempt(row)
        attempt.answers = answers[row["id"]] ?? []
        return attempt
      }
    }
  }
}

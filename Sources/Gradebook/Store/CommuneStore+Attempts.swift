import Curriculum
import Foundation
internal import GRDB
import VietnameseText

extension CommuneStore {
  /// Starts an attempt with the fields `new` was given when it started (its status, end and
  /// answers are not read) and returns it, in progress with no answers yet.
  public func startAttempt(_ new: Attempt) throws -> Attempt {
    for (field, value) in [("quizID", new.quizID), ("courseID", new.courseID)] where Self.clean(value).isEmpty
    {
      throw GradebookError.emptyField(field)
    }
    let attempt = Attempt(
      id: new.id, officialID: new.officialID, quizID: new.quizID.nfc, courseID: new.courseID.nfc,
      courseVersion: new.courseVersion.nfc, classID: new.classID, seed: new.seed,
      questionIDs: new.questionIDs.map(\.nfc), startedAt: new.startedAt)
    try write { db in
      guard try Self.exists(db, table: "officials", id: new.officialID) else {
        throw GradebookError.unknownOfficial(new.officialID)
      }
      if let classID = new.classID, try !Self.exists(db, table: "classes", id: classID) {
        throw GradebookError.unknownClass(classID)
      }
      try Self.insert(attempt, into: db)
    }
    return attempt
  }

  static func insert(_ attempt: Attempt, into db: Database) throws {
    try StoredAttempt(attempt).insert(db)
  }

  /// Records one answer, committed before this returns.
  ///
  /// Recording the very same answer again does nothing (a retry after an interruption is safe);
  /// a different answer to a question already answered throws ``GradebookError/conflictingAnswer(question:attempt:)``.
  /// The attempt must be in progress and the question one of its questions.
  public func record(_ answer: Answer) throws {
    let answer = try Self.validated(answer)
    try write { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT status, question_ids FROM attempts WHERE id = ?",
          arguments: [answer.attemptID.uuidString])
      else { throw GradebookError.unknownAttempt(answer.attemptID) }
      let status = AttemptStatus(rawValue: row["status"]) ?? .abandoned
      guard status == .inProgress else { throw GradebookError.attemptNotInProgress(answer.attemptID, status) }
      guard try Self.decodeQuestionIDs(row["question_ids"]).contains(answer.questionID) else {
        throw GradebookError.questionNotInAttempt(question: answer.questionID, attempt: answer.attemptID)
      }
      if let existing = try Self.storedAnswer(db, attempt: answer.attemptID, question: answer.questionID) {
        guard Self.sameContent(existing, answer) else {
          throw GradebookError.conflictingAnswer(question: answer.questionID, attempt: answer.attemptID)
        }
        return
      }
      try Self.insert(answer, into: db)
    }
  }

  static func validated(_ answer: Answer) throws -> Answer {
    var answer = answer
    answer.questionID = answer.questionID.nfc
    answer.response = answer.response.nfc
    try answer.checkNumbers()
    return answer
  }

  static func insert(_ answer: Answer, into db: Database) throws {
    try StoredAnswer(answer).insert(db)
  }

  static func storedAnswer(_ db: Database, attempt: AttemptID, question: QuestionID) throws -> Answer? {
    // Written out: this runs for every answer the shell records, before the next question shows.
    try StoredAnswer.fetchOne(
      db, sql: "SELECT * FROM answers WHERE attempt_id = ? AND question_id = ?",
      arguments: [attempt.uuidString, question.rawValue])?.answer
  }

  /// Whether two answers say the same thing (timestamps aside, which lose sub-millisecond digits).
  static func sameContent(_ a: Answer, _ b: Answer) -> Bool {
    a.attemptID == b.attemptID && a.questionID == b.questionID && a.position == b.position
      && a.response == b.response && a.score == b.score && a.isCorrect == b.isCorrect
  }

  /// Marks an in-progress attempt finished with its total, and returns it with its answers.
  @discardableResult
  public func finishAttempt(_ id: AttemptID, score: Double, maxScore: Double, at date: Date) throws -> Attempt
  {
    for (field, value) in [("score", score), ("maxScore", maxScore)] where !value.isFinite || value < 0 {
      throw GradebookError.invalidNumber(field: field, value: value)
    }
    return try end(id, status: .finished, score: score, maxScore: maxScore, at: date)
  }

  /// Marks an in-progress attempt abandoned; its answers stay.
  @discardableResult
  public func abandonAttempt(_ id: AttemptID, at date: Date) throws -> Attempt {
    try end(id, status: .abandoned, score: nil, maxScore: nil, at: date)
  }

  private func end(
    _ id: AttemptID, status: AttemptStatus, score: Double?, maxScore: Double?, at date: Date
  ) throws -> Attempt {
    defer {
      // Move the log into the database file now, so a copy of the .sqlite file alone (without
      // its -wal) taken after a quiz holds the quiz. Passive: it never waits for other writers.
      _ = try? writableDatabase().writeWithoutTransaction { try $0.checkpoint(.passive) }
    }
    return try write { db in
      guard
        let current = try String.fetchOne(
          db, sql: "SELECT status FROM attempts WHERE id = ?", arguments: [id.uuidString])
      else { throw GradebookError.unknownAttempt(id) }
      let currentStatus = AttemptStatus(rawValue: current) ?? .abandoned
      guard currentStatus == .inProgress else { throw GradebookError.attemptNotInProgress(id, currentStatus) }
      try db.execute(
        sql: "UPDATE attempts SET status = ?, ended_at = ?, score = ?, max_score = ? WHERE id = ?",
        arguments: [status.rawValue, date, score, maxScore, id.uuidString])
      guard let attempt = try Self.attempts(db, where: "a.id = ?", [id.uuidString]).first else {
        throw GradebookError.unknownAttempt(id)
      }
      return attempt
    }
  }

  /// The attempt with this id, with its answers.
  public func attempt(id: AttemptID) throws -> Attempt? {
    try read { db in try Self.attempts(db, where: "a.id = ?", [id.uuidString]).first }
  }

  /// The official's most recent in-progress attempt at `quizID`, with the answers recorded so far:
  /// what a shell resumes after a crash or a "later".
  public func unfinishedAttempt(officialID: OfficialID, quizID: String) throws -> Attempt? {
    try read { db in
      try Self.attempts(
        db, where: "a.official_id = ? AND a.quiz_id = ? AND a.status = 'in-progress'",
        [officialID.uuidString, quizID.nfc]
      ).last
    }
  }

  /// Every quiz attempt of the official, oldest first, with answers (reviews are not attempts:
  /// see ``reviewLog(officialID:)``).
  public func attempts(officialID: OfficialID) throws -> [Attempt] {
    try read { db in
      try Self.attempts(
        db, where: "a.official_id = ? AND \(Schema.isQuizAttempt("a"))", [officialID.uuidString])
    }
  }

  /// Every quiz attempt in the commune, oldest first, with answers: the raw material of reports.
  public func allAttempts() throws -> [Attempt] {
    try read { db in try Self.attempts(db, where: Schema.isQuizAttempt("a"), []) }
  }

  static func attempts(_ db: Database, where condition: String, _ arguments: [String]) throws -> [Attempt] {
    let statementArguments = StatementArguments(arguments)
    let answerRows = try StoredAnswer.fetchAll(
      db,
      sql: """
        SELECT answers.* FROM answers JOIN attempts a ON a.id = answers.attempt_id
        WHERE \(condition) ORDER BY answers.attempt_id, answers.position, answers.question_id
        """, arguments: statementArguments)
    var answersByAttempt: [AttemptID: [Answer]] = [:]
    for answer in answerRows.map(\.answer) {
      answersByAttempt[answer.attemptID, default: []].append(answer)
    }
    return try StoredAttempt.fetchAll(
      db, sql: "SELECT a.* FROM attempts a WHERE \(condition) ORDER BY a.started_at, a.id",
      arguments: statementArguments
    ).map { stored in
      var attempt = stored.attempt
      attempt.answers = answersByAttempt[attempt.id] ?? []
      return attempt
    }
  }

  static func exists(_ db: Database, table: String, id: some StableID) throws -> Bool {
    try Bool.fetchOne(
      db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", arguments: [id.uuidString])
      ?? false
  }
}

extension Answer {
  /// Throws ``GradebookError/invalidNumber(field:value:)`` unless the score and the time taken
  /// are finite and not negative and the position is not negative: what the store asks of every
  /// answer it records, one by one or in a bulk import.
  func checkNumbers() throws {
    guard score.isFinite, score >= 0 else { throw GradebookError.invalidNumber(field: "score", value: score) }
    guard timeTaken.isFinite, timeTaken >= 0 else {
      throw GradebookError.invalidNumber(field: "timeTaken", value: timeTaken)
    }
    guard position >= 0 else {
      throw GradebookError.invalidNumber(field: "position", value: Double(position))
    }
  }
}

import Curriculum
import Foundation
internal import GRDB
import VietnameseText

extension CommuneStore {
  /// Adds what the snapshot has and this file lacks, in one transaction.
  func merge(_ snapshot: Snapshot) throws -> MergeOutcome {
    switch snapshot.attempts {
    case .rows(let attempts):
      return try write { db in
        var merge = try RosterMerge(snapshot, into: db, commune: communeCode)
        try Self.mergeRowByRow(attempts, into: db, &merge)
        try Self.mergeReviews(snapshot.reviews, into: db, &merge)
        return try merge.outcome(db, commune: communeCode)
      }
    case .copiedInSQLite(let copy):
      return try writeAttaching(copy) { db in
        var merge = try RosterMerge(snapshot, into: db, commune: communeCode)
        try Self.mergeAttached(into: db, &merge)
        try Self.mergeReviews(snapshot.reviews, into: db, &merge)
        return try merge.outcome(db, commune: communeCode)
      }
    }
  }

  /// Adds the reviews this file lacks (by id; a review already here stays as it is: the log is
  /// append-only), then makes each card they touch the card of its latest review, so merging in
  /// any order, or twice, gives the same cards.
  private static func mergeReviews(_ reviews: [ReviewLogEntry], into db: Database, _ merge: inout RosterMerge)
    throws
  {
    var added: [String] = []
    for var review in reviews where try !exists(db, table: "main.review_log", id: review.id) {
      // An entry merged away here: its reviews go to the entry kept, as its attempts do.
      review.card.officialID = merge.classRoster.holder(of: review.card.officialID)
      try insert(try validated(review), into: db)
      added.append(review.id.uuidString)
    }
    guard !added.isEmpty else { return }
    merge.added.reviews += added.count
    try updateCards(db, where: "l.id IN (SELECT value FROM json_each(?))", [try encodeList(added)])
  }

  /// The schema name the source copy is attached under.
  static let sourceSchema = "merge_source"

  /// Runs `body` in one `IMMEDIATE` transaction of the writer connection, with the file at
  /// `copy` attached read-only as ``sourceSchema``.
  private func writeAttaching<T>(_ copy: String, _ body: (Database) throws -> T) throws -> T {
    let encoded = copy.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? copy
    do {
      return try writableDatabase().writeWithoutTransaction { db in
        try db.execute(
          sql: "ATTACH DATABASE ? AS \(Self.sourceSchema)", arguments: ["file:\(encoded)?mode=ro"])
        defer { try? db.execute(sql: "DETACH DATABASE \(Self.sourceSchema)") }
        db.add(function: Self.nfcFunction)
        defer { db.remove(function: Self.nfcFunction) }
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(db)
          return .commit
        }
        guard let result else { throw GradebookError.database(path: path, message: "merge did not run") }
        return result
      }
    } catch {
      throw Schema.translate(error, path: path)
    }
  }

  /// `merge_nfc(text)`: the text in NFC, as an answer's question id and response are stored
  /// (`validated`). Called only for text that is not plain ASCII.
  private static let nfcFunction = DatabaseFunction("merge_nfc", argumentCount: 1, pure: true) { values in
    String.fromDatabaseValue(values[0])?.nfc
  }

  /// The attempts and answers of the attached copy, merged inside SQLite: attempts already here
  /// are compared (and carried further) in Swift, a few hundred rows; new attempts and every
  /// answer this file lacks are inserted by one `INSERT ... SELECT` each, in the order the
  /// row-by-row merge inserts them (so that `answer_sums` adds the same numbers in the same order
  /// and `official_bits` numbers officials the same way); differing answers are found by a join.
  private static func mergeAttached(into db: Database, _ merge: inout RosterMerge) throws {
    let source = sourceSchema
    let order = "s.started_at, s.id"

    // Attempts on both sides: identity, status and score compared as the row-by-row merge does.
    let theirs = try StoredAttempt.fetchAll(
      db,
      sql: """
        SELECT s.* FROM \(source).attempts s
        WHERE EXISTS (SELECT 1 FROM main.attempts d WHERE d.id = s.id) ORDER BY \(order)
        """
    ).map { merge.classRoster.holding($0.attempt) }
    var ours: [AttemptID: Attempt] = [:]
    for stored in try StoredAttempt.fetchAll(
      db, sql: "SELECT d.* FROM main.attempts d JOIN \(source).attempts s ON s.id = d.id")
    {
      ours[stored.attempt.id] = stored.attempt
    }
    var attemptConflicts: Set<AttemptID> = []
    var skipped: Set<AttemptID> = []
    for attempt in theirs {
      guard let existing = ours[attempt.id] else { continue }
      switch try carryFurther(existing, with: attempt, in: db) {
      case .identityDiffers:
        attemptConflicts.insert(attempt.id)
        skipped.insert(attempt.id)
      case .scoreDiffers:
        attemptConflicts.insert(attempt.id)
      case .updated:
        merge.added.attemptsUpdated += 1
      case .same:
        break
      }
    }

    // Answers on both sides that say different things (attempts whose identity differs aside).
    var answerConflicts: [AttemptID: [MergeConflict]] = [:]
    let differing = try Row.fetchAll(
      db,
      sql: """
        SELECT an.attempt_id, an.question_id, an.position, an.response, an.score, an.correct,
          d.position AS our_position, d.response AS our_response, d.score AS our_score, d.correct AS our_correct
        FROM \(source).answers an JOIN \(source).attempts s ON s.id = an.attempt_id
        JOIN main.answers d ON d.attempt_id = an.attempt_id AND d.question_id = an.question_id
        WHERE d.position IS NOT an.position OR d.response IS NOT an.response OR d.score IS NOT an.score
          OR d.correct IS NOT an.correct
        ORDER BY \(order), an.position, an.question_id
        """)
    for row in differing {
      let attemptID = AttemptID(rawValue: try uuid(row["attempt_id"]))
      if skipped.contains(attemptID) { continue }
      let position: Int = row["position"]
      let response: String = row["response"]
      let score: Double = row["score"]
      let correct: Bool = row["correct"]
      let ourPosition: Int = row["our_position"]
      let ourResponse: String = row["our_response"]
      let ourScore: Double = row["our_score"]
      let ourCorrect: Bool = row["our_correct"]
      // String equality as sameContent(_:_:) compares: canonically equivalent texts are the same.
      if position != ourPosition || response != ourResponse || score != ourScore || correct != ourCorrect {
        answerConflicts[attemptID, default: []].append(
          .answer(attempt: attemptID, question: QuestionID(row["question_id"] as String)))
      }
    }
    for attempt in theirs {
      if attemptConflicts.contains(attempt.id) { merge.conflicts.append(.attempt(attempt.id)) }
      merge.conflicts.append(contentsOf: answerConflicts[attempt.id] ?? [])
    }

    // New attempts (of the entry that holds them here), then every answer missing here, each in
    // one statement.
    try merge.classRoster.writeMap(into: db)
    try db.execute(
      sql: """
        INSERT INTO main.attempts (id, official_id, quiz_id, course_id, course_version, class_id, started_at,
          ended_at, seed, question_ids, score, max_score, status)
        SELECT id, COALESCE((SELECT m.kept FROM temp.merge_official_map m WHERE m.removed = s.official_id), s.official_id),
          quiz_id, course_id, course_version, class_id, started_at,
          ended_at, seed, question_ids, score, max_score, status
        FROM \(source).attempts s WHERE NOT EXISTS (SELECT 1 FROM main.attempts d WHERE d.id = s.id)
        ORDER BY \(order)
        """)
    merge.added.attempts += db.changesCount
    // answer_sums is folded once over the new answers rather than by the trigger per answer.
    let fold = try AnswerSumsFold.suspendingTrigger(in: db)
    try db.execute(
      sql: """
        INSERT INTO main.answers (attempt_id, question_id, position, response, score, correct, time_taken,
          answered_at)
        SELECT an.attempt_id,
          CASE WHEN length(CAST(an.question_id AS BLOB)) = length(an.question_id) THEN an.question_id
            ELSE merge_nfc(an.question_id) END,
          an.position,
          CASE WHEN length(CAST(an.response AS BLOB)) = length(an.response) THEN an.response
            ELSE merge_nfc(an.response) END,
          an.score, an.correct, an.time_taken, an.answered_at
        FROM \(source).answers an JOIN \(source).attempts s ON s.id = an.attempt_id
        WHERE s.id NOT IN (SELECT value FROM json_each(?))
          AND NOT EXISTS (
            SELECT 1 FROM main.answers d WHERE d.attempt_id = an.attempt_id AND d.question_id = an.question_id)
        ORDER BY \(order), an.position, an.question_id
        """, arguments: [try encodeList(skipped.map(\.uuidString).sorted())])
    merge.added.answers += db.changesCount
    try fold?.finish(db)
  }

  /// What comparing an attempt already here with the file's copy of it did.
  private enum AttemptComparison {
    /// Another official, quiz, seed or question list under the same id: a conflict, its answers
    /// are not merged.
    case identityDiffers
    /// Both ended the same way with different scores: a conflict, answers still united.
    case scoreDiffers
    /// The file's copy was further along (finished or abandoned there, in progress here).
    case updated
    case same
  }

  /// Compares `existing` with the file's `attempt` of the same id, and carries `existing`
  /// further when the file's is further along.
  private static func carryFurther(
    _ existing: Attempt, with attempt: Attempt, in db: Database
  ) throws -> AttemptComparison {
    let sameIdentity =
      existing.officialID == attempt.officialID && existing.quizID == attempt.quizID
      && existing.seed == attempt.seed && existing.questionIDs == attempt.questionIDs
    guard sameIdentity else { return .identityDiffers }
    if attempt.status.rank > existing.status.rank {
      try db.execute(
        sql: "UPDATE main.attempts SET status = ?, ended_at = ?, score = ?, max_score = ? WHERE id = ?",
        arguments: [
          attempt.status.rawValue, attempt.endedAt, attempt.score, attempt.maxScore, attempt.id.uuidString,
        ])
      return .updated
    }
    if attempt.status == existing.status, attempt.status != .inProgress,
      attempt.score != existing.score || attempt.maxScore != existing.maxScore
    {
      return .scoreDiffers
    }
    return .same
  }

  /// The attempts of a file not in papi-train's form, merged one by one through Swift.
  private static func mergeRowByRow(_ attempts: [Attempt], into db: Database, _ merge: inout RosterMerge)
    throws
  {
    // One compiled statement for every answer added (merging a commune adds thousands).
    let insertAnswer = try db.cachedStatement(
      sql: """
        INSERT INTO answers (attempt_id, question_id, position, response, score, correct, time_taken, answered_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for attempt in attempts.map(merge.classRoster.holding) {
      var isNew = false
      if let existing = try Self.attempts(db, where: "a.id = ?", [attempt.id.uuidString]).first {
        switch try carryFurther(existing, with: attempt, in: db) {
        case .identityDiffers:
          merge.conflicts.append(.attempt(attempt.id))
          continue
        case .scoreDiffers: merge.conflicts.append(.attempt(attempt.id))
        case .updated: merge.added.attemptsUpdated += 1
        case .same: break
        }
      } else {
        var copy = attempt
        copy.answers = []
        try Self.insert(copy, into: db)
        merge.added.attempts += 1
        isNew = true
      }
      for answer in attempt.answers {
        // An attempt just added has no answers here yet: nothing to look up.
        if !isNew,
          let stored = try Self.storedAnswer(db, attempt: answer.attemptID, question: answer.questionID)
        {
          if !Self.sameContent(stored, answer) {
            merge.conflicts.append(.answer(attempt: answer.attemptID, question: answer.questionID))
          }
        } else {
          let answer = try Self.validated(answer)
          try insertAnswer.execute(arguments: [
            answer.attemptID.uuidString, answer.questionID.rawValue, answer.position, answer.response,
            answer.score,
            answer.isCorrect, answer.timeTaken, answer.answeredAt,
          ])
          merge.added.answers += 1
        }
      }
    }
  }
}

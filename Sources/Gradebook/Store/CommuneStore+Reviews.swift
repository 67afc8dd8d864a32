import Curriculum
import Foundation
internal import GRDB
import VietnameseText

extension CommuneStore {
  /// Records one review: appends it to `review_log` and makes its card the official's card for
  /// the question, in one transaction committed before this returns. Recording the same review
  /// (same id) again does nothing.
  public func recordReview(_ entry: ReviewLogEntry) throws {
    let entry = try Self.validated(entry)
    try write { db in
      guard try Self.exists(db, table: "officials", id: entry.card.officialID) else {
        throw GradebookError.unknownOfficial(entry.card.officialID)
      }
      guard try !Self.exists(db, table: "review_log", id: entry.id) else { return }
      try Self.insert(entry, into: db)
      try Self.updateCards(db, where: "l.id = ?", [entry.id.uuidString])
    }
  }

  /// The official's review cards, one per question reviewed, soonest due first.
  public func reviewCards(officialID: OfficialID) throws -> [ReviewCard] {
    try read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM review_cards WHERE official_id = ? ORDER BY due, question_id",
        arguments: [officialID.uuidString]
      ).map(Self.card(from:))
    }
  }

  /// Every review the official has made, oldest first.
  public func reviewLog(officialID: OfficialID) throws -> [ReviewLogEntry] {
    try read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM review_log WHERE official_id = ? ORDER BY reviewed_at, id",
        arguments: [officialID.uuidString]
      ).map(Self.logEntry(from:))
    }
  }

  static func validated(_ entry: ReviewLogEntry) throws -> ReviewLogEntry {
    var entry = entry
    entry.card.questionID = entry.card.questionID.nfc
    entry.response = entry.response.nfc
    guard !clean(entry.card.questionID.rawValue).isEmpty else {
      throw GradebookError.emptyField("questionID")
    }
    let numbers = [
      ("stability", entry.card.stability, entry.card.stability > 0),
      ("difficulty", entry.card.difficulty, (1...10).contains(entry.card.difficulty)),
      ("score", entry.score, (0...1).contains(entry.score)),
      ("timeTaken", entry.timeTaken, entry.timeTaken >= 0),
      ("grade", Double(entry.grade), (1...4).contains(entry.grade)),
      ("elapsedDays", Double(entry.elapsedDays), entry.elapsedDays >= 0),
      ("reps", Double(entry.card.reps), entry.card.reps >= 1),
      ("lapses", Double(entry.card.lapses), entry.card.lapses >= 0),
    ]
    for (field, value, holds) in numbers where !value.isFinite || !holds {
      throw GradebookError.invalidNumber(field: field, value: value)
    }
    return entry
  }

  static func insert(_ entry: ReviewLogEntry, into db: Database) throws {
    let card = entry.card
    try db.execute(
      sql: """
        INSERT INTO review_log (id, official_id, question_id, reviewed_at, grade, elapsed_days, response, score,
          time_taken, stability, difficulty, due, reps, lapses, state)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        entry.id.uuidString, card.officialID.uuidString, card.questionID.rawValue, card.lastReview,
        entry.grade,
        entry.elapsedDays, entry.response, entry.score, entry.timeTaken, card.stability, card.difficulty,
        card.due, card.reps, card.lapses, card.state.rawValue,
      ])
  }

  /// Makes the card of each official and question with a review in `review_log l` meeting
  /// `condition` the card its latest review left (latest by time, then id): what a review and a
  /// merge both do, so every machine holding the same log holds the same cards.
  static func updateCards(
    _ db: Database, schema: String = "main", where condition: String, _ arguments: [String] = []
  ) throws {
    try db.execute(
      sql: """
        WITH touched AS (SELECT DISTINCT l.official_id, l.question_id FROM \(schema).review_log l WHERE \(condition)),
        latest AS (
          SELECT l.* FROM main.review_log l JOIN touched t
            ON t.official_id = l.official_id AND t.question_id = l.question_id
          WHERE NOT EXISTS (
            SELECT 1 FROM main.review_log later
            WHERE later.official_id = l.official_id AND later.question_id = l.question_id
              AND (later.reviewed_at > l.reviewed_at OR (later.reviewed_at = l.reviewed_at AND later.id > l.id)))
        )
        INSERT OR REPLACE INTO main.review_cards (official_id, question_id, stability, difficulty, due, last_review,
          reps, lapses, state)
        SELECT official_id, question_id, stability, difficulty, due, reviewed_at, reps, lapses, state FROM latest
        """, arguments: StatementArguments(arguments))
  }

  static func card(from row: Row) throws -> ReviewCard {
    ReviewCard(
      officialID: OfficialID(rawValue: try uuid(row["official_id"])),
      questionID: QuestionID(row["question_id"] as String),
      stability: row["stability"], difficulty: row["difficulty"], due: row["due"],
      lastReview: row["last_review"],
      reps: row["reps"], lapses: row["lapses"], state: ReviewState(rawValue: row["state"]) ?? .review)
  }

  static func logEntry(from row: Row) throws -> ReviewLogEntry {
    let card = ReviewCard(
      officialID: OfficialID(rawValue: try uuid(row["official_id"])),
      questionID: QuestionID(row["question_id"] as String),
      stability: row["stability"], difficulty: row["difficulty"], due: row["due"],
      lastReview: row["reviewed_at"],
      reps: row["reps"], lapses: row["lapses"], state: ReviewState(rawValue: row["state"]) ?? .review)
    return ReviewLogEntry(
      id: ReviewID(rawValue: try uuid(row["id"])), card: card, grade: row["grade"],
      elapsedDays: row["elapsed_days"], response: row["response"], score: row["score"],
      timeTaken: row["time_taken"])
  }
}

import Foundation
internal import GRDB

/// Keeps `answer_sums` and `official_bits` for a batch of answers inserted by one statement,
/// instead of the trigger doing it answer by answer (two statements per answer: most of a
/// merge's time).
///
/// Inside the merge's transaction the trigger is dropped, the answers inserted, the same sums
/// folded in Swift over the new answers in the order they were inserted, with the same
/// arithmetic in the same order (so every number is bit for bit what the trigger gives), and the
/// trigger created again from its own stored SQL. Whatever fails rolls all of it back with the
/// transaction; other connections see the schema as it was before and after, never without the
/// trigger. When the destination's trigger is not the one this fold reproduces (a later schema
/// changed it), the trigger is left alone and does the work.
struct AnswerSumsFold {
  /// The trigger's SQL as stored, to create it again.
  private let triggerSQL: String
  /// The largest `rowid` of `answers` before the batch: the batch is what comes after.
  private let lastRowBefore: Int64

  /// Drops the trigger when it is the one the fold reproduces; nil (and nothing changed)
  /// otherwise.
  static func suspendingTrigger(in db: Database) throws -> AnswerSumsFold? {
    guard
      let stored = try String.fetchOne(
        db, sql: "SELECT sql FROM main.sqlite_schema WHERE type = 'trigger' AND name = ?",
        arguments: [Schema.answerSumsTrigger]),
      stored == expectedTriggerSQL
    else { return nil }
    let last = try Int64.fetchOne(db, sql: "SELECT COALESCE(max(rowid), 0) FROM main.answers") ?? 0
    try db.execute(sql: "DROP TRIGGER main.\(Schema.answerSumsTrigger)")
    return AnswerSumsFold(triggerSQL: stored, lastRowBefore: last)
  }

  /// The trigger as the newest version has it (a destination is migrated before a merge writes to
  /// it): since version 5 it leaves the review "attempts" of older files out, and so does the fold.
  private static let expectedTriggerSQL: String? = SchemaObject.expected[Schema.latestVersion]?.first {
    $0.type == "trigger" && $0.name == Schema.answerSumsTrigger
  }?.sql

  /// One row of `answer_sums`.
  private struct Sums {
    var answers: Int64
    var sumE: Double
    var sumSquaredE: Double
    var sumMarkedE: Double
    var officials: Int64
    var lastAnsweredAt: String
  }

  private struct Key: Hashable {
    var question: String
    var bucket: Int64
  }

  /// Adds the answers inserted since the trigger was dropped to the sums, as the trigger would
  /// have, and creates the trigger again.
  func finish(_ db: Database) throws {
    var bits = try Self.officialBits(db)
    var nextBit = (bits.values.max() ?? -1) + 1
    var newOfficials: [(String, Int64)] = []
    var sums: [Key: Sums] = [:]
    var loaded: Set<Key> = []
    let existing = try db.makeStatement(
      sql: """
        SELECT answers, sum_e, sum_e2, sum_marked_e, officials, last_answered_at FROM main.answer_sums
        WHERE question_id = ? AND bucket = ?
        """)
    let statement = try db.makeStatement(
      sql: """
        SELECT an.question_id, at.official_id, \(Schema.answerWeight(of: "an.answered_at")),
          max(0.0, min(1.0, an.score)), an.answered_at
        FROM main.answers an JOIN main.attempts at ON at.id = an.attempt_id
        WHERE an.rowid > ? AND \(Schema.isQuizAttempt()) ORDER BY an.rowid
        """)
    try statement.setArguments([lastRowBefore])
    let reader = ColumnReader(statement, in: db, path: "", table: "answers")
    while try reader.step() {
      let question = try reader.text(0)
      let official = try reader.text(1)
      let e = try reader.double(2)
      let mark = try reader.double(3)
      let moment = try reader.text(4)
      let bit: Int64
      if let known = bits[official] {
        bit = known
      } else {
        bit = nextBit
        nextBit += 1
        bits[official] = bit
        newOfficials.append((official, bit))
      }
      let key = Key(question: question, bucket: bit / 62)
      if !loaded.contains(key) {
        loaded.insert(key)
        sums[key] = try Self.stored(key, with: existing)
      }
      let added = Sums(
        answers: 1, sumE: e, sumSquaredE: e * e, sumMarkedE: e * mark, officials: 1 << (bit % 62),
        lastAnsweredAt: moment)
      sums[key] = sums[key].map { Self.adding(added, to: $0) } ?? added
    }
    try Self.write(newOfficials, sums, into: db)
    try db.execute(sql: triggerSQL)
  }

  /// The trigger's `ON CONFLICT ... DO UPDATE`, in the same order of operands.
  private static func adding(_ added: Sums, to sums: Sums) -> Sums {
    Sums(
      answers: sums.answers + 1, sumE: sums.sumE + added.sumE,
      sumSquaredE: sums.sumSquaredE + added.sumSquaredE,
      sumMarkedE: sums.sumMarkedE + added.sumMarkedE, officials: sums.officials | added.officials,
      lastAnsweredAt: added.lastAnsweredAt.utf8.lexicographicallyPrecedes(sums.lastAnsweredAt.utf8)
        ? sums.lastAnsweredAt : added.lastAnsweredAt)
  }

  private static func officialBits(_ db: Database) throws -> [String: Int64] {
    var bits: [String: Int64] = [:]
    let rows = try Row.fetchCursor(db, sql: "SELECT official_id, bit FROM main.official_bits")
    while let row = try rows.next() { bits[row[0]] = row[1] }
    return bits
  }

  private static func stored(_ key: Key, with statement: Statement) throws -> Sums? {
    guard
      let row = try Row.fetchOne(statement, arguments: [key.question, key.bucket])
    else { return nil }
    return Sums(
      answers: row[0], sumE: row[1], sumSquaredE: row[2], sumMarkedE: row[3], officials: row[4],
      lastAnsweredAt: row[5])
  }

  private static func write(_ newOfficials: [(String, Int64)], _ sums: [Key: Sums], into db: Database) throws
  {
    let bit = try db.makeStatement(sql: "INSERT INTO main.official_bits (official_id, bit) VALUES (?, ?)")
    for (official, number) in newOfficials { try bit.execute(arguments: [official, number]) }
    let row = try db.makeStatement(
      sql: """
        INSERT OR REPLACE INTO main.answer_sums
          (question_id, bucket, answers, sum_e, sum_e2, sum_marked_e, officials, last_answered_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    // In key order: the same pages are written whatever the dictionary's order.
    for (key, value) in sums.sorted(by: {
      ($0.key.question, $0.key.bucket) < ($1.key.question, $1.key.bucket)
    }) {
      try row.execute(arguments: [
        key.question, key.bucket, value.answers, value.sumE, value.sumSquaredE, value.sumMarkedE,
        value.officials, value.lastAnsweredAt,
      ])
    }
  }
}

import Foundation
internal import GRDB

/// An answer with its place in the results file: rows are only ever added (answers are never
/// changed or deleted), so a row number is a cursor: what a province server has acknowledged is
/// every answer up to one row.
public struct NumberedAnswer: Sendable, Hashable {
  /// The answer's `rowid` in the results file.
  public var row: Int64
  public var answer: Answer

  public init(row: Int64, answer: Answer) {
    self.row = row
    self.answer = answer
  }
}

extension CommuneStore {
  /// At most `limit` answers stored after row `cursor`, in the order they were stored.
  public func answers(after cursor: Int64, limit: Int) throws -> [NumberedAnswer] {
    try read { db in
      try Row.fetchAll(
        db, sql: "SELECT rowid AS row_number, * FROM answers WHERE rowid > ? ORDER BY rowid LIMIT ?",
        arguments: [cursor, limit]
      ).map { row in NumberedAnswer(row: row["row_number"], answer: try StoredAnswer(row: row).answer) }
    }
  }

  /// How many answers are stored after row `cursor`, and the last row (0 when there are none).
  public func answerCount(after cursor: Int64) throws -> (count: Int, lastRow: Int64) {
    try read { db in
      let row = try Row.fetchOne(
        db,
        sql:
          "SELECT count(*) AS n, (SELECT COALESCE(max(rowid), 0) FROM answers) AS last FROM answers WHERE rowid > ?",
        arguments: [cursor])
      return ((row?["n"] as Int?) ?? 0, (row?["last"] as Int64?) ?? 0)
    }
  }

  /// The attempts with these ids, without their answers, in the order of `ids`' first appearance.
  public func attemptHeaders(ids: [AttemptID]) throws -> [Attempt] {
    var seen: Set<AttemptID> = []
    let unique = ids.filter { seen.insert($0).inserted }.map(\.uuidString)
    guard !unique.isEmpty else { return [] }
    return try read { db in
      var found: [String: Attempt] = [:]
      for chunk in stride(from: 0, to: unique.count, by: 500).map({
        Array(unique[$0..<min($0 + 500, unique.count)])
      }) {
        let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
        for attempt in try StoredAttempt.fetchAll(
          db, sql: "SELECT * FROM attempts WHERE id IN (\(marks))", arguments: StatementArguments(chunk)
        ).map(\.attempt) {
          found[attempt.id.uuidString] = attempt
        }
      }
      return unique.compactMap { found[$0] }
    }
  }

  /// The attempts of the answers stored after row `cursor`: those a sync sends with their answers.
  public func attemptIDs(ofAnswersAfter cursor: Int64) throws -> Set<AttemptID> {
    try read { db in
      Set(
        try Row.fetchAll(
          db, sql: "SELECT DISTINCT attempt_id FROM answers WHERE rowid > ?", arguments: [cursor]
        )
        .map { AttemptID(rawValue: try CommuneStore.uuid($0["attempt_id"])) })
    }
  }

  /// Every attempt's id and status, without answers: what a sync compares with the server's.
  public func attemptStatuses() throws -> [(id: AttemptID, status: AttemptStatus)] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT id, status FROM attempts ORDER BY rowid").map { row in
        (
          AttemptID(rawValue: try CommuneStore.uuid(row["id"])),
          AttemptStatus(rawValue: row["status"]) ?? .abandoned
        )
      }
    }
  }
}

extension AttemptStatus {
  /// How far along an attempt in this state is: a copy keeps the furthest state seen.
  public var progress: Int { rank }
}

extension CommuneStore {
  /// Every membership of every class stored here, by class then when the official joined: what
  /// a sync compares with the server's.
  public func classMembers() throws -> [ClassMember] {
    try read { db in
      try Row.fetchAll(
        db,
        sql:
          "SELECT class_id, official_id, joined_at FROM class_members ORDER BY class_id, joined_at, official_id"
      ).map { row in
        ClassMember(
          classID: ClassID(rawValue: try Self.uuid(row["class_id"])),
          officialID: OfficialID(rawValue: try Self.uuid(row["official_id"])), joinedAt: row["joined_at"])
      }
    }
  }
}

import Foundation
import Gradebook
import Logging
import PostgresNIO
import SyncProtocol
import Toolkit

/// A batch's attempts, stored in one statement (as its answers are).
extension ProvinceRepository {
  /// Inserts the attempts new to the server and brings further along those the server holds in
  /// an earlier state (in progress, then abandoned, then finished), all in one `INSERT ...
  /// SELECT FROM unnest(...)`. Returns how many rows were inserted or updated.
  func upsertAttempts(_ attempts: [Attempt], commune: String, on connection: PostgresConnection) async throws
    -> Int
  {
    let rows = Self.furthest(attempts)
    guard !rows.isEmpty else { return 0 }
    let questions = rows.map { row in
      var json = CompactJSON()
      json.array(row.questionIDs) { $0.value($1.rawValue) }
      return String(decoding: json.bytes, as: UTF8.self)
    }
    let result = try await connection.query(
      """
      WITH upserted AS (
        INSERT INTO attempts (id, official_id, commune_code, quiz_id, course_id, course_version, class_id,
          started_at, ended_at, seed, question_ids, score, max_score, status)
        SELECT i, o, \(commune), q, c, v, NULLIF(k, '')::uuid, (s::timestamp AT TIME ZONE 'UTC'),
          (NULLIF(e, '')::timestamp AT TIME ZONE 'UTC'), d::numeric, j::jsonb, CASE WHEN hs THEN sc END,
          CASE WHEN hm THEN ms END, st
        FROM unnest(\(rows.map { WireID.text($0.id.rawValue) })::uuid[], \(rows.map { WireID.text($0.officialID.rawValue) })::uuid[],
          \(rows.map(\.quizID))::text[], \(rows.map(\.courseID))::text[], \(rows.map(\.courseVersion))::text[],
          \(rows.map { $0.classID.map { WireID.text($0.rawValue) } ?? "" })::text[], \(rows.map { WireTime.text($0.startedAt) })::text[],
          \(rows.map { $0.endedAt.map(WireTime.text) ?? "" })::text[], \(rows.map { String($0.seed) })::text[],
          \(questions)::text[], \(rows.map { $0.score != nil })::bool[], \(rows.map { $0.score ?? 0 })::float8[],
          \(rows.map { $0.maxScore != nil })::bool[], \(rows.map { $0.maxScore ?? 0 })::float8[],
          \(rows.map(\.status.rawValue))::text[]) AS u(i, o, q, c, v, k, s, e, d, j, hs, sc, hm, ms, st)
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, ended_at = excluded.ended_at,
          score = excluded.score, max_score = excluded.max_score, updated_at = now()
        WHERE attempts.commune_code = excluded.commune_code
          AND (CASE attempts.status WHEN 'in-progress' THEN 0 WHEN 'abandoned' THEN 1 ELSE 2 END)
            < (CASE excluded.status WHEN 'in-progress' THEN 0 WHEN 'abandoned' THEN 1 ELSE 2 END)
        RETURNING 1)
      SELECT count(*) FROM upserted
      """, logger: logger)
    for try await added in result.decode(Int64.self) { return Int(added) }
    return 0
  }

  /// One row per attempt id (one statement may touch a row only once), the furthest along when
  /// a batch carries an attempt twice (the first of equals), in the order of their ids.
  static func furthest(_ attempts: [Attempt]) -> [Attempt] {
    func rank(_ status: AttemptStatus) -> Int {
      switch status {
      case .inProgress: 0
      case .abandoned: 1
      case .finished: 2
      }
    }
    var kept: [AttemptID: Attempt] = [:]
    for attempt in attempts {
      if let held = kept[attempt.id], rank(held.status) >= rank(attempt.status) { continue }
      kept[attempt.id] = attempt
    }
    return kept.map { (WireID.text($0.key.rawValue), $0.value) }.sorted { $0.0 < $1.0 }.map(\.1)
  }
}

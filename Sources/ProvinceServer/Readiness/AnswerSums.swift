import Foundation
import Gradebook

/// The recency-weighted sums the server keeps per commune, question, class and bucket of
/// officials as answers arrive (server schema version 6: `answer_sums`, `official_bits`).
enum AnswerSums {
  /// The half-life, in days, of the weights the sums are kept at: Insight's default, the
  /// report's. Readiness at another half-life reads the answers themselves.
  static let halfLifeDays = 90.0

  /// k = ln 2 / half-life, per day.
  static var rate: Double { log(2) / halfLifeDays }

  /// 2020-01-01 (``WeightedAnswerScan/epochJulianDay``) in Unix seconds.
  static var epochSeconds: Double { (WeightedAnswerScan.epochJulianDay - 2_440_587.5) * 86_400 }

  /// The first key of the advisory locks by which the sums of a commune are added to in turn
  /// (the second is the hash of its code).
  static let lockSpace: Int32 = 0x5041_5053  // "PAPS"

  /// The SQL of the factored weight e = exp(k·(t − epoch)) of an answer given at `column`: the
  /// text ``ReadinessQuery`` evaluates with bound values, the same numbers written as literals
  /// (a Double's description reads back as the same Double).
  static func weight(of column: String) -> String {
    "exp(\(rate)::float8 * ((date_part('epoch', \(column)) - \(epochSeconds)::float8) / 86400.0))"
  }

  /// The table of kept sums per province, commune, `key` (the question, version 6; the key,
  /// version 7), class and bucket of officials: the columns ``adding(into:key:from:joining:)``
  /// writes, unique by what they are summed per (a NULL class is one class), the constraint
  /// named `TABLE_key`.
  static func table(_ table: String, key: String) -> String {
    """
    CREATE TABLE \(table) (
      province_code text NOT NULL,
      commune_code text NOT NULL,
      \(key) text NOT NULL,
      class_id uuid,
      bucket integer NOT NULL CHECK (bucket >= 0),
      answers bigint NOT NULL,
      sum_e double precision NOT NULL,
      sum_e2 double precision NOT NULL,
      sum_marked_e double precision NOT NULL,
      officials bigint NOT NULL,
      last_answered_at timestamptz NOT NULL,
      CONSTRAINT \(table)_key UNIQUE NULLS NOT DISTINCT (province_code, commune_code, \(key), class_id, bucket))
    """
  }

  /// What finds the attempt `at` of each answer `a` just inserted (version 6 and 7: a join the
  /// planner may make by reading every attempt).
  static let attemptsOfAdded = "JOIN attempts at ON at.id = a.attempt_id"

  /// The same, each of the ids in `batch` (version 9: the function's array of the distinct
  /// attempts of the new answers) looked up by the primary key, so a batch reads its own attempts
  /// however many the server holds. (`OFFSET 0` keeps the lookup a lookup: with `id = ANY
  /// (batch)` instead, PostgreSQL still read every attempt for batches of a few hundred.)
  static let attemptsOfBatch = """
    JOIN (SELECT t.* FROM unnest(batch) AS d(id)
      CROSS JOIN LATERAL (SELECT * FROM attempts WHERE attempts.id = d.id OFFSET 0) t) at ON at.id = a.attempt_id
    """

  /// The statement that takes, in code order, the turn of each commune with answers just
  /// inserted (`added`): an advisory lock each, held to the end of the transaction, so that two
  /// devices of a commune never number an official twice.
  static let lockingCommunes = """
    PERFORM pg_advisory_xact_lock(\(lockSpace), hashtext(d.commune_code))
        FROM (SELECT DISTINCT commune_code FROM added ORDER BY commune_code) d
    """

  /// The statement that gives a bit in `official_bits` to each official (the entry kept, for
  /// one merged into another) whose quiz answers were just inserted and who has none in their
  /// commune yet; `attempts` is what finds the answers' attempts.
  static func numberingOfficials(attempts: String = attemptsOfAdded) -> String {
    """
    INSERT INTO official_bits (commune_code, official_id, bit)
      SELECT e.commune_code, e.official,
        coalesce((SELECT max(b.bit) FROM official_bits b WHERE b.commune_code = e.commune_code), -1)
          + row_number() OVER (PARTITION BY e.commune_code ORDER BY e.official)
      FROM (
        SELECT DISTINCT a.commune_code, coalesce(o.merged_into, o.id) AS official
        FROM added a \(attempts) JOIN officials o ON o.id = at.official_id
        WHERE right(at.quiz_id, 7) <> '#review') e
      WHERE NOT EXISTS (
        SELECT 1 FROM official_bits b WHERE b.commune_code = e.commune_code AND b.official_id = e.official)
    """
  }

  /// The statement of a sums trigger (per question, version 6; per key, version 7; both in one
  /// trigger, version 9): the answers just inserted (`added`, quiz answers only, their
  /// official's bit numbered) summed per province, commune, key, class and bucket of officials
  /// into `table`, where a row already kept takes them in: counts and sums add up, the
  /// officials' bits are ORed, the latest answer is kept. `key` is the table's key column,
  /// `expression` its value, `joining` what finds it, `attempts` what finds the answers'
  /// attempts.
  static func adding(
    into table: String, key: String, from expression: String, joining: String = "",
    attempts: String = attemptsOfAdded
  ) -> String {
    """
    INSERT INTO \(table) AS s (province_code, commune_code, \(key), class_id, bucket, answers, sum_e, sum_e2,
      sum_marked_e, officials, last_answered_at)
    SELECT a.province_code, a.commune_code, \(expression), at.class_id, b.bit / 62, count(*), sum(w.e),
      sum(w.e * w.e), sum(w.e * greatest(0.0, least(1.0, a.score))), bit_or(1::int8 << (b.bit % 62)),
      max(a.answered_at)
    FROM added a \(joining)
    \(attempts) JOIN officials o ON o.id = at.official_id
    JOIN official_bits b ON b.commune_code = a.commune_code AND b.official_id = coalesce(o.merged_into, o.id)
    CROSS JOIN LATERAL (SELECT \(weight(of: "a.answered_at")) AS e) w
    WHERE right(at.quiz_id, 7) <> '#review'
    GROUP BY a.province_code, a.commune_code, \(expression), at.class_id, b.bit / 62
    ON CONFLICT ON CONSTRAINT \(table)_key DO UPDATE SET
      answers = s.answers + excluded.answers, sum_e = s.sum_e + excluded.sum_e,
      sum_e2 = s.sum_e2 + excluded.sum_e2, sum_marked_e = s.sum_marked_e + excluded.sum_marked_e,
      officials = s.officials | excluded.officials,
      last_answered_at = greatest(s.last_answered_at, excluded.last_answered_at)
    """
  }
}

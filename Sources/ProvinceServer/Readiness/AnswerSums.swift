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

  /// How a kept sums row takes in the answers added to it, the `ON CONFLICT` clause of the sums
  /// triggers (per question, version 6; per key, version 7): counts and sums add up, the
  /// officials' bits are ORed, the latest answer is kept.
  static func accumulating(onConflict constraint: String) -> String {
    """
    ON CONFLICT ON CONSTRAINT \(constraint) DO UPDATE SET
      answers = s.answers + excluded.answers, sum_e = s.sum_e + excluded.sum_e,
      sum_e2 = s.sum_e2 + excluded.sum_e2, sum_marked_e = s.sum_marked_e + excluded.sum_marked_e,
      officials = s.officials | excluded.officials,
      last_answered_at = greatest(s.last_answered_at, excluded.last_answered_at)
    """
  }
}

import Foundation
import PostgresNIO
import Units

/// A class of the province as the approval page lists it: what it is, what it holds, and the
/// leader's decision on its results, if any.
struct ClassUnderReview: Sendable, Hashable {
  var id: UUID
  var code: String
  var name: String
  /// The names of the communes the class is for: the one whose machine first sent it, then the
  /// others by code.
  var communes: [String]
  var trainer: String
  var place: String
  var isOpen: Bool
  var firstDay: String
  var lastDay: String
  var officials: Int
  var attempts: Int
  var review: ClassReview?
}

/// A leader's decision on a class's results.
struct ClassReview: Sendable, Hashable {
  enum Decision: String, Sendable, Hashable, CaseIterable {
    case approved, returned
  }

  var decision: Decision
  var note: String
  var leader: String
  /// `yyyy-MM-dd`.
  var day: String

  /// The longest note a leader may write.
  static let noteLimit = 2_000
}

/// What a decision on a class came to.
enum ReviewOutcome: Sendable, Hashable {
  /// Stored; the class's code.
  case stored(String)
  case otherProvince
  case unknownClass
}

extension ProvinceRepository {
  /// The classes of the communes of `province`, those awaiting a decision first, then the
  /// newest first. Each with every commune it is for (`class_communes`), named as the units list
  /// names them, else as the server knows them, else by code.
  func classesForReview(in province: UnitCode, units: UnitHierarchy?) async throws -> [ClassUnderReview] {
    let rows = try await client.query(
      """
      SELECT c.id, c.code, c.name, c.commune_code, m.name, coalesce(o.codes, '{}'), coalesce(o.names, '{}'),
        c.trainer, c.place, c.status = 'open',
        to_char(c.opened_at, 'YYYY-MM-DD'), to_char(c.ends_on, 'YYYY-MM-DD'),
        (SELECT count(*) FROM class_members cm WHERE cm.class_id = c.id),
        (SELECT count(*) FROM attempts a WHERE a.class_id = c.id),
        r.decision, r.note, r.leader, to_char(r.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')
      FROM classes c JOIN communes m ON m.code = c.commune_code
      LEFT JOIN LATERAL (
        SELECT array_agg(cc.commune_code ORDER BY cc.commune_code) AS codes,
          array_agg(coalesce(n.name, '') ORDER BY cc.commune_code) AS names
        FROM class_communes cc LEFT JOIN communes n ON n.code = cc.commune_code
        WHERE cc.class_id = c.id AND cc.commune_code <> c.commune_code) o ON true
      LEFT JOIN class_reviews r ON r.class_id = c.id
      WHERE m.province_code = \(province.rawValue)
      ORDER BY r.decision IS NOT NULL, c.opened_at DESC, c.code
      """, logger: logger)
    var classes: [ClassUnderReview] = []
    typealias Row = (
      UUID, String, String, String, String, [String], [String], String, String, Bool, String, String, Int,
      Int,
      String?, String?, String?, String?
    )
    for try await row in rows.decode(Row.self) {
      var review: ClassReview?
      if let decision = row.14.flatMap(ClassReview.Decision.init(rawValue:)) {
        review = ClassReview(decision: decision, note: row.15 ?? "", leader: row.16 ?? "", day: row.17 ?? "")
      }
      let communes = zip([row.3] + row.5, [row.4] + row.6).map { code, known in
        Self.communeName(code: code, known: known, units: units)
      }
      classes.append(
        ClassUnderReview(
          id: row.0, code: row.1, name: row.2, communes: communes, trainer: row.7, place: row.8,
          isOpen: row.9,
          firstDay: row.10, lastDay: row.11, officials: row.12, attempts: row.13, review: review))
    }
    return classes
  }

  /// A commune's name: the units list's, else the one the server was given, else its code.
  static func communeName(code: String, known: String, units: UnitHierarchy?) -> String {
    if let unit = (try? UnitCode(code)).flatMap({ units?.unit($0) }) { return unit.name }
    return known.isEmpty ? code : known
  }

  /// Records `leader`'s decision on class `id` (replacing an earlier one), when the class is of
  /// the leader's province; nothing is changed otherwise.
  func review(
    classID id: UUID, decision: ClassReview.Decision, note: String, by leader: Leader
  ) async throws -> ReviewOutcome {
    try await client.transaction(logger: logger) { connection in
      let rows = try await connection.query(
        """
        SELECT c.code, m.province_code FROM classes c JOIN communes m ON m.code = c.commune_code
        WHERE c.id = \(id) FOR UPDATE OF c
        """, logger: logger)
      var found: (code: String, province: String)?
      for try await row in rows.decode((String, String).self) { found = row }
      guard let found else { return .unknownClass }
      guard found.province == leader.province.rawValue else { return .otherProvince }
      try await connection.query(
        """
        INSERT INTO class_reviews (class_id, decision, note, leader)
        VALUES (\(id), \(decision.rawValue), \(note), \(leader.name))
        ON CONFLICT (class_id) DO UPDATE SET decision = excluded.decision, note = excluded.note,
          leader = excluded.leader, decided_at = now()
        """, logger: logger)
      return .stored(found.code)
    }
  }
}

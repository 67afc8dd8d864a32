import Foundation
import PostgresNIO
import Units

/// What the province has received from each of its communes: whether a machine is enrolled and
/// has sent, when it last did, and how many officials of the roster have finished a quiz.
struct ReportingRate: Sendable {
  struct Commune: Sendable, Hashable {
    var code: String
    var name: String
    var machines: Int
    var batches: Int
    var lastSync: Date?
    var trained: Int
    var roster: Int

    var status: WebMessage {
      batches > 0 ? .sent : machines > 0 ? .enrolledNotSent : .notEnrolled
    }
  }

  var communes: [Commune]

  var sent: Int { communes.filter { $0.batches > 0 }.count }
  var never: Int { communes.count - sent }
}

extension ProvinceRepository {
  /// Every commune of `province`: those of the units list (when the server has one) and those
  /// enrolled, with what each has sent; the communes that sent come first, most recent first.
  ///
  /// One statement, each figure grouped by commune once over the province's rows (the officials
  /// trained: the distinct commune and official pairs of the `attempts_trained` index first, then
  /// the entries): an official's attempts count for the entry it was merged into, as readiness
  /// counts them, and only entries still on the roster count.
  func reportingRate(of province: UnitCode, units: UnitHierarchy?) async throws -> ReportingRate {
    let rows = try await client.query(
      """
      WITH province AS (SELECT code, name FROM communes WHERE province_code = \(province.rawValue)),
      machines AS (
        SELECT d.commune_code, count(*) AS n FROM devices d JOIN province p ON p.code = d.commune_code
        WHERE d.revoked_at IS NULL GROUP BY d.commune_code),
      batches AS (
        SELECT b.commune_code, count(*) AS n, max(b.received_at) AS latest
        FROM sync_batches b JOIN province p ON p.code = b.commune_code GROUP BY b.commune_code),
      trained AS (
        SELECT a.commune_code, count(DISTINCT k.id) AS n
        FROM (SELECT DISTINCT commune_code, official_id FROM attempts
          WHERE status = 'finished' AND right(quiz_id, 7) <> '#review'
            AND commune_code IN (SELECT code FROM province)) a
        JOIN officials o ON o.id = a.official_id
        JOIN officials k ON k.id = coalesce(o.merged_into, o.id) AND k.removed_at IS NULL AND k.merged_into IS NULL
        GROUP BY a.commune_code),
      roster AS (
        SELECT o.commune_code, count(*) AS n FROM officials o JOIN province p ON p.code = o.commune_code
        WHERE o.removed_at IS NULL AND o.merged_into IS NULL GROUP BY o.commune_code)
      SELECT p.code, p.name, coalesce(m.n, 0), coalesce(b.n, 0), b.latest, coalesce(t.n, 0), coalesce(r.n, 0)
      FROM province p LEFT JOIN machines m ON m.commune_code = p.code
      LEFT JOIN batches b ON b.commune_code = p.code LEFT JOIN trained t ON t.commune_code = p.code
      LEFT JOIN roster r ON r.commune_code = p.code
      """, logger: logger)
    var known: [String: ReportingRate.Commune] = [:]
    for try await row in rows.decode((String, String, Int, Int, Date?, Int, Int).self) {
      known[row.0] = ReportingRate.Commune(
        code: row.0, name: row.1, machines: row.2, batches: row.3, lastSync: row.4, trained: row.5,
        roster: row.6)
    }
    for unit in units?.communes(in: province) ?? [] where known[unit.code.rawValue] == nil {
      known[unit.code.rawValue] = ReportingRate.Commune(
        code: unit.code.rawValue, name: unit.name, machines: 0, batches: 0, lastSync: nil, trained: 0,
        roster: 0)
    }
    let ordered = known.values.sorted { a, b in
      switch (a.lastSync, b.lastSync) {
      case (let x?, let y?): return x != y ? x > y : a.code < b.code
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return a.machines != b.machines ? a.machines > b.machines : a.code < b.code
      }
    }
    return ReportingRate(communes: ordered)
  }
}

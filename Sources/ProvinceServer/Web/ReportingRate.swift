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
  func reportingRate(of province: UnitCode, units: UnitHierarchy?) async throws -> ReportingRate {
    let rows = try await client.query(
      """
      SELECT c.code, c.name,
        (SELECT count(*) FROM devices d WHERE d.commune_code = c.code AND d.revoked_at IS NULL),
        (SELECT count(*) FROM sync_batches b WHERE b.commune_code = c.code),
        (SELECT max(b.received_at) FROM sync_batches b WHERE b.commune_code = c.code),
        (SELECT count(DISTINCT a.official_id) FROM attempts a
          JOIN officials o ON o.id = a.official_id AND o.removed_at IS NULL AND o.merged_into IS NULL
          WHERE a.commune_code = c.code AND a.status = 'finished' AND a.quiz_id NOT LIKE '%#review'),
        (SELECT count(*) FROM officials o
          WHERE o.commune_code = c.code AND o.removed_at IS NULL AND o.merged_into IS NULL)
      FROM communes c WHERE c.province_code = \(province.rawValue)
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

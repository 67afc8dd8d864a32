import Foundation
import Logging
import PostgresNIO
import Reporting
import ResultsAnalysis
import Units

/// The readiness the leaders' page shows: ``ProvinceReadiness``'s report of the leader's province
/// (every result, or only approved classes'), with the province's PAPI scores for priorities
/// when the server has them, as the dashboard's data (every figure the page draws).
///
/// A report is worked out again only when what it rests on has changed: the province's sync
/// batches (every answer, official and class arrives in one) and its classes' reviews
/// (``DataVersion``), checked by one small query at every request, or when it is older than
/// ``longest`` (recency weights move with the clock). Leaders asking at the same moment wait
/// for the same computation rather than starting one each.
struct WebReadiness: Sendable {
  let readiness: ProvinceReadiness
  /// The folder of `CODE.csv` PAPI scores, if any.
  let provinceScores: String?
  let cache = ReadinessCache()

  /// How long a report is kept when nothing new arrives.
  static let longest: Duration = .seconds(300)

  /// The dashboard's data of `province`, kept or worked out again.
  func data(province: UnitCode, approvedOnly: Bool) async throws -> DashboardData {
    let version = try await DataVersion.current(
      of: province, client: readiness.client, logger: readiness.logger)
    let key = ReadinessCache.Key(province: province.rawValue, approvedOnly: approvedOnly)
    return try await cache.data(for: key, version: version) {
      try await readiness.report(
        province: province, approvedOnly: approvedOnly, options: options(province)
      ).data()
    }
  }

  func options(_ province: UnitCode) -> ProvinceReadiness.Options {
    var request = ReadinessRequest()
    if let folder = provinceScores {
      let path = URL(fileURLWithPath: folder).appendingPathComponent("\(province.rawValue).csv").path
      if FileManager.default.fileExists(atPath: path) { request.provinceScores = path }
    }
    return ProvinceReadiness.Options(request: request)
  }
}

/// What a province's readiness rests on, as one comparable value: its sync batches (how many, the
/// latest) and its classes' reviews (how many, the latest decision).
struct DataVersion: Sendable, Hashable {
  var batches: Int
  var lastBatch: Date?
  var reviews: Int
  var lastReview: Date?

  static func current(of province: UnitCode, client: PostgresClient, logger: Logger) async throws
    -> DataVersion
  {
    let rows = try await client.query(
      """
      SELECT
        (SELECT count(*) FROM sync_batches b JOIN communes c ON c.code = b.commune_code
          WHERE c.province_code = \(province.rawValue)),
        (SELECT max(b.received_at) FROM sync_batches b JOIN communes c ON c.code = b.commune_code
          WHERE c.province_code = \(province.rawValue)),
        (SELECT count(*) FROM class_reviews r JOIN classes k ON k.id = r.class_id
          JOIN communes c ON c.code = k.commune_code WHERE c.province_code = \(province.rawValue)),
        (SELECT max(r.decided_at) FROM class_reviews r JOIN classes k ON k.id = r.class_id
          JOIN communes c ON c.code = k.commune_code WHERE c.province_code = \(province.rawValue))
      """, logger: logger)
    for try await row in rows.decode((Int, Date?, Int, Date?).self) {
      return DataVersion(batches: row.0, lastBatch: row.1, reviews: row.2, lastReview: row.3)
    }
    return DataVersion(batches: 0, lastBatch: nil, reviews: 0, lastReview: nil)
  }
}

/// Readiness reports (as the dashboard's data) by province and scope, each with the data version
/// it was worked out from; one computation at a time per report, the others waiting for it.
actor ReadinessCache {
  struct Key: Hashable, Sendable {
    var province: String
    var approvedOnly: Bool
  }

  private struct Entry {
    var version: DataVersion
    var started: ContinuousClock.Instant
    var task: Task<DashboardData, any Error>
  }

  private var entries: [Key: Entry] = [:]

  /// The data kept for `key` if they were made from `version` less than ``WebReadiness/longest``
  /// ago, else what `make` works out (kept unless it fails).
  func data(
    for key: Key, version: DataVersion, make: @escaping @Sendable () async throws -> DashboardData
  ) async throws -> DashboardData {
    let now = ContinuousClock.now
    if let entry = entries[key], entry.version == version, now - entry.started < WebReadiness.longest {
      return try await value(of: entry.task, key: key)
    }
    let task = Task { try await make() }
    entries[key] = Entry(version: version, started: now, task: task)
    return try await value(of: task, key: key)
  }

  /// The task's data; a failed computation is forgotten, so that the next request tries again.
  private func value(of task: Task<DashboardData, any Error>, key: Key) async throws -> DashboardData {
    do { return try await task.value } catch {
      if let entry = entries[key], entry.task == task { entries[key] = nil }
      throw error
    }
  }
}

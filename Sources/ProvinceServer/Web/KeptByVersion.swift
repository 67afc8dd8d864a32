import Foundation
import Logging
import PostgresNIO
import Units

/// What a province's pages rest on, as one comparable value: its communes, its sync batches (every
/// answer, official, roster change and class arrives in one), its machines (enrolled and revoked)
/// and its classes' reviews, each as a count and the latest moment.
struct DataVersion: Sendable, Hashable {
  var communes: Int
  var batches: Int
  var lastBatch: Date?
  var machines: Int
  var revokedMachines: Int
  var lastMachineChange: Date?
  var reviews: Int
  var lastReview: Date?

  /// One small statement: counts and maxima over the province's rows of four small tables (by
  /// their indexes), never over attempts or answers.
  static func current(of province: UnitCode, client: PostgresClient, logger: Logger) async throws
    -> DataVersion
  {
    let rows = try await client.query(
      """
      WITH province AS (SELECT code FROM communes WHERE province_code = \(province.rawValue))
      SELECT (SELECT count(*) FROM province), b.n, b.latest, d.n, d.revoked, d.latest, r.n, r.latest
      FROM (SELECT count(*) AS n, max(received_at) AS latest FROM sync_batches
          WHERE commune_code IN (SELECT code FROM province)) b,
        (SELECT count(*) AS n, count(revoked_at) AS revoked, max(greatest(enrolled_at, revoked_at)) AS latest
          FROM devices WHERE commune_code IN (SELECT code FROM province)) d,
        (SELECT count(*) AS n, max(r.decided_at) AS latest FROM class_reviews r JOIN classes k ON k.id = r.class_id
          WHERE k.commune_code IN (SELECT code FROM province)) r
      """, logger: logger)
    for try await row in rows.decode((Int, Int, Date?, Int, Int, Date?, Int, Date?).self) {
      return DataVersion(
        communes: row.0, batches: row.1, lastBatch: row.2, machines: row.3, revokedMachines: row.4,
        lastMachineChange: row.5, reviews: row.6, lastReview: row.7)
    }
    return DataVersion(
      communes: 0, batches: 0, lastBatch: nil, machines: 0, revokedMachines: 0, lastMachineChange: nil,
      reviews: 0, lastReview: nil)
  }
}

/// Values worked out from a province's data (a page's figures and rendered sections), each kept
/// with the ``DataVersion`` it was made from and given again while the data are that version (and,
/// with ``longest``, for at most that long). One computation at a time per key: requests that come
/// while it runs wait for it rather than starting their own.
actor KeptByVersion<Key: Hashable & Sendable, Value: Sendable> {
  private struct Entry {
    var version: DataVersion
    var started: ContinuousClock.Instant
    var task: Task<Value, any Error>
  }

  /// How long a value is kept when nothing new arrives; nil: as long as the data stay the same.
  let longest: Duration?
  private var entries: [Key: Entry] = [:]

  init(longest: Duration? = nil) { self.longest = longest }

  /// The value kept for `key` if it was made from `version` (less than ``longest`` ago), else
  /// what `make` works out (kept unless it fails).
  func value(
    for key: Key, version: DataVersion, make: @escaping @Sendable () async throws -> Value
  ) async throws -> Value {
    let now = ContinuousClock.now
    if let entry = entries[key], entry.version == version, longest.map({ now - entry.started < $0 }) ?? true {
      return try await value(of: entry.task, key: key)
    }
    let task = Task { try await make() }
    entries[key] = Entry(version: version, started: now, task: task)
    return try await value(of: task, key: key)
  }

  /// The task's value; a failed computation is forgotten, so that the next request tries again.
  private func value(of task: Task<Value, any Error>, key: Key) async throws -> Value {
    do { return try await task.value } catch {
      if let entry = entries[key], entry.task == task { entries[key] = nil }
      throw error
    }
  }
}

/// The province's ``DataVersion`` as the pages ask for it: leaders asking at the same moment
/// share one query. A request that comes while a check of its province is under way is given that
/// check's answer instead of sending a query of its own, so 50 leaders cost a few queries, not 50.
/// Such a request may so miss a change committed during the check it shares (at most one check's
/// time, a few milliseconds, before it came); the next request sees it.
actor VersionChecks {
  private var running: [String: Task<DataVersion, any Error>] = [:]

  func current(of province: UnitCode, client: PostgresClient, logger: Logger) async throws -> DataVersion {
    if let check = running[province.rawValue] { return try await check.value }
    let check = Task { try await DataVersion.current(of: province, client: client, logger: logger) }
    running[province.rawValue] = check
    defer { running[province.rawValue] = nil }
    return try await check.value
  }
}

import Foundation
internal import GRDB
import UserFolders

/// Sums of results files kept between reports, so that a province's report reads again only the
/// files that changed since the last one.
///
/// An entry is keyed by the file's path and is valid while the file and its `-wal` companion keep
/// their device, inode, size, modification and change times, and while the scan's fingerprint (keys, half-life,
/// selection, grouping) is the same. The cache is a SQLite file of its own, outside Results/ (by
/// default under `$XDG_CACHE_HOME/papi-train`); when it cannot be read or written the report goes
/// on without it, and deleting it is always safe.
public struct ScanCache: Sendable {
  public let url: URL

  public init(url: URL) {
    self.url = url
  }

  /// The cache for the results folder `directory`, under `$XDG_CACHE_HOME/papi-train` (else
  /// `~/.cache/papi-train`), one file per folder.
  public static func `default`(for directory: ResultsDirectory, environment: [String: String]) -> ScanCache {
    let folder = UserFolder.cache.url(environment: environment)
    return ScanCache(url: folder.appendingPathComponent("scan-\(hash(directory.url.path)).sqlite"))
  }

  struct Entry: Sendable {
    var path: String
    var signature: String
    var rosterSize: Int
    var sums: [WeightedAnswerScan.Sums]
    var facts: WeightedAnswerScan.FileFacts
  }

  /// The table entries are kept in (a new name when what an entry holds changes: older caches
  /// are then simply not read).
  static let table = "entries_v3"

  /// Every entry stored for `fingerprint`, by path; empty when the cache cannot be read.
  func entries(fingerprint: String) -> [String: Entry] {
    guard FileManager.default.fileExists(atPath: url.path),
      let queue = try? DatabaseQueue(path: url.path, configuration: Self.configuration)
    else { return [:] }
    defer { try? queue.close() }
    let rows =
      (try? queue.read { db -> [Row] in
        guard try db.tableExists(Self.table) else { return [] }
        return try Row.fetchAll(
          db,
          sql:
            "SELECT path, signature, roster, sums, last_answer, trained, first_answer FROM \(Self.table) WHERE fingerprint = ?",
          arguments: [fingerprint])
      }) ?? []
    var entries: [String: Entry] = [:]
    for row in rows {
      guard let sums = Self.decode(row["sums"]) else { continue }
      let path: String = row["path"]
      let lastAnswer: Double? = row["last_answer"]
      let firstAnswer: Double? = row["first_answer"]
      entries[path] = Entry(
        path: path, signature: row["signature"], rosterSize: row["roster"], sums: sums,
        facts: WeightedAnswerScan.FileFacts(
          lastAnswer: lastAnswer.map { Date(timeIntervalSince1970: $0) },
          firstAnswer: firstAnswer.map { Date(timeIntervalSince1970: $0) }, trainedOfficials: row["trained"]))
    }
    return entries
  }

  /// Stores fresh entries; a cache that cannot be written is left as it is.
  func store(_ entries: [Entry], fingerprint: String) {
    guard !entries.isEmpty else { return }
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      let queue = try DatabaseQueue(path: url.path, configuration: Self.configuration)
      defer { try? queue.close() }
      try queue.write { db in
        try db.execute(
          sql: """
            CREATE TABLE IF NOT EXISTS \(Self.table) (
              path TEXT NOT NULL, fingerprint TEXT NOT NULL, signature TEXT NOT NULL,
              roster INTEGER NOT NULL, sums TEXT NOT NULL, last_answer REAL, trained INTEGER NOT NULL,
              first_answer REAL, PRIMARY KEY (path, fingerprint))
            """)
        let statement = try db.makeStatement(
          sql: "INSERT OR REPLACE INTO \(Self.table) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        for entry in entries {
          try statement.execute(
            arguments: [
              entry.path, fingerprint, entry.signature, entry.rosterSize, Self.encode(entry.sums),
              entry.facts.lastAnswer?.timeIntervalSince1970, entry.facts.trainedOfficials,
              entry.facts.firstAnswer?.timeIntervalSince1970,
            ])
        }
      }
    } catch {
      // A cache is an optimisation: the report is already computed.
    }
  }

  static var configuration: Configuration {
    var configuration = Configuration()
    configuration.busyMode = .timeout(2)
    configuration.label = "papi-train scan cache"
    return configuration
  }

  /// What changes when a results file changes: device, inode, size, modification and change
  /// times of the file and of its `-wal` companion; nil when the file cannot be examined (it is
  /// then never cached).
  static func signature(of url: URL) -> String? {
    guard let main = stamp(url.path) else { return nil }
    return main + "|" + (stamp(url.path + "-wal") ?? "-")
  }

  private static func stamp(_ path: String) -> String? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    // The change time too, which no user can set back: a file written in place with its
    // modification time put back is read (and checked) again.
    return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):"
      + "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
  }

  /// Sums as tab-separated lines; numbers in Swift's shortest round-trip form, so nothing is lost.
  static func encode(_ sums: [WeightedAnswerScan.Sums]) -> String {
    sums.map {
      "\($0.group)\t\($0.key)\t\($0.answers)\t\($0.officials)\t\($0.sumE)\t\($0.sumSquaredE)\t\($0.sumMarkedE)"
    }.joined(separator: "\n")
  }

  static func decode(_ text: String) -> [WeightedAnswerScan.Sums]? {
    var sums: [WeightedAnswerScan.Sums] = []
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 7, let answers = Int(fields[2]), let officials = Int(fields[3]),
        let sumE = Double(fields[4]), let sumSquaredE = Double(fields[5]), let sumMarkedE = Double(fields[6])
      else { return nil }
      sums.append(
        WeightedAnswerScan.Sums(
          group: String(fields[0]), key: String(fields[1]), answers: answers, officials: officials,
          sumE: sumE,
          sumSquaredE: sumSquaredE, sumMarkedE: sumMarkedE))
    }
    return sums
  }

  /// FNV-1a, 64 bits, in hexadecimal: a stable name, not a security measure.
  static func hash(_ text: String) -> String {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value = value &* 0x0000_0100_0000_01b3
    }
    return String(value, radix: 16)
  }
}

import Foundation
internal import GRDB
import Units
import VietnameseText

extension CommuneStore {
  /// How long opening a file waits, in all, for other processes to let go of it.
  static let openingPatience = Duration.seconds(30)

  /// Runs `open` until it does not fail with "database is locked", for at most
  /// ``openingPatience``. SQLite's busy timeout (5 s) covers a lock held by a writer; under heavy
  /// load, a file being created, switched to WAL and migrated by another process can stay locked
  /// for longer, and opening is idempotent, so it is simply tried again.
  static func patiently<T>(path: String, _ open: () throws -> T) throws -> T {
    let deadline = ContinuousClock.now + openingPatience
    while true {
      do {
        return try open()
      } catch let error as DatabaseError
        where error.resultCode == .SQLITE_BUSY && ContinuousClock.now < deadline
      {
        Thread.sleep(forTimeInterval: 0.05)
      } catch {
        throw Schema.translate(error, path: path)
      }
    }
  }

  /// Opens the file at `path` for writing: looks at it first, switches it to WAL, migrates it and
  /// records its commune.
  static func openWriter(path: String, communeCode: CommuneCode) throws -> DatabasePool {
    // Look before touching: a foreign or newer file must not be switched to WAL or migrated.
    if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > 0 {
      let queue = try DatabaseQueue(path: path, configuration: Schema.configuration())
      let contents = try queue.read { try Schema.inspect($0, path: path) }
      try queue.close()
      if case .results(_, let found?) = contents, found != communeCode {
        throw GradebookError.communeMismatch(path: path, found: found, expected: communeCode)
      }
    }
    let database = try DatabasePool(path: path, configuration: Schema.configuration())
    try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
    try migrate(database, path: path)
    try database.write { db in
      try db.execute(
        sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('commune_code', ?)",
        arguments: [communeCode.rawValue])
      if case .results(_, let found?) = try Schema.inspect(db, path: path), found != communeCode {
        throw GradebookError.communeMismatch(path: path, found: found, expected: communeCode)
      }
    }
    return database
  }

  /// How much of a file read by a read-only store is mapped into memory (SQLite's `mmap_size`).
  static let mappedSize = 1 << 30

  /// Applies missing migrations. Two processes creating the same file at once may both try the
  /// first migration: the loser's transaction fails and rolls back, and it retries once the
  /// winner has committed.
  static func migrate(_ writer: some DatabaseWriter, path: String) throws {
    let migrator = Schema.migrator
    var lastError: (any Error)?
    for _ in 0..<50 {
      do {
        try migrator.migrate(writer)
        return
      } catch {
        lastError = error
        if let done = try? writer.read({ try migrator.hasCompletedMigrations($0) }), done { return }
        Thread.sleep(forTimeInterval: 0.1)
      }
    }
    throw lastError.map { Schema.translate($0, path: path) }
      ?? GradebookError.database(path: path, message: "migration failed")
  }
}

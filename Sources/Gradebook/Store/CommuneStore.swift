import Foundation
internal import GRDB
import Synchronization
import Units
import VietnameseText

/// The results of one commune: its roster, training classes, attempts and answers, in one SQLite
/// file (`Results/<code>.sqlite`).
///
/// Every method that writes runs in its own `IMMEDIATE` transaction and has committed when it
/// returns: an answer recorded is an answer kept, whatever happens to the process next. The file
/// is in WAL mode with `synchronous = FULL` and a 5 s busy timeout, so several processes (two
/// shells in a training room) can write the same commune at once.
///
/// All text is normalised to NFC before it is written. Timestamps are stored to the millisecond.
///
/// ```swift
/// let results = ResultsDirectory(option: nil, environment: ProcessInfo.processInfo.environment)
/// let store = try results.store(for: CommuneCode("03637"))
/// let official = try store.addOfficial(name: "Nguyễn Văn An", position: "chairman")
/// ```
public final class CommuneStore: Sendable {
  /// The commune whose results these are.
  public let communeCode: CommuneCode
  /// The database file.
  public let fileURL: URL
  /// Whether the file was opened with ``ResultsDirectory/readOnlyStore(for:)``: then every method
  /// that writes throws ``GradebookError/notWritten(path:details:)``, and the file keeps its
  /// bytes and modification time.
  public let isReadOnly: Bool
  /// A `DatabasePool` (WAL, one writer and concurrent readers) when writable; one connection
  /// that only reads otherwise. Nil until the first write for a store opened with
  /// ``ResultsDirectory/store(for:creatingFileOnFirstWrite:)`` on a commune with no file yet.
  private let connection: Mutex<(any DatabaseWriter)?>

  var path: String { fileURL.path }

  /// Opens (creating when missing) the results file of `communeCode` at `fileURL`, migrating it
  /// to the latest schema.
  ///
  /// Throws ``GradebookError/notAResultsDatabase(path:)`` or ``GradebookError/notADatabase(path:)``
  /// for a file papi-train did not write (it is left untouched), ``GradebookError/newerSchema(path:found:supported:)``
  /// for one written by a newer version, and ``GradebookError/communeMismatch(path:found:expected:)``
  /// for another commune's file.
  init(communeCode: CommuneCode, fileURL: URL) throws {
    self.communeCode = communeCode
    self.fileURL = fileURL
    self.isReadOnly = false
    let path = fileURL.path
    connection = Mutex(
      try Self.patiently(path: path) { try Self.openWriter(path: path, communeCode: communeCode) })
  }

  /// Opens the results of `communeCode` at `fileURL` for writing, but creates neither the file
  /// nor its folder until the first write: choosing a commune and leaving creates nothing. Until
  /// then it reads as an empty commune (or as the file, once another process has created it).
  /// A file that exists is opened at once, with the errors of ``init(communeCode:fileURL:)``;
  /// a folder that cannot be written is refused at once too.
  init(creatingOnFirstWrite communeCode: CommuneCode, fileURL: URL) throws {
    self.communeCode = communeCode
    self.fileURL = fileURL
    self.isReadOnly = false
    let path = fileURL.path
    if FileManager.default.fileExists(atPath: path) {
      connection = Mutex(
        try Self.patiently(path: path) { try Self.openWriter(path: path, communeCode: communeCode) })
    } else {
      try Self.requireWritableFolder(for: fileURL)
      connection = Mutex(nil)
    }
  }

  /// Throws unless the folder of `fileURL` (or, when missing, the nearest folder above it that
  /// exists) can be written.
  private static func requireWritableFolder(for fileURL: URL) throws {
    var folder = fileURL.deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: folder.path), folder.pathComponents.count > 1 {
      folder.deleteLastPathComponent()
    }
    guard FileManager.default.isWritableFile(atPath: folder.path) else {
      throw GradebookError.fileSystem(path: folder.path, message: "cannot be written")
    }
  }

  /// Opens the existing results file of `communeCode` at `fileURL` for reading only: one
  /// connection in the file's own journal mode, no transaction that writes. A file at an older
  /// schema (or one created but still empty) is first migrated, as any opening would, so reports
  /// and exports always read the latest schema.
  ///
  /// The connection is opened for reading and writing when the file allows it, only so that,
  /// being the last to close, it removes the `-wal` and `-shm` files as a writer would (a
  /// read-only connection leaves them behind); the methods that write refuse to run. On a file
  /// or folder without write access it is read-only.
  ///
  /// A file at `readableFrom` or later (a caller that reads those versions as it reads the
  /// latest) is read as it is, never migrated.
  ///
  /// Throws the errors of ``init(communeCode:fileURL:)``.
  init(readingCommune communeCode: CommuneCode, fileURL: URL, readableFrom: Int = Schema.latestVersion) throws
  {
    self.communeCode = communeCode
    self.fileURL = fileURL
    self.isReadOnly = true
    let path = fileURL.path
    // The file is read through memory it is mapped to: an export reads tens of files of a
    // megabyte and more, where each page read was a system call and a copy. A mapped read that
    // fails (a disk error) ends the process; this connection writes nothing, so nothing is lost.
    var configuration = Schema.configuration()
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedSize)") }
    let opened = try Self.patiently(path: path) {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      let contents = try queue.read { try Schema.inspect($0, path: path) }
      if case .results(let version, let found) = contents, version >= readableFrom {
        if let found, found != communeCode {
          throw GradebookError.communeMismatch(path: path, found: found, expected: communeCode)
        }
        return queue
      }
      try queue.close()
      // Older or still empty: migrate with a writable opening, then read.
      _ = try CommuneStore(communeCode: communeCode, fileURL: fileURL)
      return try DatabaseQueue(path: path, configuration: configuration)
    }
    connection = Mutex(opened)
  }
  // MARK: - Checks

  /// `PRAGMA integrity_check`: an empty list when the file is sound, else SQLite's findings.
  public func integrityCheck() throws -> [String] {
    try read { db in
      let findings = try String.fetchAll(db, sql: "PRAGMA integrity_check")
      return findings == ["ok"] ? [] : findings
    }
  }

  /// The schema version of the file (``latestSchemaVersion`` once opened).
  public func schemaVersion() throws -> Int {
    try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
  }

  /// The newest schema version this build writes.
  public static var latestSchemaVersion: Int { Schema.latestVersion }

  // MARK: - Access

  func read<T>(_ body: (Database) throws -> T) throws -> T {
    guard let database = try existingDatabase() else {
      do { return try Self.emptyResults.get().read(body) } catch { throw Schema.translate(error, path: path) }
    }
    do { return try database.read(body) } catch { throw Schema.translate(error, path: path) }
  }

  /// The connection, opening the file when another process has created it since; nil while
  /// there is no file.
  private func existingDatabase() throws -> (any DatabaseWriter)? {
    try connection.withLock { opened in
      if let opened { return opened }
      guard FileManager.default.fileExists(atPath: path) else { return nil }
      let database = try Self.patiently(path: path) {
        try Self.openWriter(path: path, communeCode: communeCode)
      }
      opened = database
      return database
    }
  }

  /// An empty results database in memory: what a commune with no file yet reads as.
  private static let emptyResults = Result<DatabaseQueue, any Error> {
    let queue = try DatabaseQueue(configuration: Schema.configuration())
    try Schema.migrator.migrate(queue)
    return queue
  }

  func write<T>(_ body: (Database) throws -> T) throws -> T {
    let writer = try writableDatabase()
    do { return try writer.write(body) } catch { throw Schema.translate(error, path: path) }
  }

  /// The connection (opening or creating the file when it has none yet), for what the store's
  /// own methods do not cover: closing it, a checkpoint.
  var database: any DatabaseWriter {
    get throws { try writableOrReadingDatabase() }
  }

  private func writableOrReadingDatabase() throws -> any DatabaseWriter {
    if let opened = try existingDatabase() { return opened }
    return try writableDatabase()
  }

  /// The connection that writes, creating the folder and the file on the first write when they
  /// are missing; throws when the file was opened for reading only.
  func writableDatabase() throws -> any DatabaseWriter {
    guard !isReadOnly else { throw GradebookError.notWritten(path: path, details: "opened for reading only") }
    return try connection.withLock { opened in
      if let opened { return opened }
      let folder = fileURL.deletingLastPathComponent()
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      } catch {
        throw GradebookError.fileSystem(path: folder.path, message: error.localizedDescription)
      }
      let path = path
      let database = try Self.patiently(path: path) {
        try Self.openWriter(path: path, communeCode: communeCode)
      }
      opened = database
      return database
    }
  }
}

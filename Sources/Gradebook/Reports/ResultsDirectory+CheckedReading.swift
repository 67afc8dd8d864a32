import Foundation
import Units

extension ResultsDirectory {
  /// Reads the results of `commune` as a file from outside: the file is checked on a private copy
  /// (``UntrustedResultsFile``: regular file, size, `-wal`, exact schema, integrity, every row),
  /// the copy migrated when its schema is older, and `body` reads a read-only store over that copy
  /// (the file in the folder is never opened by SQLite, nor written). The copy is removed when
  /// `body` returns. Nil when the commune has no file.
  ///
  /// A file ``checkedFiles`` holds as checked and unchanged since is read as it is, without the
  /// copy and the checks; should it change while `body` reads it, it is checked and read again
  /// (so `body` must only read).
  ///
  /// What exports and `report needs-help` read a folder with: a file that fails a check is refused
  /// with a ``GradebookError`` naming it (never the private copy) and the reason.
  ///
  /// `readableFrom` is the oldest schema version whose files `body` reads as it would read them
  /// migrated (the latest when nil): a remembered file that old or newer is read as it is,
  /// without a migrated copy (``CommuneStore/exportReadableFrom`` for what an export reads).
  public func withCheckedStore<T>(
    for commune: CommuneCode, limits: UntrustedResultsFile.Limits = .init(),
    readableFrom: Int? = nil, _ body: (CommuneStore) throws -> T
  ) throws -> T? {
    let path = fileURL(for: commune).path
    let readableFrom = readableFrom ?? Schema.latestVersion
    // A dangling link, a folder or a FIFO still "exists": the check refuses them by name. (`lstat`,
    // not FileManager's attributes, which read the user and group lists for the owner's names.)
    var status = stat()
    guard lstat(path, &status) == 0 else { return nil }
    return try UntrustedResultsFile.withCheckedFile(
      path, limits: limits, remembering: checkedFiles, readableFrom: readableFrom
    ) { source in
      do {
        let store = try CommuneStore(
          readingCommune: commune, fileURL: URL(fileURLWithPath: source), readableFrom: readableFrom)
        return try body(store)
      } catch let error as GradebookError {
        throw error.naming(path, for: source)
      } catch {
        throw Schema.translate(error, path: path)
      }
    }
  }
}

extension UntrustedResultsFile {
  /// Runs `body` on the path of a checked file at the latest schema. When `checkedFiles` holds
  /// the file as checked and it has not changed since: the file itself (at the latest schema, or
  /// at `readableFrom` or later), or a private copy migrated to the latest (an older schema; the
  /// copy's stamps must still be those checked). Otherwise a private copy that passed every check (migrated to the latest schema),
  /// which `checkedFiles` then remembers. When the file changes while `body` reads it as it is,
  /// it is checked and `body` runs again on the copy.
  ///
  /// `readableFrom` is the oldest schema version whose files `body` reads as it would read them
  /// migrated (a remembered file that old or newer is read as it is).
  static func withCheckedFile<T>(
    _ path: String, limits: Limits, remembering checkedFiles: CheckedFiles?,
    readableFrom: Int = Schema.latestVersion, _ body: (String) throws -> T
  ) throws -> T {
    if let checkedFiles, let entry = checkedFiles.entry(for: path, checks: limits.fingerprint) {
      if entry.version < readableFrom {
        if let read = try withRememberedCopy(of: path, entry, limits: limits, body) { return read }
      } else {
        do {
          let result = try body(path)
          if checkedFiles.stillMatches(entry, path: path) { return result }
        } catch {
          if checkedFiles.stillMatches(entry, path: path) { throw error }
        }
      }
    }
    return try withCheckedCopy(of: path, limits: limits, purpose: "report", remembering: checkedFiles) {
      checked in
      try migrated(checked, of: path)
      return try body(checked.path)
    }
  }

  /// Runs `body` on a private copy of a file checked before at an older schema, migrated to the
  /// latest; nil (and `body` not run) when the bytes copied are not those checked.
  private static func withRememberedCopy<T>(
    of path: String, _ entry: CheckedFiles.Entry, limits: Limits, _ body: (String) throws -> T
  ) throws -> T? {
    let folder = try privateFolder(for: path, purpose: "report")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let copy = (folder as NSString).appendingPathComponent("input.sqlite")
    let database = try copyRegularFile(path, to: copy, limit: limits.maximumFileSize)
    let wal = try copyWAL(of: path, database: database, to: copy + "-wal", limit: limits.maximumFileSize)
    guard database.stamp == entry.file, wal?.stamp == entry.wal else { return nil }
    try migrated(CheckedCopy(path: copy, version: entry.version), of: path)
    return try body(copy)
  }

  /// Migrates a checked copy of an older schema; errors name the file, not the copy.
  private static func migrated(_ checked: CheckedCopy, of path: String) throws {
    guard checked.version < Schema.latestVersion else { return }
    do {
      try migrate(checked)
    } catch let error as GradebookError {
      throw error.naming(path, for: checked.path)
    } catch {
      throw Schema.translate(error, path: path)
    }
  }
}

extension GradebookError {
  /// The error with `copy` (a private copy's path, or no path) replaced by `original`, the file
  /// the user gave.
  func naming(_ original: String, for copy: String) -> GradebookError {
    func named(_ path: String) -> String { path == copy || path.isEmpty ? original : path }
    switch self {
    case .notADatabase(let path): return .notADatabase(path: named(path))
    case .notAResultsDatabase(let path): return .notAResultsDatabase(path: named(path))
    case .newerSchema(let path, let found, let supported):
      return .newerSchema(path: named(path), found: found, supported: supported)
    case .damaged(let path, let details): return .damaged(path: named(path), details: details)
    case .communeMismatch(let path, let found, let expected):
      return .communeMismatch(path: named(path), found: found, expected: expected)
    case .database(let path, let message): return .database(path: named(path), message: message)
    case .notWritten(let path, let details): return .notWritten(path: named(path), details: details)
    case .several(let errors): return .several(errors.map { $0.naming(original, for: copy) })
    default: return self
    }
  }
}

import Foundation
import Units

extension ResultsDirectory {
  /// Reads the results of `commune` as a file from outside: the file is checked on a private copy
  /// (``UntrustedResultsFile``: regular file, size, `-wal`, exact schema, integrity, every row),
  /// the copy migrated when its schema is older, and `body` reads a read-only store over that copy
  /// (the file in the folder is never opened by SQLite, nor written). The copy is removed when
  /// `body` returns. Nil when the commune has no file.
  ///
  /// What exports and `report needs-help` read a folder with: a file that fails a check is refused
  /// with a ``GradebookError`` naming it (never the private copy) and the reason.
  public func withCheckedStore<T>(
    for commune: CommuneCode, limits: UntrustedResultsFile.Limits = .init(),
    _ body: (CommuneStore) throws -> T
  ) throws -> T? {
    let path = fileURL(for: commune).path
    // A dangling link, a folder or a FIFO still "exists": the check refuses them by name.
    guard (try? FileManager.default.attributesOfItem(atPath: path)) != nil else { return nil }
    return try UntrustedResultsFile.withCheckedCopy(of: path, limits: limits, purpose: "report") { checked in
      do {
        if checked.version < Schema.latestVersion { try UntrustedResultsFile.migrate(checked) }
        let store = try CommuneStore(readingCommune: commune, fileURL: URL(fileURLWithPath: checked.path))
        return try body(store)
      } catch let error as GradebookError {
        throw error.naming(path, for: checked.path)
      } catch {
        throw Schema.translate(error, path: path)
      }
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

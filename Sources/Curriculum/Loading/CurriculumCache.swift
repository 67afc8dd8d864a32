import Dispatch
import Foundation
import Toolkit
import UserFolders

/// Courses already loaded and validated, kept on disk under the hash of everything they were read
/// from, so that the shell starts without parsing the YAML again.
///
/// The key covers the bytes and relative path of every file under the folder loaded, the taxonomy
/// and positions files, the paths as given (they appear in diagnostics) and the papi-train binary
/// itself (its size and modification time: a rebuilt tool may validate differently). Any change
/// to any of them is a new key, so an entry is never stale; an entry that cannot be read is
/// ignored and written again. The cache lives outside the courses (by default under
/// `$XDG_CACHE_HOME/papi-train/courses`), and deleting it is always safe.
public struct CurriculumCache: Sendable {
  /// The folder holding the entries, one file each.
  public let directory: URL
  /// How many entries are kept; older ones are removed when a new one is written.
  public var capacity = 8
  /// Whether a new entry is checked and written on another thread, so that what loaded the
  /// courses goes on at once (the shell shows its first prompt while the entry is encoded).
  /// ``waitForWrites()`` waits for such writes; a process that ends without waiting may leave
  /// no entry, never a damaged one (entries are written to a temporary file and renamed).
  public var writesInBackground = false

  private static let writes = DispatchGroup()

  /// Waits until every entry written in the background is in place.
  public static func waitForWrites() { writes.wait() }

  /// Runs `write` now, or on another thread with ``writesInBackground``.
  func writing(_ write: @escaping @Sendable () -> Void) {
    if writesInBackground {
      DispatchQueue.global(qos: .utility).async(group: Self.writes, execute: write)
    } else {
      write()
    }
  }

  public init(directory: URL) {
    self.directory = directory
  }

  /// `courses` in papi-train's cache folder: `$XDG_CACHE_HOME/papi-train/courses`, else
  /// `~/.cache/papi-train/courses` (`UserFolder.cache`).
  public static func `default`(environment: [String: String]) -> CurriculumCache {
    CurriculumCache(
      directory: UserFolder.cache.url(environment: environment).appendingPathComponent("courses"))
  }

  /// The version of what an entry holds; part of every key.
  static let format = "papi-train-courses/2"

  /// What an entry holds: what ``CurriculumLoader/load(path:taxonomyPath:pulledCourses:)`` returned.
  struct Entry: Codable {
    var library: CourseLibrary?
    var diagnostics: [Diagnostic]
  }

  func url(for key: String) -> URL { directory.appendingPathComponent("\(key).json") }

  func entry(for key: String) -> LoadedCurriculum? {
    guard let data = FileManager.default.contents(atPath: url(for: key).path),
      let entry = try? JSONDecoder().decode(Entry.self, from: data)
    else { return nil }
    return LoadedCurriculum(library: entry.library, diagnostics: entry.diagnostics)
  }

  /// Writes the entry (to a temporary file, then renamed into place) and removes the oldest
  /// beyond ``capacity``, and any temporary file a write that was cut short left (older than
  /// ``abandonedAfter``); failures are ignored, the cache being only a shortcut.
  func store(_ loaded: LoadedCurriculum, for key: String) {
    let fileManager = FileManager.default
    guard (try? fileManager.createDirectory(at: directory, withIntermediateDirectories: true)) != nil,
      let data = try? JSONEncoder().encode(Entry(library: loaded.library, diagnostics: loaded.diagnostics))
    else { return }
    try? AtomicFile.write(data, to: url(for: key))
    func modified(_ file: URL) -> Date {
      (try? file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate)
        ?? .distantPast
    }
    let files =
      (try? fileManager.contentsOfDirectory(
        at: directory, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
    let now = Date()
    for file in files
    where file.pathExtension == "tmp" && now.timeIntervalSince(modified(file)) > Self.abandonedAfter {
      try? fileManager.removeItem(at: file)
    }
    let entries = files.filter { $0.pathExtension == "json" }
    guard entries.count > capacity else { return }
    let byAge = entries.sorted { modified($0) < modified($1) }
    for old in byAge.prefix(entries.count - capacity) { try? fileManager.removeItem(at: old) }
  }

  /// How old a temporary file in the cache must be to be taken for what a write cut short (a
  /// shell killed while writing in the background) left behind; a write under way is younger.
  static let abandonedAfter: TimeInterval = 3600
}

/// A 64-bit FNV-1a hash fed with the bytes of several files and strings: the cache key.
struct ContentHash {
  private var state: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func add(_ bytes: UnsafeRawBufferPointer) {
    var state = self.state
    for byte in bytes {
      state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    self.state = state
  }

  mutating func add(_ text: String) {
    var text = text + "\u{0}"
    text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
  }

  mutating func add(_ data: Data) {
    add("\(data.count)")
    data.withUnsafeBytes { add($0) }
  }

  var value: String { String(state, radix: 16) }
}

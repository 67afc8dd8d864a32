import Foundation
import Synchronization
import Toolkit
import UserFolders

#if canImport(Glibc)
  import Glibc
#endif

/// The results files already checked as files from outside (``UntrustedResultsFile``), so that a
/// report or an export reads an unchanged file as it is instead of checking a private copy of it
/// again (about 25 ms of CPU for a 1.4 MB file).
///
/// An entry holds the `FileStamp` of the file and of its `-wal` companion when they were
/// copied for the check (device, inode, size, change and modification times: nothing a user can
/// set back), the file's schema version and what the check was (its limits and rules). A file
/// is taken as checked only while its stamps are those; any write, a file put in its place, a
/// `-wal` added or changed, a `-journal` beside it (SQLite would roll it into the file) or other
/// limits mean it is checked again. An entry is recorded only for a file that had not changed for
/// `settling` seconds before it was copied: a write in the same tick of the file system's clock
/// as the copy (2 s on FAT) could otherwise keep every stamp.
///
/// The list is a text file of its own in the user's cache folder, `checked-files` beside the
/// per-file sums (``ScanCache``), read as untrusted too: a line that does not parse or whose
/// checksum does not hold is no entry (the file is checked again), a file with another first line
/// is ignored and written anew. Entries are appended one line per `write` (`O_APPEND`, so two
/// processes never mix lines); the file is rewritten whole, atomically (`AtomicFile`), when it
/// is new, damaged or mostly superseded lines. Deleting it is always safe.
///
/// Who can write the user's cache folder can also mark a file as checked: the list is as trusted
/// as the user's other papi-train files (the passphrase file is kept the same way).
public final class CheckedFiles: Sendable {
  /// The first line of the file: its format and version.
  static let header = "papi-train checked files v1"
  /// How long a file must have been left alone before it was copied for its check to be remembered.
  static let settling = 3.0

  /// The list.
  public let url: URL
  /// A file to which the path of every file checked in full is appended, one a line (the
  /// environment's `PAPI_CHECK_LOG`): how tests and benchmarks see which files were checked.
  public let log: URL?
  private let state = Mutex(State())

  /// The variable naming ``log``.
  public static let logVariable = "PAPI_CHECK_LOG"

  private struct State {
    var entries: [Identity: Entry]?
    var lines = 0
    var sound = false
    var fullChecks = 0
    /// The files checked while recording is held (``hold()``), to record on ``release()``.
    var held: [(entry: Entry, copiedAt: Double)]?
  }

  /// The file's place on its device: what an entry is found by.
  struct Identity: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  /// One file checked.
  struct Entry: Sendable, Hashable {
    var path: String
    var file: FileStamp
    var wal: FileStamp?
    var version: Int
    /// ``UntrustedResultsFile/Limits/fingerprint``.
    var checks: String
  }

  /// The list at `url`, logging full checks to `log`.
  public init(url: URL, log: URL? = nil) {
    self.url = url
    self.log = log
  }

  /// The list in `$XDG_CACHE_HOME/papi-train` (else `~/.cache/papi-train`), logging to the file
  /// `PAPI_CHECK_LOG` names, if any.
  public static func `default`(environment: [String: String]) -> CheckedFiles {
    CheckedFiles(
      url: UserFolder.cache.url(environment: environment).appendingPathComponent("checked-files"),
      log: environment[logVariable].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) })
  }

  /// How many files were checked in full through this list since it was made (a file found in it
  /// unchanged is not counted).
  public var fullChecks: Int { state.withLock { $0.fullChecks } }

  func countFullCheck(of path: String) {
    state.withLock { $0.fullChecks += 1 }
    guard let log else { return }
    let descriptor = open(log.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    let bytes = Array((path + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  }

  // MARK: - Finding

  /// The entry of the file at `path` when it was checked with `checks` and neither it nor its
  /// companions changed since; nil otherwise.
  func entry(for path: String, checks: String) -> Entry? {
    guard case .regular(let file) = FileStamp.find(path) else { return nil }
    guard FileStamp.find(path + "-journal") == .none else { return nil }
    let wal: FileStamp?
    switch FileStamp.find(path + "-wal") {
    case .none: wal = nil
    case .regular(let found): wal = found.size == 0 ? nil : found
    case .other: return nil
    }
    let identity = Identity(device: file.device, inode: file.inode)
    // The files checked while recording is held count too: a command reads a file more than once.
    let held = state.withLock { state in
      (state.held ?? []).map(\.entry).filter {
        Identity(device: $0.file.device, inode: $0.file.inode) == identity
      }
    }
    let known = [loaded()[identity]].compactMap { $0 } + held
    return known.last { $0.file == file && $0.wal == wal && $0.checks == checks }
  }

  /// Whether the file at `path` still has the stamps of `entry`.
  func stillMatches(_ entry: Entry, path: String) -> Bool {
    guard case .regular(let file) = FileStamp.find(path), file == entry.file else { return false }
    switch FileStamp.find(path + "-wal") {
    case .none: return entry.wal == nil
    case .regular(let found): return found.size == 0 ? entry.wal == nil : found == entry.wal
    case .other: return false
    }
  }

  private func loaded() -> [Identity: Entry] {
    state.withLock { state in
      if let entries = state.entries { return entries }
      let (entries, lines, sound) = Self.read(url)
      state.entries = entries
      state.lines = lines
      state.sound = sound
      return entries
    }
  }

  // MARK: - Recording

  /// Remembers a file that passed every check, with the stamps it had when it was copied at
  /// `copiedAt` (seconds since 1970, read before the stamps were), when it had settled by then.
  /// A list that cannot be written is left as it is: the next report checks the file again.
  func record(_ entry: Entry, copiedAt: Double) {
    guard entry.file.settled(before: copiedAt, settling: Self.settling),
      entry.wal?.settled(before: copiedAt, settling: Self.settling) ?? true,
      !entry.path.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" })
    else { return }
    let held = state.withLock { state in
      state.held?.append((entry, copiedAt))
      return state.held != nil
    }
    if held { return }
    _ = loaded()
    state.withLock { state in
      let identity = Identity(device: entry.file.device, inode: entry.file.inode)
      if state.entries?[identity] == entry { return }
      state.entries?[identity] = entry
      let line = Self.line(for: entry)
      if state.sound, state.lines < 2 * (state.entries?.count ?? 0) + 64, append(line) {
        state.lines += 1
        return
      }
      let kept = Self.current(state.entries ?? [:])
      state.entries = kept
      let text = ([Self.header] + kept.values.map(Self.line(for:)).sorted()).joined(separator: "\n") + "\n"
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(Data(text.utf8), to: url, permissions: 0o600)
        state.sound = true
        state.lines = kept.count
      } catch {
        state.sound = false
      }
    }
  }

  /// Holds the files checked from now on in memory, unrecorded, until ``release()``: a command
  /// that reads results while its passphrase is checked writes nothing before the passphrase is
  /// right (a wrong one ends the process, and what was held with it).
  public func hold() {
    state.withLock { state in
      if state.held == nil { state.held = [] }
    }
  }

  /// Records the files checked while held (``hold()``), and those checked from now on.
  public func release() {
    let held = state.withLock { state in
      defer { state.held = nil }
      return state.held ?? []
    }
    for file in held { record(file.entry, copiedAt: file.copiedAt) }
  }

  /// Appends one line with one `write` to the list as it is on disk; false when it cannot.
  private func append(_ line: String) -> Bool {
    let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    let bytes = Array((line + "\n").utf8)
    return bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count
  }

  /// The entries whose path still leads to the file they describe (the others are of files
  /// removed or replaced).
  private static func current(_ entries: [Identity: Entry]) -> [Identity: Entry] {
    entries.filter { identity, entry in
      guard case .regular(let file) = FileStamp.find(entry.path) else { return false }
      return Identity(device: file.device, inode: file.inode) == identity
    }
  }

  // MARK: - The file

  /// `path \t file stamp \t wal stamp or - \t version \t checks \t checksum`.
  static func line(for entry: Entry) -> String {
    let body = [entry.path, entry.file.text, entry.wal?.text ?? "-", String(entry.version), entry.checks]
      .joined(separator: "\t")
    return body + "\t" + ScanCache.hash(body)
  }

  /// The entry a line holds, nil for a line that does not parse or whose checksum does not hold.
  static func entry(from line: Substring) -> Entry? {
    let fields = line.fields(separatedBy: UInt8(ascii: "\t"))
    guard fields.count == 6, !fields[0].isEmpty, let file = FileStamp(text: fields[1]),
      let version = Int(fields[3]), !fields[4].isEmpty,
      ScanCache.hash(fields[0..<5].joined(separator: "\t")) == fields[5]
    else { return nil }
    var wal: FileStamp?
    if fields[2] != "-" {
      guard let found = FileStamp(text: fields[2]) else { return nil }
      wal = found
    }
    return Entry(path: String(fields[0]), file: file, wal: wal, version: version, checks: String(fields[4]))
  }

  /// The entries of the list at `url` (the last line of a file wins), the lines read, and
  /// whether the file is sound enough to append to (else it is written anew, without its
  /// damaged lines, at the next entry).
  static func read(_ url: URL) -> (entries: [Identity: Entry], lines: Int, sound: Bool) {
    guard let handle = FileHandle(forReadingAtPath: url.path) else { return ([:], 0, false) }
    defer { try? handle.close() }
    // A list of 100,000 files is about 20 MB; anything larger is not one.
    guard let data = try? handle.read(upToCount: 64 << 20), data.count < 64 << 20 else {
      return ([:], 0, false)
    }
    let text = String(decoding: data, as: UTF8.self)
    var lines = text.fields(separatedBy: UInt8(ascii: "\n"))
    guard lines.first == Substring(header) else { return ([:], 0, false) }
    let endsWell = lines.last == ""
    if endsWell { lines.removeLast() }
    var entries: [Identity: Entry] = [:]
    var damaged = false
    for line in lines.dropFirst() {
      guard let entry = entry(from: line) else {
        damaged = true
        continue
      }
      entries[Identity(device: entry.file.device, inode: entry.file.inode)] = entry
    }
    return (entries, lines.count - 1, endsWell && !damaged)
  }
}

import Foundation
import UserFolders

#if canImport(Glibc)
  import Glibc
#endif

/// The record of every merge on this computer: one JSON object per line in
/// `$XDG_STATE_HOME/papi-train/merge-audit.jsonl` (format `papi-train.merge-audit/1`), appended
/// and synced to disk for each file given to merge: who (the user and computer), when, which file,
/// into which results folder, which key signed it (when a signature was required), what was
/// added, or why it was refused. It lives outside the results folder, which merge changes only
/// by what it merges.
public struct MergeAuditLog: Sendable {
  /// The log file.
  public let url: URL
  /// Who merges: `user@computer`.
  public let who: String

  public init(url: URL, who: String) {
    self.url = url
    self.who = who
  }

  /// This computer's log, written as the user of `environment`.
  public static func `default`(environment: [String: String]) -> MergeAuditLog {
    var buffer = [CChar](repeating: 0, count: 256)
    let host =
      gethostname(&buffer, buffer.count) == 0
      ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
    let user = environment["USER"] ?? environment["LOGNAME"] ?? String(getuid())
    return MergeAuditLog(
      url: UserFolder.state.url(environment: environment).appendingPathComponent("merge-audit.jsonl"),
      who: "\(user)@\(host)")
  }

  /// One line of the log.
  public struct Entry: Sendable, Hashable, Codable {
    public var format = "papi-train.merge-audit/1"
    public var at: String
    public var who: String
    public var file: String
    /// The results folder merged into.
    public var destination: String
    public var key: String?
    public var commune: String?
    /// `merged`, `skipped` or `refused`.
    public var outcome: String
    public var officials: Int?
    public var classes: Int?
    public var attempts: Int?
    public var attemptsUpdated: Int?
    public var answers: Int?
    public var reviews: Int?
    public var conflicts: Int?
    /// Why it was refused, in English.
    public var reason: String?
  }

  /// The entry for one file.
  public func entry(for file: MergedFile, into destination: ResultsDirectory, at date: Date) -> Entry {
    var entry = Entry(
      at: ISO8601DateFormatter().string(from: date), who: who, file: file.path,
      destination: destination.url.path,
      key: file.signer?.publicKey, commune: nil, outcome: "refused")
    switch file.outcome {
    case .merged(let commune, let added, let conflicts, _):
      entry.outcome = "merged"
      entry.commune = commune.rawValue
      entry.officials = added.officials
      entry.classes = added.classes
      entry.attempts = added.attempts
      entry.attemptsUpdated = added.attemptsUpdated
      entry.answers = added.answers
      entry.reviews = added.reviews
      entry.conflicts = conflicts.count
    case .skippedDestination(let commune):
      entry.outcome = "skipped"
      entry.commune = commune.rawValue
    case .refused(let error):
      entry.reason = error.text(in: .english)
    }
    return entry
  }

  /// Appends the entry of `file` and syncs it to disk; a log that cannot be written is told on
  /// standard error and does not stop the merge.
  public func record(_ file: MergedFile, into destination: ResultsDirectory, at date: Date = Date()) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard var line = try? encoder.encode(entry(for: file, into: destination, at: date)) else { return }
    line.append(0x0A)
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      FileHandle.standardError.write(Data("\(url.path): \(String(cString: strerror(errno)))\n".utf8))
      return
    }
    defer { close(descriptor) }
    let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    if written != line.count || fsync(descriptor) != 0 {
      FileHandle.standardError.write(Data("\(url.path): \(String(cString: strerror(errno)))\n".utf8))
    }
  }
}

import Foundation
import Toolkit
import UserFolders

#if canImport(Glibc)
  import Glibc
#endif

/// The machine's access file: the trainer and leader passphrases as salted slow hashes, and the
/// count of wrong tries in a row. It lives with the user's settings, not with the results
/// (`$XDG_CONFIG_HOME/papi-train/access.json`, else `~/.config/papi-train/access.json`), is written
/// with mode 0600 through a temporary file and a rename, and changed only under a lock, so that two
/// processes never lose each other's count.
public struct AccessStore: Sendable {
  /// What the file holds.
  public struct Contents: Sendable, Hashable, Codable {
    public var format = "papi-train.access/1"
    public var passphrases: [String: PassphraseHash] = [:]
    /// Wrong tries in a row, and when the last one was.
    public var failures = 0
    public var lastFailure: Date?

    public init() {}

    public func hash(for role: Role) -> PassphraseHash? { passphrases[role.rawValue] }
  }

  public let url: URL

  public init(url: URL) {
    self.url = url
  }

  /// The file for this user: `$XDG_CONFIG_HOME/papi-train/access.json`, else under `~/.config`.
  public static func `default`(environment: [String: String]) -> AccessStore {
    AccessStore(url: UserFolder.config.url(environment: environment).appendingPathComponent("access.json"))
  }

  /// The contents, or empty ones when there is no file yet.
  public func load() throws -> Contents {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      if FileManager.default.fileExists(atPath: url.path) { throw AccessError.unreadable(url.path) }
      return Contents()
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .secondsSince1970
    guard let contents = try? decoder.decode(Contents.self, from: data),
      contents.format == "papi-train.access/1"
    else { throw AccessError.damaged(url.path) }
    return contents
  }

  /// Runs `body` on the contents under an exclusive lock and writes back what it leaves.
  @discardableResult
  public func update<T>(_ body: (inout Contents) throws -> T) throws -> T {
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw AccessError.unwritable(folder.path, error.localizedDescription)
    }
    let lockPath = url.path + ".lock"
    let descriptor = open(lockPath, O_CREAT | O_RDWR, 0o600)
    guard descriptor >= 0 else { throw AccessError.unwritable(lockPath, String(cString: strerror(errno))) }
    defer { close(descriptor) }
    guard flock(descriptor, LOCK_EX) == 0 else {
      throw AccessError.unwritable(lockPath, String(cString: strerror(errno)))
    }
    defer { flock(descriptor, LOCK_UN) }
    var contents = try load()
    let result = try body(&contents)
    try write(contents)
    return result
  }

  private func write(_ contents: Contents) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .secondsSince1970
    let data: Data
    do {
      data = try encoder.encode(contents)
    } catch {
      throw AccessError.unwritable(url.path, error.localizedDescription)
    }
    do {
      try AtomicFile.write(data, to: url, permissions: 0o600)
    } catch {
      throw AccessError.unwritable(error.path, error.reason)
    }
  }
}

import Access
import Foundation
import Toolkit
import UserFolders

/// Where this machine syncs: the province server and the commune it was enrolled for, kept in
/// `$XDG_CONFIG_HOME/papi-train/sync.json` by `papi-train sync enrol`.
public struct SyncSettings: Sendable, Hashable, Codable {
  public var format = "papi-train.sync/1"
  /// The server's address, `https://…` (or `http://` on a closed network).
  public var server: String
  public var commune: String
  public var province: String
  public var enrolledAt: String
  /// The province's course publishing key, learnt at enrolment: the only key whose course
  /// packages `sync` installs (nil for a machine enrolled before the server published courses).
  public var publisherKey: String?

  public init(
    server: String, commune: String, province: String, enrolledAt: String, publisherKey: String? = nil
  ) {
    self.server = server
    self.commune = commune
    self.province = province
    self.enrolledAt = enrolledAt
    self.publisherKey = publisherKey
  }

  /// This machine's settings file.
  public static func url(environment: [String: String]) -> URL {
    UserFolder.config.url(environment: environment).appendingPathComponent("sync.json")
  }

  /// The settings at `url`; nil when the machine is not enrolled.
  public static func load(from url: URL) throws -> SyncSettings? {
    guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
    guard let settings = try? JSONDecoder().decode(SyncSettings.self, from: data),
      settings.format == "papi-train.sync/1"
    else { throw SyncMessage.damagedSettings(url.path) }
    return settings
  }

  /// Writes the settings to `url` (mode 0600).
  public func save(to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
      try AtomicFile.write(try encoder.encode(self), to: url, permissions: 0o600)
    } catch {
      throw SyncMessage.unwritable(url.path)
    }
  }
}

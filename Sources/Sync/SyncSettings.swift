import Access
import Foundation
import Toolkit
import UserFolders

/// Where this machine syncs: the province server and the commune it was enrolled for, kept in
/// `$XDG_CONFIG_HOME/papi-train/sync.json` by `papi-train sync enrol`.
public struct SyncSettings: Sendable, Hashable, Codable {
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
  public static func load(from url: URL) throws -> SyncSettings? { try file(url).load() }

  /// Writes the settings to `url` (mode 0600).
  public func save(to url: URL) throws { try Self.file(url).save(self) }

  static func file(_ url: URL) -> VersionedJSONFile<SyncSettings> {
    VersionedJSONFile(url: url, format: "papi-train.sync/1") { failure in
      if case .unwritable = failure { return SyncMessage.unwritable(url.path) }
      return SyncMessage.damagedSettings(url.path)
    }
  }
}

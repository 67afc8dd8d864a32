import Foundation

/// A small JSON document papi-train keeps for the user (the machines a province trusts, the
/// certificates issued here, where this machine syncs): its contents with a `format` naming their
/// kind and version beside them at the top level (`{"format": "papi-train.trust/1", "machines":
/// […]}`). A file of another format, or one that does not decode, is refused as damaged; a write
/// goes through ``AtomicFile`` (mode 0600, its folder made with mode 0700), pretty-printed with
/// sorted keys.
public struct VersionedJSONFile<Contents: Codable & Sendable>: Sendable {
  /// Why the file could not be read or written.
  public enum Failure: Error, Sendable, Hashable {
    /// The file exists but cannot be read.
    case unreadable(path: String)
    /// The file is not JSON of this format.
    case damaged(path: String)
    /// The file or its folder could not be written: the path and the system's reason.
    case unwritable(path: String, reason: String)
  }

  /// The file.
  public let url: URL
  /// The format it must declare, such as `papi-train.trust/1`.
  public let format: String
  /// What a failure is thrown as: the owner's message for the user (the failure itself unless
  /// given).
  public let failure: @Sendable (Failure) -> any Error

  public init(url: URL, format: String, failure: @escaping @Sendable (Failure) -> any Error = { $0 }) {
    self.url = url
    self.format = format
    self.failure = failure
  }

  /// The contents; nil when there is no file. A failure is thrown as ``failure`` says it.
  public func load() throws -> Contents? {
    do {
      return try read()
    } catch {
      throw failure(error)
    }
  }

  /// Writes `contents` under this file's format. A failure is thrown as ``failure`` says it.
  public func save(_ contents: Contents) throws {
    do {
      try write(contents)
    } catch {
      throw failure(error)
    }
  }

  func read() throws(Failure) -> Contents? {
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadable(path: url.path) }
    guard let document = try? JSONDecoder().decode(Document.self, from: data), document.format == format
    else { throw .damaged(path: url.path) }
    return document.contents
  }

  func write(_ contents: Contents) throws(Failure) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
      let data = try encoder.encode(Document(format: format, contents: contents))
      try AtomicFile.write(data, to: url, permissions: 0o600)
    } catch let error as AtomicFile.Failure {
      throw .unwritable(path: error.path, reason: error.reason)
    } catch {
      throw .unwritable(path: url.path, reason: error.localizedDescription)
    }
  }

  /// The format and the contents' own keys, side by side in one JSON object.
  struct Document: Codable {
    var format: String
    var contents: Contents

    enum Keys: String, CodingKey { case format }

    init(format: String, contents: Contents) {
      self.format = format
      self.contents = contents
    }

    init(from decoder: any Decoder) throws {
      format = try decoder.container(keyedBy: Keys.self).decode(String.self, forKey: .format)
      contents = try Contents(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: Keys.self)
      try container.encode(format, forKey: .format)
      try contents.encode(to: encoder)
    }
  }
}

import Access
import CoursePublishing
import Crypto
import Foundation
import UserFolders

/// Where the province's publishing key is kept. Its private half, which signs every course
/// package, lives in a key file on the machine that publishes (readable by its owner only, in
/// the format of a commune machine's signing key); the database keeps only the public half,
/// which enrolment hands to the machines. Whoever reads the database, a replica or a `pg_dump`
/// cannot publish.
///
/// The key is made on first need (`papi-server enrol`, `courses publish` or `courses key`): the
/// file first, then its public half recorded. A database of schema versions 5 to 7 holds the
/// private half too: the first `courses publish` or `courses key` writes it into the file and
/// clears it from the database.
public struct PublishingKeyFile: Sendable {
  public var url: URL

  /// The file at `path`, or at ``defaultURL(environment:)`` when nil.
  public init(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
    url = path.map { URL(fileURLWithPath: $0) } ?? Self.defaultURL(environment: environment)
  }

  /// `$XDG_DATA_HOME/papi-server/publishing-key`, else `~/.local/share/papi-server/publishing-key`.
  public static func defaultURL(environment: [String: String]) -> URL {
    UserFolder.data.url(environment: environment, program: "papi-server").appendingPathComponent(
      "publishing-key")
  }

  /// The key that signs, from the file; made first when the province has none. `moved` is true
  /// when this call took the private half out of the database into the file.
  public func signingKey(in repository: ProvinceRepository) async throws -> (
    key: Curve25519.Signing.PrivateKey, moved: Bool
  ) {
    let file = try MachineKey.load(at: url)
    guard let stored = try await repository.storedPublishingKey() else {
      return (try await makeKey(in: repository, from: file), false)
    }
    if let file {
      try check(file, against: stored.publicKey)
      if stored.privateKey != nil { try await repository.forgetPublishingPrivateKey() }
      return (file.privateKey, false)
    }
    guard let raw = stored.privateKey, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw),
      key.publicKey.rawRepresentation.base64EncodedString() == stored.publicKey
    else {
      throw CoursePublicationMessage.keyFileMissing(path: url.path, keyID: Self.keyID(stored.publicKey))
    }
    let written = try MachineKey.create(key, at: url) ?? MachineKey.load(at: url)
    guard let written else { throw AccessError.keyUnreadable(url.path) }
    try check(written, against: stored.publicKey)
    try await repository.forgetPublishingPrivateKey()
    return (key, true)
  }

  /// The public half machines are given, made with the file first when the province has none
  /// (the private half is not needed, so `papi-server enrol` works on any machine once a key
  /// exists).
  public func publicKey(in repository: ProvinceRepository) async throws -> String {
    if let stored = try await repository.publishingPublicKey() { return stored }
    let key = try await makeKey(in: repository, from: try MachineKey.load(at: url))
    return key.publicKey.rawRepresentation.base64EncodedString()
  }

  /// Records the file's key (made first when there is no file) as the province's; refused when
  /// another process recorded another at the same moment.
  private func makeKey(in repository: ProvinceRepository, from file: MachineKey?) async throws
    -> Curve25519.Signing.PrivateKey
  {
    let key = try file ?? MachineKey.loadOrCreate(at: url)
    let recorded = try await repository.recordPublishingKey(key.publicKeyText)
    try check(key, against: recorded ?? "")
    return key.privateKey
  }

  private func check(_ file: MachineKey, against publicKey: String) throws {
    guard file.publicKeyText == publicKey else {
      throw CoursePublicationMessage.keyFileDoesNotMatch(path: url.path, keyID: Self.keyID(publicKey))
    }
  }

  /// The short id packages name their key by, of a base64 public key.
  static func keyID(_ publicKey: String) -> String {
    CoursePublisher.keyID(Data(base64Encoded: publicKey) ?? Data())
  }
}

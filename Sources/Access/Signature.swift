import Crypto
import Foundation
import UserFolders

#if canImport(Glibc)
  import Glibc
#endif

/// The machine's Ed25519 signing key: made once, kept private (mode 0600) in
/// `$XDG_DATA_HOME/papi-train/signing-key` (else `~/.local/share/papi-train/signing-key`).
public struct MachineKey: Sendable {
  public let url: URL
  public let privateKey: Curve25519.Signing.PrivateKey

  /// The public key as a province lists it: base64 of the 32 raw bytes.
  public var publicKeyText: String { privateKey.publicKey.rawRepresentation.base64EncodedString() }

  public static func defaultURL(environment: [String: String]) -> URL {
    UserFolder.data.url(environment: environment).appendingPathComponent("signing-key")
  }

  /// The key at `url`, made there first if there is none.
  public static func loadOrCreate(at url: URL) throws -> MachineKey {
    if let existing = try load(at: url) { return existing }
    if let made = try create(Curve25519.Signing.PrivateKey(), at: url) { return made }
    // Another process made it between the two looks: theirs is the key.
    guard let existing = try load(at: url) else { throw AccessError.keyUnreadable(url.path) }
    return existing
  }

  /// The key at `url`; nil when there is no file there.
  public static func load(at url: URL) throws -> MachineKey? {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      guard FileManager.default.fileExists(atPath: url.path) else { return nil }
      throw AccessError.keyUnreadable(url.path)
    }
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard let raw = Data(base64Encoded: text),
      let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    else { throw AccessError.keyUnreadable(url.path) }
    return MachineKey(url: url, privateKey: key)
  }

  /// Writes `key` into a new file at `url`, readable by its owner only (mode 0600, its folder made
  /// 0700), flushed to the disk; nil when a file is already there (it is never replaced).
  public static func create(_ key: Curve25519.Signing.PrivateKey, at url: URL) throws -> MachineKey? {
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw AccessError.unwritable(folder.path, error.localizedDescription)
    }
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      if errno == EEXIST { return nil }
      throw AccessError.unwritable(url.path, String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    let bytes = Array((key.rawRepresentation.base64EncodedString() + "\n").utf8)
    guard write(descriptor, bytes, bytes.count) == bytes.count, fsync(descriptor) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(url.path)
      throw AccessError.unwritable(url.path, reason)
    }
    return MachineKey(url: url, privateKey: key)
  }
}

/// A signature of one file, kept beside it as `FILE.sig` (JSON, format `papi-train.signature/1`):
/// the SHA-256 and size of the file, when and on which machine it was signed, the public key, and
/// the Ed25519 signature over those fields. Whoever holds the file can check that not one byte
/// changed since; with a list of trusted public keys, also that it came from a known machine.
public struct FileSignature: Sendable, Hashable, Codable {
  public var format = "papi-train.signature/1"
  public var algorithm = "Ed25519"
  public var file: String
  public var size: Int
  public var sha256: String
  public var signedAt: String
  public var machine: String
  public var publicKey: String
  public var signature: String

  /// What is signed: every field but the signature, one per line.
  var message: Data {
    Data(
      [format, algorithm, file, String(size), sha256, signedAt, machine, publicKey].joined(separator: "\n")
        .utf8)
  }

  /// Signs the bytes of the file at `url` as they are now.
  public static func sign(_ url: URL, with key: MachineKey, machine: String, at date: Date) throws
    -> FileSignature
  {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw AccessError.unreadable(url.path)
    }
    let formatter = ISO8601DateFormatter()
    var signature = FileSignature(
      file: url.lastPathComponent, size: data.count, sha256: hex(SHA256.hash(data: data)),
      signedAt: formatter.string(from: date),
      machine: machine, publicKey: key.publicKeyText, signature: "")
    signature.signature = try key.privateKey.signature(for: signature.message).base64EncodedString()
    return signature
  }

  /// What checking a file against its signature found.
  public enum Verdict: Sendable, Hashable {
    /// Not one byte changed since it was signed on `machine` at `signedAt` with `publicKey`.
    case intact(machine: String, signedAt: String, publicKey: String)
    /// The file's bytes are not the ones signed.
    case altered
    /// The signature does not verify: the signature file itself was changed or forged.
    case badSignature
    /// Intact, but signed with a key not on the trusted list.
    case untrusted(publicKey: String, machine: String)
  }

  /// Checks the bytes of `data` against this signature; `trusted` (public keys) when given must
  /// contain the signing key.
  public func verdict(for data: Data, trusted: Set<String>?) -> Verdict {
    guard let rawKey = Data(base64Encoded: publicKey),
      let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawKey),
      let signatureBytes = Data(base64Encoded: signature), format == "papi-train.signature/1",
      algorithm == "Ed25519",
      key.isValidSignature(signatureBytes, for: message)
    else { return .badSignature }
    guard data.count == size, Self.hex(SHA256.hash(data: data)) == sha256 else { return .altered }
    if let trusted, !trusted.contains(publicKey) { return .untrusted(publicKey: publicKey, machine: machine) }
    return .intact(machine: machine, signedAt: signedAt, publicKey: publicKey)
  }

  static func hex(_ digest: SHA256.Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }

  /// The machine's name, for the signature.
  public static var hostName: String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count) == 0 else { return "unknown" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

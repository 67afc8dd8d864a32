import Crypto
import Foundation
import Toolkit
import Units
import UserFolders

/// A commune machine the province trusts: its Ed25519 public key (what `papi-train sign
/// --print-key` prints), the commune it was enrolled for, and when it was enrolled and revoked.
public struct TrustedMachine: Sendable, Hashable, Codable {
  /// Base64 of the 32 raw bytes of the public key.
  public var publicKey: String
  /// The commune whose results this machine may send.
  public var commune: CommuneCode
  /// When it was enrolled (ISO 8601).
  public var enrolledAt: String
  /// When it was revoked (ISO 8601); nil while trusted.
  public var revokedAt: String?

  public init(publicKey: String, commune: CommuneCode, enrolledAt: String, revokedAt: String? = nil) {
    self.publicKey = publicKey
    self.commune = commune
    self.enrolledAt = enrolledAt
    self.revokedAt = revokedAt
  }

  /// Whether the machine is still trusted.
  public var isRevoked: Bool { revokedAt != nil }
}

/// What the province knows of the machine that signed something: the one notion of a trusted
/// machine, for files handed over (`merge --require-signature`) and, later, for requests a
/// province server receives.
public enum SenderVerdict: Sendable, Hashable {
  /// Signed by an enrolled, unrevoked machine, and not one byte changed since.
  case trusted(TrustedMachine)
  /// No signature at all.
  case unsigned
  /// The signature does not verify (edited, borrowed or forged).
  case badSignature
  /// Intact signature, changed bytes.
  case altered
  /// Signed by a key the province never enrolled.
  case unknownKey(String)
  /// Signed by a machine whose key was revoked.
  case revoked(TrustedMachine)
  /// Signed by a trusted machine of another commune than the one the data is for.
  case otherCommune(TrustedMachine, CommuneCode)

  /// The machine, when it is trusted.
  public var machine: TrustedMachine? {
    if case .trusted(let machine) = self { return machine }
    return nil
  }
}

/// The machines a province trusts, kept in `$XDG_CONFIG_HOME/papi-train/trusted-machines.json`
/// (JSON, written through `AtomicFile`, mode 0600). `papi-train keys enrol|list|revoke` manage
/// it; merge and sync ask it who signed.
public struct TrustRegistry: Sendable {
  let file: VersionedJSONFile<Contents>

  /// The file.
  public var url: URL { file.url }

  public init(url: URL) {
    file = VersionedJSONFile(url: url, format: "papi-train.trust/1", failure: Self.message)
  }

  /// This computer's registry.
  public static func `default`(environment: [String: String]) -> TrustRegistry {
    TrustRegistry(
      url: UserFolder.config.url(environment: environment).appendingPathComponent("trusted-machines.json"))
  }

  struct Contents: Codable {
    var machines: [TrustedMachine] = []
  }

  /// Every machine ever enrolled, in the order enrolled.
  public func machines() throws -> [TrustedMachine] { try load().machines }

  func load() throws -> Contents { try file.load() ?? Contents() }

  func save(_ contents: Contents) throws { try file.save(contents) }

  /// What the user is told when the file cannot be read or written.
  @Sendable static func message(_ failure: VersionedJSONFile<Contents>.Failure) -> any Error {
    switch failure {
    case .unreadable(let path): TrustMessage.unreadable(path)
    case .damaged(let path): TrustMessage.damaged(path)
    case .unwritable(let path, let reason): AccessError.unwritable(path, reason)
    }
  }

  /// The public key in the file at `path`: the first line that is not empty or a `#` comment,
  /// base64 of 32 bytes that make an Ed25519 key.
  public static func publicKey(inFile path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw AccessError.unreadable(path) }
    let line = String(decoding: data.prefix(4_096), as: UTF8.self).split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty && !$0.hasPrefix("#") }
    guard let line, isPublicKey(line) else { throw TrustMessage.notAKey(path) }
    return line
  }

  /// Whether `text` is base64 of 32 bytes that make an Ed25519 public key.
  public static func isPublicKey(_ text: String) -> Bool {
    guard let raw = Data(base64Encoded: text), raw.count == 32 else { return false }
    return (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil
  }

  /// Enrols `publicKey` for `commune`. Enrolling a trusted key again for its commune changes
  /// nothing; a key of another commune or a revoked key is refused (a revoked machine gets a new
  /// key: `sign` makes one when its key file is removed).
  @discardableResult
  public func enrol(publicKey: String, commune: CommuneCode, at date: Date = Date()) throws -> TrustedMachine
  {
    guard Self.isPublicKey(publicKey) else { throw TrustMessage.notAKey(publicKey) }
    var contents = try load()
    if let known = contents.machines.first(where: { $0.publicKey == publicKey }) {
      if known.isRevoked { throw TrustMessage.wasRevoked(known) }
      guard known.commune == commune else { throw TrustMessage.enrolledElsewhere(known) }
      return known
    }
    let machine = TrustedMachine(
      publicKey: publicKey, commune: commune, enrolledAt: ISO8601DateFormatter().string(from: date))
    contents.machines.append(machine)
    try save(contents)
    return machine
  }

  /// Revokes the machine whose key is `key` or starts with it (at least 8 characters).
  @discardableResult
  public func revoke(_ key: String, at date: Date = Date()) throws -> TrustedMachine {
    var contents = try load()
    let matches = contents.machines.indices.filter {
      contents.machines[$0].publicKey == key
        || (key.count >= 8 && contents.machines[$0].publicKey.hasPrefix(key))
    }
    guard let index = matches.first else { throw TrustMessage.unknownKey(key) }
    guard matches.count == 1 else { throw TrustMessage.ambiguous(key) }
    if contents.machines[index].revokedAt == nil {
      contents.machines[index].revokedAt = ISO8601DateFormatter().string(from: date)
      try save(contents)
    }
    return contents.machines[index]
  }

  /// Who signed `data` with `signature` (the bytes of a `FILE.sig`, nil when there is none), for
  /// data of `commune` when known.
  public func verdict(for data: Data, signature: Data?, commune: CommuneCode?) throws -> SenderVerdict {
    guard let signature else { return .unsigned }
    guard let parsed = try? JSONDecoder().decode(FileSignature.self, from: signature) else {
      return .badSignature
    }
    switch parsed.verdict(for: data, trusted: nil) {
    case .badSignature: return .badSignature
    case .altered: return .altered
    case .untrusted, .intact: break
    }
    guard let machine = try machines().first(where: { $0.publicKey == parsed.publicKey }) else {
      return .unknownKey(parsed.publicKey)
    }
    if machine.isRevoked { return .revoked(machine) }
    if let commune, commune != machine.commune { return .otherCommune(machine, commune) }
    return .trusted(machine)
  }
}

import Crypto
import Foundation

extension MachineKey {
  /// The key at `url` when there is one there; never makes one (a machine that only checks
  /// what others signed has no key of its own).
  public static func existing(at url: URL) throws -> MachineKey? {
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    return try loadOrCreate(at: url)
  }

  /// The Ed25519 signature of `message` with this machine's key, in base64.
  public func signature(for message: Data) throws -> String {
    try privateKey.signature(for: message).base64EncodedString()
  }
}

/// Ed25519 signatures of messages other than files (a certificate's facts): the one place that
/// checks a base64 signature against a base64 public key, as ``FileSignature`` does for files.
public enum SignedMessage {
  /// Whether `signature` (base64) is `publicKey`'s (base64 of the 32 raw bytes) signature of
  /// `message`. False for anything that does not decode.
  public static func isValid(signature: String, publicKey: String, for message: Data) -> Bool {
    guard let rawKey = Data(base64Encoded: publicKey),
      let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawKey),
      let bytes = Data(base64Encoded: signature)
    else { return false }
    return key.isValidSignature(bytes, for: message)
  }
}

extension TrustRegistry {
  /// The machine enrolled with `publicKey`, revoked or not; nil when the province never
  /// enrolled it.
  public func machine(withKey publicKey: String) throws -> TrustedMachine? {
    try machines().first { $0.publicKey == publicKey }
  }
}

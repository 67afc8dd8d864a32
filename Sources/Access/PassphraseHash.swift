import Crypto
import CryptoExtras
import Foundation

/// A passphrase kept only as a salted, slow hash: scrypt with a random 16-byte salt. The cost
/// parameters are stored with the hash, so they can rise later without breaking stored hashes.
public struct PassphraseHash: Sendable, Hashable, Codable {
  public var algorithm: String
  /// scrypt's N (rounds), r (block size) and p (parallelism).
  public var rounds: Int
  public var blockSize: Int
  public var parallelism: Int
  /// Base64.
  public var salt: String
  public var hash: String

  /// The cost used for new passphrases: N = 2^15, r = 8, p = 1 (32 MiB, about 0.1 s here).
  public static let defaultRounds = 1 << 15

  /// Hashes `passphrase` (NFC first, so the same letters typed by any input method match).
  public init(passphrase: String, rounds: Int = PassphraseHash.defaultRounds) throws {
    var salt = [UInt8](repeating: 0, count: 16)
    var generator = SystemRandomNumberGenerator()
    for index in salt.indices { salt[index] = UInt8.random(in: .min ... .max, using: &generator) }
    algorithm = "scrypt"
    self.rounds = rounds
    blockSize = 8
    parallelism = 1
    self.salt = Data(salt).base64EncodedString()
    hash = try Self.derive(passphrase, salt: Data(salt), rounds: rounds, blockSize: 8, parallelism: 1)
      .base64EncodedString()
  }

  /// Whether `passphrase` is the one hashed; compared in constant time.
  public func matches(_ passphrase: String) -> Bool {
    guard algorithm == "scrypt", let salt = Data(base64Encoded: salt),
      let expected = Data(base64Encoded: hash),
      let derived = try? Self.derive(
        passphrase, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism)
    else { return false }
    guard derived.count == expected.count else { return false }
    var difference: UInt8 = 0
    for (a, b) in zip(derived, expected) { difference |= a ^ b }
    return difference == 0
  }

  private static func derive(
    _ passphrase: String, salt: Data, rounds: Int, blockSize: Int, parallelism: Int
  ) throws -> Data {
    let key = try KDF.Scrypt.deriveKey(
      from: Data(passphrase.precomposedStringWithCanonicalMapping.utf8), salt: salt, outputByteCount: 32,
      rounds: rounds, blockSize: blockSize, parallelism: parallelism)
    return key.withUnsafeBytes { Data($0) }
  }
}

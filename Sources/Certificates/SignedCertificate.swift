import Access
import Foundation

/// A certificate as issued: its facts, their verification code, and the issuing machine's
/// Ed25519 signature over both (and the public key). Kept as JSON beside the printed page
/// (`CODE.json`), inside the page, and in the issuing machine's register.
public struct SignedCertificate: Sendable, Hashable, Codable {
  public var format: String
  public var facts: CertificateFacts
  /// The code as written (checked against the facts, never trusted).
  public var code: String
  /// Base64 of the issuing machine's 32-byte Ed25519 public key.
  public var publicKey: String
  /// Base64 of the Ed25519 signature over ``signedBytes``.
  public var signature: String
}

extension SignedCertificate {
  /// Signs `facts` with `key`.
  public init(facts: CertificateFacts, key: MachineKey) throws {
    self.init(
      format: CertificateFacts.format, facts: facts, code: facts.code.description,
      publicKey: key.publicKeyText,
      signature: "")
    signature = try key.signature(for: signedBytes)
  }

  /// The facts' lines, then the code and the public key: what the signature covers.
  var signedBytes: Data {
    Data((facts.canonicalLines + ["code=\(code)", "publicKey=\(publicKey)"]).joined(separator: "\n").utf8)
  }

  /// What the certificate itself shows, before asking who signed it.
  public enum Integrity: Sendable, Hashable {
    /// The facts give the code written and the signature covers both.
    case sound
    /// Not a certificate of the format papi-train writes.
    case unknownFormat
    /// The code written is not the code of the facts: a fact (name, score, ...) or the code was
    /// changed after issuing.
    case factsDoNotMatchCode
    /// Facts and code agree but the signature is not the key's signature of them: the signature
    /// or the key was changed, or facts and code were made up together.
    case badSignature
  }

  /// Checks the certificate against itself: format, code, signature.
  public var integrity: Integrity {
    guard format == CertificateFacts.format else { return .unknownFormat }
    guard VerificationCode(code) == facts.code, code == facts.code.description else {
      return .factsDoNotMatchCode
    }
    guard SignedMessage.isValid(signature: signature, publicKey: publicKey, for: signedBytes) else {
      return .badSignature
    }
    return .sound
  }

  /// The certificate as the JSON written beside its page: keys sorted, indented.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  /// A certificate read from its JSON; nil when it is not one.
  public static func read(json data: Data) -> SignedCertificate? {
    try? JSONDecoder().decode(SignedCertificate.self, from: data)
  }
}

import Access
import Foundation

/// What checking one certificate found.
public enum CertificateVerdict: Sendable, Hashable {
  /// Who vouches for the key that signed a sound certificate.
  public enum Signer: Sendable, Hashable {
    /// This computer issued it (its own key, not revoked).
    case thisMachine
    /// A machine the province enrolled and has not revoked.
    case enrolled(TrustedMachine)
  }

  /// Sound, signed by a trusted key.
  case valid(SignedCertificate, Signer)
  /// Neither a file nor a code issued here.
  case notFound(String)
  /// A file that holds no certificate (a PDF, another file).
  case notACertificate(String)
  /// The page's text differs from the page of the signed certificate inside it.
  case pageChanged(String, SignedCertificate)
  /// A fact or the code was changed after issuing.
  case factsDoNotMatchCode(SignedCertificate)
  /// The signature does not verify.
  case badSignature(SignedCertificate)
  /// Signed by a key neither this computer's nor enrolled in the province's registry.
  case unknownKey(SignedCertificate)
  /// Signed by a key the province revoked.
  case revokedKey(SignedCertificate, TrustedMachine)

  /// Whether the certificate is to be believed.
  public var isValid: Bool {
    if case .valid = self { return true }
    return false
  }
}

/// Checks certificates offline: a page (`.html`) or its JSON sidecar, or a code from a printed
/// page looked up in this machine's ``CertificateRegister``. A certificate is valid when its facts
/// give its code, its signature is the signing key's, the page (for a page) is exactly the page
/// of those facts, and the key is this computer's own or one the province's ``TrustRegistry``
/// enrolled; a revoked key is refused even when it is this computer's.
public struct CertificateVerifier: Sendable {
  public var register: CertificateRegister
  public var trust: TrustRegistry
  /// This computer's public key, when it has one.
  public var ownKey: String?

  public init(register: CertificateRegister, trust: TrustRegistry, ownKey: String?) {
    self.register = register
    self.trust = trust
    self.ownKey = ownKey
  }

  /// This computer's register, trust registry and key (never made by checking).
  public static func `default`(environment: [String: String]) throws -> CertificateVerifier {
    CertificateVerifier(
      register: .default(environment: environment), trust: .default(environment: environment),
      ownKey: try MachineKey.existing(at: MachineKey.defaultURL(environment: environment))?.publicKeyText)
  }

  /// Checks `subject`: a file when one is there, else a verification code.
  public func verify(_ subject: String) throws -> CertificateVerdict {
    if FileManager.default.fileExists(atPath: subject) { return try verify(fileAtPath: subject) }
    guard let code = VerificationCode(subject), let certificate = try register.certificate(code) else {
      return .notFound(subject)
    }
    return try verify(certificate)
  }

  /// The largest file read as a certificate (a page is about 10 KB).
  static let largestFile = 1 << 20

  /// Checks the page or JSON at `path`. Anything but a regular file of at most 1 MiB (a folder,
  /// a FIFO, a device) is not read at all.
  public func verify(fileAtPath path: String) throws -> CertificateVerdict {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    guard attributes?[.type] as? FileAttributeType == .typeRegular,
      let size = attributes?[.size] as? Int, size <= Self.largestFile
    else { return .notACertificate(path) }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CertificateMessage.unreadable(path)
    }
    let text = String(decoding: data, as: UTF8.self)
    if text.hasPrefix("<!DOCTYPE html>") {
      guard let certificate = CertificatePage.embedded(in: text) else { return .notACertificate(path) }
      let verdict = try verify(certificate)
      guard verdict.isValid else { return verdict }
      return try CertificatePage.html(certificate) == text ? verdict : .pageChanged(path, certificate)
    }
    guard let certificate = SignedCertificate.read(json: data) else { return .notACertificate(path) }
    return try verify(certificate)
  }

  /// Checks a certificate's integrity, then who signed it.
  public func verify(_ certificate: SignedCertificate) throws -> CertificateVerdict {
    switch certificate.integrity {
    case .unknownFormat, .factsDoNotMatchCode: return .factsDoNotMatchCode(certificate)
    case .badSignature: return .badSignature(certificate)
    case .sound: break
    }
    let machine = try trust.machine(withKey: certificate.publicKey)
    if let machine, machine.isRevoked { return .revokedKey(certificate, machine) }
    if certificate.publicKey == ownKey { return .valid(certificate, .thisMachine) }
    guard let machine else { return .unknownKey(certificate) }
    return .valid(certificate, .enrolled(machine))
  }
}

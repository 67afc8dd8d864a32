import Access
import Foundation
import Toolkit
import UserFolders

/// The certificates this machine issued, kept in `$XDG_DATA_HOME/papi-train/certificates.json`
/// (format `papi-train.certificates/1`, written through ``AtomicFile``), so that
/// `papi-train certificate verify CODE` can check a code read off a printed page. Each entry is
/// the signed certificate itself: an entry edited in the file fails its signature like a file
/// would.
public struct CertificateRegister: Sendable {
  let file: VersionedJSONFile<Contents>

  /// The file.
  public var url: URL { file.url }

  public init(url: URL) {
    file = VersionedJSONFile(url: url, format: "papi-train.certificates/1", failure: Self.message)
  }

  /// This computer's register.
  public static func `default`(environment: [String: String]) -> CertificateRegister {
    CertificateRegister(
      url: UserFolder.data.url(environment: environment).appendingPathComponent("certificates.json"))
  }

  struct Contents: Codable {
    var certificates: [SignedCertificate] = []
  }

  /// Every certificate issued here, oldest first.
  public func certificates() throws -> [SignedCertificate] { try file.load()?.certificates ?? [] }

  /// The certificate issued here with `code`, if any.
  public func certificate(_ code: VerificationCode) throws -> SignedCertificate? {
    try certificates().last { VerificationCode($0.code) == code }
  }

  /// Adds `issued`; a certificate with the same code (issued again for the same facts) replaces
  /// the one kept.
  public func record(_ issued: [SignedCertificate]) throws {
    let codes = Set(issued.map(\.code))
    var contents = Contents(certificates: try certificates().filter { !codes.contains($0.code) })
    contents.certificates += issued
    try file.save(contents)
  }

  /// What the user is told when the register cannot be read or written.
  @Sendable static func message(_ failure: VersionedJSONFile<Contents>.Failure) -> any Error {
    switch failure {
    case .unreadable(let path): CertificateMessage.registerUnreadable(path)
    case .damaged(let path): CertificateMessage.registerDamaged(path)
    case .unwritable(let path, let reason): CertificateMessage.unwritable(path, reason)
    }
  }
}

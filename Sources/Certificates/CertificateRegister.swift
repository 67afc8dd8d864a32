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
  public let url: URL

  public init(url: URL) { self.url = url }

  /// This computer's register.
  public static func `default`(environment: [String: String]) -> CertificateRegister {
    CertificateRegister(
      url: UserFolder.data.url(environment: environment).appendingPathComponent("certificates.json"))
  }

  struct Contents: Codable {
    var format = "papi-train.certificates/1"
    var certificates: [SignedCertificate] = []
  }

  /// Every certificate issued here, oldest first.
  public func certificates() throws -> [SignedCertificate] {
    guard FileManager.default.fileExists(atPath: url.path) else { return [] }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw CertificateMessage.registerUnreadable(url.path)
    }
    guard let contents = try? JSONDecoder().decode(Contents.self, from: data),
      contents.format == "papi-train.certificates/1"
    else { throw CertificateMessage.registerDamaged(url.path) }
    return contents.certificates
  }

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
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
      try AtomicFile.write(try encoder.encode(contents), to: url, permissions: 0o600)
    } catch let error as AtomicFile.Failure {
      throw CertificateMessage.unwritable(error.path, error.reason)
    } catch {
      throw CertificateMessage.unwritable(url.path, error.localizedDescription)
    }
  }
}

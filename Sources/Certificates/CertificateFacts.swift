import Crypto
import Foundation
import Localization

/// What a completion certificate states: who passed which class's post-test, when and with what
/// score. A plain value, signed as it is (``SignedCertificate``) and printed from it
/// (``CertificatePage``); every field is text exactly as printed, so what is signed is what is
/// read.
public struct CertificateFacts: Sendable, Hashable, Codable {
  /// The official's name as on the roster.
  public var name: String
  /// The official's stable id.
  public var officialID: String
  /// The official's current position title.
  public var position: LocalizedText
  /// The commune's 5-digit code and its name (`Xã Mường Kim`; the code when the units list does
  /// not know it).
  public var communeCode: String
  public var communeName: String
  /// The class's stable id, its human code (`LC-2612-A`) when it has one, and its title.
  public var classID: String
  public var classCode: String?
  public var classTitle: String
  /// Who taught it.
  public var trainer: String
  /// The course and the post-test passed.
  public var course: LocalizedText
  public var postTest: LocalizedText
  /// The score and the pass mark, as percentages printed (`85.5`, `70`).
  public var score: String
  public var passMark: String
  /// The day the post-test was passed and the day the certificate was issued (`2026-12-03`).
  public var passedOn: String
  public var issuedOn: String
  /// The issuing machine's name.
  public var issuer: String

  public init(
    name: String, officialID: String, position: LocalizedText, communeCode: String, communeName: String,
    classID: String, classCode: String?, classTitle: String, trainer: String, course: LocalizedText,
    postTest: LocalizedText, score: String, passMark: String, passedOn: String, issuedOn: String,
    issuer: String
  ) {
    self.name = name
    self.officialID = officialID
    self.position = position
    self.communeCode = communeCode
    self.communeName = communeName
    self.classID = classID
    self.classCode = classCode
    self.classTitle = classTitle
    self.trainer = trainer
    self.course = course
    self.postTest = postTest
    self.score = score
    self.passMark = passMark
    self.passedOn = passedOn
    self.issuedOn = issuedOn
    self.issuer = issuer
  }

  /// The format every signed certificate names.
  public static let format = "papi-train.certificate/1"

  /// Every fact in a fixed order, as `name=value` lines (a backslash and line breaks escaped):
  /// the bytes the code is made from and, with the code and key, the bytes signed.
  var canonicalLines: [String] {
    let fields: [(String, String)] = [
      ("name", name), ("officialID", officialID), ("position.vi", position.vi),
      ("position.en", position.en ?? ""), ("communeCode", communeCode), ("communeName", communeName),
      ("classID", classID), ("classCode", classCode ?? ""), ("classTitle", classTitle), ("trainer", trainer),
      ("course.vi", course.vi), ("course.en", course.en ?? ""), ("postTest.vi", postTest.vi),
      ("postTest.en", postTest.en ?? ""), ("score", score), ("passMark", passMark), ("passedOn", passedOn),
      ("issuedOn", issuedOn), ("issuer", issuer),
    ]
    return [Self.format] + fields.map { "\($0)=\(Self.escaped($1))" }
  }

  private static func escaped(_ value: String) -> String {
    value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
      .replacingOccurrences(of: "\r", with: "\\r")
  }

  /// The short verification code of these facts (``VerificationCode``).
  public var code: VerificationCode {
    VerificationCode(digest: Array(SHA256.hash(data: Data(canonicalLines.joined(separator: "\n").utf8))))
  }
}

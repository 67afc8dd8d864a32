import Foundation
import Localization
import Units

/// The messages of `papi-train keys` and of the province's trust in a sender, Vietnamese first.
public enum TrustMessage: Error, MessageCatalogue, Hashable {
  case unreadable(String)
  case damaged(String)
  case notAKey(String)
  case unknownKey(String)
  case ambiguous(String)
  case wasRevoked(TrustedMachine)
  case enrolledElsewhere(TrustedMachine)
  case enrolled(TrustedMachine)
  case revokedNow(TrustedMachine)
  case listed(TrustedMachine)
  case noMachines(String)
  /// Why a sender is or is not trusted.
  case verdict(SenderVerdict)

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .unreadable(let path):
      return vi
        ? "không đọc được danh sách máy tin cậy \(path)" : "cannot read the trusted machines file \(path)"
    case .damaged(let path):
      return vi ? "danh sách máy tin cậy \(path) bị hỏng" : "the trusted machines file \(path) is damaged"
    case .notAKey(let what):
      return vi
        ? "\(what): không phải khoá công khai Ed25519 (dòng base64 do papi-train sign --print-key in ra)"
        : "\(what): not an Ed25519 public key (the base64 line papi-train sign --print-key prints)"
    case .unknownKey(let key):
      return vi ? "không có máy nào với khoá \(key)" : "no enrolled machine has the key \(key)"
    case .ambiguous(let key):
      return vi
        ? "nhiều khoá bắt đầu bằng \(key): hãy ghi đầy đủ" : "several keys start with \(key): give more of it"
    case .wasRevoked(let machine):
      return vi
        ? "khoá \(machine.publicKey) đã bị thu hồi lúc \(machine.revokedAt ?? "?"); máy cần khoá mới"
        : "the key \(machine.publicKey) was revoked at \(machine.revokedAt ?? "?"); the machine needs a new key"
    case .enrolledElsewhere(let machine):
      return vi
        ? "khoá \(machine.publicKey) đã được đăng ký cho xã \(machine.commune)"
        : "the key \(machine.publicKey) is already enrolled for commune \(machine.commune)"
    case .enrolled(let machine):
      return vi
        ? "Đã đăng ký khoá \(machine.publicKey) cho xã \(machine.commune)"
        : "Enrolled the key \(machine.publicKey) for commune \(machine.commune)"
    case .revokedNow(let machine):
      return vi
        ? "Đã thu hồi khoá \(machine.publicKey) (xã \(machine.commune)) lúc \(machine.revokedAt ?? "?")"
        : "Revoked the key \(machine.publicKey) (commune \(machine.commune)) at \(machine.revokedAt ?? "?")"
    case .listed(let machine):
      let state =
        machine.revokedAt.map { vi ? "thu hồi \($0)" : "revoked \($0)" } ?? (vi ? "tin cậy" : "trusted")
      return
        "\(machine.commune)  \(machine.publicKey)  \(vi ? "đăng ký" : "enrolled") \(machine.enrolledAt)  \(state)"
    case .noMachines(let path):
      return vi ? "Chưa có máy nào được đăng ký (\(path))" : "No machine is enrolled yet (\(path))"
    case .verdict(let verdict): return Self.text(verdict, vi: vi)
    }
  }

  private static func text(_ verdict: SenderVerdict, vi: Bool) -> String {
    switch verdict {
    case .trusted(let machine):
      return vi
        ? "ký bởi máy tin cậy của xã \(machine.commune) (khoá \(machine.publicKey.prefix(12))…)"
        : "signed by a trusted machine of commune \(machine.commune) (key \(machine.publicKey.prefix(12))…)"
    case .unsigned: return vi ? "chưa ký (không có tệp .sig)" : "unsigned (no .sig file)"
    case .badSignature: return vi ? "chữ ký sai hoặc hỏng" : "a bad or damaged signature"
    case .altered: return vi ? "đã bị thay đổi sau khi ký" : "altered since it was signed"
    case .unknownKey(let key):
      return vi ? "ký bằng khoá chưa đăng ký \(key)" : "signed with a key never enrolled, \(key)"
    case .revoked(let machine):
      return vi
        ? "ký bằng khoá đã thu hồi \(machine.publicKey) (xã \(machine.commune))"
        : "signed with the revoked key \(machine.publicKey) (commune \(machine.commune))"
    case .otherCommune(let machine, let commune):
      return vi
        ? "ký bởi máy của xã \(machine.commune), nhưng chứa kết quả của xã \(commune)"
        : "signed by a machine of commune \(machine.commune) but holds the results of commune \(commune)"
    }
  }

  /// One of every case, for the test that renders every message in both languages.
  public static var samples: [TrustMessage] {
    guard let commune = try? CommuneCode("03637"), let other = try? CommuneCode("03640") else { return [] }
    let key = "b2xkIGtleSBvZiBhIGNvbW11bmUgbGFwdG9wIGtleSE="
    let machine = TrustedMachine(publicKey: key, commune: commune, enrolledAt: "2026-10-01T08:00:00Z")
    var revoked = machine
    revoked.revokedAt = "2026-11-01T08:00:00Z"
    return [
      .unreadable("trusted-machines.json"), .damaged("trusted-machines.json"), .notAKey("may-1.key"),
      .unknownKey("b2xkIGtl"), .ambiguous("b2xkIGtl"), .wasRevoked(revoked), .enrolledElsewhere(machine),
      .enrolled(machine), .revokedNow(revoked), .listed(machine), .listed(revoked),
      .noMachines("trusted-machines.json"), .verdict(.trusted(machine)), .verdict(.unsigned),
      .verdict(.badSignature), .verdict(.altered), .verdict(.unknownKey(key)), .verdict(.revoked(revoked)),
      .verdict(.otherCommune(machine, other)),
    ]
  }
}

import Foundation
import Localization

/// The messages of access, sign and verify, Vietnamese first.
public enum AccessMessage: Error, MessageCatalogue, Hashable {
  case prompt(Role)
  case currentPrompt(Role)
  case newPrompt(Role)
  case repeatPrompt
  case noPassphrase
  case notConfigured(Role)
  case wrong(Int)
  case set(Role, String)
  case status(Role, isSet: Bool)
  case failures(Int)
  case nothingToSign
  case walPending(String)
  case signed(String)
  case verdict(String, FileSignature.Verdict)
  case unsigned(String)
  case missing(String)
  /// Why setting `role`'s passphrase first asks for `authority`'s: someone already trusted on
  /// this computer must agree.
  case whyCurrent(authority: Role, for: Role)

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    let name = { (role: Role) in AccessError.name(role, vi) }
    switch self {
    case .whyCurrent(let authority, let role) where authority == role:
      return vi
        ? "Đổi mật khẩu \(name(role)) cần mật khẩu hiện tại, để không ai khác đổi được."
        : "Changing the \(role.rawValue) passphrase needs the present one, so that nobody else can change it."
    case .whyCurrent(let authority, let role):
      return vi
        ? "Máy này đã có mật khẩu \(name(authority)): đặt mật khẩu \(name(role)) cần người đó đồng ý, nên trước hết hãy nhập mật khẩu \(name(authority))."
        : "This computer already has a \(authority.rawValue) passphrase: setting the \(role.rawValue)'s needs that person's agreement, so first give the \(authority.rawValue) passphrase."
    case .prompt(let role):
      return vi ? "Mật khẩu \(name(role)): " : "\(role.rawValue.capitalized) passphrase: "
    case .currentPrompt(let role):
      return vi ? "Mật khẩu hiện tại của \(name(role)): " : "Current \(role.rawValue) passphrase: "
    case .newPrompt(let role):
      return vi ? "Mật khẩu mới của \(name(role)): " : "New \(role.rawValue) passphrase: "
    case .repeatPrompt: return vi ? "Nhập lại: " : "Again: "
    case .noPassphrase: return vi ? "không có mật khẩu nào được nhập" : "no passphrase was given"
    case .notConfigured(let role):
      return vi
        ? "lệnh này dành cho \(name(role)), nhưng máy này chưa đặt mật khẩu; đặt bằng: papi-train access setup --role \(role == .official ? "trainer" : role.rawValue)"
        : "this command is for a \(role.rawValue), but no passphrase is set on this computer; set one with: papi-train access setup --role \(role == .official ? "trainer" : role.rawValue)"
    case .wrong(let seconds):
      return vi ? "sai mật khẩu; thử lại sau \(seconds) giây" : "wrong passphrase; try again in \(seconds) s"
    case .set(let role, let path):
      return vi
        ? "Đã đặt mật khẩu \(name(role)) (chỉ lưu mã băm, trong \(path))."
        : "The \(role.rawValue) passphrase is set (only a hash is kept, in \(path))."
    case .status(let role, let isSet):
      return vi
        ? "\(name(role)): \(isSet ? "đã đặt mật khẩu" : "chưa có mật khẩu")"
        : "\(role.rawValue): \(isSet ? "passphrase set" : "no passphrase")"
    case .failures(let count):
      return vi ? "\(count) lần nhập sai liên tiếp gần đây" : "\(count) wrong tries in a row lately"
    case .nothingToSign: return vi ? "hãy nêu tệp cần ký" : "name the files to sign"
    case .walPending(let file):
      return vi
        ? "\(file) còn tệp -wal chưa gộp: hãy đóng chương trình đang mở tệp này rồi ký lại"
        : "\(file) has a -wal file not yet merged: close whatever has it open, then sign again"
    case .signed(let file): return vi ? "Đã ký \(file) → \(file).sig" : "Signed \(file) → \(file).sig"
    case .verdict(let file, let verdict):
      switch verdict {
      case .intact(let machine, let signedAt, let key):
        return vi
          ? "\(file): NGUYÊN VẸN, ký trên máy \(machine) lúc \(signedAt), khoá \(key)"
          : "\(file): INTACT, signed on \(machine) at \(signedAt), key \(key)"
      case .altered:
        return vi ? "\(file): ĐÃ BỊ THAY ĐỔI sau khi ký" : "\(file): ALTERED since it was signed"
      case .badSignature:
        return vi ? "\(file): CHỮ KÝ SAI hoặc hỏng (\(file).sig)" : "\(file): BAD SIGNATURE in \(file).sig"
      case .untrusted(let key, let machine):
        return vi
          ? "\(file): nguyên vẹn nhưng KHOÁ KHÔNG ĐƯỢC TIN CẬY (\(key), máy \(machine))"
          : "\(file): intact but signed with an UNTRUSTED key (\(key), machine \(machine))"
      }
    case .unsigned(let file):
      return vi ? "\(file): CHƯA KÝ (không có \(file).sig)" : "\(file): UNSIGNED (no \(file).sig)"
    case .missing(let file): return vi ? "\(file): không có tệp này" : "\(file): no such file"
    }
  }
}

extension AccessMessage {
  /// One of every case, for the test that renders every message in both languages.
  public static let samples: [AccessMessage] =
    Role.allCases.flatMap { role -> [AccessMessage] in
      [
        .prompt(role), .currentPrompt(role), .newPrompt(role), .notConfigured(role),
        .set(role, "/h/access.json"),
        .status(role, isSet: true), .status(role, isSet: false),
      ]
    } + [
      .whyCurrent(authority: .trainer, for: .leader), .whyCurrent(authority: .leader, for: .leader),
      .repeatPrompt, .noPassphrase, .wrong(2), .failures(3), .nothingToSign, .walPending("03637.sqlite"),
      .signed("lop.xlsx"),
      .verdict("lop.xlsx", .intact(machine: "may-1", signedAt: "2026-10-15T08:00:00Z", publicKey: "AAAA")),
      .verdict("lop.xlsx", .altered), .verdict("lop.xlsx", .badSignature),
      .verdict("lop.xlsx", .untrusted(publicKey: "AAAA", machine: "may-1")), .unsigned("lop.xlsx"),
      .missing("lop.xlsx"),
    ]
}

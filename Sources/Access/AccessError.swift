import Localization

/// What can go wrong with passphrases and signatures, said in the user's language.
public enum AccessError: Error, Sendable, Hashable, LocalizedMessage {
  case unreadable(String)
  case damaged(String)
  case unwritable(String, String)
  case notGuarded(Role)
  case tooShort(minimum: Int)
  /// Long enough, but one anybody would guess: why, in words.
  case tooWeak(PassphraseStrength.Weakness)
  case currentNeeded(Role)
  case wrongCurrent(Role)
  case locked(wait: Int)
  case mismatch
  case keyUnreadable(String)

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .unreadable(let path):
      return vi ? "không đọc được tệp quyền truy cập \(path)" : "cannot read the access file \(path)"
    case .damaged(let path):
      return vi
        ? "tệp quyền truy cập \(path) bị hỏng; xoá nó rồi đặt lại mật khẩu (papi-train access setup)"
        : "the access file \(path) is damaged; delete it and set the passphrases again (papi-train access setup)"
    case .unwritable(let path, let details):
      return vi ? "không ghi được \(path): \(details)" : "cannot write \(path): \(details)"
    case .notGuarded(let role):
      return vi
        ? "vai trò \(Self.name(role, vi)) không có mật khẩu" : "the \(role.rawValue) role has no passphrase"
    case .tooShort(let minimum):
      return vi
        ? "mật khẩu cần ít nhất \(minimum) ký tự" : "a passphrase needs at least \(minimum) characters"
    case .tooWeak(let weakness):
      return weakness.text(vi)
    case .currentNeeded(let role):
      return vi
        ? "cần mật khẩu hiện tại của \(Self.name(role, vi)) để đổi (PAPI_PASSPHRASE hoặc nhập khi được hỏi)"
        : "the current \(role.rawValue) passphrase is needed to change it (PAPI_PASSPHRASE, or type it when asked)"
    case .wrongCurrent(let role):
      return vi
        ? "mật khẩu hiện tại của \(Self.name(role, vi)) không đúng"
        : "the current \(role.rawValue) passphrase is wrong"
    case .locked(let wait):
      return vi
        ? "sai mật khẩu nhiều lần; thử lại sau \(wait) giây"
        : "too many wrong passphrases; try again in \(wait) s"
    case .mismatch:
      return vi ? "hai lần nhập không khớp nhau" : "the two entries differ"
    case .keyUnreadable(let path):
      return vi
        ? "khoá ký \(path) không đọc được hoặc hỏng" : "the signing key \(path) cannot be read or is damaged"
    }
  }

  /// The role's name in running text.
  public static func name(_ role: Role, _ vi: Bool) -> String {
    switch role {
    case .official: vi ? "cán bộ" : "official"
    case .trainer: vi ? "giảng viên" : "trainer"
    case .leader: vi ? "lãnh đạo" : "leader"
    }
  }
}

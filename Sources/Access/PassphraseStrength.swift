import Foundation

/// The minimum a trainer's or leader's passphrase must have: at least ``minimumLength``
/// characters, and not one anybody would try first (a common password, one character repeated,
/// a run such as `12345678` or `abcdefgh`, the role's own name).
public enum PassphraseStrength {
  /// The fewest characters a passphrase may have.
  public static let minimumLength = 8

  /// Why a passphrase long enough is still refused.
  public enum Weakness: Sendable, Hashable {
    case common, repeated, sequence, roleName

    func text(_ vi: Bool) -> String {
      switch self {
      case .common:
        vi
          ? "mật khẩu này quá phổ biến, ai cũng đoán được; hãy dùng một câu ngắn dễ nhớ (ví dụ: ba chữ và một số)"
          : "this passphrase is too common to keep anyone out; use a short phrase (three words and a number, say)"
      case .repeated:
        vi
          ? "mật khẩu chỉ lặp lại một hai ký tự; hãy dùng một câu ngắn dễ nhớ"
          : "the passphrase only repeats one or two characters; use a short phrase"
      case .sequence:
        vi
          ? "mật khẩu là một dãy liên tiếp (như 12345678 hoặc abcdefgh); hãy dùng một câu ngắn dễ nhớ"
          : "the passphrase is a run of characters (such as 12345678 or abcdefgh); use a short phrase"
      case .roleName:
        vi
          ? "mật khẩu không được là tên vai trò hay tên chương trình"
          : "the passphrase cannot be the role's or the program's name"
      }
    }
  }

  /// Passwords tried first by anyone (lower case, spaces removed).
  static let common: Set<String> = [
    "password", "password1", "passw0rd", "12345678", "123456789", "1234567890", "87654321", "qwertyui",
    "qwerty123", "iloveyou", "admin123", "abc12345", "abcd1234", "matkhau1", "matkhau123", "11111111",
    "00000000", "88888888", "66668888", "12341234", "changeme", "welcome1", "letmein1", "sunshine",
    "football", "trustno1", "vietnam1", "vietnam123", "hanoi123", "saigon123", "khongbiet",
  ]

  /// Throws ``AccessError/tooShort(minimum:)`` or ``AccessError/tooWeak(_:)`` when `passphrase`
  /// will not do for `role`.
  public static func check(_ passphrase: String, for role: Role) throws {
    guard passphrase.count >= minimumLength else { throw AccessError.tooShort(minimum: minimumLength) }
    if let weakness = weakness(of: passphrase, for: role) { throw AccessError.tooWeak(weakness) }
  }

  /// Why `passphrase` is too easy to guess, if it is.
  public static func weakness(of passphrase: String, for role: Role) -> Weakness? {
    let key = passphrase.lowercased().folding(options: .diacriticInsensitive, locale: nil)
      .filter { !$0.isWhitespace }
    if common.contains(key) { return .common }
    if Set(key).count <= 2 { return .repeated }
    let names = [role.rawValue, "trainer", "leader", "giangvien", "lanhdao", "papitrain", "papi-train"]
    if names.contains(where: { key.hasPrefix($0) && key.count - $0.count <= 4 }) { return .roleName }
    let scalars = key.unicodeScalars.map(\.value)
    let steps = Set(zip(scalars, scalars.dropFirst()).map { Int64($1) - Int64($0) })
    if steps.count == 1, let step = steps.first, abs(step) == 1 { return .sequence }
    return nil
  }
}

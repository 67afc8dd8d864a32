/// Who is at the keyboard. An official sees only their own results; a trainer also sees a class's
/// results, item statistics and exports, and merges; a leader may do everything a trainer may and
/// sees readiness across communes.
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
  case official
  case trainer
  case leader

  /// Whether this role may do what `needed` may.
  public func allows(_ needed: Role) -> Bool { rank >= needed.rank }

  private var rank: Int {
    switch self {
    case .official: 0
    case .trainer: 1
    case .leader: 2
    }
  }

  /// The roles that have passphrases.
  public static let guarded: [Role] = [.trainer, .leader]
}

import Foundation

/// Checks a passphrase against the access file for a command that needs a role, with a growing
/// delay after wrong tries.
///
/// The rule: every wrong passphrase is answered only after a pause of one second, and after the
/// n-th wrong try in a row no try is even checked for 2^(n−1) seconds (at most five minutes). The
/// count is kept in the access file, so quitting and starting again does not reset it; a right
/// passphrase does.
public struct AccessGate: Sendable {
  public enum Decision: Sendable, Hashable {
    /// Allowed, as this role.
    case granted(Role)
    /// The passphrase is wrong; the next try is checked after this many seconds.
    case denied(retryAfter: Int)
    /// Too many wrong tries: nothing is checked for this many seconds more.
    case locked(wait: Int)
    /// No passphrase that allows the role was ever set on this machine.
    case notConfigured(Role)
  }

  public var store: AccessStore
  public var now: @Sendable () -> Date
  public var pause: @Sendable (TimeInterval) -> Void

  public init(
    store: AccessStore, now: @escaping @Sendable () -> Date = Date.init,
    pause: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
  ) {
    self.store = store
    self.now = now
    self.pause = pause
  }

  /// Seconds to wait after the n-th wrong try in a row.
  public static func lockout(afterFailures failures: Int) -> Int {
    guard failures > 0 else { return 0 }
    return min(1 << min(failures - 1, 20), 300)
  }

  /// Checks `passphrase` for a command that needs `role`. With `probeOnly`, only tells whether a
  /// passphrase that allows the role is set (`notConfigured` or `denied(retryAfter: 0)`), without
  /// counting a try.
  public func check(_ passphrase: String, for role: Role, probeOnly: Bool = false) throws -> Decision {
    if probeOnly {
      let contents = try store.load()
      let able = Role.guarded.filter { $0.allows(role) }.contains { contents.hash(for: $0) != nil }
      return able ? .denied(retryAfter: 0) : .notConfigured(role)
    }
    let moment = now()
    let decision = try store.update { contents -> Decision in
      let able = Role.guarded.filter { $0.allows(role) }.compactMap { candidate in
        contents.hash(for: candidate).map { (candidate, $0) }
      }
      guard !able.isEmpty else { return .notConfigured(role) }
      if contents.failures > 0, let last = contents.lastFailure {
        let until = last.addingTimeInterval(TimeInterval(Self.lockout(afterFailures: contents.failures)))
        if moment < until { return .locked(wait: Int(until.timeIntervalSince(moment).rounded(.up))) }
      }
      // The lowest role first: a trainer's passphrase gives trainer rights even where a leader's
      // would also do.
      for (candidate, hash) in able where hash.matches(passphrase) {
        contents.failures = 0
        contents.lastFailure = nil
        return .granted(candidate)
      }
      contents.failures += 1
      contents.lastFailure = moment
      return .denied(retryAfter: Self.lockout(afterFailures: contents.failures))
    }
    if case .denied = decision { pause(1) }
    return decision
  }

  /// Sets the passphrase of `role`. When any passphrase is set already, `current` must be the
  /// leader's (or, with no leader passphrase, the present passphrase of `role`).
  public func setPassphrase(_ passphrase: String, for role: Role, current: String?) throws {
    guard Role.guarded.contains(role) else { throw AccessError.notGuarded(role) }
    try PassphraseStrength.check(passphrase, for: role)
    if let authority = try authorityForChange(of: role) {
      guard let current else { throw AccessError.currentNeeded(authority) }
      switch try check(current, for: authority) {
      case .granted: break
      case .denied, .notConfigured: throw AccessError.wrongCurrent(authority)
      case .locked(let wait): throw AccessError.locked(wait: wait)
      }
    }
    let hash = try PassphraseHash(passphrase: passphrase)
    try store.update { $0.passphrases[role.rawValue] = hash }
  }

  /// Whose present passphrase setting one for `role` asks for: the leader's when set, else the
  /// role's own, else the trainer's; nil on a machine with no passphrase yet.
  public func authorityForChange(of role: Role) throws -> Role? {
    let existing = try store.load()
    guard !existing.passphrases.isEmpty else { return nil }
    if existing.hash(for: .leader) != nil { return .leader }
    return existing.hash(for: role) != nil ? role : .trainer
  }
}

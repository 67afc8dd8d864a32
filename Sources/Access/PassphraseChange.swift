import Localization

extension AccessGate {
  /// Sets or changes `role`'s passphrase, as `papi-train access setup` asks for it: when one is
  /// already set, first the passphrase of the role that may change it (`explain` says which and
  /// why; `ask` reads an answer to a prompt, without echo on a terminal), then the new one twice.
  /// Returns the message that says where it is stored; throws when an answer is missing, the two
  /// new ones differ or the current one is wrong.
  public func changePassphrase(
    of role: Role, language: Language, explain: (String) -> Void, ask: (String) -> String?
  ) throws -> AccessMessage {
    var current: String?
    if let authority = try authorityForChange(of: role) {
      explain(AccessMessage.whyCurrent(authority: authority, for: role).text(in: language))
      current = ask(AccessMessage.currentPrompt(authority).text(in: language))
    }
    guard let first = ask(AccessMessage.newPrompt(role).text(in: language)),
      let second = ask(AccessMessage.repeatPrompt.text(in: language))
    else { throw AccessMessage.noPassphrase }
    guard first == second else { throw AccessError.mismatch }
    try setPassphrase(first, for: role, current: current)
    return .set(role, store.url.path)
  }

  /// What `papi-train access status` says: whether each guarded role has a passphrase, and how
  /// many wrong tries in a row there have been, when any.
  public func status() throws -> [AccessMessage] {
    let contents = try store.load()
    return Role.guarded.map { AccessMessage.status($0, isSet: contents.hash(for: $0) != nil) }
      + (contents.failures > 0 ? [.failures(contents.failures)] : [])
  }
}

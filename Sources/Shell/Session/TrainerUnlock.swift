import Localization

/// The outcome of checking a trainer passphrase; the messages are the checker's, in the
/// session's language.
public enum TrainerCheck: Sendable {
  case granted
  case denied(String)
  case notConfigured(String)
}

/// Whether the trainer passphrase was given during one official's sign-in: asked once, by the
/// registry, before the first command that needs it.
final class TrainerUnlock {
  private let check: ((String, Language) -> TrainerCheck)?
  private(set) var isUnlocked = false

  init(check: ((String, Language) -> TrainerCheck)?) {
    self.check = check
  }

  /// True when already unlocked or when the passphrase asked now is right.
  func unlock(through console: Console) -> Bool {
    if isUnlocked { return true }
    guard let check else {
      console.say(InsightText.trainerUnavailable)
      return false
    }
    guard
      case .line(let passphrase) = console.reader.readSecret(
        prompt: console.text(InsightText.passphrasePrompt))
    else { return false }
    switch check(passphrase, console.language) {
    case .granted:
      isUnlocked = true
      return true
    case .denied(let message), .notConfigured(let message):
      console.line(console.style.red(message))
      return false
    }
  }
}

import Foundation
import Gradebook
import Localization
import Units

/// The outcome of checking a trainer passphrase; the messages are the checker's, in the
/// session's language.
public enum TrainerCheck: Sendable {
  case granted
  case denied(String)
  case notConfigured(String)
}

/// How the shell lets a trainer in: whether this computer has a trainer passphrase, the check of
/// one, and how long a trainer session may sit unused before it locks.
public struct TrainerAccess {
  /// Whether a trainer passphrase was set on this computer (asked before the passphrase is).
  public var isConfigured: () -> Bool
  /// Checks a passphrase given.
  public var check: (String, Language) -> TrainerCheck
  /// Seconds without a command after which the session locks (10 minutes unless set).
  public var idleLimit: TimeInterval

  public init(
    isConfigured: @escaping () -> Bool, check: @escaping (String, Language) -> TrainerCheck,
    idleLimit: TimeInterval = 600
  ) {
    self.isConfigured = isConfigured
    self.check = check
    self.idleLimit = idleLimit
  }

  /// The idle limit, in minutes, as the trainer is told it.
  var idleMinutes: String {
    let minutes = idleLimit / 60
    return minutes == minutes.rounded() ? String(Int(minutes)) : String(format: "%.1f", minutes)
  }

  /// Asks for the passphrase (the computer must have one) and says why when it is refused.
  func admit(through console: Console) -> Bool {
    guard isConfigured() else {
      console.say(ClassSessionText.trainerNotConfigured)
      return false
    }
    guard
      case .line(let passphrase) = console.reader.readSecret(
        prompt: console.text(InsightText.passphrasePrompt))
    else { return false }
    switch check(passphrase, console.language) {
    case .granted: return true
    case .denied(let message), .notConfigured(let message):
      console.line(console.style.red(message))
      return false
    }
  }
}

/// A trainer signed in at the first prompt: the commune whose results they look at, their name
/// for the record of roster changes, and when they last did something. Trainer views (`class`,
/// `items`, `roster` changes) run only in such a session; an official's session never has one.
final class TrainerSession {
  let name: String
  let commune: CommuneEntry
  let store: any ResultsStore
  private let access: TrainerAccess
  private var lastActivity: Date

  init(name: String, commune: CommuneEntry, store: any ResultsStore, access: TrainerAccess, now: Date) {
    self.name = name
    self.commune = commune
    self.store = store
    self.access = access
    self.lastActivity = now
  }

  var idleMinutes: String { access.idleMinutes }

  /// Whether the session goes on at `now`: after the idle limit it is locked, and only the
  /// passphrase given again opens it.
  func stillOpen(at now: Date, console: Console) -> Bool {
    defer { lastActivity = now }
    guard now.timeIntervalSince(lastActivity) > access.idleLimit else { return true }
    console.say(ClassSessionText.lockedAfterIdle(minutes: access.idleMinutes))
    return access.admit(through: console)
  }

  /// Notes that a command just ended (its own time does not count as idle).
  func touch(at now: Date) { lastActivity = now }
}

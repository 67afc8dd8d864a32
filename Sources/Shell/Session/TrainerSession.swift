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
  /// Where the trainer's views find classes: the class the shell was started for, a class by
  /// its code, and each commune's results.
  let classes: TrainerClasses
  private let access: TrainerAccess
  private var lastActivity: Date

  init(
    name: String, commune: CommuneEntry, store: any ResultsStore, access: TrainerAccess, now: Date,
    classes: TrainerClasses = TrainerClasses()
  ) {
    self.name = name
    self.commune = commune
    self.store = store
    self.access = access
    self.lastActivity = now
    self.classes = classes
  }

  var idleMinutes: String { access.idleMinutes }

  /// How long the session's prompts wait for a key before it locks.
  var idleLimit: TimeInterval { access.idleLimit }

  /// Whether the session goes on at `now`: after the idle limit it is locked, and only the
  /// passphrase given again opens it. (The prompts lock it on a timer; this catches a clock
  /// that moved on while no prompt was waiting.)
  func stillOpen(at now: Date, console: Console) -> Bool {
    defer { lastActivity = now }
    guard now.timeIntervalSince(lastActivity) > access.idleLimit else { return true }
    return unlocked(through: console)
  }

  /// Locks the session: the screen cleared (nothing of what it showed stays for the next
  /// person), then the passphrase asked again; whether it was given.
  func unlocked(through console: Console) -> Bool {
    console.clearScreen()
    console.say(ClassSessionText.lockedAfterIdle(minutes: access.idleMinutes))
    return access.admit(through: console)
  }

  /// Notes that a command just ended (its own time does not count as idle).
  func touch(at now: Date) { lastActivity = now }
}

/// The classes a trainer's session can look at: the one the shell was started for (`--class`),
/// any other by its code, and the results of each of their communes.
struct TrainerClasses {
  /// The class given with `--class`, if any.
  var given: TrainingClass?
  /// Finds a class by its code (`LC-2612-A`) or id; nil when classes cannot be read here.
  var find: ((String) throws -> TrainingClass)?
  /// A commune's results by its code; nil for a commune the units list does not know.
  var openCommune: (CommuneCode) throws -> (any ResultsStore)? = { _ in nil }

  /// Every attempt made in `trainingClass`, commune by commune in the class's order.
  func attempts(in trainingClass: TrainingClass) throws -> [Attempt] {
    var found: [Attempt] = []
    for code in trainingClass.communeCodes {
      guard let store = try openCommune(code) else { continue }
      found += try store.communeAttempts().filter { $0.classID == trainingClass.id }
    }
    return found
  }
}

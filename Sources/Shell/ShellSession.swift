import Assessment
import Curriculum
import Foundation
import Gradebook
import Localization
import TerminalUI
import Units
import VietnameseText

/// One run of the interactive shell: an official identifies (commune, then name), then reads
/// lessons, takes quizzes and reviews, until they quit or hand the computer to the next person.
///
/// The session holds who is signed in and the console it talks through (reader, output, language,
/// terminal); what each command does is in its own type under Commands/, found through
/// ``CommandRegistry``. Every answer goes to the ``ResultsStore`` of the official's commune as it
/// is given. Time and randomness are injected, so tests are repeatable.
public final class ShellSession {
  /// How a session is set up.
  public struct Configuration {
    public var library: CourseLibrary
    public var communes: [CommuneEntry]
    /// Opens the results of a commune; called once the official has picked it.
    public var openStore: (CommuneEntry) throws -> any ResultsStore
    public var language: Language
    public var terminal: Terminal
    /// The commune (code or name) and official name given on the command line, if any.
    public var commune: String?
    public var official: String?
    public var now: () -> Date
    public var makeSeed: () -> UInt64
    /// How a trainer signs in at the first prompt; without it there is no trainer session.
    public var trainerAccess: TrainerAccess?
    /// The class given with `--class`: officials of its communes join it once identified.
    public var trainingClass: TrainingClass?
    /// The lines `class CODE` shows a trainer (the class and its roll), when classes can be read.
    public var classLines: ((String, Language, Int) throws -> [String])?
    /// Finds a class by its code or id (for the trainer's `items CODE`), when classes can be read.
    public var findClass: ((String) throws -> TrainingClass)?

    public init(
      library: CourseLibrary, communes: [CommuneEntry],
      openStore: @escaping (CommuneEntry) throws -> any ResultsStore,
      language: Language, terminal: Terminal, commune: String? = nil, official: String? = nil,
      now: @escaping () -> Date = Date.init,
      makeSeed: @escaping () -> UInt64 = { UInt64.random(in: .min ... .max) },
      checkTrainerPassphrase: ((String, Language) -> TrainerCheck)? = nil,
      trainerConfigured: @escaping () -> Bool = { true }, trainerIdleLimit: TimeInterval = 600
    ) {
      self.trainerAccess = checkTrainerPassphrase.map {
        TrainerAccess(isConfigured: trainerConfigured, check: $0, idleLimit: trainerIdleLimit)
      }
      self.library = library
      self.communes = communes
      self.openStore = openStore
      self.language = language
      self.terminal = terminal
      self.commune = commune
      self.official = official
      self.now = now
      self.makeSeed = makeSeed
    }
  }

  let configuration: Configuration
  let console: Console
  /// Who is signed in, between identification and `switch` or the end.
  private(set) var signedIn: SignedIn?

  var library: CourseLibrary { configuration.library }

  public init(configuration: Configuration, reader: any LineReader, output: any OutputSink) {
    self.configuration = configuration
    self.console = Console(
      reader: reader, output: output, terminal: configuration.terminal, language: configuration.language)
  }

  /// Runs the session to its end and returns the exit status: 0 when the user leaves normally.
  public func run() -> Int32 {
    console.say(SessionText.banner)
    var presetCommune = configuration.commune
    var presetOfficial = configuration.official
    defer { console.reader.saveHistory() }
    while true {
      guard let context = signIn(commune: presetCommune, official: presetOfficial) else {
        console.say(SessionText.goodbye)
        return 0
      }
      presetCommune = nil
      presetOfficial = nil
      let outcome = commandLoop(context)
      self.signedIn = nil
      if context.trainer != nil { console.say(ClassSessionText.sessionEnded) }
      if outcome == .quit {
        // A trainer's session saved no results of theirs: no "your results are saved".
        if context.trainer == nil {
          console.say(SessionText.goodbye)
        } else {
          console.say(ClassSessionText.goodbye)
        }
        return 0
      }
    }
  }

  /// The context of the next session: an official identified (and in their class), or a
  /// trainer signed in; nil when input ends.
  private func signIn(commune: String?, official: String?) -> CommandContext? {
    let identification = Identification(
      console: console, communes: configuration.communes, library: library, openStore: configuration.openStore
    )
    var communePreset = commune
    var officialPreset = official
    while true {
      let prompt =
        configuration.trainerAccess == nil ? nil : console.text(ClassSessionText.askCommuneOrTrainer)
      switch identification.commune(
        preset: communePreset, prompt: prompt, trainerWord: configuration.trainerAccess != nil)
      {
      case nil: return nil
      case .trainer?:
        communePreset = nil
        if let trainer = trainerSignIn(identification) { return makeContext(signedIn: nil, trainer: trainer) }
      case .commune(let entry, let store)?:
        switch identification.nameOutcome(in: store, preset: officialPreset) {
        case .endOfInput: return nil
        case .back:
          communePreset = nil
          officialPreset = nil
        case .official(let record):
          var signedIn = SignedIn(commune: entry, store: store, official: record)
          let context = makeContext(signedIn: nil, trainer: nil)
          context.welcome(signedIn)
          signedIn.trainingClass = ClassJoining(console: console, now: configuration.now)
            .join(signedIn, given: configuration.trainingClass)
          self.signedIn = signedIn
          return makeContext(signedIn: signedIn, trainer: nil)
        }
      }
    }
  }

  private func makeContext(signedIn: SignedIn?, trainer: TrainerSession?) -> CommandContext {
    CommandContext(
      console: console, library: library, now: configuration.now, makeSeed: configuration.makeSeed,
      signedIn: signedIn, trainer: trainer, classLines: configuration.classLines)
  }

  /// A trainer at the first prompt: the passphrase (once the computer is known to have one),
  /// their name for the record, and the commune to look at; nil when any of it fails.
  private func trainerSignIn(_ identification: Identification) -> TrainerSession? {
    guard let access = configuration.trainerAccess, access.admit(through: console) else { return nil }
    guard case .line(let typed) = console.ask(console.text(ClassSessionText.askTrainerName)) else {
      return nil
    }
    let name = typed.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard
      case .commune(let entry, let store)? = identification.commune(
        preset: nil, prompt: console.text(ClassSessionText.askTrainerCommune))
    else { return nil }
    let setup = configuration
    let classes = TrainerClasses(
      given: setup.trainingClass, find: setup.findClass,
      openCommune: { code in
        // The commune signed in to is open already; another is opened as a file to read.
        if code == entry.code { return store }
        return try setup.communes.first { $0.code == code }.map(setup.openStore)
      })
    let session = TrainerSession(
      name: name.isEmpty ? "?" : name, commune: entry, store: store, access: access, now: configuration.now(),
      classes: classes)
    console.say(
      ClassSessionText.trainerWelcome(
        name: session.name, commune: entry.fullName, minutes: session.idleMinutes))
    return session
  }

  /// Reads and runs commands until `quit`, `switch` or the end of input; a trainer session that
  /// sat unused past its limit asks for the passphrase again, and ends without it.
  ///
  /// In a trainer session every prompt waits at most the idle limit: when it passes, the
  /// session locks then and there (at the command prompt, or when the command whose prompt gave
  /// up returns), not at the next key.
  private func commandLoop(_ context: CommandContext) -> CommandOutcome {
    let completion = CommandRegistry.completion(library: library, in: context)
    let prompt =
      context.trainer == nil ? console.text(SessionText.prompt) : console.text(ClassSessionText.trainerPrompt)
    console.idleLimit = context.trainer?.idleLimit
    defer {
      console.idleLimit = nil
      _ = console.takeIdle()
    }
    while true {
      let text: String
      switch console.ask(prompt, completion: completion, remember: true) {
      case .endOfInput: return .quit
      case .interrupt:
        console.say(SessionText.interruptHint)
        continue
      case .idle:
        guard lockedAndReopened(context) else { return .switchUser }
        continue
      case .line(let typed): text = typed.trimmingCharacters(in: .whitespaces)
      }
      if let trainer = context.trainer, !trainer.stillOpen(at: configuration.now(), console: console) {
        return .switchUser
      }
      let outcome = CommandRegistry.run(text, in: context)
      if console.takeIdle(), !lockedAndReopened(context) { return .switchUser }
      context.trainer?.touch(at: configuration.now())
      if outcome != .proceed { return outcome }
    }
  }

  /// A trainer session whose prompt waited past the idle limit, locked: whether the passphrase
  /// opened it again.
  private func lockedAndReopened(_ context: CommandContext) -> Bool {
    _ = console.takeIdle()
    guard let trainer = context.trainer, trainer.unlocked(through: console) else { return false }
    trainer.touch(at: configuration.now())
    return true
  }
}

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
    /// Checks the trainer passphrase for `class` and `items`; without it those commands refuse.
    public var checkTrainerPassphrase: ((String, Language) -> TrainerCheck)?

    public init(
      library: CourseLibrary, communes: [CommuneEntry],
      openStore: @escaping (CommuneEntry) throws -> any ResultsStore,
      language: Language, terminal: Terminal, commune: String? = nil, official: String? = nil,
      now: @escaping () -> Date = Date.init,
      makeSeed: @escaping () -> UInt64 = { UInt64.random(in: .min ... .max) },
      checkTrainerPassphrase: ((String, Language) -> TrainerCheck)? = nil
    ) {
      self.checkTrainerPassphrase = checkTrainerPassphrase
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
      guard let signedIn = identify(commune: presetCommune, official: presetOfficial) else {
        console.say(SessionText.goodbye)
        return 0
      }
      presetCommune = nil
      presetOfficial = nil
      self.signedIn = signedIn
      let context = CommandContext(
        console: console, library: library, now: configuration.now, makeSeed: configuration.makeSeed,
        signedIn: signedIn)
      context.welcome(signedIn)
      let outcome = commandLoop(context)
      self.signedIn = nil
      if outcome == .quit {
        console.say(SessionText.goodbye)
        return 0
      }
    }
  }

  /// Asks who is at the keyboard; nil when input ends first.
  private func identify(commune: String?, official: String?) -> SignedIn? {
    let identification = Identification(
      console: console, communes: configuration.communes, library: library, openStore: configuration.openStore
    )
    var communePreset = commune
    var officialPreset = official
    while true {
      guard let (commune, store) = identification.commune(preset: communePreset) else { return nil }
      switch identification.nameOutcome(in: store, preset: officialPreset) {
      case .endOfInput: return nil
      case .back:
        communePreset = nil
        officialPreset = nil
      case .official(let record):
        return SignedIn(
          commune: commune, store: store, official: record,
          trainer: TrainerUnlock(check: configuration.checkTrainerPassphrase))
      }
    }
  }

  /// Reads and runs commands until `quit`, `switch` or the end of input.
  private func commandLoop(_ context: CommandContext) -> CommandOutcome {
    let completion = CommandRegistry.completion(library: library)
    while true {
      let text: String
      switch console.ask(console.text(SessionText.prompt), completion: completion, remember: true) {
      case .endOfInput: return .quit
      case .interrupt:
        console.say(SessionText.interruptHint)
        continue
      case .line(let typed): text = typed.trimmingCharacters(in: .whitespaces)
      }
      let outcome = CommandRegistry.run(text, in: context)
      if outcome != .proceed { return outcome }
    }
  }
}

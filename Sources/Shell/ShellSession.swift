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
/// The session holds no storage of its own: every answer goes to the ``ResultsStore`` of the
/// official's commune as it is given. Time and randomness are injected, so tests are repeatable.
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

  enum Outcome {
    case quit, switchUser
  }

  let configuration: Configuration
  let reader: any LineReader
  let output: any OutputSink
  var language: Language
  var style: Style

  var commune: CommuneEntry?
  var store: (any ResultsStore)?
  var official: Official? {
    didSet { isTrainer = false }
  }
  /// Whether the trainer passphrase was given since this official signed in.
  var isTrainer = false

  var library: CourseLibrary { configuration.library }
  var taxonomy: Taxonomy { configuration.library.taxonomy }

  public init(configuration: Configuration, reader: any LineReader, output: any OutputSink) {
    self.configuration = configuration
    self.reader = reader
    self.output = output
    self.language = configuration.language
    self.style = Style(enabled: configuration.terminal.usesColor)
  }

  /// Runs the session to its end and returns the exit status: 0 when the user leaves normally.
  public func run() -> Int32 {
    say(.banner)
    var presetCommune = configuration.commune
    var presetOfficial = configuration.official
    defer { reader.saveHistory() }
    while true {
      guard identifyCommune(preset: presetCommune), identifyOfficial(preset: presetOfficial) else {
        say(.goodbye)
        return 0
      }
      presetCommune = nil
      presetOfficial = nil
      switch commandLoop() {
      case .quit:
        say(.goodbye)
        return 0
      case .switchUser:
        (commune, store, official) = (nil, nil, nil)
      }
    }
  }

  // MARK: output

  func say(_ message: ShellText) {
    output.write(message.text(in: language) + "\n")
  }

  func line(_ text: String = "") {
    output.write(text + "\n")
  }

  func wrapped(_ text: String, indent: String = "") -> [String] {
    MarkdownRenderer(width: configuration.terminal.width, style: style)
      .wrap(text, firstPrefix: indent, restPrefix: indent)
  }

  // MARK: input

  func ask(_ prompt: String, completion: Completion? = nil, remember: Bool = false) -> LineInput {
    reader.readLine(prompt: prompt, completion: completion, remember: remember)
  }

  /// Asks a yes/no question until answered; nil on end of input or Ctrl-C.
  func askYesNo(_ prompt: ShellText) -> Bool? {
    while true {
      guard case .line(let text) = ask(prompt.text(in: language)) else { return nil }
      switch text.matchKey(foldingDiacritics: true) {
      case "c", "co", "y", "yes", "d", "dong y": return true
      case "k", "khong", "n", "no": return false
      default: say(.yesNo)
      }
    }
  }

  /// Asks for a number from 1 to `count`; nil on end of input or Ctrl-C.
  func askNumber(_ prompt: ShellText, count: Int) -> Int? {
    while true {
      guard case .line(let text) = ask(prompt.text(in: language)) else { return nil }
      if let number = Int(text.trimmingCharacters(in: .whitespaces)), (1...count).contains(number) {
        return number - 1
      }
      say(.pickNumber(count))
    }
  }

  // MARK: identification

  private func identifyCommune(preset: String?) -> Bool {
    var preset = preset
    while true {
      let text: String
      if let given = preset {
        text = given
        preset = nil
      } else {
        switch ask(ShellText.askCommune.text(in: language), completion: communeCompletion) {
        case .endOfInput: return false
        case .interrupt: continue
        case .line(let typed): text = typed.trimmingCharacters(in: .whitespaces)
        }
      }
      guard !text.isEmpty else { continue }
      let matches = communeMatches(text)
      if matches.isEmpty {
        say(.noCommune(text, suggestion: closestMatch(to: text, in: configuration.communes.map(\.name))))
        continue
      }
      if matches.count > 1 {
        say(.severalCommunes)
        for entry in matches.prefix(12) { line("  \(entry.code)  \(entry.fullName)") }
        continue
      }
      do {
        store = try configuration.openStore(matches[0])
        commune = matches[0]
        say(.communeChosen(matches[0].fullName))
        return true
      } catch {
        say(.cannotOpenResults(reason(error)))
      }
    }
  }

  func communeMatches(_ text: String) -> [CommuneEntry] {
    let communes = configuration.communes
    if let byCode = communes.first(where: { $0.code.rawValue == text }) { return [byCode] }
    let key = text.matchKey(foldingDiacritics: true)
    let exact = communes.filter {
      $0.name.matchKey(foldingDiacritics: true) == key || $0.fullName.matchKey(foldingDiacritics: true) == key
    }
    if !exact.isEmpty { return exact }
    return communes.filter {
      $0.fullName.matchKey(foldingDiacritics: true).contains(key)
    }
  }

  private var communeCompletion: Completion {
    let communes = configuration.communes
    return Completion(wholeLine: true) { _, word in
      let key = word.matchKey(foldingDiacritics: true)
      let duplicated = Dictionary(grouping: communes, by: \.name).filter { $0.value.count > 1 }
      return communes.filter {
        $0.code.rawValue.hasPrefix(word) || $0.name.matchKey(foldingDiacritics: true).contains(key)
      }.map { duplicated[$0.name] == nil ? $0.name : $0.fullName }
    }
  }

  private func identifyOfficial(preset: String?) -> Bool {
    guard let store else { return false }
    var preset = preset
    while true {
      let roster = (try? store.officials()) ?? []
      let name: String
      if let given = preset {
        name = given.nfc
        preset = nil
      } else {
        let names = roster.map(\.name)
        let completion = Completion(wholeLine: true) { _, word in
          let key = word.matchKey(foldingDiacritics: true)
          return Array(Set(names.filter { $0.matchKey(foldingDiacritics: true).contains(key) })).sorted()
        }
        switch ask(ShellText.askName.text(in: language), completion: completion) {
        case .endOfInput: return false
        case .interrupt: continue
        case .line(let typed):
          name = typed.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
      }
      guard !name.isEmpty else { continue }
      let key = name.matchKey(foldingDiacritics: true)
      let matches = roster.filter { $0.name.matchKey(foldingDiacritics: true) == key }
      if matches.count == 1 {
        return signIn(matches[0])
      }
      if matches.count > 1 {
        say(.severalOfficials)
        for (index, match) in matches.enumerated() {
          line("  \(index + 1). \(match.name): \(positionName(match.position))")
        }
        guard let index = askNumber(.askPosition, count: matches.count) else { return false }
        return signIn(matches[index])
      }
      say(.nameNotOnRoster(name))
      guard let register = askYesNo(.askRegister) else { return false }
      guard register else { continue }
      let positions = library.positions
      for (index, position) in positions.enumerated() {
        line("  \(index + 1). \(position.name.text(in: language))")
      }
      guard let index = askNumber(.askPosition, count: positions.count) else { return false }
      do {
        return signIn(try store.register(name: name, position: positions[index].id))
      } catch {
        say(.cannotOpenResults(reason(error)))
      }
    }
  }

  private func signIn(_ record: Official) -> Bool {
    official = record
    say(.welcome(record.name, position: positionName(record.position)))
    if let due = try? reviewDueCount(), due > 0 { say(.reviewDue(due)) }
    return true
  }

  func positionName(_ id: String) -> String {
    library.positions.first { $0.id == id }?.name.text(in: language) ?? id
  }

  // MARK: commands

  private func commandLoop() -> Outcome {
    while true {
      let input = ask(ShellText.prompt.text(in: language), completion: commandCompletion, remember: true)
      let text: String
      switch input {
      case .endOfInput: return .quit
      case .interrupt:
        say(.interruptHint)
        continue
      case .line(let typed): text = typed.trimmingCharacters(in: .whitespaces)
      }
      let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
      guard let first = words.first else { continue }
      guard let command = Command.named(first) else {
        say(.unknownCommand(first, suggestion: closestMatch(to: first, in: Command.allNames)))
        continue
      }
      let argument = words.dropFirst().joined(separator: " ")
      switch command.name {
      case "quit": return .quit
      case "switch": return .switchUser
      default: perform(command, argument: argument)
      }
    }
  }

  private func perform(_ command: Command, argument: String) {
    switch command.name {
    case "help": showHelp(argument)
    case "courses": showCourses()
    case "course": showCourse(argument, usage: command.usage)
    case "read": readLesson(argument, usage: command.usage)
    case "quiz": startQuiz(argument, usage: command.usage)
    case "review": startReview(argument)
    case "progress": showProgress()
    case "weak": showWeakAreas()
    case "class": showClass()
    case "items": showItems(argument)
    case "whoami":
      if let official, let commune {
        say(
          .whoami(name: official.name, position: positionName(official.position), commune: commune.fullName))
      }
    case "lang":
      switch argument.lowercased() {
      case "en": language = .english
      case "vi": language = .vietnamese
      default:
        say(.usage(command.usage))
        return
      }
      say(.languageSet)
    default: break
    }
  }

  private var commandCompletion: Completion {
    let library = self.library
    return Completion { before, word in
      let words = before.split(whereSeparator: \.isWhitespace)
      guard let first = words.first else {
        return Command.all.map(\.name).filter { $0.hasPrefix(word.lowercased()) }
      }
      guard words.count == 1, let command = Command.named(String(first)) else { return [] }
      let choices: [(id: String, title: String)]
      switch command.argument {
      case .none: return []
      case .command: return Command.all.map(\.name).filter { $0.hasPrefix(word.lowercased()) }
      case .language: return ["en", "vi"].filter { $0.hasPrefix(word) }
      case .course, .optionalCourse: choices = library.courses.map { ($0.id, $0.title.vi) }
      case .lesson: choices = library.courses.flatMap(\.lessons).map { ($0.id, $0.title.vi) }
      case .quiz, .optionalQuiz: choices = library.courses.flatMap(\.quizzes).map { ($0.id, $0.title.vi) }
      }
      let byID = choices.filter { $0.id.hasPrefix(word.lowercased()) }.map(\.id)
      if !byID.isEmpty || word.isEmpty { return byID }
      // "quan tri" finds "Quản trị" in a title and offers that lesson's id.
      let key = word.matchKey(foldingDiacritics: true)
      return choices.filter { $0.title.matchKey(foldingDiacritics: true).contains(key) }.map(\.id)
    }
  }
}

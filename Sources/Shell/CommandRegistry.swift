import Curriculum
import VietnameseText

/// Every command of the shell, and what follows from their declarations: lookup by any name,
/// "did you mean", Tab completion and dispatch.
enum CommandRegistry {
  /// The commands in the order `help` lists them (``ShellCommand/helpOrder``, then name): every
  /// type in Commands/ that conforms to ``ShellCommand``, as the ShellCommandList build plugin
  /// found them (`declaredCommands`, generated).
  static var commands: [any ShellCommand.Type] {
    declaredCommands.sorted { ($0.helpOrder, $0.name) < ($1.helpOrder, $1.name) }
  }

  /// What is typed to call a command by `name`: without diacritics, hyphens or spaces, lower case
  /// (so `khoá học`, `khoa-hoc` and `khoahoc` are one key).
  static func key(_ name: String) -> String {
    name.matchKey(foldingDiacritics: true).replacingOccurrences(of: "-", with: "")
      .replacingOccurrences(of: " ", with: "")
  }

  /// The longest command name a command line starts with (up to three words, `khoá học` before
  /// `khoá`), with the rest of the line as its argument.
  static func command(in words: [String]) -> (command: any ShellCommand.Type, argument: String)? {
    for count in stride(from: min(3, words.count), through: 1, by: -1) {
      if let command = named(words.prefix(count).joined(separator: " ")) {
        return (command, words.dropFirst(count).joined(separator: " "))
      }
    }
    return nil
  }

  /// Every name and alias as written, for "did you mean".
  static var allNames: [String] { commands.flatMap { [$0.name] + $0.aliases } }

  /// Every way to type `command`: its name, then its aliases as typed.
  static func keys(of command: any ShellCommand.Type) -> [String] {
    [command.name] + command.aliases.map(key)
  }

  /// The command called `word` by its name or an alias, ignoring case, diacritics and hyphens.
  static func named(_ word: String) -> (any ShellCommand.Type)? {
    let typed = key(word)
    return commands.first { keys(of: $0).contains(typed) }
  }

  static var allKeys: [String] { commands.flatMap(keys) }

  /// Runs the command `text` starts with; an unknown one gets a "did you mean".
  static func run(_ text: String, in context: CommandContext) -> CommandOutcome {
    let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    guard let first = words.first else { return .proceed }
    guard let (command, argument) = command(in: words) else {
      let two = words.prefix(2).joined(separator: " ")
      if words.count > 1, let suggestion = closestMatch(to: two, in: allNames) {
        context.say(ShellText.unknownCommand(two, suggestion: suggestion))
      } else {
        context.say(ShellText.unknownCommand(first, suggestion: closestMatch(to: first, in: allNames)))
      }
      return .proceed
    }
    guard allowed(command, in: context) else { return .proceed }
    return command.run(argument, in: context)
  }

  /// Whether what `command` needs is there, without saying anything.
  static func isAvailable(_ command: any ShellCommand.Type, in context: CommandContext) -> Bool {
    !(command.needs.contains(.trainer) && context.trainer == nil)
      && !(command.needs.contains(.official) && context.signedIn == nil)
  }

  /// The commands that run in `context`, in help order: a trainer's session has its views and
  /// no official's commands, an official's session the reverse.
  static func commands(in context: CommandContext) -> [any ShellCommand.Type] {
    commands.filter { isAvailable($0, in: context) }
  }

  /// Whether what `command` needs is there: trainer views only in a trainer session (never to
  /// an official, whatever was typed before), an official's commands only to an official.
  private static func allowed(_ command: any ShellCommand.Type, in context: CommandContext) -> Bool {
    if command.needs.contains(.trainer), context.trainer == nil {
      context.say(ClassSessionText.trainerOnly)
      return false
    }
    if command.needs.contains(.official), context.signedIn == nil {
      context.say(ClassSessionText.officialOnly)
      return false
    }
    return true
  }

  /// Tab completion of commands and of their arguments.
  static func completion(library: CourseLibrary) -> Completion {
    completion(library: library, commands: commands)
  }

  /// Tab completion of the commands that run in `context` and of their arguments.
  static func completion(library: CourseLibrary, in context: CommandContext) -> Completion {
    completion(library: library, commands: commands(in: context))
  }

  private static func completion(library: CourseLibrary, commands: [any ShellCommand.Type]) -> Completion {
    let entries = commands.map { CompletionEntry(keys: keys(of: $0), argument: $0.argument) }
    return Completion { before, word in
      CompletionEntry.candidates(entries, library: library, before: before, word: word)
    }
  }
}

/// What completion needs of a command, without holding its type.
private struct CompletionEntry: Sendable {
  var keys: [String]
  var argument: CommandArgument

  static func candidates(
    _ entries: [CompletionEntry], library: CourseLibrary, before: String, word: String
  ) -> [String] {
    let names = entries.compactMap(\.keys.first)
    let words = before.split(whereSeparator: \.isWhitespace)
    guard let first = words.first else { return names.filter { $0.hasPrefix(word.lowercased()) } }
    let typed = CommandRegistry.key(String(first))
    guard words.count == 1, let entry = entries.first(where: { $0.keys.contains(typed) }) else { return [] }
    let choices: [(id: String, title: String)]
    switch entry.argument {
    case .none: return []
    case .command: return names.filter { $0.hasPrefix(word.lowercased()) }
    case .language: return ["en", "vi"].filter { $0.hasPrefix(word) }
    case .course: choices = library.courses.map { ($0.id, $0.title.vi) }
    case .lesson: choices = library.courses.flatMap(\.lessons).map { ($0.id, $0.title.vi) }
    case .quiz: choices = library.courses.flatMap(\.quizzes).map { ($0.id, $0.title.vi) }
    }
    let byID = choices.filter { $0.id.hasPrefix(word.lowercased()) }.map(\.id)
    if !byID.isEmpty || word.isEmpty { return byID }
    // "quan tri" finds "Quản trị" in a title and offers that lesson's id.
    let key = word.matchKey(foldingDiacritics: true)
    return choices.filter { $0.title.matchKey(foldingDiacritics: true).contains(key) }.map(\.id)
  }
}

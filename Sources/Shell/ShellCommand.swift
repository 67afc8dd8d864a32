import Curriculum
import Localization
import VietnameseText

/// One command of the shell, declared in one file under Commands/: its names in both languages,
/// its help, what its argument completes to, what it needs, and what it does.
///
/// To add a command, write a type conforming to this protocol in Commands/NAMECommand.swift
/// (`enum NAMECommand: ShellCommand {`, on one line): nothing else. The ShellCommandList build
/// plugin lists every such type of Commands/ for ``CommandRegistry/commands``, and help, Tab
/// completion, "did you mean" and dispatch follow from its declaration.
protocol ShellCommand {
  /// The English name, typed as is: `quiz`.
  static var name: String { get }
  /// Other names, Vietnamese ones written with their diacritics (`kiểm-tra`); they are typed with
  /// or without diacritics and hyphens (`kiemtra`).
  static var aliases: [String] { get }
  /// How it is typed, with its argument in capitals: `quiz MÃ-BÀI-KIỂM-TRA`.
  static var usage: String { get }
  /// One line for `help`.
  static var summary: LocalizedText { get }
  /// The paragraph for `help NAME`.
  static var details: LocalizedText { get }
  /// What Tab offers for its argument.
  static var argument: CommandArgument { get }
  /// What must be true before it runs; the registry checks, and asks for the trainer passphrase.
  static var needs: Set<CommandNeed> { get }
  /// Where `help` lists it: smallest first, then by name. The shipped commands are 10 apart, so a
  /// new one can go between two; one that gives none comes last.
  static var helpOrder: Int { get }

  /// Does the command with what followed its name (trimmed, possibly empty).
  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome
}

extension ShellCommand {
  static var aliases: [String] { [] }
  static var argument: CommandArgument { .none }
  static var needs: Set<CommandNeed> { [.official] }
  static var helpOrder: Int { 1_000 }
}

/// What a command's argument is, for Tab completion.
enum CommandArgument: Sendable {
  case none, command, language, course, lesson, quiz
}

/// What a command needs before it runs.
enum CommandNeed: Sendable, Hashable {
  /// An official signed in (and so their commune's results open).
  case official
  /// A trainer session (signed in as trainer at the first prompt, not locked).
  case trainer
}

/// What the shell does after a command.
enum CommandOutcome: Sendable {
  case proceed, quit, switchUser
}

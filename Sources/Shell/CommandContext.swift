import Curriculum
import Foundation
import Localization
import TerminalUI
import VietnameseText

/// What a command runs with: the console it talks through, the courses, the clock and the seed
/// source, and who is signed in.
final class CommandContext {
  let console: Console
  let library: CourseLibrary
  let now: () -> Date
  let makeSeed: () -> UInt64
  /// The official signed in; present for every command that needs ``CommandNeed/official``.
  let signedIn: SignedIn?
  /// The trainer signed in; present only in a trainer session, for ``CommandNeed/trainer``.
  let trainer: TrainerSession?
  /// The lines `class CODE` shows a trainer.
  let classLines: ((String, Language, Int) throws -> [String])?
  /// The course and lesson the official is at in this session.
  var place = ReadingPlace()

  init(
    console: Console, library: CourseLibrary, now: @escaping () -> Date, makeSeed: @escaping () -> UInt64,
    signedIn: SignedIn?, trainer: TrainerSession? = nil,
    classLines: ((String, Language, Int) throws -> [String])? = nil
  ) {
    self.trainer = trainer
    self.classLines = classLines
    self.console = console
    self.library = library
    self.now = now
    self.makeSeed = makeSeed
    self.signedIn = signedIn
  }

  var taxonomy: Taxonomy { library.taxonomy }
  var language: Language { console.language }
  var style: Style { console.style }

  func say(_ message: some LocalizedMessage) { console.say(message) }
  func line(_ text: String = "") { console.line(text) }
  func text(_ message: some LocalizedMessage) -> String { console.text(message) }
  func wrapped(_ text: String, indent: String = "") -> [String] { console.wrapped(text, indent: indent) }

  /// What `read` returns from the results, or nil after saying they could not be read.
  func reading<Value>(_ read: () throws -> Value) -> Value? {
    do { return try read() } catch {
      say(ShellText.cannotOpenResults(console.reason(error)))
      return nil
    }
  }

  /// The usage line of `command`, said when its argument is missing or wrong.
  func sayUsage(of command: any ShellCommand.Type) -> CommandOutcome {
    say(ShellText.usage(command.usage))
    return .proceed
  }
}

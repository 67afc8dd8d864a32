import Foundation
import Localization
import TerminalUI
import VietnameseText

/// What the shell talks through: the reader and output, the language and the terminal. It asks
/// and prints; it decides nothing.
final class Console {
  let reader: any LineReader
  let output: any OutputSink
  /// The terminal as the session started on it.
  private let startingTerminal: Terminal
  /// The terminal at its size now: a window resized during the session is followed.
  var terminal: Terminal { startingTerminal.resized() }
  var language: Language
  let style: Style
  /// How long any prompt waits for a line before it gives up (a trainer's session sets it: its
  /// lock comes on a timer, not at the next key); nil: for ever.
  var idleLimit: TimeInterval?
  /// Whether a prompt gave up waiting since ``takeIdle()`` was last asked.
  private var wentIdle = false

  init(reader: any LineReader, output: any OutputSink, terminal: Terminal, language: Language) {
    self.reader = reader
    self.output = output
    self.startingTerminal = terminal
    self.language = language
    self.style = Style(enabled: terminal.usesColor)
  }

  // MARK: output

  /// Prints a message wrapped to the terminal's width (see ``line(_:)``).
  func say(_ message: some LocalizedMessage) {
    for text in wrapper.wrapLines(message.text(in: language)) { output.write(text + "\n") }
  }

  /// Prints a line, wrapped to the terminal's width at word boundaries: a list or answer marker
  /// and the line's indent become the hanging indent of what follows.
  func line(_ text: String = "") {
    for part in wrapper.wrapLines(text) { output.write(part + "\n") }
  }

  /// The session's one wrapping rule, at the terminal's width.
  var wrapper: TextWrapper { TextWrapper(width: terminal.width) }

  /// `text` in the session's language.
  func text(_ message: some LocalizedMessage) -> String {
    message.text(in: language)
  }

  func wrapped(_ text: String, indent: String = "") -> [String] {
    renderer.wrap(text, firstPrefix: indent, restPrefix: indent)
  }

  var renderer: MarkdownRenderer { MarkdownRenderer(width: terminal.width, style: style) }

  /// Why a results call failed, in the session's language when the error has a message there.
  func reason(_ error: any Error) -> String {
    (error as? any LocalizedMessage)?.text(in: language) ?? String(describing: error)
  }

  /// Prints lines a screen at a time on a terminal; all at once to a pipe.
  func page(_ lines: [String]) {
    let pageHeight = terminal.height - 2
    guard terminal.isInteractive, lines.count > pageHeight + 1 else {
      for text in lines { line(text) }
      return
    }
    var start = 0
    while start < lines.count {
      let end = min(start + pageHeight, lines.count)
      for text in lines[start..<end] { line(text) }
      start = end
      guard start < lines.count else { break }
      guard case .line(let answer) = ask(text(SessionText.pagerPrompt)), !answer.lowercased().hasPrefix("q")
      else { return }
    }
  }

  // MARK: input

  func ask(_ prompt: String, completion: Completion? = nil, remember: Bool = false) -> LineInput {
    let input = reader.readLine(
      prompt: prompt, completion: completion, remember: remember, idleLimit: idleLimit)
    if input == .idle { wentIdle = true }
    return input
  }

  /// Whether a prompt gave up waiting since the last call; clears it.
  func takeIdle() -> Bool {
    defer { wentIdle = false }
    return wentIdle
  }

  /// Clears a terminal's screen and its scrollback (a locked trainer's session leaves nothing
  /// of what it showed); nothing to a pipe.
  func clearScreen() {
    guard terminal.isInteractive else { return }
    output.write("\u{1B}[H\u{1B}[2J\u{1B}[3J")
  }

  /// Asks a yes/no question until answered; nil on end of input or Ctrl-C.
  func askYesNo(_ prompt: some LocalizedMessage) -> Bool? {
    while true {
      guard case .line(let answer) = ask(text(prompt)) else { return nil }
      switch answer.matchKey(foldingDiacritics: true) {
      case "c", "co", "y", "yes", "d", "dong y": return true
      case "k", "khong", "n", "no": return false
      default: say(SessionText.yesNo)
      }
    }
  }

  /// Asks for a number from 1 to `count`; nil on end of input or Ctrl-C.
  func askNumber(_ prompt: some LocalizedMessage, count: Int) -> Int? {
    while true {
      guard case .line(let answer) = ask(text(prompt)) else { return nil }
      if let number = Int(answer.trimmingCharacters(in: .whitespaces)), (1...count).contains(number) {
        return number - 1
      }
      say(SessionText.pickNumber(count))
    }
  }
}

/// What a prompt got back.
public enum LineInput: Sendable, Equatable {
  /// A line, without its newline, in NFC.
  case line(String)
  /// Ctrl-C at the prompt (terminal only).
  case interrupt
  /// End of input: Ctrl-D at an empty prompt, or the end of a script.
  case endOfInput
}

/// How Tab completes at a prompt.
public struct Completion: Sendable {
  /// Whether the whole line is one word (commune and official names contain spaces).
  public var wholeLine: Bool
  /// The candidates for `word`, given the text of the line before it.
  public var candidates: @Sendable (_ lineBeforeWord: String, _ word: String) -> [String]

  public init(
    wholeLine: Bool = false,
    candidates: @escaping @Sendable (_ lineBeforeWord: String, _ word: String) -> [String]
  ) {
    self.wholeLine = wholeLine
    self.candidates = candidates
  }
}

/// Reads lines from the user: with GNU readline on a terminal, plainly from a pipe or a script.
public protocol LineReader: AnyObject {
  /// Shows `prompt` and reads one line. `remember` adds the line to history (commands yes,
  /// quiz answers no: a shared laptop must not replay one official's answers to the next).
  func readLine(prompt: String, completion: Completion?, remember: Bool) -> LineInput
  /// Shows `prompt` and reads one line without showing it or keeping it (a passphrase).
  func readSecret(prompt: String) -> LineInput
  /// Writes history to disk, if the reader keeps any.
  func saveHistory()
}

import Foundation

/// What a prompt got back.
public enum LineInput: Sendable, Equatable {
  /// A line, without its newline, in NFC.
  case line(String)
  /// Ctrl-C at the prompt (terminal only).
  case interrupt
  /// End of input: Ctrl-D at an empty prompt, or the end of a script.
  case endOfInput
  /// No line came in the time the prompt allowed (on a terminal, what was typed of it is dropped).
  case idle
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
  /// As ``readLine(prompt:completion:remember:)``, giving up with ``LineInput/idle`` when no key
  /// comes for `idleLimit` seconds (nil: wait for ever). A reader that cannot wait so waits for
  /// ever.
  func readLine(prompt: String, completion: Completion?, remember: Bool, idleLimit: TimeInterval?)
    -> LineInput
}

extension LineReader {
  public func readLine(prompt: String, completion: Completion?, remember: Bool, idleLimit: TimeInterval?)
    -> LineInput
  {
    readLine(prompt: prompt, completion: completion, remember: remember)
  }
}

/// An idle limit in whole milliseconds (rounded up, at least 0), or nil when there is none to
/// keep: none given, not a finite number, or beyond 24 days (where a wait is as good as for ever).
func idleMilliseconds(_ limit: TimeInterval?) -> Int32? {
  guard let limit, limit.isFinite, limit < 2_000_000 else { return nil }
  return Int32(max(0, (limit * 1000).rounded(.up)))
}

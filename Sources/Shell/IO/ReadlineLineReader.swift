import CReadline
import Foundation
import Synchronization
import TerminalUI
import VietnameseText

/// The completion in force for the prompt being read, shared with readline's C callback.
private let activeCompletion = Mutex<Completion?>(nil)

/// Line editing, history and Tab completion over GNU readline, for a terminal.
public final class ReadlineLineReader: LineReader {
  /// Where history is kept: `$XDG_STATE_HOME/papi-train/history` (default ~/.local/state/...).
  public let historyURL: URL?
  /// How many history lines are kept on disk.
  public static let historyLimit = 1000
  private var linesSinceSave = 0

  public init(historyURL: URL?) {
    self.historyURL = historyURL
    Terminal.prepareUTF8Locale()
    papi_rl_install("papi-train")
    papi_rl_set_completion(completeCallback)
    papi_rl_stifle_history(Int32(Self.historyLimit))
    if let historyURL {
      try? FileManager.default.createDirectory(
        at: historyURL.deletingLastPathComponent(), withIntermediateDirectories: true)
      _ = papi_rl_read_history(historyURL.path)
    }
  }

  public func readLine(prompt: String, completion: Completion?, remember: Bool) -> LineInput {
    readLine(prompt: prompt, completion: completion, remember: remember, idleLimit: nil)
  }

  public func readLine(prompt: String, completion: Completion?, remember: Bool, idleLimit: TimeInterval?)
    -> LineInput
  {
    activeCompletion.withLock { $0 = completion }
    let wholeLine = completion?.wholeLine == true
    papi_rl_set_word_breaks(wholeLine ? "\n" : " \t\n")
    papi_rl_set_append_character(wholeLine ? 0 : 32)
    guard let pointer = papi_rl_readline_idle(prompt, idleMilliseconds(idleLimit) ?? -1) else {
      return papi_rl_take_interrupt() != 0 ? .interrupt : .endOfInput
    }
    defer { free(pointer) }
    if papi_rl_take_idle() != 0 { return .idle }
    if papi_rl_take_interrupt() != 0 { return .interrupt }
    let line = String(decoding: Data(bytes: pointer, count: strlen(pointer)), as: UTF8.self).nfc
    if remember { addToHistory(line) }
    return .line(line)
  }

  /// Adds a line unless it is blank or repeats the one before (readline itself keeps repeats).
  public func readSecret(prompt: String) -> LineInput {
    guard let pointer = papi_rl_read_secret(prompt) else {
      return papi_rl_take_interrupt() != 0 ? .interrupt : .endOfInput
    }
    defer { free(pointer) }
    if papi_rl_take_interrupt() != 0 { return .interrupt }
    return .line(String(cString: pointer).nfc)
  }

  private func addToHistory(_ line: String) {
    guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
    if let last = papi_rl_last_history(), String(cString: last) == line { return }
    papi_rl_add_history(line)
    linesSinceSave += 1
    // Saved line by line, so a killed shell keeps its history too.
    saveHistory()
  }

  public func saveHistory() {
    guard let historyURL, linesSinceSave > 0 else { return }
    if FileManager.default.fileExists(atPath: historyURL.path) {
      _ = papi_rl_append_history(Int32(linesSinceSave), historyURL.path)
    } else {
      _ = papi_rl_write_history(historyURL.path)
    }
    _ = papi_rl_history_truncate(historyURL.path, Int32(Self.historyLimit))
    linesSinceSave = 0
  }
}

/// Readline's completion callback: asks the active ``Completion`` for candidates, matched without
/// case or diacritics, and hands readline the list with the common prefix first.
private func completeCallback(
  _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  papi_rl_completion_over()
  guard let completion = activeCompletion.withLock({ $0 }), let text else { return nil }
  let word = String(cString: text)
  let line = papi_rl_line_buffer().map { String(cString: $0) } ?? ""
  let before = String(decoding: Array(line.utf8.prefix(Int(start))), as: UTF8.self)
  let candidates = completion.candidates(before, word)
  guard !candidates.isEmpty else { return nil }
  let substitution = candidates.count == 1 ? candidates[0] : commonPrefix(candidates, typed: word)
  let matches = papi_rl_make_matches(Int32(candidates.count + 1))
  papi_rl_set_match(matches, 0, substitution)
  if candidates.count > 1 {
    for (index, candidate) in candidates.enumerated() {
      papi_rl_set_match(matches, Int32(index + 1), candidate)
    }
  }
  return matches
}

/// The longest common prefix of the candidates, or what was typed when that prefix would be
/// shorter (candidates matched without diacritics may share less than the typed text).
func commonPrefix(_ candidates: [String], typed: String) -> String {
  guard var prefix = candidates.first.map(Array.init) else { return typed }
  for candidate in candidates.dropFirst() {
    let characters = Array(candidate)
    var length = 0
    while length < min(prefix.count, characters.count), prefix[length] == characters[length] { length += 1 }
    prefix = Array(prefix.prefix(length))
  }
  return prefix.count >= typed.count ? String(prefix) : typed
}

import Foundation
import VietnameseText

/// Reads lines from standard input when it is not a terminal, so scripts and tests drive the
/// whole shell: no echo, no escapes, no history; the prompt is written so transcripts read well.
public final class PlainLineReader: LineReader {
  private let output: OutputSink
  private var buffer = Data()
  private var atEnd = false
  /// How many bytes at the start of `buffer` are known to hold no newline, so a megabyte pasted
  /// on one line is searched once, not again with every chunk that arrives.
  private var scanned = 0

  public init(output: OutputSink) {
    self.output = output
  }

  public func readLine(prompt: String, completion: Completion?, remember: Bool) -> LineInput {
    readLine(prompt: prompt, completion: completion, remember: remember, idleLimit: nil)
  }

  public func readLine(prompt: String, completion: Completion?, remember: Bool, idleLimit: TimeInterval?)
    -> LineInput
  {
    output.write(prompt)
    let deadline = idleMilliseconds(idleLimit).map { ContinuousClock.now + .milliseconds($0) }
    switch nextLine(until: deadline) {
    case .line(let line):
      output.write(line + "\n")
      return .line(line.nfc)
    case let other:
      output.write("\n")
      return other
    }
  }

  public func saveHistory() {}

  public func readSecret(prompt: String) -> LineInput {
    output.write(prompt)
    output.write("\n")
    guard case .line(let line) = nextLine(until: nil) else { return .endOfInput }
    return .line(line.nfc)
  }

  /// The next line of standard input, decoded leniently (invalid UTF-8 becomes U+FFFD rather
  /// than ending the session); ``LineInput/idle`` when no whole line came by `deadline` (what
  /// came of it stays for the next read).
  private func nextLine(until deadline: ContinuousClock.Instant?) -> LineInput {
    while true {
      if let newline = newlineIndex() {
        let lineData = buffer[buffer.startIndex..<newline]
        buffer.removeSubrange(buffer.startIndex...newline)
        scanned = 0
        return .line(
          String(decoding: lineData, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r")))
      }
      if atEnd {
        guard !buffer.isEmpty else { return .endOfInput }
        defer { buffer.removeAll() }
        return .line(String(decoding: buffer, as: UTF8.self))
      }
      scanned = buffer.count
      if let deadline, !Self.waitForInput(until: deadline) { return .idle }
      let chunk = FileHandle.standardInput.availableData
      if chunk.isEmpty { atEnd = true } else { buffer.append(chunk) }
    }
  }

  /// Whether standard input has something to read (or its end) before `deadline`.
  private static func waitForInput(until deadline: ContinuousClock.Instant) -> Bool {
    while true {
      let left = ContinuousClock.now.duration(to: deadline)
      guard left > .zero else { return false }
      let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
      var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, Int32(clamping: max(1, milliseconds)))
      if ready > 0 { return true }
      if ready < 0, errno != EINTR { return true }  // let the read report what is wrong
    }
  }

  /// The first newline in `buffer` after the part already scanned.
  private func newlineIndex() -> Data.Index? {
    let offset = buffer.withUnsafeBytes { bytes -> Int? in
      guard let base = bytes.baseAddress, scanned < bytes.count,
        let found = memchr(base + scanned, 0x0A, bytes.count - scanned)
      else { return nil }
      return base.distance(to: UnsafeRawPointer(found))
    }
    return offset.map { buffer.startIndex + $0 }
  }
}

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
    output.write(prompt)
    guard let line = nextLine() else {
      output.write("\n")
      return .endOfInput
    }
    output.write(line + "\n")
    return .line(line.nfc)
  }

  public func saveHistory() {}

  public func readSecret(prompt: String) -> LineInput {
    output.write(prompt)
    guard let line = nextLine() else {
      output.write("\n")
      return .endOfInput
    }
    output.write("\n")
    return .line(line.nfc)
  }

  /// The next line of standard input, decoded leniently: invalid UTF-8 becomes U+FFFD rather
  /// than ending the session.
  private func nextLine() -> String? {
    while true {
      if let newline = newlineIndex() {
        let lineData = buffer[buffer.startIndex..<newline]
        buffer.removeSubrange(buffer.startIndex...newline)
        scanned = 0
        return String(decoding: lineData, as: UTF8.self).trimmingCharacters(
          in: CharacterSet(charactersIn: "\r"))
      }
      if atEnd {
        guard !buffer.isEmpty else { return nil }
        defer { buffer.removeAll() }
        return String(decoding: buffer, as: UTF8.self)
      }
      scanned = buffer.count
      let chunk = FileHandle.standardInput.availableData
      if chunk.isEmpty { atEnd = true } else { buffer.append(chunk) }
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

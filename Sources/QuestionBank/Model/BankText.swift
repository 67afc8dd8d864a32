import Foundation
import VietnameseText

/// A bank file's bytes as text: UTF-8 only (a byte-order mark is dropped), in NFC, with its lines.
struct BankText {
  let text: String

  /// What a text bank holds: `data` decoded (or, when it is not UTF-8, no questions and the line
  /// that is not), and the questions `parse` finds in the text, with every problem either reports.
  static func read(
    _ data: Data, file: String, parse: (BankText, inout ProblemLog) -> [BankQuestion]
  ) -> BankContents {
    var log = ProblemLog()
    guard let text = decode(data, file: file, log: &log) else {
      return BankContents(questions: [], problems: log.problems)
    }
    let questions = parse(text, &log)
    return BankContents(questions: questions, problems: log.problems)
  }

  /// The text of `data`, or nil when it is not UTF-8 (`problem` then names the line).
  static func decode(_ data: Data, file: String, log: inout ProblemLog) -> BankText? {
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      log.error(.notUTF8, at: BankLocation(file: file, line: firstInvalidLine(bytes)))
      return nil
    }
    return BankText(text: text.nfc)
  }

  /// Whether `data` is UTF-8 (else `log` names the line), without keeping the text: for a reader
  /// that hands the bytes to a parser of its own.
  static func checkUTF8(_ data: Data, file: String, log: inout ProblemLog) -> Bool {
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    let valid = bytes.withUnsafeBytes { buffer in
      var iterator = buffer.makeIterator()
      var decoder = UTF8()
      while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
      }
    }
    if !valid { log.error(.notUTF8, at: BankLocation(file: file, line: firstInvalidLine(bytes))) }
    return valid
  }

  /// The line holding the first byte that is not part of valid UTF-8.
  static func firstInvalidLine(_ bytes: Data.SubSequence) -> Int {
    var line = 1
    var start = bytes.startIndex
    for index in bytes.indices where bytes[index] == 0x0A {
      if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
      line += 1
      start = index + 1
    }
    return line
  }

  /// The lines, without their endings (`\r\n`, `\n` or `\r`).
  var lines: [Substring] {
    var lines: [Substring] = []
    let bytes = text.utf8
    var start = bytes.startIndex
    var index = start
    while index < bytes.endIndex {
      let byte = bytes[index]
      guard byte == 0x0A || byte == 0x0D else {
        bytes.formIndex(after: &index)
        continue
      }
      lines.append(text[start..<index])
      bytes.formIndex(after: &index)
      if byte == 0x0D, index < bytes.endIndex, bytes[index] == 0x0A { bytes.formIndex(after: &index) }
      start = index
    }
    lines.append(text[start...])
    return lines
  }
}

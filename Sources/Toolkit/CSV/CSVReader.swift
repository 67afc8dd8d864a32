import Foundation
import VietnameseText

/// One record of a CSV file and the line it starts on (1-based).
public struct CSVRecord: Sendable, Hashable {
  public var line: Int
  public var fields: [String]

  public init(line: Int, fields: [String]) {
    self.line = line
    self.fields = fields
  }

  /// Whether every field is blank (Excel writes such rows at the end of a sheet).
  public var isBlank: Bool { fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }

  /// The field at `index` in NFC with runs of white space made one space; empty when absent.
  public func field(_ index: Int?) -> String {
    guard let index, index < fields.count else { return "" }
    return fields[index].nfc.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

/// Reads the CSV that spreadsheets write: UTF-8 with or without a byte-order mark (or UTF-16
/// with one, from "Unicode text"), comma, semicolon or tab separated (guessed from the first
/// lines), RFC 4180 quoting with line breaks inside quotes, CRLF or LF line ends.
public enum CSVReader {
  /// The records of `data`, read from the file at `path` (named in errors), fields split on
  /// `separator`, else on the one guessed from the first lines.
  public static func read(_ data: Data, path: String, separator: Unicode.Scalar? = nil) throws -> [CSVRecord]
  {
    let text = try decode(data, path: path)
    let separator = separator ?? guessSeparator(text)
    var records: [CSVRecord] = []
    var fields: [String] = []
    var field = ""
    var inQuotes = false
    var fieldWasQuoted = false
    var line = 1
    var recordLine = 1
    var quoteLine = 1
    var iterator = Array(text.unicodeScalars)[...]

    func endField() {
      fields.append(field)
      field = ""
      fieldWasQuoted = false
    }
    func endRecord() {
      endField()
      records.append(CSVRecord(line: recordLine, fields: fields))
      fields = []
    }

    while let scalar = iterator.popFirst() {
      if inQuotes {
        if scalar == "\"" {
          if iterator.first == "\"" {
            iterator.removeFirst()
            field.unicodeScalars.append("\"")
          } else {
            inQuotes = false
          }
        } else {
          if scalar == "\n" || (scalar == "\r" && iterator.first != "\n") { line += 1 }
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where field.trimmingCharacters(in: .whitespaces).isEmpty:
        field = ""
        inQuotes = true
        fieldWasQuoted = true
        quoteLine = line
      case separator:
        endField()
      case "\r":
        if iterator.first == "\n" { iterator.removeFirst() }
        endRecord()
        line += 1
        recordLine = line
      case "\n":
        endRecord()
        line += 1
        recordLine = line
      default:
        field.unicodeScalars.append(scalar)
      }
    }
    if inQuotes {
      throw CSVReadError(path: path, line: quoteLine, problem: .unterminatedQuote)
    }
    if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
    return records
  }

  /// The text of a spreadsheet CSV file: UTF-8 with or without BOM, or UTF-16 with a BOM.
  public static func decode(_ data: Data, path: String) throws -> String {
    let bytes = [UInt8](data)
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
      guard let text = String(data: data.dropFirst(2), encoding: encoding) else {
        throw CSVReadError(path: path, line: 1, problem: .notUTF8)
      }
      return text
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
    guard let text = String(data: body, encoding: .utf8) else {
      let line = firstInvalidLine(Array(body))
      throw CSVReadError(path: path, line: line, problem: .notUTF8)
    }
    return text
  }

  /// The line of the first byte sequence that is not UTF-8.
  static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
    var line = 1
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == 0x0A {
      if String(bytes: bytes[start..<index], encoding: .utf8) == nil { return line }
      line += 1
      start = index + 1
    }
    return line
  }

  /// The separator used most in the first lines (outside quotes): comma, semicolon or tab.
  static func guessSeparator(_ text: String) -> Unicode.Scalar {
    var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
    var inQuotes = false
    var lines = 0
    for scalar in text.unicodeScalars {
      if scalar == "\"" { inQuotes.toggle() }
      if inQuotes { continue }
      if scalar == "\n" {
        lines += 1
        if lines >= 20 { break }
      }
      if counts[scalar] != nil { counts[scalar, default: 0] += 1 }
    }
    let ranked = counts.sorted { ($0.value, $0.key == "," ? 1 : 0) > ($1.value, $1.key == "," ? 1 : 0) }
    guard let best = ranked.first, best.value > 0 else { return "," }
    return best.key
  }

  /// A header cell reduced to letters and digits, diacritics folded: "Tỉnh / Thành Phố" and
  /// "Tinh Thanh pho" both give "tinhthanhpho".
  public static func headerKey(_ text: String) -> String {
    String(
      text.matchKey(foldingDiacritics: true).unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }
        .map(Character.init))
  }
}

/// A CSV file that cannot be read at all: where, and why.
public struct CSVReadError: Error, Sendable, Hashable {
  public enum Problem: Sendable, Hashable {
    /// A quoted field that runs to the end of the file (it opened at `line`).
    case unterminatedQuote
    /// Bytes that are not UTF-8, first on `line`.
    case notUTF8
  }

  public var path: String
  /// 1-based.
  public var line: Int
  public var problem: Problem

  public init(path: String, line: Int, problem: Problem) {
    self.path = path
    self.line = line
    self.problem = problem
  }
}

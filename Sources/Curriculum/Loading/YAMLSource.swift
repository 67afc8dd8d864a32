import Foundation
import Yams

/// A course file's text, read and checked as UTF-8, ready to be parsed with its locations.
struct SourceFile {
  /// Course files larger than this are refused rather than parsed.
  static let sizeLimit = 4 * 1024 * 1024
  /// Documents nested deeper than this are refused before the parser sees them.
  static let nestingLimit = 64

  /// The path shown in diagnostics.
  var path: String
  var text: String

  /// Reads `url`, reporting an unreadable, oversized or non-UTF-8 file to `log`.
  static func read(_ url: URL, displayPath: String, log: DiagnosticLog) -> SourceFile? {
    let start = SourceLocation(file: displayPath, line: 1, column: 1)
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      log.error(.unreadableFile(reason: (error as NSError).localizedDescription), at: start)
      return nil
    }
    if data.count > sizeLimit {
      log.error(.fileTooLarge(bytes: data.count, limit: sizeLimit), at: start)
      return nil
    }
    guard var text = String(validating: data, as: UTF8.self) else {
      log.error(.invalidUTF8, at: firstInvalidUTF8(in: data, file: displayPath))
      return nil
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    return SourceFile(path: displayPath, text: text)
  }

  /// The place of the first byte that breaks UTF-8, so the author can find it.
  private static func firstInvalidUTF8(in data: Data, file: String) -> SourceLocation {
    var line = 1
    var lineStart = 0
    var index = 0
    let bytes = [UInt8](data)
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: length = 0
      }
      let valid =
        length > 0 && index + length <= bytes.count
        && String(validating: bytes[index..<index + length], as: UTF8.self) != nil
      if !valid {
        let column =
          (String(validating: bytes[lineStart..<index], as: UTF8.self)?.unicodeScalars.count ?? 0) + 1
        return SourceLocation(file: file, line: line, column: column)
      }
      if byte == 0x0A {
        line += 1
        lineStart = index + 1
      }
      index += length
    }
    return SourceLocation(file: file, line: line, column: 1)
  }
}

/// A YAML document parsed with Yams, whose node marks are turned into file locations.
struct YAMLDocument {
  var file: String
  /// Lines before the YAML text in its file (the opening `---` of a lesson header).
  var lineOffset: Int
  var root: Node

  /// Parses `text`, reporting syntax errors (with their place) to `log`.
  static func parse(_ text: String, file: String, lineOffset: Int = 0, log: DiagnosticLog) -> YAMLDocument? {
    let start = SourceLocation(file: file, line: lineOffset + 1, column: 1)
    if let deep = deepestNesting(in: text, limit: SourceFile.nestingLimit) {
      log.error(
        .tooDeeplyNested(limit: SourceFile.nestingLimit),
        at: SourceLocation(file: file, line: lineOffset + deep.line, column: deep.column))
      return nil
    }
    do {
      // The basic resolver tags every plain scalar as text without running the default resolver's
      // regular expressions on it (a quarter of a lint's time): the field reader decides itself
      // what a number, a boolean or a null is, field by field.
      guard let root = try Yams.compose(yaml: text, .basic) else {
        log.error(.emptyDocument, at: start)
        return nil
      }
      switch AliasSites.relocate(root, in: text) {
      case .relocated(let relocated):
        return YAMLDocument(file: file, lineOffset: lineOffset, root: relocated)
      case .tooManyValues(let place):
        log.error(
          .tooManyAliasedValues(limit: AliasSites.limit),
          at: SourceLocation(file: file, line: lineOffset + place.line, column: place.column))
        return nil
      }
    } catch let error as YamlError {
      let (message, mark) = describe(error)
      let location = SourceLocation(
        file: file, line: lineOffset + max(mark?.line ?? 1, 1), column: max(mark?.column ?? 1, 1))
      log.error(message, at: location)
      return nil
    } catch {
      log.error(.yamlSyntax(problem: String(describing: error)), at: start)
      return nil
    }
  }

  func location(of node: Node) -> SourceLocation {
    location(of: node.mark)
  }

  func location(of mark: Mark?) -> SourceLocation {
    SourceLocation(file: file, line: lineOffset + (mark?.line ?? 1), column: mark?.column ?? 1)
  }

  private static func describe(_ error: YamlError) -> (CurriculumMessage, Mark?) {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = [context?.text, problem].compactMap { $0 }.joined(separator: ", ")
      return (.yamlSyntax(problem: detail), mark)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return (.duplicateKey(duplicates.joined(separator: ", ")), context.mark)
    case .reader(let problem, _, _, _):
      return (.yamlSyntax(problem: problem), nil)
    default:
      return (.yamlSyntax(problem: String(describing: error)), nil)
    }
  }

  /// The place where flow or block nesting first exceeds `limit`, found with a cheap scan so that
  /// a hostile document cannot exhaust the parser's stack. Quoted scalars are skipped; a quote
  /// only opens where a scalar can start, so an apostrophe inside a word is just a letter.
  private static func deepestNesting(in text: String, limit: Int) -> (line: Int, column: Int)? {
    // Over UTF-8 bytes: every character the scan looks at is ASCII, and a byte of a multi-byte
    // letter is never one of them. The column (in characters) is only counted for the answer.
    var text = text
    return text.withUTF8 { bytes -> (line: Int, column: Int)? in
      var flowDepth = 0
      var line = 1
      var lineStart = 0
      var quote: UInt8 = 0
      var atLineStart = true
      var blockDepth = 0
      var previous: UInt8 = 0x20
      func place(_ index: Int) -> (line: Int, column: Int) {
        let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart...index]), as: UTF8.self)
        return (line, prefix.count)
      }
      for index in bytes.indices {
        let byte = bytes[index]
        defer { previous = byte }
        if byte == 0x0A {
          (line, lineStart, atLineStart, blockDepth, quote) = (line + 1, index + 1, true, 0, 0)
          continue
        }
        if quote != 0 {
          if byte == quote { quote = 0 }
          continue
        }
        if atLineStart {
          if byte == 0x20 { continue }
          if byte == 0x2D || byte == 0x3F {  // - ?
            blockDepth += 1
            if blockDepth > limit { return place(index) }
            continue
          }
          atLineStart = false
        }
        switch byte {
        case 0x22, 0x27:  // " '
          // space [ { , : -
          if previous == 0x20 || previous == 0x5B || previous == 0x7B || previous == 0x2C || previous == 0x3A
            || previous == 0x2D
          {
            quote = byte
          }
        case 0x5B, 0x7B:  // [ {
          flowDepth += 1
          if flowDepth > limit { return place(index) }
        case 0x5D, 0x7D:  // ] }
          flowDepth = max(flowDepth - 1, 0)
        default:
          break
        }
      }
      return nil
    }
  }
}

import Curriculum
import Localization

/// Questions written as a course's question file (Courses/README.md), each field as `lint` reads
/// it. What the bank lacked is written empty with a `CẦN ĐIỀN / TO FILL` comment, so `lint`
/// reports it as an error at that line until a trainer fills it in.
enum CourseYAML {
  static let toFillMark = "CẦN ĐIỀN / TO FILL"

  static func toFill(_ vietnamese: String, _ english: String) -> String {
    "# \(toFillMark): \(vietnamese) / \(english)"
  }

  /// A YAML double-quoted scalar: backslash, quote, control characters (C0 and C1), the line and
  /// paragraph separators and the byte-order mark escaped; built from UTF-8 bytes.
  static func quoted(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var out: [UInt8] = [0x22]
    out.reserveCapacity(bytes.count + 2)
    func escaped(_ value: UInt32) {
      let hex = Array(String(value, radix: 16, uppercase: true).utf8)
      out += Array("\\u".utf8) + Array(repeating: UInt8(ascii: "0"), count: max(0, 4 - hex.count)) + hex
    }
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let next = index + 1 < bytes.count ? bytes[index + 1] : 0
      let third = index + 2 < bytes.count ? bytes[index + 2] : 0
      switch byte {
      case 0x5C: out += [0x5C, 0x5C]
      case 0x22: out += [0x5C, 0x22]
      case 0x0A: out += [0x5C, UInt8(ascii: "n")]
      case 0x09: out += [0x5C, UInt8(ascii: "t")]
      case 0x0D: out += [0x5C, UInt8(ascii: "r")]
      case 0..<0x20, 0x7F: escaped(UInt32(byte))
      case 0xC2 where (0x80...0x9F).contains(next):
        escaped(UInt32(next))
        index += 1
      case 0xE2 where next == 0x80 && (third == 0xA8 || third == 0xA9):
        escaped(third == 0xA8 ? 0x2028 : 0x2029)
        index += 2
      case 0xEF where next == 0xBB && third == 0xBF:
        escaped(0xFEFF)
        index += 2
      default: out.append(byte)
      }
      index += 1
    }
    out.append(0x22)
    return String(decoding: out, as: UTF8.self)
  }

  static func text(_ text: LocalizedText) -> String {
    guard let en = text.en else { return quoted(text.vi) }
    return "{ vi: \(quoted(text.vi)), en: \(quoted(en)) }"
  }

  static func list(_ items: [String]) -> String {
    "[" + items.map(quoted).joined(separator: ", ") + "]"
  }

  /// Question files holding `questions` in order, each under `limit` bytes (lint reads course files
  /// of at most 4 MB), each with a header naming the bank they came from.
  static func files(_ questions: [ImportedQuestion], from bank: String, limit: Int = 2 << 20) -> [String] {
    var files: [String] = []
    var current = header(bank)
    var count = 0
    for entry in questions.parallelMap(entry) {
      if count > 0, current.utf8.count + entry.utf8.count > limit {
        files.append(current)
        current = header(bank)
        count = 0
      }
      current += entry
      count += 1
    }
    files.append(current)
    return files
  }

  private static func header(_ bank: String) -> String {
    """
    # Nhập từ / imported from: \(bank) (papi-train import)
    # Trường đánh dấu "\(toFillMark)" cần điền trước khi dạy; `papi-train lint` chỉ ra từng chỗ.
    # Fields marked "\(toFillMark)" must be filled in before teaching; `papi-train lint` shows each one.
    questions:

    """
  }

  static func entry(_ imported: ImportedQuestion) -> String {
    let question = imported.question
    var lines = ["  - id: \(imported.id)", "    type: \(question.body.type.rawValue)"]
    lines.append("    prompt: " + text(question.prompt))
    lines += body(question.body)
    if let explanation = question.explanation {
      lines.append("    explanation: " + text(explanation))
    } else {
      lines.append("    explanation: \"\"  " + toFill("lời giải thích", "explanation"))
    }
    lines.append("    difficulty: \((question.difficulty ?? .medium).rawValue)")
    lines.append("    area: \(imported.area)")
    if question.papi.isEmpty {
      lines.append("    papi: []  " + toFill("mã PAPI", "PAPI codes"))
    } else {
      lines.append("    papi: " + list(question.papi))
    }
    lines.append("    positions: " + list(question.positions.isEmpty ? ["all"] : question.positions))
    if question.scenario { lines.append("    scenario: true") }
    lines += sourceField(question.sources)
    if let module = question.module { lines.append("    module: " + quoted(module)) }
    if !question.tags.isEmpty { lines.append("    tags: " + list(question.tags)) }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func body(_ body: QuestionBody) -> [String] {
    switch body {
    case .singleChoice(let options, let answer):
      return ["    options:"] + options.map { "      - { id: \($0.id), text: \(text($0.text)) }" }
        + ["    answer: \(answer)"]
    case .multipleChoice(let options, let answers):
      return ["    options:"] + options.map { "      - { id: \($0.id), text: \(text($0.text)) }" }
        + ["    answer: [\(answers.joined(separator: ", "))]"]
    case .trueFalse(let answer):
      return ["    answer: \(answer)"]
    case .matching(let pairs):
      return ["    pairs:"] + pairs.map { "      - { left: \(text($0.left)), right: \(text($0.right)) }" }
    case .ordering(let items):
      return ["    items:"] + items.map { "      - " + text($0) }
    case .shortAnswer(let accepted, let matching):
      return ["    accepted: " + list(accepted)] + (matching == .exact ? ["    match: exact"] : [])
    }
  }
}

extension CourseYAML {
  /// The `source:` field as the course loader reads it: one source as a mapping, several as a
  /// list, the main one first, with `clause`, `point`, `indicator` and `history` when set. A missing
  /// source, or one without its article, is written with empty values and a to-fill mark, which
  /// `lint` reports at its line.
  static func sourceField(_ sources: [LegalSource]) -> [String] {
    guard !sources.isEmpty else {
      return ["    source: { document: \"\", article: \"\" }  " + toFill("căn cứ pháp lý", "legal source")]
    }
    guard sources.count > 1 else { return ["    source: " + source(sources[0])] }
    return ["    source:"] + sources.map { "      - " + source($0) }
  }

  private static func source(_ source: LegalSource) -> String {
    var fields = ["document: " + scalar(source.document)]
    let lacksPlace = source.article == nil && source.indicator == nil
    if let article = source.article { fields.append("article: " + scalar(article)) }
    if lacksPlace { fields.append("article: \"\"") }
    if let clause = source.clause { fields.append("clause: " + scalar(clause)) }
    if let point = source.point { fields.append("point: " + scalar(point)) }
    if let indicator = source.indicator { fields.append("indicator: " + quoted(indicator)) }
    if source.history { fields.append("history: true") }
    let mapping = "{ " + fields.joined(separator: ", ") + " }"
    return lacksPlace ? mapping + "  " + toFill("điều, khoản", "article") : mapping
  }

  /// Words YAML could read as something other than text when written plain.
  private static let reservedWords: Set<String> = [
    "y", "n", "yes", "no", "on", "off", "true", "false", "null",
  ]

  /// `text` plain when it is a registry id or a number (`nd-118-2025`, `3`, `a`), else quoted.
  static func scalar(_ text: String) -> String {
    let isPlain =
      !text.isEmpty && !text.hasPrefix("-") && !reservedWords.contains(text)
      && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    return isPlain ? text : quoted(text)
  }
}

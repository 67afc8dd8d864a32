import Localization
import VietnameseText
import Yams

/// Reads the fields of one YAML mapping, reporting to the log every missing, mistyped, empty,
/// non-NFC or unknown field with its place. Reading never throws: a bad field yields nil and a
/// diagnostic, and the reader goes on so that one run reports every problem.
struct FieldReader {
  let document: YAMLDocument
  let node: Node
  let log: DiagnosticLog
  /// The mapping's values by key text, built once: looking a key up in a `Node.Mapping` hashes
  /// and compares whole nodes.
  private let values: [String: Node]

  /// A reader for `node`, or nil (with a diagnostic) when `node` is not a mapping.
  /// Keys outside `known` are reported as warnings, with a suggestion when one is close.
  init?(_ node: Node, field: String, in document: YAMLDocument, log: DiagnosticLog, known: [String]) {
    guard let mapping = node.mapping else {
      log.error(.wrongType(field: field, expected: .mapping), at: document.location(of: node))
      return nil
    }
    self.document = document
    self.node = node
    self.log = log
    var values: [String: Node] = [:]
    values.reserveCapacity(mapping.count)
    for (key, value) in mapping {
      let name = key.string ?? ""
      values[name] = value
      guard !known.contains(name) else { continue }
      if case .scalar(let value) = value, value.string.isEmpty,
        name.contains(" ") || !name.allSatisfy(\.isASCII)
      {
        // `{ vi: Công khai, minh bạch }` parses as `vi: Công khai` plus a key `minh bạch`.
        log.warning(.textSplitAtComma(name), at: document.location(of: key))
      } else {
        log.warning(
          .unknownField(name, suggestion: closestMatch(to: name, in: known)), at: document.location(of: key))
      }
    }
    self.values = values
  }

  /// Where the mapping starts.
  var location: SourceLocation { document.location(of: node) }

  /// Where the value of `key` stands, or the mapping's start when the key is absent.
  func location(of key: String) -> SourceLocation {
    value(key).map(document.location(of:)) ?? location
  }

  /// The value node of `key`, treating an explicit null (`key:` with nothing after it) as absent.
  func value(_ key: String) -> Node? {
    guard let value = values[key] else { return nil }
    if case .scalar(let scalar) = value, scalar.style == .plain, value.null != nil || scalar.string.isEmpty {
      return nil
    }
    return value
  }

  func has(_ key: String) -> Bool { values[key] != nil }

  private func missing(_ key: String, required: Bool) {
    guard required else { return }
    if has(key) {
      log.error(.emptyField(key), at: location(of: key))
    } else {
      log.error(.missingField(key), at: location)
    }
  }

  /// A scalar read as text (numbers and booleans are taken as written), NFC-checked.
  func string(_ key: String, required: Bool = false) -> String? {
    guard let value = value(key) else {
      missing(key, required: required)
      return nil
    }
    return scalarText(value, field: key, required: required)
  }

  func scalarText(_ value: Node, field: String, required: Bool = true) -> String? {
    guard case .scalar(let scalar) = value else {
      log.error(.wrongType(field: field, expected: .text), at: document.location(of: value))
      return nil
    }
    let text = scalar.string.trimmedOfWhitespace
    if text.isEmpty {
      if required { log.error(.emptyField(field), at: document.location(of: value)) }
      return nil
    }
    let normalized = text.normalizedForLoading
    if !normalized.wasNFC {
      log.error(.notNFC(field: field), at: document.location(of: value))
    }
    return normalized.text
  }

  /// A text in Vietnamese, or a mapping with `vi` and optionally `en`.
  func text(_ key: String, required: Bool = false) -> LocalizedText? {
    guard let value = value(key) else {
      missing(key, required: required)
      return nil
    }
    return localizedText(value, field: key)
  }

  func localizedText(_ value: Node, field: String) -> LocalizedText? {
    switch value {
    case .scalar:
      return scalarText(value, field: field).map { LocalizedText(vi: $0) }
    case .mapping:
      guard let reader = FieldReader(value, field: field, in: document, log: log, known: ["vi", "en"]) else {
        return nil
      }
      guard let vi = reader.string("vi", required: true) else { return nil }
      return LocalizedText(vi: vi, en: reader.string("en"))
    default:
      log.error(.wrongType(field: field, expected: .textOrTranslations), at: document.location(of: value))
      return nil
    }
  }

  /// A whole number, optionally within `range`.
  func int(_ key: String, required: Bool = false, in range: ClosedRange<Int>? = nil) -> Int? {
    guard let value = value(key) else {
      missing(key, required: required)
      return nil
    }
    guard case .scalar = value, let number = value.int else {
      log.error(.wrongType(field: key, expected: .number), at: document.location(of: value))
      return nil
    }
    if let range, !range.contains(number) {
      log.error(
        .numberOutOfRange(
          field: key, value: String(number), range: "\(range.lowerBound)-\(range.upperBound)"),
        at: document.location(of: value))
      return nil
    }
    return number
  }

  /// A number (whole or decimal), optionally within `range`.
  func double(_ key: String, required: Bool = false, in range: ClosedRange<Double>? = nil) -> Double? {
    guard let value = value(key) else {
      missing(key, required: required)
      return nil
    }
    guard case .scalar = value, let number = value.float ?? value.int.map(Double.init) else {
      log.error(.wrongType(field: key, expected: .number), at: document.location(of: value))
      return nil
    }
    if let range, !range.contains(number) {
      log.error(
        .numberOutOfRange(
          field: key, value: plain(number), range: "\(plain(range.lowerBound))-\(plain(range.upperBound))"),
        at: document.location(of: value))
      return nil
    }
    return number
  }

  /// A number as an author would write it: `120`, not `120.0`.
  private func plain(_ number: Double) -> String {
    number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
  }

  func bool(_ key: String) -> Bool? {
    guard let value = value(key) else { return nil }
    guard case .scalar(let scalar) = value, let flag = Self.boolean(scalar) else {
      log.error(.wrongType(field: key, expected: .boolean), at: document.location(of: value))
      return nil
    }
    return flag
  }

  /// A plain scalar spelled as a YAML 1.1 boolean (`true`, `yes`, `on`, `false`, `no`, `off` in
  /// lower, capitalised or upper case), the way Yams' default resolver reads one. A quoted
  /// scalar is text, never a boolean.
  static func boolean(_ scalar: Node.Scalar) -> Bool? {
    guard scalar.style == .plain || scalar.style == .any else { return nil }
    switch scalar.string {
    case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
    case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
    default: return nil
    }
  }

  /// One of an enumeration's raw values.
  func choice<Value: RawRepresentable & CaseIterable>(
    _ key: String, as type: Value.Type, required: Bool = false
  ) -> Value? where Value.RawValue == String {
    guard let text = string(key, required: required) else { return nil }
    guard let value = Value(rawValue: text) else {
      log.error(
        .invalidValue(field: key, value: text, allowed: Value.allCases.map(\.rawValue)), at: location(of: key)
      )
      return nil
    }
    return value
  }

  /// The items of a list. A single scalar counts as a list of one where `allowsSingle` (so
  /// `papi: D1` reads like `papi: [D1]`); lists of mappings set it to false.
  func list(_ key: String, required: Bool = false, allowsSingle: Bool = true) -> [Node]? {
    guard let value = value(key) else {
      missing(key, required: required)
      return nil
    }
    switch value {
    case .sequence(let sequence): return Array(sequence)
    case .scalar where allowsSingle: return [value]
    default:
      log.error(.wrongType(field: key, expected: .list), at: document.location(of: value))
      return nil
    }
  }

  /// A list of texts (a single text counts as a list of one).
  func strings(_ key: String, required: Bool = false) -> [String]? {
    list(key, required: required)?.compactMap { scalarText($0, field: key) }
  }

  /// A single id that refers to something defined elsewhere.
  func reference(_ key: String, required: Bool = false) -> Reference? {
    guard let value = value(key) else {
      missing(key, required: required)
      return nil
    }
    return scalarText(value, field: key).map { Reference($0, at: document.location(of: value)) }
  }

  /// A list of ids that refer to things defined elsewhere; `minimum` entries at least.
  func references(_ key: String, required: Bool = false, minimum: Int = 0) -> [Reference]? {
    guard let items = list(key, required: required) else { return nil }
    let references = items.compactMap { item in
      scalarText(item, field: key).map { Reference($0, at: document.location(of: item)) }
    }
    if references.count < minimum {
      log.error(.tooFewItems(field: key, minimum: minimum), at: location(of: key))
    }
    return references
  }

  /// An entity's own id, checked for form: lower-case ASCII letters, digits and hyphens.
  func id(_ key: String = "id") -> String? {
    guard let id = string(key, required: true) else { return nil }
    if !Identifier.isValid(id) {
      log.error(.invalidID(id), at: location(of: key))
    }
    return id
  }

  /// A source: one `document` + `article`/`indicator` mapping, or a list of them (the main
  /// citation first).
  func sources(_ key: String, required: Bool = false) -> [LegalSource]? {
    guard let value = value(key) else {
      missing(key, required: required)
      return nil
    }
    if case .sequence(let items) = value {
      let sources = items.compactMap { legalSource($0, field: key) }
      if items.isEmpty { log.error(.tooFewItems(field: key, minimum: 1), at: document.location(of: value)) }
      return sources.count == items.count && !sources.isEmpty ? sources : nil
    }
    return legalSource(value, field: key).map { [$0] }
  }

  static let sourceFields = ["document", "article", "clause", "point", "indicator", "history"]

  func legalSource(_ value: Node, field: String) -> LegalSource? {
    guard
      let reader = FieldReader(value, field: field, in: document, log: log, known: Self.sourceFields)
    else { return nil }
    guard let document = reader.string("document", required: true) else { return nil }
    let source = LegalSource(
      document: document, article: reader.string("article"), clause: reader.string("clause"),
      point: reader.string("point"), indicator: reader.string("indicator"),
      history: reader.bool("history") ?? false, location: reader.location)
    if source.article == nil, source.indicator == nil {
      log.error(.sourceNeedsArticleOrIndicator, at: reader.location)
    }
    return source
  }
}

/// The rule for ids of courses, modules, lessons, questions, quizzes and areas.
public enum Identifier {
  /// Lower-case ASCII letters, digits and hyphens, starting with a letter; at most 64 characters.
  public static func isValid(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, ("a"..."z").contains(first), id.unicodeScalars.count <= 64
    else {
      return false
    }
    return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }
}

import Curriculum

/// How a question's legal source is written as one text, in a spreadsheet cell, a Moodle tag or a
/// feedback line, and read back. Kept in one place so it can follow the course format's source
/// field (a registry id with its article) when that settles.
///
/// The form is `document | article`, or `document | indicator: ...` for a PAPI indicator:
/// `Nghị định 118/2025/NĐ-CP | Điều 5, khoản 2`. A trainer's `document, Điều 5` is read too.
public enum SourceText {
  static let separator = " | "
  static let indicatorLabels = ["indicator:", "chỉ số:"]
  static let articleWords = ["Điều", "điều", "Article", "article", "Khoản", "khoản"]

  /// The source as one line of text.
  public static func format(_ source: LegalSource) -> String {
    if let article = source.article { return source.document + separator + article }
    if let indicator = source.indicator { return source.document + separator + "indicator: " + indicator }
    return source.document
  }

  /// A source read from `text`, or nil when it is empty. A text with no article or indicator
  /// gives a source with only its document, which `lint` then reports.
  public static func parse(_ text: String) -> LegalSource? {
    let trimmed = text.trimmingWhitespace
    guard !trimmed.isEmpty else { return nil }
    if let bar = trimmed.utf8Range(of: "|") {
      let document = String(trimmed[..<bar.lowerBound]).trimmingWhitespace
      let rest = String(trimmed[bar.upperBound...]).trimmingWhitespace
      for label in indicatorLabels where rest.lowercased().hasPrefix(label) {
        return LegalSource(
          document: document, indicator: String(rest.dropFirst(label.count)).trimmingWhitespace)
      }
      return LegalSource(document: document, article: rest.isEmpty ? nil : rest)
    }
    for word in articleWords where trimmed.containsUTF8(word) {
      if let comma = trimmed.utf8Range(of: ", " + word) {
        return LegalSource(
          document: String(trimmed[..<comma.lowerBound]).trimmingWhitespace,
          article: String(trimmed[trimmed.index(comma.lowerBound, offsetBy: 2)...]).trimmingWhitespace)
      }
    }
    return LegalSource(document: trimmed)
  }
}

extension String {
  /// This text without white space (and line breaks) at either end.
  var trimmingWhitespace: String {
    func isPlain(_ byte: UInt8?) -> Bool {
      guard let byte else { return false }
      return byte > 0x20 && byte < 0x80
    }
    if isPlain(utf8.first), isPlain(utf8.last) { return self }
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
    return String(scalars[first...last])
  }
}

extension SourceText {
  /// The `source:` field of a course file for `source`; a missing source (or one without its
  /// article) is written with empty values and a to-fill mark, which `lint` reports at its line.
  static func yamlField(_ source: LegalSource?) -> String {
    guard let source else {
      return "source: { document: \"\", article: \"\" }  "
        + CourseYAML.toFill("căn cứ pháp lý", "legal source")
    }
    let document = "document: " + CourseYAML.quoted(source.document)
    if let article = source.article {
      return "source: { \(document), article: \(CourseYAML.quoted(article)) }"
    }
    if let indicator = source.indicator {
      return "source: { \(document), indicator: \(CourseYAML.quoted(indicator)) }"
    }
    return "source: { \(document), article: \"\" }  " + CourseYAML.toFill("điều, khoản", "article")
  }
}

import Curriculum
import Localization

/// What papi-train knows about a question and Moodle has no field for (PAPI codes, area,
/// difficulty, positions, module, situation, how short answers match), carried as Moodle tags
/// `papi:D5.3`, `area:...`, `difficulty:easy`, `position:...`, `module:...`, `scenario`,
/// `match:exact`; other tags are the question's own. Moodle keeps tags on import and export.
enum MetadataTags {
  /// The tag marking an ordering question exported as matching (Moodle has no ordering type).
  static let ordering = "papi-train:ordering"

  static func tags(for question: BankQuestion) -> [String] {
    var tags = question.papi.map { "papi:" + $0 }
    if let area = question.area { tags.append("area:" + area) }
    if let difficulty = question.difficulty { tags.append("difficulty:" + difficulty.rawValue) }
    tags += question.positions.map { "position:" + $0 }
    if let module = question.module { tags.append("module:" + module) }
    if question.scenario { tags.append("scenario") }
    if case .shortAnswer(_, .exact) = question.body { tags.append("match:exact") }
    if case .ordering = question.body { tags.append(ordering) }
    return tags + question.tags
  }

  /// Reads `tags` into `question`; returns whether the question was exported as ordering.
  @discardableResult
  static func apply(_ tags: [String], to question: inout BankQuestion) -> Bool {
    var isOrdering = false
    for tag in tags.map(\.trimmingWhitespace) where !tag.isEmpty {
      if let value = tag.value(after: "papi:") {
        question.papi.append(value)
      } else if let value = tag.value(after: "area:") {
        question.area = value
      } else if let value = tag.value(after: "difficulty:"), let difficulty = Difficulty(rawValue: value) {
        question.difficulty = difficulty
      } else if let value = tag.value(after: "position:") {
        question.positions.append(value)
      } else if let value = tag.value(after: "module:") {
        question.module = value
      } else if tag == "scenario" {
        question.scenario = true
      } else if tag == "match:exact" {
        if case .shortAnswer(let accepted, _) = question.body {
          question.body = .shortAnswer(accepted: accepted, matching: .exact)
        }
      } else if tag == ordering {
        isOrdering = true
      } else {
        question.tags.append(tag)
      }
    }
    return isOrdering
  }
}

extension String {
  fileprivate func value(after prefix: String) -> String? {
    guard hasPrefix(prefix) else { return nil }
    let value = String(dropFirst(prefix.count)).trimmingWhitespace
    return value.isEmpty ? nil : value
  }
}

/// The general feedback Moodle shows after a question: papi-train's explanation, then the legal
/// source on a line of its own (`Căn cứ: ...` in Vietnamese, `Source: ...` in English), so a
/// learner in Moodle sees where the answer rests and an import gets the source back.
enum GeneralFeedback {
  static let vietnameseLabel = "Căn cứ: "
  static let englishLabel = "Source: "

  static func compose(explanation: LocalizedText?, sources: [LegalSource]) -> LocalizedText? {
    guard !sources.isEmpty else { return explanation }
    let line = vietnameseLabel + SourceText.format(sources, in: .vietnamese)
    let vi = [explanation?.vi, line].compactMap { $0 }.joined(separator: "\n\n")
    let en = explanation?.en.map { $0 + "\n\n" + englishLabel + SourceText.format(sources, in: .english) }
    return LocalizedText(vi: vi, en: en)
  }

  /// The explanation and the text of the sources line (`Căn cứ: ...`) written in a general
  /// feedback; the Vietnamese line is the one read back.
  static func split(_ feedback: LocalizedText) -> (explanation: LocalizedText?, sources: String?) {
    let (vi, sources) = cut(feedback.vi, label: vietnameseLabel)
    let en = feedback.en.map { cut($0, label: englishLabel).text }
    guard let vi, !vi.isEmpty else { return (nil, sources) }
    return (LocalizedText(vi: vi, en: en ?? nil), sources)
  }

  private static func cut(_ text: String, label: String) -> (text: String?, sources: String?) {
    let split = text.lastUTF8Range(of: "\n\n")
    let last = String(split.map { text[$0.upperBound...] } ?? text[...]).trimmingWhitespace
    guard last.hasPrefix(label) else {
      let whole = text.trimmingWhitespace
      return (whole.isEmpty ? nil : whole, nil)
    }
    let rest = split.map { String(text[..<$0.lowerBound]).trimmingWhitespace } ?? ""
    return (rest.isEmpty ? nil : rest, String(last.dropFirst(label.count)))
  }
}

import Curriculum
import Localization

/// Writes questions in GIFT, as Moodle imports them: the id as name and `[id:...]`, papi-train's
/// fields as `[tag:...]` comments, the explanation and legal source as general feedback. Texts in
/// two languages are written as HTML with Moodle's multi-language spans; others as plain text.
public struct GIFTWriter: Sendable {
  public init() {}

  public func text(for questions: [BankQuestion]) -> String {
    var out = "// papi-train export-questions: GIFT (UTF-8)\n\n"
    var category: [String]?
    for question in questions {
      if question.category != category, !question.category.isEmpty {
        out +=
          "$CATEGORY: $course$/top/"
          + question.category.map { $0.replacingOccurrences(of: "/", with: "-") }
          .joined(separator: "/") + "\n\n"
        category = question.category
      }
      out += entry(question) + "\n"
    }
    return out
  }

  private func entry(_ question: BankQuestion) -> String {
    let html = Self.needsHTML(question)
    func text(_ value: LocalizedText) -> String {
      GIFTEscapes.escape(html ? RichText.html(value) : value.vi)
    }
    var lines: [String] = []
    if case .ordering = question.body { lines.append("// " + ExportNote.ordering) }
    if let id = question.id { lines.append("// [id:\(id)]") }
    let tags = MetadataTags.tags(for: question)
    if !tags.isEmpty { lines.append("// " + tags.map { "[tag:\($0)]" }.joined(separator: " ")) }
    let name = question.id.map { "::" + GIFTEscapes.escape($0) + "::" } ?? ""
    var head = name + (html ? "[html]" : "") + text(question.prompt) + " {"
    let answers = self.answers(question.body, text: text)
    if let feedback = GeneralFeedback.compose(explanation: question.explanation, sources: question.sources) {
      head += "\n" + answers.map { "\t" + $0 }.joined(separator: "\n") + "\n\t####" + text(feedback) + "\n}"
    } else {
      head += "\n" + answers.map { "\t" + $0 }.joined(separator: "\n") + "\n}"
    }
    lines.append(head)
    return lines.joined(separator: "\n") + "\n"
  }

  static func needsHTML(_ question: BankQuestion) -> Bool {
    if question.prompt.en != nil || question.explanation?.en != nil { return true }
    switch question.body {
    case .singleChoice(let options, _), .multipleChoice(let options, _):
      return options.contains { $0.text.en != nil }
    case .matching(let pairs): return pairs.contains { $0.left.en != nil || $0.right.en != nil }
    case .ordering(let items): return items.contains { $0.en != nil }
    default: return false
    }
  }

  private func answers(_ body: QuestionBody, text: (LocalizedText) -> String) -> [String] {
    switch body {
    case .singleChoice(let options, let answer):
      return options.map { ($0.id == answer ? "=" : "~") + text($0.text) }
    case .multipleChoice(let options, let answers):
      let right = MoodleWeights.right(count: answers.count)
      let wrong = MoodleWeights.wrong(count: options.count - answers.count)
      return options.map { "~%" + (answers.contains($0.id) ? right : wrong) + "%" + text($0.text) }
    case .trueFalse(let answer):
      return [answer ? "TRUE" : "FALSE"]
    case .shortAnswer(let accepted, _):
      return accepted.map { "=" + GIFTEscapes.escape($0) }
    case .matching(let pairs):
      return pairs.map { "=" + text($0.left) + " -> " + text($0.right) }
    case .ordering(let items):
      return items.enumerated().map { "=" + text($0.element) + " -> \($0.offset + 1)" }
    }
  }
}

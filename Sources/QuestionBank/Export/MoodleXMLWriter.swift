import Curriculum
import Localization

/// Writes questions as Moodle XML: categories, the id as `<idnumber>`, papi-train's fields as
/// tags, texts as HTML (two languages as multi-language spans), the explanation and legal source
/// as general feedback. Ordering questions, which Moodle lacks, become matching questions
/// (items to positions) with a note and a tag that brings them back as ordering.
public struct MoodleXMLWriter: Sendable {
  public init() {}

  public func text(for questions: [BankQuestion]) -> String {
    var out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- papi-train export-questions: Moodle XML -->\n<quiz>\n"
    var category: [String]?
    for question in questions {
      if question.category != category, !question.category.isEmpty {
        let path =
          "$course$/top/"
          + question.category.map { $0.replacingOccurrences(of: "/", with: "-") }
          .joined(separator: "/")
        out +=
          "  <question type=\"category\">\n    <category><text>\(Self.escape(path))</text></category>\n  </question>\n"
        category = question.category
      }
      out += entry(question)
    }
    return out + "</quiz>\n"
  }

  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default:
        if scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r" { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private func html(_ tag: String, _ text: LocalizedText, indent: String = "    ") -> String {
    "\(indent)<\(tag) format=\"html\"><text>\(Self.escape(RichText.html(text)))</text></\(tag)>\n"
  }

  /// A plain text (a matching question's right-hand side), two languages as `{mlang}` blocks.
  private func plain(_ text: LocalizedText) -> String {
    guard let en = text.en else { return Self.escape(text.vi) }
    return Self.escape("{mlang vi}\(text.vi){mlang}{mlang en}\(en){mlang}")
  }

  private func entry(_ question: BankQuestion) -> String {
    var out = "  <question type=\"\(Self.type(question.body))\">\n"
    if case .ordering = question.body { out += "    <!-- \(Self.escape(ExportNote.ordering)) -->\n" }
    out += "    <name><text>\(Self.escape(question.id ?? question.name ?? ""))</text></name>\n"
    out += html("questiontext", question.prompt)
    let feedback = GeneralFeedback.compose(explanation: question.explanation, sources: question.sources)
    out += html("generalfeedback", feedback ?? LocalizedText(vi: ""))
    out += "    <defaultgrade>1</defaultgrade>\n    <penalty>0</penalty>\n    <hidden>0</hidden>\n"
    out += "    <idnumber>\(Self.escape(question.id ?? ""))</idnumber>\n"
    out += body(question.body)
    let tags = MetadataTags.tags(for: question)
    if !tags.isEmpty {
      out +=
        "    <tags>\n" + tags.map { "      <tag><text>\(Self.escape($0))</text></tag>\n" }.joined()
        + "    </tags>\n"
    }
    return out + "  </question>\n"
  }

  private static func type(_ body: QuestionBody) -> String {
    switch body {
    case .singleChoice, .multipleChoice: "multichoice"
    case .trueFalse: "truefalse"
    case .shortAnswer: "shortanswer"
    case .matching, .ordering: "matching"
    }
  }

  private func answer(_ fraction: String, _ text: LocalizedText) -> String {
    answer(fraction, html: Self.escape(RichText.html(text)), format: "html")
  }

  private func answer(_ fraction: String, html text: String, format: String) -> String {
    "    <answer fraction=\"\(fraction)\" format=\"\(format)\">\n      <text>\(text)</text>\n"
      + "      <feedback format=\"html\"><text></text></feedback>\n    </answer>\n"
  }

  private func body(_ body: QuestionBody) -> String {
    switch body {
    case .singleChoice(let options, let right):
      return
        "    <single>true</single>\n    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n"
        + options.map { answer($0.id == right ? "100" : "0", $0.text) }.joined()
    case .multipleChoice(let options, let answers):
      let right = MoodleWeights.right(count: answers.count)
      let wrong = MoodleWeights.wrong(count: options.count - answers.count)
      return
        "    <single>false</single>\n    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n"
        + options.map { answer(answers.contains($0.id) ? right : wrong, $0.text) }.joined()
    case .trueFalse(let value):
      return answer(value ? "100" : "0", html: "true", format: "moodle_auto_format")
        + answer(value ? "0" : "100", html: "false", format: "moodle_auto_format")
    case .shortAnswer(let accepted, _):
      return "    <usecase>0</usecase>\n"
        + accepted.map { answer("100", html: Self.escape($0), format: "moodle_auto_format") }.joined()
    case .matching(let pairs):
      return "    <shuffleanswers>true</shuffleanswers>\n"
        + pairs.map { subquestion($0.left, plain($0.right)) }.joined()
    case .ordering(let items):
      return "    <shuffleanswers>true</shuffleanswers>\n"
        + items.enumerated().map { subquestion($0.element, String($0.offset + 1)) }.joined()
    }
  }

  private func subquestion(_ left: LocalizedText, _ right: String) -> String {
    "    <subquestion format=\"html\">\n      <text>\(Self.escape(RichText.html(left)))</text>\n"
      + "      <answer><text>\(right)</text></answer>\n    </subquestion>\n"
  }
}

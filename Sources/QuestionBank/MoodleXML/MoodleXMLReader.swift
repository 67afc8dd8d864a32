import Curriculum
import Foundation
import Localization

/// Reads Moodle XML: multichoice (one or several right, with fractions), truefalse, shortanswer,
/// matching, numerical (as short answers when its values can be listed), categories, tags and
/// idnumbers; HTML turned into the course's Markdown. Description, essay, cloze and the rest are
/// named with the reason they are not imported; embedded files are named, not stored.
public struct MoodleXMLReader: Sendable {
  public init() {}

  public func read(_ data: Data, file: String) -> BankContents {
    var log = ProblemLog()
    guard BankText.checkUTF8(data, file: file, log: &log) else {
      return BankContents(questions: [], problems: log.problems)
    }
    let root: XMLTreeNode
    switch XMLTreeNode.parse(data) {
    case .success(let tree): root = tree
    case .failure(let error):
      log.error(.xmlSyntax(error.reason), at: BankLocation(file: file, line: error.line))
      return BankContents(questions: [], problems: log.problems)
    }
    guard root.name == "quiz" else {
      log.error(.notMoodleXML, at: BankLocation(file: file, line: root.line))
      return BankContents(questions: [], problems: log.problems)
    }
    var category: [String] = []
    var elements: [(element: XMLTreeNode, category: [String])] = []
    for element in root.all("question") {
      if element.attributes["type"] == "category" {
        category = GIFTReader.categoryPath(element.textOf("category") ?? "")
      } else {
        elements.append((element, category))
      }
    }
    // Questions are independent of each other: they are converted on every core, in order.
    let converted = elements.parallelMap { item in
      var reader = MoodleQuestionReader(element: item.element, file: file, category: item.category)
      return (reader.read(type: item.element.attributes["type"] ?? ""), reader.log.problems)
    }
    var questions: [BankQuestion] = []
    for (question, problems) in converted {
      if let question { questions.append(question) }
      log.append(problems)
    }
    if questions.isEmpty, !log.hasErrors, log.problems.isEmpty {
      log.error(.emptyBank, at: BankLocation(file: file, line: root.line))
    }
    return BankContents(questions: questions, problems: log.problems)
  }
}

/// One `<question>` element turned into a bank question.
struct MoodleQuestionReader {
  let element: XMLTreeNode
  let file: String
  let category: [String]
  var log = ProblemLog()

  private var location: BankLocation { BankLocation(file: file, line: element.line) }

  mutating func read(type: String) -> BankQuestion? {
    let body: QuestionBody?
    switch type {
    case "multichoice": body = multichoice()
    case "truefalse": body = trueFalse()
    case "shortanswer": body = shortAnswer()
    case "matching": body = matching()
    case "numerical": body = numerical()
    default:
      log.note(.unsupportedType(type.isEmpty ? "?" : type), at: location)
      return nil
    }
    guard let body else { return nil }
    guard let questionText = element.child("questiontext") else {
      log.error(.missingElement("questiontext"), at: location)
      return nil
    }
    var question = BankQuestion(body: body, prompt: text(questionText), location: location)
    question.name = element.textOf("name")?.trimmingWhitespace
    let idNumber = element.child("idnumber")?.value ?? ""
    question.id = idNumber.isEmpty ? nil : idNumber
    question.category = category
    if let general = element.child("generalfeedback"), !(general.child("text")?.value ?? "").isEmpty {
      let split = GeneralFeedback.split(text(general))
      question.explanation = split.explanation
      if let sources = split.sources {
        question.sources = SourceText.read(
          sources, at: BankLocation(file: file, line: general.line), log: &log)
      }
    }
    let feedback = answerFeedback()
    if !feedback.isEmpty {
      let joined = feedback.joined(separator: "\n")
      question.explanation = LocalizedText(
        vi: [question.explanation?.vi, joined].compactMap { $0 }.joined(separator: "\n\n"),
        en: question.explanation?.en)
    }
    let tags = element.child("tags")?.all("tag").compactMap { $0.child("text")?.value } ?? []
    if MetadataTags.apply(tags, to: &question) {
      question.body = GIFTQuestionParser.ordering(from: question.body)
    }
    return question
  }

  /// A `<... format="..."><text>...</text><file .../></...>` element's text, in Markdown.
  private mutating func text(_ holder: XMLTreeNode) -> LocalizedText {
    for file in holder.all("file") {
      log.note(
        .embeddedFile(file.attributes["name"] ?? "?"), at: BankLocation(file: self.file, line: file.line))
    }
    let raw = holder.child("text")?.text ?? ""
    let format = holder.attributes["format"] ?? "html"
    if format == "html" || (format == "moodle_auto_format" && raw.contains("<")) {
      let converted = RichText.localized(fromHTML: raw)
      for file in converted.files
      where !holder.all("file").contains(where: { file.hasSuffix($0.attributes["name"] ?? "\u{0}") }) {
        log.note(.embeddedFile(file), at: location)
      }
      return converted.text
    }
    return RichText.localized(fromPlain: raw)
  }

  private struct Answer {
    var fraction: Double
    var text: LocalizedText
    var raw: String
    var element: XMLTreeNode
  }

  private mutating func answers() -> [Answer] {
    element.all("answer").map { answer in
      Answer(
        fraction: Double(answer.attributes["fraction"] ?? "0") ?? 0, text: text(answer),
        raw: answer.child("text")?.value ?? "", element: answer)
    }
  }

  /// Each answer's own feedback, as lines of the explanation (papi-train has one explanation).
  private func answerFeedback() -> [String] {
    element.all("answer").compactMap { answer in
      guard let feedback = answer.child("feedback")?.child("text")?.value, !feedback.isEmpty else {
        return nil
      }
      let option = RichText.markdown(fromHTML: answer.child("text")?.text ?? "").text
      return "- \(option): \(RichText.markdown(fromHTML: feedback).text)"
    }
  }

  private mutating func multichoice() -> QuestionBody? {
    let answers = answers()
    guard answers.count >= 2 else {
      log.error(.tooFewOptions(minimum: 2), at: location)
      return nil
    }
    let options = answers.enumerated().map {
      Choice(id: GIFTQuestionParser.optionID($0.offset), text: $0.element.text)
    }
    let single = (element.child("single")?.value ?? "true").lowercased() != "false"
    if single {
      let full = answers.indices.filter { answers[$0].fraction >= 100 }
      guard full.count == 1 else {
        log.error(.noRightAnswer, at: location)
        return nil
      }
      if answers.contains(where: { $0.fraction > 0 && $0.fraction < 100 }) {
        log.note(.partialCreditDropped, at: location)
      }
      return .singleChoice(options: options, answer: options[full[0]].id)
    }
    let right = answers.indices.filter { answers[$0].fraction > 0 }
    guard !right.isEmpty else {
      log.error(.noRightAnswer, at: location)
      return nil
    }
    if Set(right.map { answers[$0].fraction }).count > 1 { log.note(.unevenWeights, at: location) }
    return .multipleChoice(options: options, answers: right.map { options[$0].id })
  }

  private mutating func trueFalse() -> QuestionBody? {
    guard let right = answers().first(where: { $0.fraction >= 100 }) else {
      log.error(.noRightAnswer, at: location)
      return nil
    }
    switch right.raw.lowercased() {
    case "true", "đúng": return .trueFalse(answer: true)
    case "false", "sai": return .trueFalse(answer: false)
    default:
      log.error(.badKey(right.raw), at: BankLocation(file: file, line: right.element.line))
      return nil
    }
  }

  private mutating func shortAnswer() -> QuestionBody? {
    let answers = answers()
    let full = answers.filter { $0.fraction >= 100 }
    if full.count < answers.filter({ $0.fraction > 0 }).count {
      log.note(.partialCreditDropped, at: location)
    }
    guard !full.isEmpty else {
      log.error(.noRightAnswer, at: location)
      return nil
    }
    return .shortAnswer(accepted: full.map(\.text.vi), matching: .foldDiacritics)
  }

  private mutating func matching() -> QuestionBody? {
    var pairs: [MatchingPair] = []
    for sub in element.all("subquestion") {
      let left = text(sub)
      guard !left.vi.isEmpty else {
        // A distractor: a right-hand text with no left item.
        log.note(.distractorDropped(sub.child("answer")?.child("text")?.value ?? ""), at: location)
        continue
      }
      guard let answer = sub.child("answer") else {
        log.error(.missingElement("answer"), at: BankLocation(file: file, line: sub.line))
        return nil
      }
      pairs.append(
        MatchingPair(left: left, right: RichText.localized(fromPlain: answer.child("text")?.text ?? "")))
    }
    guard pairs.count >= 2 else {
      log.error(.tooFewOptions(minimum: 2), at: location)
      return nil
    }
    return .matching(pairs: pairs)
  }

  private mutating func numerical() -> QuestionBody? {
    let answers = answers()
    let full = answers.filter { $0.fraction >= 100 }
    if full.count < answers.filter({ $0.fraction > 0 }).count {
      log.note(.partialCreditDropped, at: location)
    }
    var accepted: [String] = []
    for answer in full {
      let tolerance = answer.element.child("tolerance")?.value ?? "0"
      let spec = answer.raw + ":" + (tolerance.isEmpty ? "0" : tolerance)
      guard
        let values = NumericalAnswer.values(
          spec, log: &log, at: BankLocation(file: file, line: answer.element.line))
      else { return nil }
      accepted += values
    }
    guard !accepted.isEmpty else {
      log.error(.noRightAnswer, at: location)
      return nil
    }
    return .shortAnswer(accepted: accepted, matching: .exact)
  }
}

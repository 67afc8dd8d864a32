import Curriculum
import Foundation
import Localization

/// Reads Moodle's GIFT format: multiple choice (one or several right, with weights), true/false,
/// short answer, matching, numerical (as short answers when its values can be listed), missing
/// word, categories, comments with `[id:...]` and `[tag:...]`, escapes, per-answer and general
/// feedback. Essays and descriptions are named, not dropped.
public struct GIFTReader: Sendable {
  public init() {}

  public func read(_ data: Data, file: String) -> BankContents {
    BankText.read(data, file: file) { text, log in
      var questions: [BankQuestion] = []
      // Questions are independent of each other: they are parsed on every core, in order.
      let parsed = Self.blocks(text.lines).parallelMap { block in
        var parser = GIFTQuestionParser(block: block, file: file)
        return (parser.parse(), parser.log.problems)
      }
      for (question, problems) in parsed {
        if let question { questions.append(question) }
        log.append(problems)
      }
      if questions.isEmpty, !log.hasErrors, log.problems.isEmpty {
        log.error(.emptyBank, at: BankLocation(file: file, line: 1))
      }
      return questions
    }
  }

  /// One question's lines, with the comments' ids and tags and the category in force.
  struct Block: Sendable {
    var lines: [String] = []
    var startLine = 0
    var ids: [String] = []
    var tags: [String] = []
    var category: [String] = []
  }

  static func blocks(_ lines: [Substring]) -> [Block] {
    var blocks: [Block] = []
    var current: Block?
    var pending = Block()
    var category: [String] = []
    func finish() {
      guard var block = current else { return }
      block.ids = pending.ids
      block.tags = pending.tags
      block.category = category
      blocks.append(block)
      current = nil
      pending = Block()
    }
    for (index, line) in lines.enumerated() {
      let trimmed = String(line).trimmingWhitespace
      if trimmed.hasPrefix("//") {
        pending.ids += bracketed("[id:", in: trimmed)
        pending.tags += bracketed("[tag:", in: trimmed)
      } else if trimmed.isEmpty {
        finish()
      } else if current == nil, trimmed.hasPrefix("$CATEGORY:") {
        category = categoryPath(String(trimmed.dropFirst("$CATEGORY:".count)))
        pending = Block()
      } else {
        if current == nil { current = Block(startLine: index + 1) }
        current?.lines.append(String(line))
      }
    }
    finish()
    return blocks
  }

  /// The values of every `[id:...]` (or `[tag:...]`) in a comment line.
  static func bracketed(_ opening: String, in line: String) -> [String] {
    var values: [String] = []
    var rest = Substring(line)
    while let start = rest.utf8Range(of: opening) {
      rest = rest[start.upperBound...]
      guard let end = rest.firstIndex(of: "]") else { break }
      values.append(String(rest[..<end]).trimmingWhitespace)
      rest = rest[rest.index(after: end)...]
    }
    return values
  }

  /// `$course$/top/Một cửa/Tiếp nhận` as its named parts: `[Một cửa, Tiếp nhận]`.
  static func categoryPath(_ text: String) -> [String] {
    var parts = text.split(separator: "/").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    if let first = parts.first, first.hasPrefix("$"), first.hasSuffix("$") { parts.removeFirst() }
    if parts.first == "top" { parts.removeFirst() }
    return parts
  }
}

/// One GIFT question block turned into a bank question.
struct GIFTQuestionParser {
  let block: GIFTReader.Block
  let file: String
  var log = ProblemLog()
  private var isHTML = false

  init(block: GIFTReader.Block, file: String) {
    self.block = block
    self.file = file
  }

  private var location: BankLocation { BankLocation(file: file, line: block.startLine) }

  mutating func parse() -> BankQuestion? {
    var raw = Substring(GIFTEscapes.protect(block.lines.joined(separator: "\n")))
    var name: String?
    if raw.hasPrefix("::"), let end = raw.dropFirst(2).utf8Range(of: "::") {
      name =
        GIFTEscapes.restore(String(raw[raw.index(raw.startIndex, offsetBy: 2)..<end.lowerBound]))
        .trimmingWhitespace
      raw = raw[end.upperBound...]
    }
    raw = raw.drop { $0.isWhitespace }
    if raw.hasPrefix("["), let close = raw.firstIndex(of: "]") {
      let marker = raw[raw.index(after: raw.startIndex)..<close].lowercased()
      switch marker {
      case "html": isHTML = true
      case "moodle", "plain", "markdown": break
      default:
        log.error(.unknownFormatMarker(marker), at: location)
        return nil
      }
      raw = raw[raw.index(after: close)...]
    }
    guard let open = raw.utf8.firstIndex(of: UInt8(ascii: "{")) else {
      log.note(.unsupportedType("description"), at: location)
      return nil
    }
    guard let close = raw.utf8[open...].firstIndex(of: UInt8(ascii: "}")) else {
      log.error(.unclosedAnswers, at: line(of: open, in: raw))
      return nil
    }
    let before = String(raw[..<open]).trimmingWhitespace
    let after = String(raw[raw.index(after: close)...]).trimmingWhitespace
    let promptRaw = after.isEmpty ? before : before + " _____ " + after
    let inside = String(raw[raw.index(after: open)..<close])
    guard var question = answers(inside, prompt: text(promptRaw)) else { return nil }
    question.name = name
    question.id = block.ids.first
    question.category = block.category
    if MetadataTags.apply(block.tags, to: &question) { question.body = Self.ordering(from: question.body) }
    return question
  }

  private func line(of index: Substring.Index, in text: Substring) -> BankLocation {
    BankLocation(file: file, line: block.startLine + text[..<index].filter { $0 == "\n" }.count)
  }

  /// A part's text: escapes restored, HTML turned into Markdown, languages separated.
  private mutating func text(_ raw: String) -> LocalizedText {
    let restored = GIFTEscapes.restore(raw).trimmingWhitespace
    guard isHTML else { return RichText.localized(fromPlain: restored) }
    let converted = RichText.localized(fromHTML: restored)
    for file in converted.files { log.note(.embeddedFile(file), at: location) }
    return converted.text
  }

  // MARK: Answers

  private struct Answer {
    var right: Bool
    var weight: Double?
    var text: String
    var feedback: String?
  }

  private mutating func answers(_ inside: String, prompt: LocalizedText) -> BankQuestion? {
    var body = inside
    var general: String?
    if let range = body.utf8Range(of: "####") {
      general = String(body[range.upperBound...])
      body = String(body[..<range.lowerBound])
    }
    let trimmed = body.trimmingWhitespace
    var feedbackLines: [String] = []
    let questionBody: QuestionBody?
    if trimmed.isEmpty {
      log.note(.unsupportedType("essay"), at: location)
      return nil
    } else if let trueFalse = trueFalse(trimmed, feedback: &feedbackLines) {
      questionBody = trueFalse
    } else if trimmed.hasPrefix("#") {
      questionBody = numerical(String(trimmed.dropFirst()))
    } else {
      questionBody = choices(trimmed, feedback: &feedbackLines)
    }
    guard let questionBody else { return nil }
    var question = BankQuestion(body: questionBody, prompt: prompt, location: location)
    var split: (explanation: LocalizedText?, sources: String?)?
    if let general { split = GeneralFeedback.split(text(general)) }
    if let sources = split?.sources { question.sources = SourceText.read(sources, at: location, log: &log) }
    var explanation = split?.explanation
    if !feedbackLines.isEmpty {
      let joined = feedbackLines.joined(separator: "\n")
      explanation = LocalizedText(
        vi: [explanation?.vi, joined].compactMap { $0 }.joined(separator: "\n\n"), en: explanation?.en)
    }
    question.explanation = explanation
    return question
  }

  private mutating func trueFalse(_ text: String, feedback: inout [String]) -> QuestionBody? {
    guard let first = text.utf8.first,
      first == UInt8(ascii: "T") || first == UInt8(ascii: "F")
        || first == UInt8(ascii: "t") || first == UInt8(ascii: "f")
    else { return nil }
    let parts = text.split(separator: "#", omittingEmptySubsequences: false).map {
      String($0).trimmingWhitespace
    }
    let value: Bool
    switch parts[0].uppercased() {
    case "T", "TRUE": value = true
    case "F", "FALSE": value = false
    default: return nil
    }
    for part in parts.dropFirst() where !part.isEmpty { feedback.append("- " + self.text(part).vi) }
    return .trueFalse(answer: value)
  }

  private mutating func splitAnswers(_ text: String) -> [Answer]? {
    var answers: [Answer] = []
    var current: (right: Bool, text: String)?
    func flush(_ log: inout ProblemLog, _ location: BankLocation) -> Bool {
      guard let (right, raw) = current else { return true }
      var rest = Substring(raw).drop { $0.isWhitespace }
      var weight: Double?
      if rest.hasPrefix("%") {
        let inner = rest.dropFirst()
        guard let end = inner.firstIndex(of: "%"), let number = Double(inner[..<end]) else {
          log.error(.badWeight(String(rest.prefix(12))), at: location)
          return false
        }
        weight = number
        rest = inner[inner.index(after: end)...]
      }
      var feedback: String?
      if let hash = rest.firstIndex(of: "#") {
        feedback = String(rest[rest.index(after: hash)...]).trimmingWhitespace
        rest = rest[..<hash]
      }
      answers.append(
        Answer(right: right, weight: weight, text: String(rest).trimmingWhitespace, feedback: feedback))
      return true
    }
    // The markers are ASCII: the answers are found byte by byte, each kept as a slice of `text`.
    let bytes = text.utf8
    var start: String.Index?
    var index = bytes.startIndex
    while index != bytes.endIndex {
      let byte = bytes[index]
      if byte == UInt8(ascii: "=") || byte == UInt8(ascii: "~") {
        if let start { current?.text = String(text[start..<index]) }
        guard flush(&log, location) else { return nil }
        current = (byte == UInt8(ascii: "="), "")
        start = bytes.index(after: index)
      } else if current == nil, !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D) {
        log.error(.noRightAnswer, at: location)
        return nil
      }
      bytes.formIndex(after: &index)
    }
    if let start { current?.text = String(text[start...]) }
    guard flush(&log, location) else { return nil }
    return answers
  }

  private mutating func choices(_ text: String, feedback: inout [String]) -> QuestionBody? {
    guard let answers = splitAnswers(text) else { return nil }
    let pairs = answers.filter { $0.text.containsUTF8("->") }
    if !pairs.isEmpty {
      guard pairs.count == answers.count, answers.allSatisfy(\.right) else {
        log.error(.mixedAnswerKinds, at: location)
        return nil
      }
      return matching(answers)
    }
    for answer in answers {
      if let note = answer.feedback, !note.isEmpty {
        feedback.append("- \(self.text(answer.text).vi): \(self.text(note).vi)")
      }
    }
    if answers.allSatisfy(\.right) {
      let full = answers.filter { ($0.weight ?? 100) >= 100 }
      if full.count < answers.count { log.note(.partialCreditDropped, at: location) }
      guard !full.isEmpty else {
        log.error(.noRightAnswer, at: location)
        return nil
      }
      return .shortAnswer(accepted: full.map { self.text($0.text).vi }, matching: .foldDiacritics)
    }
    guard answers.count >= 2 else {
      log.error(.tooFewOptions(minimum: 2), at: location)
      return nil
    }
    let options = answers.enumerated().map { index, answer in
      Choice(id: Self.optionID(index), text: self.text(answer.text))
    }
    let marked = answers.indices.filter { answers[$0].right }
    let positive = answers.indices.filter {
      !answers[$0].right && ($0 < answers.count && (answers[$0].weight ?? 0) > 0)
    }
    if marked.count == 1, positive.isEmpty {
      return .singleChoice(options: options, answer: options[marked[0]].id)
    }
    if marked.isEmpty, !positive.isEmpty {
      if Set(positive.map { answers[$0].weight }).count > 1 { log.note(.unevenWeights, at: location) }
      return .multipleChoice(options: options, answers: positive.map { options[$0].id })
    }
    if marked.count == 1 {
      log.note(.partialCreditDropped, at: location)
      return .singleChoice(options: options, answer: options[marked[0]].id)
    }
    if marked.isEmpty {
      log.error(.noRightAnswer, at: location)
      return nil
    }
    return .multipleChoice(options: options, answers: marked.map { options[$0].id })
  }

  private mutating func matching(_ answers: [Answer]) -> QuestionBody? {
    let pairs = answers.map { answer -> MatchingPair in
      let arrow = answer.text.utf8Range(of: "->")
      let left = arrow.map { String(answer.text[..<$0.lowerBound]) } ?? answer.text
      let right = arrow.map { String(answer.text[$0.upperBound...]) } ?? ""
      return MatchingPair(left: text(left), right: text(right))
    }
    guard pairs.count >= 2 else {
      log.error(.tooFewOptions(minimum: 2), at: location)
      return nil
    }
    return .matching(pairs: pairs)
  }

  private mutating func numerical(_ text: String) -> QuestionBody? {
    let trimmed = text.trimmingWhitespace
    let parts: [Answer]
    if trimmed.hasPrefix("=") {
      guard let split = splitAnswers(trimmed) else { return nil }
      parts = split
    } else {
      var answer = trimmed
      if let hash = answer.firstIndex(of: "#") { answer = String(answer[..<hash]) }
      parts = [Answer(right: true, weight: nil, text: answer.trimmingWhitespace)]
    }
    let full = parts.filter { ($0.weight ?? 100) >= 100 }
    if full.count < parts.count { log.note(.partialCreditDropped, at: location) }
    var accepted: [String] = []
    for part in full {
      guard let values = NumericalAnswer.values(GIFTEscapes.restore(part.text), log: &log, at: location)
      else {
        return nil
      }
      accepted += values
    }
    guard !accepted.isEmpty else {
      log.error(.noRightAnswer, at: location)
      return nil
    }
    return .shortAnswer(accepted: accepted, matching: .exact)
  }

  static func optionID(_ index: Int) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    return index < letters.count ? String(letters[index]) : "o\(index + 1)"
  }

  /// An ordering question exported as matching (items on the left, positions 1, 2, ... on the
  /// right) read back as ordering.
  static func ordering(from body: QuestionBody) -> QuestionBody {
    guard case .matching(let pairs) = body else { return body }
    let ranked = pairs.compactMap { pair in Int(pair.right.vi).map { ($0, pair.left) } }
    guard ranked.count == pairs.count, Set(ranked.map(\.0)) == Set(1...pairs.count) else { return body }
    return .ordering(items: ranked.sorted { $0.0 < $1.0 }.map(\.1))
  }
}

/// A numerical answer (`42`, `42:0`, `1822:2`, `1..5`) as the short answers it accepts: only
/// whole numbers in a range of at most 21 values can be listed; anything else is refused.
enum NumericalAnswer {
  static let maximumValues = 21

  static func values(_ text: String, log: inout ProblemLog, at location: BankLocation) -> [String]? {
    let trimmed = text.trimmingWhitespace
    guard !trimmed.isEmpty else {
      log.error(.badNumber(text), at: location)
      return nil
    }
    if let dots = trimmed.utf8Range(of: "..") {
      let low = String(trimmed[..<dots.lowerBound]).trimmingWhitespace
      let high = String(trimmed[dots.upperBound...]).trimmingWhitespace
      return range(low, high, detail: trimmed, log: &log, at: location)
    }
    let parts = trimmed.split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespace }
    guard let value = Double(parts[0]) else {
      log.error(.badNumber(parts[0]), at: location)
      return nil
    }
    guard parts.count == 2 else { return [parts[0]] }
    guard let tolerance = Double(parts[1]) else {
      log.error(.badNumber(parts[1]), at: location)
      return nil
    }
    if tolerance == 0 { return [parts[0]] }
    return range(
      plain(value - tolerance), plain(value + tolerance), detail: "\(parts[0]) ± \(parts[1])", log: &log,
      at: location)
  }

  private static func range(
    _ low: String, _ high: String, detail: String, log: inout ProblemLog, at location: BankLocation
  ) -> [String]? {
    guard let lowValue = Double(low), let highValue = Double(high) else {
      log.error(.badNumber(detail), at: location)
      return nil
    }
    guard let first = Int(exactly: lowValue), let last = Int(exactly: highValue), first <= last,
      last - first < maximumValues
    else {
      log.note(.numericalRange(detail), at: location)
      return nil
    }
    return (first...last).map(String.init)
  }

  private static func plain(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}

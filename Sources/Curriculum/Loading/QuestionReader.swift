import Localization
import VietnameseText
import Yams

/// Reads one question of a question bank, checking the fields its type needs.
struct QuestionReader {
  let document: YAMLDocument
  let log: DiagnosticLog
  let defaultModule: Reference?

  private static let commonFields = [
    "id", "type", "prompt", "explanation", "difficulty", "area", "papi", "positions", "scenario", "source",
    "module", "tags",
  ]
  private static let typeFields = ["options", "answer", "pairs", "items", "accepted", "match"]

  func question(_ node: Node) -> Question? {
    guard
      let reader = FieldReader(
        node, field: "questions", in: document, log: log, known: Self.commonFields + Self.typeFields),
      let id = reader.id()
    else { return nil }
    let type = reader.choice("type", as: QuestionType.self, required: true)
    let prompt = reader.text("prompt", required: true)
    let explanation = reader.text("explanation", required: true)
    let difficulty = reader.choice("difficulty", as: Difficulty.self, required: true)
    let area = reader.reference("area", required: true)
    let papi = reader.references("papi", required: true, minimum: 1)
    let positions = reader.references("positions", required: true, minimum: 1)
    let sources = reader.sources("source", required: true)
    let body: QuestionBody? = type.flatMap { self.body(of: $0, reader: reader) }
    guard let body, let prompt, let explanation, let difficulty, let area, let papi, let positions,
      let source = sources?.first
    else { return nil }
    return Question(
      id: QuestionID(id), body: body, prompt: prompt, explanation: explanation, difficulty: difficulty,
      area: area,
      papi: papi,
      positions: positions, scenario: reader.bool("scenario") ?? false, source: source,
      furtherSources: Array(sources?.dropFirst() ?? []), module: reader.reference("module") ?? defaultModule,
      tags: reader.strings("tags") ?? [],
      location: reader.location)
  }

  private func body(of type: QuestionType, reader: FieldReader) -> QuestionBody? {
    let used: [String]
    let body: QuestionBody?
    switch type {
    case .singleChoice:
      used = ["options", "answer"]
      let options = choices(reader)
      let answer = reader.reference("answer", required: true)
      if let answer, let options, !options.contains(where: { $0.id == answer.id }) {
        log.error(.answerNotAnOption(answer.id), at: answer.location)
      }
      body = options.flatMap { options in answer.map { .singleChoice(options: options, answer: $0.id) } }
    case .multipleChoice:
      used = ["options", "answer"]
      let options = choices(reader)
      let answers = reader.references("answer", required: true, minimum: 1)
      var seen: Set<String> = []
      for answer in answers ?? [] {
        if let options, !options.contains(where: { $0.id == answer.id }) {
          log.error(.answerNotAnOption(answer.id), at: answer.location)
        }
        if !seen.insert(answer.id).inserted { log.error(.duplicateAnswer(answer.id), at: answer.location) }
      }
      body = options.flatMap { options in
        answers.map { .multipleChoice(options: options, answers: $0.map(\.id)) }
      }
    case .trueFalse:
      used = ["answer"]
      if !reader.has("answer") {
        log.error(.missingField("answer"), at: reader.location)
        body = nil
      } else {
        body = reader.bool("answer").map { .trueFalse(answer: $0) }
      }
    case .matching:
      used = ["pairs"]
      var rights: [String: SourceLocation] = [:]
      let pairs = (reader.list("pairs", required: true, allowsSingle: false) ?? []).compactMap {
        node -> MatchingPair? in
        guard
          let pair = FieldReader(node, field: "pairs", in: document, log: log, known: ["left", "right"]),
          let left = pair.text("left", required: true), let right = pair.text("right", required: true)
        else { return nil }
        let place = pair.location(of: "right")
        if let first = rights[right.vi] {
          log.error(.duplicateMatchingRight(right.vi, first: first), at: place)
        } else {
          rights[right.vi] = place
        }
        return MatchingPair(left: left, right: right)
      }
      body = checkCount(pairs, field: "pairs", minimum: 2, reader: reader) ? .matching(pairs: pairs) : nil
    case .ordering:
      used = ["items"]
      var seen: [String: SourceLocation] = [:]
      let items = (reader.list("items", required: true) ?? []).compactMap { node -> LocalizedText? in
        guard let item = reader.localizedText(node, field: "items") else { return nil }
        let place = document.location(of: node)
        if let first = seen[item.vi] {
          log.error(.duplicateOrderingItem(item.vi, first: first), at: place)
        } else {
          seen[item.vi] = place
        }
        return item
      }
      body = checkCount(items, field: "items", minimum: 3, reader: reader) ? .ordering(items: items) : nil
    case .shortAnswer:
      used = ["accepted", "match"]
      let accepted = reader.strings("accepted", required: true) ?? []
      let matching = reader.choice("match", as: AnswerMatching.self) ?? .foldDiacritics
      body =
        checkCount(accepted, field: "accepted", minimum: 1, reader: reader)
        ? .shortAnswer(accepted: accepted, matching: matching) : nil
    }
    for field in Self.typeFields where !used.contains(field) && reader.has(field) {
      log.warning(.unknownField(field, suggestion: nil), at: reader.location(of: field))
    }
    return body
  }

  private func checkCount<T>(_ items: [T], field: String, minimum: Int, reader: FieldReader) -> Bool {
    guard reader.has(field) else { return false }
    if items.count < minimum {
      log.error(.tooFewItems(field: field, minimum: minimum), at: reader.location(of: field))
      return false
    }
    return true
  }

  private func choices(_ reader: FieldReader) -> [Choice]? {
    guard let nodes = reader.list("options", required: true, allowsSingle: false) else { return nil }
    var seen: [String: SourceLocation] = [:]
    let options = nodes.compactMap { node -> Choice? in
      guard let option = FieldReader(node, field: "options", in: document, log: log, known: ["id", "text"]),
        let id = option.id(), let text = option.text("text", required: true)
      else { return nil }
      if let first = seen[id] {
        log.error(.duplicateID(kind: .option, id: id, first: first), at: option.location(of: "id"))
      }
      seen[id] = option.location(of: "id")
      return Choice(id: id, text: text)
    }
    if options.count < 2 {
      log.error(.tooFewItems(field: "options", minimum: 2), at: reader.location(of: "options"))
    }
    return options
  }
}

import Foundation
import Localization
import VietnameseText
import Yams

/// Reads one course folder: `course.yaml`, `lessons/*.md` and `questions/*.yaml`.
///
/// Each file is checked for shape here; references between files are checked by
/// ``CurriculumValidator`` once every course is loaded.
struct CourseLoader {
  let directory: URL
  /// The folder as shown in diagnostics.
  let displayPath: String
  let log: DiagnosticLog
  let fileManager: FileManager

  func load() -> Course? {
    let courseFile = "course.yaml"
    guard
      let file = SourceFile.read(
        directory.appendingPathComponent(courseFile), displayPath: join(displayPath, courseFile), log: log),
      let document = YAMLDocument.parse(file.text, file: file.path, log: log),
      let root = FieldReader(
        document.root, field: "course", in: document, log: log,
        known: [
          "id", "version", "title", "summary", "audience", "law_as_of", "areas", "modules", "quizzes",
        ])
    else { return nil }
    let id = root.id()
    let version = root.string("version", required: true)
    let title = root.text("title", required: true)
    let summary = root.text("summary")
    let audience = root.references("audience") ?? []
    var lawAsOf = root.string("law_as_of")
    if let day = lawAsOf, !LegalRegistryLoader.isDate(day) {
      log.error(.invalidDate(field: "law_as_of", value: day), at: root.location(of: "law_as_of"))
      lawAsOf = nil
    }
    let areas = (root.list("areas", required: true, allowsSingle: false) ?? []).compactMap {
      area($0, in: document)
    }
    let modules = (root.list("modules", required: true, allowsSingle: false) ?? []).compactMap {
      module($0, in: document)
    }
    let quizzes = (root.list("quizzes", allowsSingle: false) ?? []).compactMap { quiz($0, in: document) }
    let lessons = loadLessons()
    let questions = loadQuestions()
    guard let id, let title else { return nil }
    return Course(
      id: id, version: version ?? "0", title: title, summary: summary, audience: audience, areas: areas,
      modules: modules, quizzes: quizzes, lessons: lessons, questions: questions, lawAsOf: lawAsOf,
      directory: displayPath, location: root.location)
  }

  // MARK: course.yaml

  private func area(_ node: Node, in document: YAMLDocument) -> KnowledgeArea? {
    guard let reader = FieldReader(node, field: "areas", in: document, log: log, known: ["id", "title"]),
      let id = reader.id(), let title = reader.text("title", required: true)
    else { return nil }
    return KnowledgeArea(id: id, title: title)
  }

  private func module(_ node: Node, in document: YAMLDocument) -> CourseModule? {
    guard
      let reader = FieldReader(
        node, field: "modules", in: document, log: log, known: ["id", "title", "lessons"]),
      let id = reader.id(), let title = reader.text("title", required: true)
    else { return nil }
    return CourseModule(
      id: id, title: title, lessons: reader.references("lessons", required: true, minimum: 1) ?? [])
  }

  private func quiz(_ node: Node, in document: YAMLDocument) -> Quiz? {
    guard
      let reader = FieldReader(
        node, field: "quizzes", in: document, log: log,
        known: [
          "id", "kind", "title", "feedback", "pass_percent", "shuffle", "questions", "draw", "attempts",
          "retake",
        ]),
      let id = reader.id()
    else { return nil }
    let kind = reader.choice("kind", as: QuizKind.self, required: true)
    let title = reader.text("title", required: true)
    let feedback = reader.choice("feedback", as: FeedbackTiming.self) ?? .end
    let pass = reader.double("pass_percent", required: true, in: 0...100)
    let questions = reader.references("questions") ?? []
    let draw = (reader.list("draw", allowsSingle: false) ?? []).compactMap { drawRule($0, in: document) }
    if questions.isEmpty, draw.isEmpty, !reader.has("questions"), !reader.has("draw") {
      log.error(.quizWithoutQuestions, at: reader.location)
    }
    guard let kind, let title, let pass else { return nil }
    return Quiz(
      id: id, kind: kind, title: title, feedback: feedback, passPercent: pass,
      shuffle: reader.bool("shuffle") ?? true,
      questions: questions, draw: draw, attemptsAllowed: reader.int("attempts", in: 1...100),
      retake: reader.bool("retake"), location: reader.location)
  }

  private func drawRule(_ node: Node, in document: YAMLDocument) -> DrawRule? {
    guard
      let reader = FieldReader(
        node, field: "draw", in: document, log: log,
        known: ["count", "papi", "areas", "modules", "difficulty", "tags"]),
      let count = reader.int("count", required: true, in: 1...1000)
    else { return nil }
    let difficulty = (reader.list("difficulty") ?? []).compactMap { item -> Difficulty? in
      guard let text = reader.scalarText(item, field: "difficulty") else { return nil }
      guard let value = Difficulty(rawValue: text) else {
        log.error(
          .invalidValue(field: "difficulty", value: text, allowed: Difficulty.allCases.map(\.rawValue)),
          at: document.location(of: item))
        return nil
      }
      return value
    }
    return DrawRule(
      count: count, papi: reader.references("papi") ?? [], areas: reader.references("areas") ?? [],
      modules: reader.references("modules") ?? [], difficulty: difficulty, tags: reader.strings("tags") ?? [],
      location: reader.location)
  }

  // MARK: lessons

  private func loadLessons() -> [Lesson] {
    let folder = "lessons"
    let files = listFiles(in: folder, extensions: ["md"])
    var lessons: [Lesson] = []
    var translations: [(id: String, title: String?, body: String, location: SourceLocation)] = []
    for name in files {
      let display = join(join(displayPath, folder), name)
      guard
        let file = SourceFile.read(
          directory.appendingPathComponent(folder).appendingPathComponent(name), displayPath: display,
          log: log),
        let page = MarkdownPage.split(file, log: log)
      else { continue }
      let isTranslation = name.hasSuffix(".en.md")
      guard let document = YAMLDocument.parse(page.header, file: display, lineOffset: 1, log: log) else {
        continue
      }
      if isTranslation {
        guard
          let reader = FieldReader(
            document.root, field: "lesson", in: document, log: log, known: ["id", "title"]),
          let id = reader.string("id", required: true)
        else { continue }
        translations.append((id, reader.text("title")?.vi, page.body, reader.location))
        continue
      }
      guard
        let reader = FieldReader(
          document.root, field: "lesson", in: document, log: log,
          known: ["id", "title", "area", "papi", "positions", "minutes", "sources"]),
        let id = reader.id(), let title = reader.text("title", required: true)
      else { continue }
      if page.body.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
        log.error(.emptyLessonBody, at: SourceLocation(file: display, line: page.bodyLine, column: 1))
      }
      let body = page.body.normalizedForLoading
      if !body.wasNFC {
        log.error(
          .notNFC(field: "body"), at: SourceLocation(file: display, line: page.firstNonNFCLine, column: 1))
      }
      let sources = (reader.list("sources") ?? []).compactMap { reader.legalSource($0, field: "sources") }
      lessons.append(
        Lesson(
          id: id, title: title, area: reader.reference("area"), papi: reader.references("papi") ?? [],
          positions: reader.references("positions") ?? [], minutes: reader.int("minutes", in: 1...600),
          sources: sources, body: LocalizedText(vi: body.text), location: reader.location))
    }
    for translation in translations {
      guard let index = lessons.firstIndex(where: { $0.id == translation.id }) else {
        log.error(.translationWithoutLesson(translation.id), at: translation.location)
        continue
      }
      lessons[index].body.en = translation.body.normalizedForLoading.text
      if let title = translation.title { lessons[index].title.en = lessons[index].title.en ?? title }
    }
    return lessons
  }

  // MARK: questions

  private func loadQuestions() -> [Question] {
    let folder = "questions"
    var questions: [Question] = []
    for name in listFiles(in: folder, extensions: ["yaml", "yml"]) {
      let display = join(join(displayPath, folder), name)
      guard
        let file = SourceFile.read(
          directory.appendingPathComponent(folder).appendingPathComponent(name), displayPath: display,
          log: log),
        let document = YAMLDocument.parse(file.text, file: display, log: log),
        let root = FieldReader(
          document.root, field: "question bank", in: document, log: log, known: ["module", "questions"])
      else { continue }
      let module = root.reference("module")
      let reader = QuestionReader(document: document, log: log, defaultModule: module)
      for node in root.list("questions", required: true, allowsSingle: false) ?? [] {
        if let question = reader.question(node) { questions.append(question) }
      }
    }
    return questions
  }

  // MARK: files

  private func listFiles(in folder: String, extensions: [String]) -> [String] {
    let url = directory.appendingPathComponent(folder)
    guard let names = try? fileManager.contentsOfDirectory(atPath: url.path) else { return [] }
    return names.filter { name in
      !name.hasPrefix(".") && extensions.contains { name.hasSuffix("." + $0) }
    }.sorted()
  }
}

/// Joins two parts of a display path with a single slash.
func join(_ base: String, _ name: String) -> String {
  if base.isEmpty || base == "." { return name }
  return base.hasSuffix("/") ? base + name : base + "/" + name
}

/// A Markdown file split into its `---` header and its body.
struct MarkdownPage {
  var header: String
  var body: String
  /// The line the body starts on.
  var bodyLine: Int
  /// The first body line that is not NFC (only meaningful when the body is not NFC).
  var firstNonNFCLine: Int {
    for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where !String(line).normalizedForLoading.wasNFC {
      return bodyLine + offset
    }
    return bodyLine
  }

  static func split(_ file: SourceFile, log: DiagnosticLog) -> MarkdownPage? {
    // Only the lines up to the closing `---` are looked at one by one; the body is taken whole.
    // Windows line ends become `\n` first (Swift reads `\r\n` as one character, not a line end).
    let text =
      file.text.utf8.contains(0x0D) ? file.text.replacingOccurrences(of: "\r\n", with: "\n") : file.text
    var lineStart = text.startIndex
    var lineNumber = 1
    var headerStart: String.Index?
    while lineStart < text.endIndex {
      let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
      let isRule = text[lineStart..<lineEnd].trimmedOfWhitespace == "---"
      let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
      if let start = headerStart {
        if isRule {
          return MarkdownPage(
            header: String(text[start..<lineStart].dropLast()),
            body: String(text[next...]),
            bodyLine: lineNumber + 1)
        }
      } else {
        guard isRule else { break }
        headerStart = next
      }
      lineStart = next
      lineNumber += 1
      if lineEnd == text.endIndex { break }
    }
    log.error(
      headerStart == nil ? .missingFrontMatter : .unterminatedFrontMatter,
      at: SourceLocation(file: file.path, line: 1, column: 1))
    return nil
  }
}

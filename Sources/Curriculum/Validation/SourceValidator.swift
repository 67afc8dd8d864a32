import VietnameseText

/// Checks every source a lesson or question cites against the legal-source registry, when the
/// folder has one: a known document, an article number the document has, not a document replaced
/// before the course's law date unless marked as history, no placeholder an author left behind;
/// a warning on a document read only in secondary sources or not read at all.
struct SourceValidator {
  let registry: LegalRegistry?
  let log: DiagnosticLog

  /// What an unfinished citation looks like, lower-cased.
  static let placeholders = ["cần đối chiếu", "chưa đối chiếu", "unverified", "verify", "todo", "?"]

  func check(_ course: Course) {
    if registry != nil, course.lawAsOf == nil {
      log.error(.missingLawAsOf, at: course.location)
    }
    for lesson in course.lessons {
      for source in lesson.sources { check(source, lawAsOf: course.lawAsOf, fallback: lesson.location) }
    }
    for question in course.questions {
      for source in question.sources { check(source, lawAsOf: course.lawAsOf, fallback: question.location) }
    }
  }

  private func check(_ source: LegalSource, lawAsOf: String?, fallback: SourceLocation) {
    guard let registry else { return }
    let location = source.location ?? fallback
    for (field, text) in source.writtenFields {
      let lowered = text.lowercased()
      if let placeholder = Self.placeholders.first(where: lowered.contains) {
        log.error(.sourcePlaceholder(field: field, placeholder: placeholder), at: location)
      }
    }
    guard let document = registry.document(source.document) else {
      log.error(
        .unknownReference(
          kind: .legalDocument, id: source.document,
          suggestion: closestMatch(to: source.document, in: registry.documents.map(\.id))),
        at: location)
      return
    }
    checkArticle(source, of: document, at: location)
    if let lawAsOf, !source.history, document.isReplaced(by: lawAsOf) {
      log.error(
        .documentReplaced(
          document: document.name,
          replacedBy: document.replacedBy.flatMap { registry.document($0.id)?.name } ?? "?",
          on: document.replacedOn ?? "?", lawAsOf: lawAsOf),
        at: location)
    }
    if document.secondary {
      log.warning(.secondarySource(document: document.name), at: location)
    } else if document.readIn == nil {
      log.warning(.sourceNotRead(document: document.name), at: location)
    }
  }

  private func checkArticle(_ source: LegalSource, of document: LegalDocument, at location: SourceLocation) {
    guard let article = source.article else { return }
    guard let number = Int(article), number > 0 else {
      log.error(.articleNotANumber(article), at: location)
      return
    }
    if let count = document.articles, number > count {
      log.error(
        .articleBeyondDocument(article: number, document: document.name, articles: count), at: location)
    }
  }
}

extension Course {
  /// The course with every source's citation name filled in from `registry`.
  func citingNames(from registry: LegalRegistry) -> Course {
    var course = self
    func named(_ source: LegalSource) -> LegalSource {
      var source = source
      source.name = registry.document(source.document)?.name
      return source
    }
    course.lessons = lessons.map { lesson in
      var lesson = lesson
      lesson.sources = lesson.sources.map(named)
      return lesson
    }
    course.questions = questions.map { question in
      var question = question
      question.sources = question.sources.map(named)
      return question
    }
    return course
  }
}

/// How many questions and lessons cite each document of the legal-source registry: what
/// `papi-train lint --sources` prints.
public struct SourceUsageReport: Sendable {
  public struct Row: Sendable, Hashable {
    public var document: LegalDocument
    /// The document at the end of its "replaced by" chain, when it was replaced.
    public var current: LegalDocument?
    public var questions: Int
    public var lessons: Int
  }

  public var rows: [Row]
  /// Whether the library has a registry at all.
  public var hasRegistry: Bool

  public init(library: CourseLibrary) {
    guard let registry = library.registry else {
      rows = []
      hasRegistry = false
      return
    }
    hasRegistry = true
    var questions: [String: Int] = [:]
    var lessons: [String: Int] = [:]
    for course in library.courses {
      for question in course.questions {
        for id in Set(question.sources.map(\.document)) { questions[id, default: 0] += 1 }
      }
      for lesson in course.lessons {
        for id in Set(lesson.sources.map(\.document)) { lessons[id, default: 0] += 1 }
      }
    }
    rows = registry.documents.map { document in
      Row(
        document: document,
        current: document.replacedBy == nil ? nil : registry.current(document.id),
        questions: questions[document.id] ?? 0, lessons: lessons[document.id] ?? 0)
    }
  }
}

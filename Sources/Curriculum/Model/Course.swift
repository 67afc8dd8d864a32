import Localization

/// A knowledge area of a course: what a group of questions tests, in the course's own terms.
public struct KnowledgeArea: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var title: LocalizedText

  public init(id: String, title: LocalizedText) {
    self.id = id
    self.title = title
  }
}

/// A module: a chapter of a course with its lessons in teaching order.
public struct CourseModule: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var title: LocalizedText
  public var lessons: [Reference]

  public init(id: String, title: LocalizedText, lessons: [Reference]) {
    self.id = id
    self.title = title
    self.lessons = lessons
  }
}

/// A lesson: Markdown text with the areas, dimensions and positions it serves.
public struct Lesson: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var title: LocalizedText
  public var area: Reference?
  public var papi: [Reference]
  public var positions: [Reference]
  public var minutes: Int?
  public var sources: [LegalSource]
  /// The Markdown body in Vietnamese and, where an `.en.md` file exists, in English.
  public var body: LocalizedText
  public var location: SourceLocation

  public init(
    id: String, title: LocalizedText, area: Reference? = nil, papi: [Reference] = [],
    positions: [Reference] = [], minutes: Int? = nil, sources: [LegalSource] = [], body: LocalizedText,
    location: SourceLocation
  ) {
    self.id = id
    self.title = title
    self.area = area
    self.papi = papi
    self.positions = positions
    self.minutes = minutes
    self.sources = sources
    self.body = body
    self.location = location
  }

  public var papiCodes: [String] { papi.map(\.id) }
}

/// What a quiz is for; pre- and post-tests of a course measure learning gain.
public enum QuizKind: String, Sendable, Hashable, Codable, CaseIterable {
  case preTest = "pre-test"
  case postTest = "post-test"
  case practice
  case review
}

/// When the official sees whether an answer was right.
public enum FeedbackTiming: String, Sendable, Hashable, Codable, CaseIterable {
  /// After each answer, with the explanation and source.
  case immediate
  /// After the last question.
  case end
  /// Never: the official sees the score and the dimensions, not the key (an exam whose questions
  /// are used again).
  case never
}

/// A rule that draws `count` questions from the course's questions matching every given criterion.
public struct DrawRule: Sendable, Hashable, Codable {
  public var count: Int
  /// Matches a question tagged with any of these codes or with a sub-dimension of one of them.
  public var papi: [Reference]
  public var areas: [Reference]
  public var modules: [Reference]
  public var difficulty: [Difficulty]
  public var tags: [String]
  public var location: SourceLocation

  public init(
    count: Int, papi: [Reference] = [], areas: [Reference] = [], modules: [Reference] = [],
    difficulty: [Difficulty] = [], tags: [String] = [], location: SourceLocation
  ) {
    self.count = count
    self.papi = papi
    self.areas = areas
    self.modules = modules
    self.difficulty = difficulty
    self.tags = tags
    self.location = location
  }

  /// Whether `question` meets every criterion of this rule.
  public func matches(_ question: Question, in taxonomy: Taxonomy) -> Bool {
    if !papi.isEmpty {
      let wanted = papi.map(\.id)
      let served = question.papiCodes.contains { code in
        wanted.contains { taxonomy.code(code, fallsUnder: $0) }
      }
      if !served { return false }
    }
    if !areas.isEmpty, !areas.contains(question.area) { return false }
    if !modules.isEmpty, !modules.contains(where: { $0.id == question.module?.id }) { return false }
    if !difficulty.isEmpty, !difficulty.contains(question.difficulty) { return false }
    if !tags.isEmpty, !tags.contains(where: question.tags.contains) { return false }
    return true
  }
}

/// A quiz: a fixed list of questions, rules that draw questions, or both.
public struct Quiz: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var kind: QuizKind
  public var title: LocalizedText
  public var feedback: FeedbackTiming
  /// The share of marks (0-100) needed to pass.
  public var passPercent: Double
  /// Whether question order and options are shuffled (with a recorded seed).
  public var shuffle: Bool
  public var questions: [Reference]
  public var draw: [DrawRule]
  /// How many finished attempts an official may make; nil for no limit (`attempts` in the file).
  public var attemptsAllowed: Int?
  /// Whether the quiz may be taken again once finished (`retake`): by default a pre-test may not
  /// (it measures what an official knew before the course), every other quiz may.
  public var retake: Bool
  public var location: SourceLocation

  public init(
    id: String, kind: QuizKind, title: LocalizedText, feedback: FeedbackTiming, passPercent: Double,
    shuffle: Bool = true, questions: [Reference] = [], draw: [DrawRule] = [], attemptsAllowed: Int? = nil,
    retake: Bool? = nil, location: SourceLocation
  ) {
    self.attemptsAllowed = attemptsAllowed
    self.retake = retake ?? (kind != .preTest)
    self.id = id
    self.kind = kind
    self.title = title
    self.feedback = feedback
    self.passPercent = passPercent
    self.shuffle = shuffle
    self.questions = questions
    self.draw = draw
    self.location = location
  }

  /// How many finished attempts this quiz allows in all: one for a quiz that may not be retaken,
  /// else `attemptsAllowed` (nil: no limit).
  public var attemptLimit: Int? { retake ? attemptsAllowed : 1 }

  /// How many questions the quiz asks.
  public var length: Int { questions.count + draw.reduce(0) { $0 + $1.count } }
}

/// A course: its description, modules, knowledge areas, quizzes, and the lessons and questions
/// found in its folder.
public struct Course: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var version: String
  public var title: LocalizedText
  public var summary: LocalizedText?
  public var audience: [Reference]
  public var areas: [KnowledgeArea]
  public var modules: [CourseModule]
  public var quizzes: [Quiz]
  public var lessons: [Lesson]
  public var questions: [Question]
  /// The day (`yyyy-MM-dd`) whose law the course teaches: a citation of a document replaced by
  /// then is an error unless it is marked as history.
  public var lawAsOf: String?
  /// The course folder, as given to the loader.
  public var directory: String
  public var location: SourceLocation

  public init(
    id: String, version: String, title: LocalizedText, summary: LocalizedText? = nil,
    audience: [Reference] = [], areas: [KnowledgeArea] = [], modules: [CourseModule] = [],
    quizzes: [Quiz] = [], lessons: [Lesson] = [], questions: [Question] = [], lawAsOf: String? = nil,
    directory: String, location: SourceLocation
  ) {
    self.id = id
    self.version = version
    self.title = title
    self.summary = summary
    self.audience = audience
    self.areas = areas
    self.modules = modules
    self.quizzes = quizzes
    self.lessons = lessons
    self.questions = questions
    self.lawAsOf = lawAsOf
    self.directory = directory
    self.location = location
  }

  public func lesson(_ id: String) -> Lesson? { lessons.first { $0.id == id } }
  public func question(_ id: QuestionID) -> Question? { questions.first { $0.id == id } }
  public func quiz(_ id: String) -> Quiz? { quizzes.first { $0.id == id } }
  public func area(_ id: String) -> KnowledgeArea? { areas.first { $0.id == id } }
}

/// Everything under a Courses/ folder: the taxonomy, the positions, the legal-source registry
/// and the courses.
public struct CourseLibrary: Sendable, Hashable, Codable {
  public var taxonomy: Taxonomy
  public var positions: [Position]
  /// The documents sources may cite; nil when the folder has no `legal-sources.yaml`.
  public var registry: LegalRegistry?
  public var courses: [Course]

  public init(taxonomy: Taxonomy, positions: [Position], registry: LegalRegistry? = nil, courses: [Course]) {
    self.taxonomy = taxonomy
    self.positions = positions
    self.registry = registry
    self.courses = courses
  }

  /// The position an id names, resolving former (pre-2025) ids through the aliases.
  public func position(_ id: String) -> Position? { positions.resolving(id) }

  /// The current id of position `id`: a former (pre-2025) id kept in older results or rosters
  /// resolves to the position that replaced it; an id the courses do not know stays as it is.
  public func currentPositionID(_ id: String) -> String { position(id)?.id ?? id }

  /// The name of position `id` (current or former) in `language`, or the id when the courses do
  /// not list it.
  public func positionName(_ id: String, in language: Language) -> String {
    position(id)?.name.text(in: language) ?? id
  }

  public func course(_ id: String) -> Course? { courses.first { $0.id == id } }

  /// The question with this id, in whichever course holds it.
  public func question(_ id: QuestionID) -> Question? {
    for course in courses {
      if let question = course.question(id) { return question }
    }
    return nil
  }
}

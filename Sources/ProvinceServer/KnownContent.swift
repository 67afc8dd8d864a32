import Curriculum

/// The quizzes and questions the province's courses hold: a batch naming any other is refused,
/// as an untrusted results file's rows are checked against the courses.
public struct KnownContent: Sendable, Hashable {
  /// Quiz ids by course id.
  var quizzes: [String: Set<String>]
  var questions: Set<String>

  public init(library: CourseLibrary) {
    var quizzes: [String: Set<String>] = [:]
    var questions: Set<String> = []
    for course in library.courses {
      // A course's review of missed questions is recorded under `COURSE#review`.
      quizzes[course.id] = Set(course.quizzes.map(\.id) + ["\(course.id)#review"])
      questions.formUnion(course.questions.map(\.id.rawValue))
    }
    self.quizzes = quizzes
    self.questions = questions
  }

  /// Whether `quiz` is a quiz of `course`.
  public func knows(quiz: String, of course: String) -> Bool { quizzes[course]?.contains(quiz) ?? false }

  /// Whether some course has this question.
  public func knows(question: String) -> Bool { questions.contains(question) }
}

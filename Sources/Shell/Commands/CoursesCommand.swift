import Localization

/// `courses`: the courses with their lessons and questions.
enum CoursesCommand: ShellCommand {
  static let name = "courses"
  static let aliases = ["khoá-học"]
  static let usage = "courses"
  static let needs: Set<CommandNeed> = []
  static let summary = LocalizedText(vi: "các khoá học", en: "the courses")
  static let details = LocalizedText(
    vi: "Liệt kê các khoá học với số bài học và câu hỏi. Dùng 'course MÃ' để xem bên trong.",
    en: "Lists the courses with their lessons and questions. Use 'course ID' to look inside one.")

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    context.say(Text.coursesHeader)
    for course in context.library.courses {
      context.say(
        Text.courseLine(
          id: course.id, title: course.title.text(in: context.language), lessons: course.lessons.count,
          questions: course.questions.count))
    }
    return .proceed
  }
}

extension CoursesCommand {
  /// The messages of `courses`.
  enum Text: LocalizedMessage {
    case coursesHeader
    case courseLine(id: String, title: String, lessons: Int, questions: Int)

    func text(in language: Language) -> String {
      switch (self, language) {
      case (.coursesHeader, .vietnamese): "Các khoá học:"
      case (.coursesHeader, .english): "Courses:"
      case (.courseLine(let id, let title, let lessons, let questions), .vietnamese):
        "  \(id): \(title) (\(lessons) bài học, \(questions) câu hỏi)"
      case (.courseLine(let id, let title, let lessons, let questions), .english):
        "  \(id): \(title) (\(lessons) lessons, \(questions) questions)"
      }
    }
  }
}

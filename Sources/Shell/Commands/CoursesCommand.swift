import Localization

/// `courses`: the courses with their lessons and questions.
enum CoursesCommand: ShellCommand {
  static let name = "courses"
  static let helpOrder = 20
  static let aliases = ["khoá học", "các khoá học", "các khoá"]
  static let usage = "courses"
  static let needs: Set<CommandNeed> = []
  static let summary = LocalizedText(vi: "các khoá học", en: "the courses")
  static let details = LocalizedText(
    vi: "Liệt kê các khoá học với số bài học và câu hỏi. Dùng 'course MÃ' để xem bên trong.",
    en: "Lists the courses with their lessons and questions. Use 'course ID' to look inside one.")

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    // "khoá học 2" and "khoá học one-stop-shop" open that course.
    guard argument.isEmpty else { return CourseCommand.run(argument, in: context) }
    context.say(Text.coursesHeader)
    for (index, course) in context.library.courses.enumerated() {
      context.say(
        Text.courseLine(
          number: index + 1, id: course.id, title: course.title.text(in: context.language),
          lessons: course.lessons.count, questions: course.questions.count))
    }
    context.say(Text.coursesFooter)
    return .proceed
  }
}

extension CoursesCommand {
  /// The messages of `courses`.
  enum Text: LocalizedMessage {
    case coursesHeader
    case courseLine(number: Int, id: String, title: String, lessons: Int, questions: Int)
    case coursesFooter

    func text(in language: Language) -> String {
      switch (self, language) {
      case (.coursesHeader, .vietnamese): "Các khoá học:"
      case (.coursesHeader, .english): "Courses:"
      case (.courseLine(let number, let id, let title, let lessons, let questions), .vietnamese):
        "  \(number). \(id): \(title) (\(lessons) bài học, \(questions) câu hỏi)"
      case (.courseLine(let number, let id, let title, let lessons, let questions), .english):
        "  \(number). \(id): \(title) (\(English.count(lessons, "lesson")), \(English.count(questions, "question")))"
      case (.coursesFooter, .vietnamese): "Gõ 'khoá học 1' (hoặc số khác) để xem một khoá."
      case (.coursesFooter, .english): "Type 'course 1' (or another number) to open a course."
      }
    }
  }
}

import Curriculum
import Localization
import VietnameseText

/// `read ID`: a lesson, paged on a terminal.
enum ReadCommand: ShellCommand {
  static let name = "read"
  static let helpOrder = 40
  static let aliases = ["đọc", "đọc bài", "xem bài"]
  static let usage = "read MÃ-BÀI-HỌC | SỐ"
  static let argument = CommandArgument.lesson
  static let needs: Set<CommandNeed> = []
  static let summary = LocalizedText(vi: "đọc một bài học", en: "read a lesson")
  static let details = LocalizedText(
    vi:
      "Ví dụ: read oss-l01, đọc 2 (bài số 2 của khoá đang xem). Bài dài được chia trang: Enter để sang trang, q để dừng.",
    en:
      "Example: read oss-l01, read 2 (lesson 2 of the course you are in). Long lessons are paged: Enter for the next page, q to stop."
  )

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    guard !argument.isEmpty else { return context.sayUsage(of: self) }
    guard let (lesson, course) = context.lesson(named: argument) else {
      let ids = context.library.courses.flatMap(\.lessons).map(\.id)
      context.say(NextStepText.lessonNotFound(argument, suggestion: closestMatch(to: argument, in: ids)))
      return .proceed
    }
    show(lesson, of: course, in: context)
    return .proceed
  }

  /// Shows a lesson, paged, remembers it as the place reached, and says what comes next.
  static func show(_ lesson: Lesson, of course: Course, in context: CommandContext) {
    let language = context.language
    var lines = [context.style.bold(lesson.title.text(in: language)), ""]
    lines += context.console.renderer.render(lesson.body.text(in: language))
    if !lesson.sources.isEmpty {
      lines += ["", context.text(Text.lessonSources)]
      lines += lesson.sources.flatMap { context.console.wrapper.wrapLine("  • \($0)") }
    }
    context.console.page(lines)
    context.place = ReadingPlace(courseID: course.id, lessonID: lesson.id)
    context.line()
    context.sayWhatComesNext(after: lesson, in: course)
  }
}

extension ReadCommand {
  /// The messages of `read`.
  enum Text: LocalizedMessage {
    case lessonSources

    func text(in language: Language) -> String {
      switch (self, language) {
      case (.lessonSources, .vietnamese): "Căn cứ:"
      case (.lessonSources, .english): "Sources:"
      }
    }
  }
}

import Localization
import VietnameseText

/// `read ID`: a lesson, paged on a terminal.
enum ReadCommand: ShellCommand {
  static let name = "read"
  static let aliases = ["đọc"]
  static let usage = "read MÃ-BÀI-HỌC"
  static let argument = CommandArgument.lesson
  static let needs: Set<CommandNeed> = []
  static let summary = LocalizedText(vi: "đọc một bài học", en: "read a lesson")
  static let details = LocalizedText(
    vi: "Ví dụ: read oss-l01. Bài dài được chia trang: Enter để sang trang, q để dừng.",
    en: "Example: read oss-l01. Long lessons are paged: Enter for the next page, q to stop.")

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    guard !argument.isEmpty else { return context.sayUsage(of: self) }
    let lessons = context.library.courses.flatMap(\.lessons)
    guard let lesson = lessons.first(where: { $0.id == argument }) else {
      context.say(Text.noLesson(argument, suggestion: closestMatch(to: argument, in: lessons.map(\.id))))
      return .proceed
    }
    let language = context.language
    var lines = [context.style.bold(lesson.title.text(in: language)), ""]
    lines += context.console.renderer.render(lesson.body.text(in: language))
    if !lesson.sources.isEmpty {
      lines += ["", context.text(Text.lessonSources)]
      lines += lesson.sources.map { "  • \($0)" }
    }
    context.console.page(lines)
    return .proceed
  }
}

extension ReadCommand {
  /// The messages of `read`.
  enum Text: LocalizedMessage {
    case noLesson(String, suggestion: String?)
    case lessonSources

    func text(in language: Language) -> String {
      switch (self, language) {
      case (.noLesson(let id, let suggestion), .vietnamese):
        "Không có bài học '\(id)'." + (suggestion.map { " Có phải '\($0)'?" } ?? "")
      case (.noLesson(let id, let suggestion), .english):
        "No lesson '\(id)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
      case (.lessonSources, .vietnamese): "Căn cứ:"
      case (.lessonSources, .english): "Sources:"
      }
    }
  }
}

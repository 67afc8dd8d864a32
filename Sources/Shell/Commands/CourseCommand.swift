import Curriculum
import Localization

/// `course ID`: a course's modules and lessons, and its quizzes with the official's best score.
enum CourseCommand: ShellCommand {
  static let name = "course"
  static let helpOrder = 30
  static let aliases = ["khoá", "xem khoá"]
  static let usage = "course MÃ-KHOÁ-HỌC | SỐ"
  static let argument = CommandArgument.course
  static let summary = LocalizedText(
    vi: "học phần, bài học và bài kiểm tra của một khoá", en: "a course's modules, lessons and quizzes")
  static let details = LocalizedText(
    vi:
      "Ví dụ: course one-stop-shop. Hiện các học phần với mã bài học, và các bài kiểm tra với điểm cao nhất của bạn.",
    en:
      "Example: course one-stop-shop. Shows the modules with lesson ids, and the quizzes with your best score."
  )

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    let chosen = argument.isEmpty ? context.place.courseID.flatMap(context.library.course) : nil
    guard !argument.isEmpty || chosen != nil else { return context.sayUsage(of: self) }
    guard let course = chosen ?? context.findCourse(argument) else { return .proceed }
    context.place.courseID = course.id
    let numbers = Dictionary(
      course.lessonsInOrder.enumerated().map { ($0.element.id, $0.offset + 1) },
      uniquingKeysWith: { a, _ in a })
    let language = context.language
    context.line(context.style.bold(course.title.text(in: language)))
    if let summary = course.summary {
      for text in context.wrapped(summary.text(in: language)) { context.line(text) }
    }
    for module in course.modules {
      context.line()
      context.say(Text.moduleHeader(module.title.text(in: language)))
      for reference in module.lessons {
        guard let lesson = course.lesson(reference.id) else { continue }
        let minutes = lesson.minutes.map { " · \($0)′" } ?? ""
        let number = numbers[lesson.id].map { "\($0). " } ?? ""
        context.line("  \(number)\(lesson.id): \(lesson.title.text(in: language))\(minutes)")
      }
    }
    context.line()
    context.say(Text.quizzesHeader)
    let best = context.signedIn.map { (try? $0.bestPercents()) ?? [:] } ?? [:]
    for quiz in course.quizzes {
      context.say(
        Text.quizLine(
          id: quiz.id, title: quiz.title.text(in: language), kind: quiz.kind.rawValue, length: quiz.length,
          best: best[quiz.id].map { "\(Int($0.rounded()))%" }))
    }
    context.say(Text.readHint)
    return .proceed
  }
}

extension CourseCommand {
  /// The messages of `course`.
  enum Text: LocalizedMessage {
    case moduleHeader(String)
    case quizzesHeader
    case quizLine(id: String, title: String, kind: String, length: Int, best: String?)
    case readHint

    func text(in language: Language) -> String {
      switch (self, language) {
      case (.moduleHeader(let title), .vietnamese): "Học phần: \(title)"
      case (.moduleHeader(let title), .english): "Module: \(title)"
      case (.quizzesHeader, .vietnamese): "Bài kiểm tra:"
      case (.quizzesHeader, .english): "Quizzes:"
      case (.quizLine(let id, let title, let kind, let length, let best), .vietnamese):
        "  \(id): \(title) [\(kind), \(length) câu]" + (best.map { ", điểm cao nhất \($0)" } ?? "")
      case (.quizLine(let id, let title, let kind, let length, let best), .english):
        "  \(id): \(title) [\(kind), \(English.count(length, "question"))]"
          + (best.map { ", best \($0)" } ?? "")
      case (.readHint, .vietnamese): "Gõ 'đọc 1' để đọc bài số 1, 'bài tiếp' để đọc bài sau."
      case (.readHint, .english): "Type 'read 1' for lesson 1, 'next' for the one after."
      }
    }
  }
}

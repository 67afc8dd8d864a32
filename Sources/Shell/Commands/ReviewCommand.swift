import Assessment
import Foundation
import Localization

/// `review [COURSE]`: the missed questions due for review, as a quiz with immediate feedback.
enum ReviewCommand: ShellCommand {
  static let name = "review"
  static let helpOrder = 70
  static let aliases = ["ôn lại", "ôn tập"]
  static let usage = "review [MÃ-KHOÁ-HỌC]"
  static let argument = CommandArgument.course
  static let summary = LocalizedText(vi: "ôn các câu đã trả lời sai", en: "review questions you missed")
  static let details = LocalizedText(
    vi: "Câu trả lời sai được ôn lại ngay, rồi sau 1, 3, 7 và 21 ngày khi bạn trả lời đúng.",
    en: "Missed questions come back at once, then after 1, 3, 7 and 21 days as you answer them right.")

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    guard let signedIn = context.signedIn else { return .proceed }
    guard let history = context.reading(signedIn.answerHistory) else { return .proceed }
    let chosen = argument.isEmpty ? nil : argument
    switch ReviewQuiz.plan(history: history, library: context.library, at: context.now(), courseID: chosen) {
    case .nothingDue(let next):
      context.say(Text.nothingToReview(next: next.map(dayFormatter.string(from:))))
    case .nothingDueInCourse:
      if let chosen, context.findCourse(chosen) == nil { return .proceed }
      context.say(Text.nothingToReview(next: nil))
    case .quiz(let quiz, let course):
      context.say(Text.reviewStart(count: quiz.questions.count, course: course.id))
      QuizTaking(context: context, signedIn: signedIn).take(quiz, in: course)
    }
    return .proceed
  }

  static let dayFormatter: DateFormatter = {
    let formatter = DateFormatter()
    formatter.dateFormat = "dd/MM/yyyy"
    return formatter
  }()
}

extension ReviewCommand {
  /// The messages of `review`.
  enum Text: LocalizedMessage {
    case nothingToReview(next: String?)
    case reviewStart(count: Int, course: String)

    func text(in language: Language) -> String {
      switch (self, language) {
      case (.nothingToReview(let next), .vietnamese):
        "Hiện không có câu nào cần ôn." + (next.map { " Lần ôn tiếp theo: \($0)." } ?? "")
      case (.nothingToReview(let next), .english):
        "Nothing to review now." + (next.map { " Next review: \($0)." } ?? "")
      case (.reviewStart(let count, let course), .vietnamese):
        "Ôn tập \(count) câu đã trả lời sai (khoá \(course))."
      case (.reviewStart(let count, let course), .english):
        "Reviewing \(count) missed questions (course \(course))."
      }
    }
  }
}

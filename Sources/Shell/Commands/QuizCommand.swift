import Localization
import VietnameseText

/// `quiz ID`: takes a quiz, or continues the official's unfinished attempt at it.
enum QuizCommand: ShellCommand {
  static let name = "quiz"
  static let helpOrder = 60
  static let aliases = ["kiểm tra", "làm bài", "thi"]
  static let usage = "quiz MÃ-BÀI-KIỂM-TRA"
  static let argument = CommandArgument.quiz
  static let summary = LocalizedText(
    vi: "làm một bài kiểm tra (hoặc làm tiếp bài đang dở)", en: "take a quiz (or continue one)")
  static let details = LocalizedText(
    vi:
      "Ví dụ: quiz oss-pretest. Trả lời từng câu: chữ cái (a, b), nhiều chữ (a c), đ/s cho đúng/sai, chữ cái theo thứ tự cho câu nối cặp và sắp xếp, hoặc gõ chữ cho câu trả lời ngắn. Mỗi câu được lưu ngay; Ctrl-C để tạm dừng và làm tiếp sau.",
    en:
      "Example: quiz oss-pretest. Answer each question: a letter (a, b), several (a c), t/f for true/false, letters in order for matching and ordering, or text for short answers. Each answer is saved at once; Ctrl-C pauses and you can continue later."
  )

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    guard !argument.isEmpty else { return context.sayUsage(of: self) }
    guard let signedIn = context.signedIn, let (quiz, course) = context.findQuiz(argument) else {
      return .proceed
    }
    QuizTaking(context: context, signedIn: signedIn).take(quiz, in: course)
    return .proceed
  }
}

import Foundation
import Insight
import Localization
import ResultsAnalysis

/// `items [QUIZ]` (trainers): Moodle's item statistics over the commune's finished attempts, per
/// quiz.
enum ItemsCommand: ShellCommand {
  static let name = "items"
  static let helpOrder = 110
  static let aliases = ["câu hỏi"]
  static let usage = "items [MÃ-BÀI-KIỂM-TRA]"
  static let argument = CommandArgument.quiz
  static let needs: Set<CommandNeed> = [.trainer]
  static let summary = LocalizedText(
    vi: "cho giảng viên: thống kê câu hỏi", en: "for trainers: item statistics")
  static let details = LocalizedText(
    vi:
      "Chỉ trong phiên giảng viên. Theo định nghĩa của Moodle, trên các lượt làm bài đã xong của xã: độ dễ, chỉ số phân biệt, hệ số Cronbach alpha, và dưới mỗi câu (kèm nội dung câu hỏi) số người chọn từng phương án; đánh dấu câu quá dễ, quá khó hoặc phân biệt âm (thường do sai đáp án) khi có từ 20 lượt trở lên, dưới đó ghi \"chưa đủ dữ liệu\".",
    en:
      "Trainer session only. Moodle's definitions over the commune's finished attempts: facility, discrimination index, Cronbach's alpha, and under each question (with its text) how many chose each option; flags questions too easy, too hard or discriminating negatively (often a wrong key) from 20 attempts up, below that \"insufficient data\"."
  )

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    guard let signedIn = context.trainer else { return .proceed }
    guard let attempts = context.reading(signedIn.store.communeAttempts) else { return .proceed }
    let finished = attempts.filter { $0.status == .finished && (argument.isEmpty || $0.quizID == argument) }
    guard !finished.isEmpty else {
      context.say(InsightText.noFinishedAttempts)
      return .proceed
    }
    let view = ItemsView(
      library: context.library, language: context.language, width: context.console.terminal.width)
    let questions = Dictionary(
      context.library.courses.flatMap(\.questions).map { ($0.id, $0) },
      uniquingKeysWith: { first, _ in first })
    var lines: [String] = []
    for (quiz, quizAttempts) in Dictionary(grouping: finished, by: \.quizID).sorted(by: { $0.key < $1.key }) {
      let analysis = ItemAnalysis(attempts: quizAttempts.map(\.itemAttempt))
      let given = quizAttempts.flatMap(\.answers).compactMap { answer in
        OptionCounts.Answer(stored: answer.response, isCorrect: answer.isCorrect).map {
          (answer.questionID, $0)
        }
      }
      // The hardest questions first: where a trainer looks.
      lines += view.lines(
        quiz: quiz, analysis: analysis, options: OptionCounts.byQuestion(given, questions: questions),
        items: analysis.items.sorted { ($0.facility, $0.questionID) < ($1.facility, $1.questionID) })
    }
    context.console.page(lines)
    return .proceed
  }
}

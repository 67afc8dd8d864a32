import Foundation
import Insight
import Localization
import TerminalUI

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
      "Chỉ trong phiên giảng viên. Theo định nghĩa của Moodle, trên các lượt làm bài đã xong của xã: độ dễ, chỉ số phân biệt, hệ số Cronbach alpha; đánh dấu câu quá dễ, quá khó hoặc phân biệt âm (thường do sai đáp án).",
    en:
      "Trainer session only. Moodle's definitions over the commune's finished attempts: facility, discrimination index, Cronbach's alpha; flags questions too easy, too hard or discriminating negatively (often a wrong key)."
  )

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    guard let signedIn = context.trainer else { return .proceed }
    guard let attempts = context.reading(signedIn.store.communeAttempts) else { return .proceed }
    let finished = attempts.filter { $0.status == .finished && (argument.isEmpty || $0.quizID == argument) }
    guard !finished.isEmpty else {
      context.say(InsightText.noFinishedAttempts)
      return .proceed
    }
    for (quiz, quizAttempts) in Dictionary(grouping: finished, by: \.quizID).sorted(by: { $0.key < $1.key }) {
      show(ItemAnalysis(attempts: quizAttempts.map(\.itemAttempt)), of: quiz, in: context)
    }
    return .proceed
  }

  private static func show(_ analysis: ItemAnalysis, of quiz: String, in context: CommandContext) {
    context.line("")
    context.say(InsightText.itemsHeader(quiz: quiz, attempts: analysis.attempts, alpha: analysis.alpha))
    var rows = [context.text(InsightText.itemColumns).split(separator: "|").map(String.init)]
    for item in analysis.items.sorted(by: { $0.facility < $1.facility }) {
      rows.append([
        item.questionID.rawValue, String(item.attempts), String(Int((item.facility * 100).rounded())) + "%",
        item.discriminationIndex.map { String(format: "%.0f", $0) } ?? "—",
        item.flags.map { context.text(InsightText.flag($0)) }.joined(separator: ", "),
      ])
    }
    for text in TextTable(rows).lines { context.line("  " + text) }
  }
}

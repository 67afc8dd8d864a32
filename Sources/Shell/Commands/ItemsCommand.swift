import Foundation
import Gradebook
import Insight
import Localization
import ResultsAnalysis

/// `items [CLASS] [QUIZ]` (trainers): Moodle's item statistics over finished attempts, per quiz:
/// a class's (the one named, else the one the shell was started for with `--class`), across its
/// communes; else the commune's.
enum ItemsCommand: ShellCommand {
  static let name = "items"
  static let helpOrder = 110
  static let aliases = ["câu hỏi"]
  static let usage = "items [MÃ-LỚP] [MÃ-BÀI-KIỂM-TRA]"
  static let argument = CommandArgument.quiz
  static let needs: Set<CommandNeed> = [.trainer]
  static let summary = LocalizedText(
    vi: "cho giảng viên: thống kê câu hỏi", en: "for trainers: item statistics")
  static let details = LocalizedText(
    vi:
      "Chỉ trong phiên giảng viên. Theo định nghĩa của Moodle, trên các lượt làm bài đã xong của một lớp (lớp có mã đã gõ, như 'items LC-2612-A', hoặc lớp đã chọn khi mở bằng --class; gồm mọi xã của lớp), nếu không thì của xã: độ dễ, chỉ số phân biệt, hệ số Cronbach alpha, và dưới mỗi câu (kèm nội dung câu hỏi) số người chọn từng phương án; đánh dấu câu quá dễ, quá khó hoặc phân biệt âm (thường do sai đáp án) khi có từ 20 lượt trở lên, dưới đó ghi \"chưa đủ dữ liệu\".",
    en:
      "Trainer session only. Moodle's definitions over the finished attempts of a class (the class whose code is typed, as in 'items LC-2612-A', or the one the shell was started for with --class; all its communes), else of the commune: facility, discrimination index, Cronbach's alpha, and under each question (with its text) how many chose each option; flags questions too easy, too hard or discriminating negatively (often a wrong key) from 20 attempts up, below that \"insufficient data\"."
  )

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    guard let trainer = context.trainer else { return .proceed }
    let words = argument.split(whereSeparator: \.isWhitespace).map(String.init)
    guard words.count <= 2 else { return context.sayUsage(of: Self.self) }
    guard case (let trainingClass, let quiz)? = scope(words, trainer: trainer, in: context) else {
      return .proceed
    }
    let read = {
      try trainingClass.map(trainer.classes.attempts(in:)) ?? trainer.store.communeAttempts()
    }
    guard let attempts = context.reading(read) else { return .proceed }
    if let trainingClass {
      context.say(
        ClassSessionText.itemsOfClass(
          code: trainingClass.code?.rawValue ?? trainingClass.id.uuidString, title: trainingClass.title,
          communes: trainingClass.communeCodes.count))
    }
    let finished = attempts.filter { $0.status == .finished && (quiz == nil || $0.quizID == quiz) }
    guard !finished.isEmpty else {
      context.say(InsightText.noFinishedAttempts)
      return .proceed
    }
    context.console.page(lines(finished, in: context))
    return .proceed
  }

  /// The class and the quiz `words` name: a quiz id alone; a class's code, then perhaps a quiz.
  /// Without a class named, the shell's class (`--class`), if any. Nil after saying why a class
  /// cannot be found.
  private static func scope(_ words: [String], trainer: TrainerSession, in context: CommandContext) -> (
    TrainingClass?, String?
  )? {
    let quizzes = Set(context.library.courses.flatMap(\.quizzes).map(\.id))
    guard let first = words.first else { return (trainer.classes.given, nil) }
    if words.count == 1, quizzes.contains(first) || trainer.classes.find == nil {
      return (trainer.classes.given, first)
    }
    guard let find = trainer.classes.find else {
      _ = context.sayUsage(of: Self.self)
      return nil
    }
    do {
      return (try find(first), words.count == 2 ? words[1] : nil)
    } catch {
      context.line(context.style.red(context.console.reason(error)))
      return nil
    }
  }

  /// Each quiz's statistics and option counts, the hardest questions first: where a trainer looks.
  private static func lines(_ finished: [Attempt], in context: CommandContext) -> [String] {
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
      lines += view.lines(
        quiz: quiz, analysis: analysis, options: OptionCounts.byQuestion(given, questions: questions),
        items: analysis.items.sorted { ($0.facility, $0.questionID) < ($1.facility, $1.questionID) })
    }
    return lines
  }
}

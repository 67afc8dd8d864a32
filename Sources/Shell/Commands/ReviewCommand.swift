import Assessment
import Foundation
import Gradebook
import Localization

/// `review [COURSE]`: the missed questions due for review, on the FSRS schedule, one by one with
/// feedback. Each answer is stored as a review (its own record, never a quiz attempt).
enum ReviewCommand: ShellCommand {
  static let name = "review"
  static let helpOrder = 70
  static let aliases = ["ôn lại", "ôn tập"]
  static let usage = "review [MÃ-KHOÁ-HỌC]"
  static let argument = CommandArgument.course
  static let summary = LocalizedText(vi: "ôn các câu đã trả lời sai", en: "review questions you missed")
  static let details = LocalizedText(
    vi:
      "Câu trả lời sai trong bài kiểm tra được đưa vào ôn tập ngay. Mỗi lần ôn, câu trả lời đúng làm câu hỏi"
      + " quay lại sau lâu hơn (trả lời chậm hơn 60 giây thì sớm hơn), câu trả lời sai làm câu hỏi quay lại sớm."
      + " Lịch ôn theo thuật toán FSRS; lượt ôn không tính là lượt làm bài kiểm tra.",
    en: "Questions you miss in a quiz come up for review at once. Each right answer sends a question further"
      + " away (less far when you take over 60 seconds), a wrong one brings it back soon. The schedule is"
      + " FSRS's; reviews do not count as quiz attempts.")

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    guard let signedIn = context.signedIn else { return .proceed }
    guard let schedule = context.reading(signedIn.reviewSchedule) else { return .proceed }
    var courseID: String?
    if !argument.isEmpty {
      guard let course = context.findCourse(argument) else { return .proceed }
      courseID = course.id
    }
    let plan = ReviewQuiz.plan(
      schedule, library: context.library, at: context.now(), courseID: courseID, seed: context.makeSeed())
    switch plan {
    case .nothingDue(let next), .nothingDueInCourse(let next):
      context.say(Text.nothingToReview(next: next.map(dayFormatter.string(from:))))
    case .questions(let drawn, let course):
      context.say(Text.reviewStart(count: drawn.items.count, course: course.title.text(in: context.language)))
      var taking = ReviewTaking(context: context, signedIn: signedIn, schedule: schedule)
      taking.take(drawn)
    }
    return .proceed
  }

  static let dayFormatter: DateFormatter = {
    let formatter = DateFormatter()
    formatter.dateFormat = "dd/MM/yyyy"
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter
  }()
}

/// Asks the due questions in turn, marks each, shows the feedback and stores the review with
/// the card FSRS gives it, before the next question.
struct ReviewTaking {
  let context: CommandContext
  let signedIn: SignedIn
  var schedule: ReviewSchedule

  mutating func take(_ drawn: AssembledQuiz) {
    var attempt = QuizAttempt(drawn)
    let screen = QuizScreen(context: context)
    let quizTaking = QuizTaking(context: context, signedIn: signedIn)
    var right = 0
    while let step = attempt.next {
      context.line()
      let total = drawn.items.count
      screen.show(step.item, number: step.position + 1, total: total)
      let shownAt = context.now()
      guard
        let response = quizTaking.readResponse(
          for: step.item, paused: ReviewCommand.Text.reviewPaused, askLeave: ReviewCommand.Text.askStopReview,
          showAgain: { screen.show(step.item, number: step.position + 1, total: total) })
      else { return }
      let feedback: AnswerFeedback
      do {
        feedback = try attempt.answer(
          response, shownAt: shownAt, answeredAt: context.now(), saving: { try save($0) })
      } catch {
        return context.say(ReviewCommand.Text.reviewNotSaved(context.console.reason(error)))
      }
      if feedback.mark.isCorrect { right += 1 }
      screen.feedback(feedback)
    }
    context.line()
    let next = schedule.nextDue(after: context.now()).map(ReviewCommand.dayFormatter.string(from:))
    context.say(ReviewCommand.Text.reviewDone(right: right, of: drawn.items.count, next: next))
  }

  /// Stores one answer as a review and keeps the card it leaves.
  private mutating func save(_ given: GivenAnswer) throws {
    let outcome = schedule.review(
      given.questionID, isCorrect: given.mark.isCorrect, seconds: given.timeTaken, at: given.answeredAt)
    try signedIn.store.recordReview(try ReviewLogEntry(given, outcome: outcome, official: signedIn.official))
    schedule.apply(outcome)
  }
}

extension ReviewCommand {
  /// The messages of `review`.
  enum Text: LocalizedMessage {
    case nothingToReview(next: String?)
    case reviewStart(count: Int, course: String)
    case reviewPaused
    case askStopReview
    case reviewDone(right: Int, of: Int, next: String?)
    case reviewNotSaved(String)

    func text(in language: Language) -> String {
      switch (self, language) {
      case (.nothingToReview(let next), .vietnamese):
        "Hiện không có câu nào cần ôn." + (next.map { " Lần ôn tiếp theo: \($0)." } ?? "")
      case (.nothingToReview(let next), .english):
        "Nothing to review now." + (next.map { " Next review: \($0)." } ?? "")
      case (.reviewStart(let count, let course), .vietnamese):
        "Ôn tập \(count) câu đã trả lời sai (\(course)). Mỗi câu trả lời được lưu ngay. Ctrl-C để dừng."
      case (.reviewStart(let count, let course), .english):
        "Reviewing \(count) missed \(count == 1 ? "question" : "questions") (\(course)). Each answer is saved at"
          + " once. Ctrl-C stops."
      case (.reviewPaused, .vietnamese):
        "Đã dừng ôn tập; các câu đã trả lời được lưu. Gõ 'review' để ôn tiếp."
      case (.reviewPaused, .english): "Review stopped; your answers are saved. Type 'review' to go on."
      case (.askStopReview, .vietnamese): "Dừng ôn tập? Các câu đã trả lời vẫn được lưu. (c/k): "
      case (.askStopReview, .english): "Stop reviewing? Your answers so far are saved. (y/n): "
      case (.reviewDone(let right, let total, let next), .vietnamese):
        "Đã ôn \(total) câu, đúng \(right) câu." + (next.map { " Lần ôn tiếp theo: \($0)." } ?? "")
      case (.reviewDone(let right, let total, let next), .english):
        "Reviewed \(total) \(total == 1 ? "question" : "questions"), \(right) right."
          + (next.map { " Next review: \($0)." } ?? "")
      case (.reviewNotSaved(let reason), .vietnamese):
        "CÂU TRẢ LỜI VỪA RỒI CHƯA ĐƯỢC LƯU: \(reason). Các câu trước đã được lưu; hãy báo giảng viên."
      case (.reviewNotSaved(let reason), .english):
        "YOUR LAST ANSWER WAS NOT SAVED: \(reason). Earlier answers are saved; tell your trainer."
      }
    }
  }
}

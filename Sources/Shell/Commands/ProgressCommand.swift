import Assessment
import Gradebook
import Insight
import Localization
import Units

/// `progress`: attempts and quizzes passed per course, unfinished attempts, pre/post gain, and the
/// questions due for review.
enum ProgressCommand: ShellCommand {
  static let name = "progress"
  static let helpOrder = 80
  static let aliases = ["tiến độ"]
  static let usage = "progress"
  static let summary = LocalizedText(vi: "tiến độ của bạn", en: "your progress")
  static let details = LocalizedText(
    vi: "Số lượt làm bài, số bài đạt, bài đang làm dở và số câu cần ôn.",
    en: "Attempts, quizzes passed, unfinished quizzes and questions due for review.")

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    guard let signedIn = context.signedIn else { return .proceed }
    guard let attempts = context.reading({ try signedIn.store.attempts(of: signedIn.official) }) else {
      return .proceed
    }
    guard !attempts.isEmpty else {
      context.say(ShellText.noAttemptsYet)
      return .proceed
    }
    context.say(Text.progressHeader)
    for course in context.library.courses {
      let mine = attempts.filter { $0.courseID == course.id }
      guard !mine.isEmpty else { continue }
      let passed = course.quizzes.filter { quiz in
        mine.contains { $0.quizID == quiz.id && $0.status == .finished && $0.percent >= quiz.passPercent }
      }.count
      context.say(
        Text.progressLine(
          title: course.title.text(in: context.language), taken: mine.count, passed: passed,
          of: course.quizzes.count))
      for attempt in mine where attempt.status == .inProgress {
        context.say(
          Text.inProgressLine(
            quiz: attempt.quizID, answered: attempt.answers.count, total: attempt.questionIDs.count))
      }
    }
    showGains(attempts, of: signedIn, in: context)
    context.sayReviewDue(for: signedIn)
    return .proceed
  }

  /// Per course: pre-test against post-test, when both were taken.
  private static func showGains(
    _ attempts: [Attempt], of signedIn: SignedIn, in context: CommandContext
  ) {
    let facts = context.facts(of: attempts, positions: signedIn.ownPosition, commune: signedIn.commune)
    for course in context.library.courses {
      let kinds = Dictionary(uniqueKeysWithValues: course.quizzes.map { ($0.id, $0.kind) })
      let pre = facts.filter { kinds[$0.quizID] == .preTest }.map(\.score)
      let post = facts.filter { kinds[$0.quizID] == .postTest }.map(\.score)
      guard !pre.isEmpty, !post.isEmpty else { continue }
      let gain = LearningGain(
        pre: pre.reduce(0, +) / Double(pre.count), post: post.reduce(0, +) / Double(post.count))
      context.say(InsightText.gain(course: course.title.text(in: context.language), gain))
    }
    let taxonomy = context.taxonomy
    let report = MasteryReport(facts: facts, taxonomy: taxonomy, rule: .official, at: context.now())
    let measured = taxonomy.dimensions.compactMap { report.byCode[$0.code] }.filter { !$0.isInsufficient }
    context.say(InsightText.dimensionsMeasured(measured.count, of: taxonomy.dimensions.count))
  }
}

extension ProgressCommand {
  /// The messages of `progress`.
  enum Text: LocalizedMessage {
    case progressHeader
    case progressLine(title: String, taken: Int, passed: Int, of: Int)
    case inProgressLine(quiz: String, answered: Int, total: Int)

    func text(in language: Language) -> String {
      switch (self, language) {
      case (.progressHeader, .vietnamese): "Tiến độ của bạn:"
      case (.progressHeader, .english): "Your progress:"
      case (.progressLine(let title, let taken, let passed, let of), .vietnamese):
        "  \(title): đã làm \(taken) lượt, đạt \(passed)/\(of) bài kiểm tra"
      case (.progressLine(let title, let taken, let passed, let of), .english):
        "  \(title): \(taken) attempts, \(passed)/\(of) quizzes passed"
      case (.inProgressLine(let quiz, let answered, let total), .vietnamese):
        "    đang làm dở: \(quiz) (\(answered)/\(total) câu)"
      case (.inProgressLine(let quiz, let answered, let total), .english):
        "    unfinished: \(quiz) (\(answered)/\(total) answered)"
      }
    }
  }
}

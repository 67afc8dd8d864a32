import Assessment
import Curriculum
import Localization

/// What the shell tells an official to do next: the welcome with the questions due for review,
/// and the lessons to read again.
extension CommandContext {
  /// Lessons that teach the given codes, those for `position` (or everyone) first.
  func suggestLessons(for codes: [String], position: String?) {
    guard !codes.isEmpty else { return }
    let lessons = library.courses.flatMap(\.lessons).filter { lesson in
      lesson.papiCodes.contains { code in codes.contains { taxonomy.code(code, fallsUnder: $0) } }
    }
    let ranked = lessons.sorted { first, second in
      let a = first.positions.contains { $0.id == position || $0.id == Position.everyone }
      let b = second.positions.contains { $0.id == position || $0.id == Position.everyone }
      return a && !b
    }
    guard !ranked.isEmpty else { return }
    say(ShellText.studyNext)
    for lesson in ranked.prefix(5) {
      line("  read \(lesson.id): \(lesson.title.text(in: language))")
    }
  }

  /// Greets the official just signed in, and says how many questions are due for review.
  func welcome(_ signedIn: SignedIn) {
    let official = signedIn.official
    say(SessionText.welcome(official.name, position: library.positionName(official.position, in: language)))
    sayReviewDue(for: signedIn)
  }

  /// "3 questions are due for review", when some are.
  func sayReviewDue(for signedIn: SignedIn) {
    guard let history = try? signedIn.answerHistory() else { return }
    let due = ReviewQuiz.dueCount(history: history, library: library, at: now())
    if due > 0 { say(ShellText.reviewDue(due)) }
  }
}

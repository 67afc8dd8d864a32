import Assessment
import Curriculum
import Localization

/// What the shell tells an official to do next: the welcome with the questions due for review,
/// and the lessons to read again.
extension CommandContext {
  /// Lessons that teach the given codes, weakest code first: for each, the lessons for `position`,
  /// else those for every position, else any that teach it.
  func suggestLessons(for codes: [String], position: String?) {
    guard !codes.isEmpty else { return }
    let all = library.courses.flatMap(\.lessons)
    var chosen: [Lesson] = []
    for code in codes {
      let teaching = all.filter { lesson in lesson.papiCodes.contains { taxonomy.code($0, fallsUnder: code) }
      }
      let own = teaching.filter { $0.positions.contains { $0.id == position } }
      let everyone = teaching.filter { $0.positions.contains { $0.id == Position.everyone } }
      let tier = !own.isEmpty ? own : !everyone.isEmpty ? everyone : teaching
      for lesson in tier where !chosen.contains(where: { $0.id == lesson.id }) { chosen.append(lesson) }
    }
    guard !chosen.isEmpty else { return }
    say(ShellText.studyNext)
    for lesson in chosen.prefix(5) {
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
    guard let schedule = try? signedIn.reviewSchedule() else { return }
    let due = ReviewQuiz.dueCount(schedule, library: library, at: now())
    if due > 0 { say(ShellText.reviewDue(due)) }
  }
}

import Assessment
import Curriculum
import Foundation
import Gradebook
import Localization
import VietnameseText

extension ShellSession {
  // MARK: help

  func showHelp(_ argument: String) {
    if !argument.isEmpty {
      guard let command = Command.named(argument) else {
        say(.noHelp(argument))
        return
      }
      line(
        style.bold(command.usage) + "  (" + ([command.name] + command.aliases).joined(separator: ", ") + ")")
      for text in wrapped(command.details.text(in: language), indent: "  ") { line(text) }
      return
    }
    say(.helpHeader)
    let width = Command.all.map(\.usage.displayWidth).max() ?? 0
    for command in Command.all {
      line("  " + command.usage.padded(toDisplayWidth: width) + "  " + command.summary.text(in: language))
    }
    say(.helpFooter)
  }

  // MARK: courses and lessons

  func showCourses() {
    say(.coursesHeader)
    for course in library.courses {
      say(
        .courseLine(
          id: course.id, title: course.title.text(in: language), lessons: course.lessons.count,
          questions: course.questions.count))
    }
  }

  func findCourse(_ id: String) -> Course? {
    if let course = library.course(id) { return course }
    say(.noCourse(id, suggestion: closestMatch(to: id, in: library.courses.map(\.id))))
    return nil
  }

  func showCourse(_ argument: String, usage: String) {
    guard !argument.isEmpty else { return say(.usage(usage)) }
    guard let course = findCourse(argument) else { return }
    line(style.bold(course.title.text(in: language)))
    if let summary = course.summary {
      for text in wrapped(summary.text(in: language)) { line(text) }
    }
    for module in course.modules {
      line()
      say(.moduleHeader(module.title.text(in: language)))
      for reference in module.lessons {
        guard let lesson = course.lesson(reference.id) else { continue }
        let minutes = lesson.minutes.map { " · \($0)′" } ?? ""
        line("  \(lesson.id): \(lesson.title.text(in: language))\(minutes)")
      }
    }
    line()
    say(.quizzesHeader)
    var attempts: [Attempt] = []
    if let official, let store { attempts = (try? store.attempts(of: official)) ?? [] }
    for quiz in course.quizzes {
      let finished = attempts.filter { $0.quizID == quiz.id && $0.status == .finished }
      let best = finished.map { attemptPercent($0) }.max().map { "\(Int($0.rounded()))%" }
      say(
        .quizLine(
          id: quiz.id, title: quiz.title.text(in: language), kind: quiz.kind.rawValue, length: quiz.length,
          best: best))
    }
  }

  func readLesson(_ argument: String, usage: String) {
    guard !argument.isEmpty else { return say(.usage(usage)) }
    let lessons = library.courses.flatMap(\.lessons)
    guard let lesson = lessons.first(where: { $0.id == argument }) else {
      return say(.noLesson(argument, suggestion: closestMatch(to: argument, in: lessons.map(\.id))))
    }
    let renderer = MarkdownRenderer(width: configuration.terminal.width, style: style)
    var lines = [style.bold(lesson.title.text(in: language)), ""]
    lines += renderer.render(lesson.body.text(in: language))
    if !lesson.sources.isEmpty {
      lines += ["", ShellText.lessonSources.text(in: language)]
      lines += lesson.sources.map { "  • \($0)" }
    }
    page(lines)
  }

  /// Prints lines a screen at a time on a terminal; all at once to a pipe.
  func page(_ lines: [String]) {
    let pageHeight = configuration.terminal.height - 2
    guard configuration.terminal.isInteractive, lines.count > pageHeight + 1 else {
      for text in lines { line(text) }
      return
    }
    var start = 0
    while start < lines.count {
      let end = min(start + pageHeight, lines.count)
      for text in lines[start..<end] { line(text) }
      start = end
      guard start < lines.count else { break }
      guard case .line(let answer) = ask(ShellText.pagerPrompt.text(in: language)),
        !answer.lowercased().hasPrefix("q")
      else { return }
    }
  }

  // MARK: progress

  func attemptPercent(_ attempt: Attempt) -> Double {
    guard !attempt.questionIDs.isEmpty else { return 0 }
    return 100 * attempt.answers.reduce(0) { $0 + $1.mark.score } / Double(attempt.questionIDs.count)
  }

  func showProgress() {
    guard let official, let store else { return }
    let attempts: [Attempt]
    do { attempts = try store.attempts(of: official) } catch {
      return say(.cannotOpenResults(reason(error)))
    }
    guard !attempts.isEmpty else { return say(.noAttemptsYet) }
    say(.progressHeader)
    for course in library.courses {
      let mine = attempts.filter { $0.courseID == course.id }
      guard !mine.isEmpty else { continue }
      let passed = course.quizzes.filter { quiz in
        mine.contains {
          $0.quizID == quiz.id && $0.status == .finished && attemptPercent($0) >= quiz.passPercent
        }
      }.count
      say(
        .progressLine(
          title: course.title.text(in: language), taken: mine.count, passed: passed, of: course.quizzes.count)
      )
      for attempt in mine where attempt.status == .inProgress {
        say(
          .inProgressLine(
            quiz: attempt.quizID, answered: attempt.answers.count, total: attempt.questionIDs.count))
      }
    }
    showGains(attempts, official: official)
    if let due = try? reviewDueCount(), due > 0 { say(.reviewDue(due)) }
  }

  /// Every answer the official has given, as review events.
  func answerHistory() throws -> [AnswerEvent] {
    guard let official, let store else { return [] }
    return try store.attempts(of: official).flatMap(\.answers).map {
      AnswerEvent(questionID: $0.questionID, isCorrect: $0.mark.isCorrect, answeredAt: $0.answeredAt)
    }
  }

  func reviewDueCount() throws -> Int {
    ReviewSchedule(history: try answerHistory()).due(at: configuration.now())
      .filter { library.question($0.questionID) != nil }.count
  }

  // MARK: shares of one quiz

  /// Below this many answers a share is shown as "little data", not as a verdict.
  static let minimumAnswers = 5
  /// The share of marks under which a dimension is called weak.
  static let weakPercent = 70.0

  /// A table of shares with bars, coloured against the weak threshold, and "little data" where
  /// a share rests on too few answers to mean much.
  func printShares(_ shares: [QuizResult.Share], indent: String) {
    let names = shares.map { taxonomy.entry(for: $0.code)?.name.text(in: language) ?? $0.code }
    let width = min(names.map(\.displayWidth).max() ?? 0, max(20, configuration.terminal.width - 40))
    for (share, name) in zip(shares, names) {
      let percent = Int(share.percent.rounded())
      let filled = Int((share.percent / 10).rounded())
      let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
      let shownName = name.displayWidth > width ? String(name.prefix(width - 1)) + "…" : name
      var text =
        indent + share.code.padded(toDisplayWidth: 5) + " " + shownName.padded(toDisplayWidth: width) + " "
      let colored =
        share.percent >= Self.weakPercent
        ? style.green(bar) : share.percent >= 50 ? style.yellow(bar) : style.red(bar)
      text += colored + " " + String(percent).leftPadded(3) + "% "
      text +=
        share.available < Self.minimumAnswers
        ? style.dim("(" + ShellText.fewAnswers(share.available).text(in: language) + ")")
        : "(\(share.available))"
      line(text)
    }
  }

  /// Lessons that teach the given codes, the official's own position first.
  func suggestLessons(for codes: [String]) {
    guard !codes.isEmpty else { return }
    let position = official?.position
    let lessons = library.courses.flatMap(\.lessons).filter { lesson in
      lesson.papiCodes.contains { code in codes.contains { taxonomy.code(code, fallsUnder: $0) } }
    }
    let ranked = lessons.sorted { first, second in
      let a = first.positions.contains { $0.id == position || $0.id == Position.everyone }
      let b = second.positions.contains { $0.id == position || $0.id == Position.everyone }
      return a && !b
    }
    guard !ranked.isEmpty else { return }
    say(.studyNext)
    for lesson in ranked.prefix(5) {
      line("  read \(lesson.id): \(lesson.title.text(in: language))")
    }
  }
}

extension String {
  func leftPadded(_ width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }
}

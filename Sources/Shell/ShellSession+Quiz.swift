import Assessment
import Curriculum
import Foundation
import Gradebook
import Localization
import VietnameseText

/// How to answer each question type, shown under the question.
enum AnswerHint: LocalizedMessage {
  case single(String)
  case multiple(String)
  case truth
  case matching(count: Int)
  case ordering, short

  func text(in language: Language) -> String {
    switch (self, language) {
    case (.single(let range), .vietnamese): "gõ một chữ cái (\(range))"
    case (.single(let range), .english): "type one letter (\(range))"
    case (.multiple(let range), .vietnamese): "gõ mọi chữ cái đúng (\(range)), ví dụ: a c"
    case (.multiple(let range), .english): "type every right letter (\(range)), e.g. a c"
    case (.truth, .vietnamese): "đ (đúng) hoặc s (sai)"
    case (.truth, .english): "t (true) or f (false)"
    case (.matching(let count), .vietnamese):
      "gõ chữ cái ghép với từng số 1-\(count) theo thứ tự, ví dụ: b a c"
    case (.matching(let count), .english): "type the letter for each number 1-\(count) in turn, e.g. b a c"
    case (.ordering, .vietnamese): "gõ các chữ cái theo đúng thứ tự, ví dụ: c a b"
    case (.ordering, .english): "type the letters in the right order, e.g. c a b"
    case (.short, .vietnamese): "gõ câu trả lời (không phân biệt hoa thường)"
    case (.short, .english): "type the answer (case does not matter)"
    }
  }
}

extension ShellSession {
  func startQuiz(_ argument: String, usage: String) {
    guard !argument.isEmpty else { return say(.usage(usage)) }
    for course in library.courses {
      if let quiz = course.quiz(argument) { return takeQuiz(quiz, in: course) }
    }
    let ids = library.courses.flatMap(\.quizzes).map(\.id)
    say(.noQuiz(argument, suggestion: closestMatch(to: argument, in: ids)))
  }

  func startReview(_ argument: String) {
    let due: [ReviewSchedule.Entry]
    do {
      let schedule = ReviewSchedule(history: try answerHistory())
      due = schedule.due(at: configuration.now())
      if due.isEmpty {
        let next = schedule.all.first.map { Self.dayFormatter.string(from: $0.due) }
        return say(.nothingToReview(next: next))
      }
    } catch {
      return say(.cannotOpenResults(reason(error)))
    }
    var byCourse: [String: [String]] = [:]
    for entry in due {
      guard let course = library.courses.first(where: { $0.question(entry.questionID) != nil }) else {
        continue
      }
      byCourse[course.id, default: []].append(entry.questionID)
    }
    let chosen: String?
    if !argument.isEmpty {
      guard findCourse(argument) != nil else { return }
      chosen = byCourse[argument] == nil ? nil : argument
    } else {
      chosen = byCourse.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
    }
    guard let courseID = chosen, let course = library.course(courseID), let ids = byCourse[courseID] else {
      return say(.nothingToReview(next: nil))
    }
    let location = SourceLocation(file: "review", line: 1, column: 1)
    let quiz = Quiz(
      id: "\(course.id)#review", kind: .review,
      title: LocalizedText(
        vi: "Ôn tập: \(course.title.vi)", en: "Review: \(course.title.text(in: .english))"),
      feedback: .immediate, passPercent: Self.weakPercent, shuffle: true,
      questions: ids.prefix(10).map { Reference($0, at: location) }, location: location)
    say(.reviewStart(count: min(ids.count, 10), course: course.id))
    takeQuiz(quiz, in: course)
  }

  /// Why a results call failed, in the session's language when the error has a message there.
  func reason(_ error: any Error) -> String {
    (error as? any LocalizedMessage)?.text(in: language) ?? String(describing: error)
  }

  static let dayFormatter: DateFormatter = {
    let formatter = DateFormatter()
    formatter.dateFormat = "dd/MM/yyyy"
    return formatter
  }()

  /// Takes (or resumes) a quiz: one question at a time, each answer stored before the next.
  func takeQuiz(_ quiz: Quiz, in course: Course) {
    guard let official, let store else { return }
    let assembler = QuizAssembler(course: course, taxonomy: taxonomy)
    var assembled: AssembledQuiz
    var attempt: Attempt
    var answered: [String: AnsweredQuestion] = [:]
    do {
      if let unfinished = try store.unfinishedAttempt(official: official, quizID: quiz.id),
        let resumed = try? assembler.reassemble(
          quiz, seed: unfinished.seed, questionIDs: unfinished.questionIDs)
      {
        guard
          let resume = askYesNo(
            .resumeQuestion(answered: unfinished.answers.count, total: unfinished.questionIDs.count))
        else { return }
        if resume {
          assembled = resumed
          attempt = unfinished
          for record in unfinished.answers {
            if let question = course.question(record.questionID) {
              answered[record.questionID] = AnsweredQuestion(
                question: question, response: record.givenResponse, mark: record.mark)
            }
          }
        } else {
          try store.abandon(unfinished, at: configuration.now())
          (assembled, attempt) = try begin(
            quiz, with: assembler, in: course, store: store, official: official)
        }
      } else {
        (assembled, attempt) = try begin(quiz, with: assembler, in: course, store: store, official: official)
      }
    } catch {
      return say(.cannotOpenResults(reason(error)))
    }

    say(
      .quizStart(title: quiz.title.text(in: language), count: assembled.items.count, pass: quiz.passPercent))
    for (index, item) in assembled.items.enumerated() where answered[item.question.id] == nil {
      line()
      show(item, number: index + 1, total: assembled.items.count)
      let shownAt = configuration.now()
      guard let response = readResponse(for: item, quizID: quiz.id) else { return }
      let mark = Scorer.mark(response, for: item.question)
      let answeredAt = configuration.now()
      let record: Answer
      do {
        record = try Answer(
          attemptID: attempt.id, questionID: item.question.id, position: index, response: response,
          mark: mark,
          timeTaken: max(0, answeredAt.timeIntervalSince(shownAt)), answeredAt: answeredAt)
        try store.record(record)
      } catch {
        say(.notSaved(reason(error)))
        return
      }
      attempt.answers.append(record)
      answered[item.question.id] = AnsweredQuestion(question: item.question, response: response, mark: mark)
      if quiz.feedback == .immediate { giveFeedback(item, mark: mark) }
    }

    let answers = assembled.items.compactMap { answered[$0.question.id] }
    let result = QuizResult(
      answers: answers, questionCount: assembled.items.count, passPercent: quiz.passPercent)
    do {
      try store.finish(
        attempt, score: result.score, maxScore: Double(assembled.items.count), at: configuration.now())
    } catch {
      say(.notSaved(reason(error)))
    }
    showResult(result, items: assembled.items, feedback: quiz.feedback)
  }

  private func begin(
    _ quiz: Quiz, with assembler: QuizAssembler, in course: Course, store: any ResultsStore,
    official: Official
  ) throws -> (AssembledQuiz, Attempt) {
    // A post-test never asks what the official already saw in a pre-test of the course.
    var seen = Set<String>()
    if quiz.kind == .postTest {
      let preTests = Set(course.quizzes.filter { $0.kind == .preTest }.map(\.id))
      for attempt in try store.attempts(of: official) where preTests.contains(attempt.quizID) {
        seen.formUnion(attempt.questionIDs)
      }
    }
    let assembled: AssembledQuiz
    do {
      assembled = try assembler.assemble(quiz, seed: configuration.makeSeed(), excluding: seen)
    } catch AssemblyError.notEnoughQuestions {
      assembled = try assembler.assemble(quiz, seed: configuration.makeSeed())
    }
    let attempt = try store.startAttempt(official: official, quiz: assembled, startedAt: configuration.now())
    return (assembled, attempt)
  }

  // MARK: one question

  private func show(_ item: QuizItem, number: Int, total: Int) {
    let question = item.question
    let type = ShellText.questionTypeName(question.body.type.rawValue).text(in: language)
    let codes = question.papiCodes.joined(separator: " ")
    line(
      style.bold(ShellText.questionHeader(number: number, total: total, type: type).text(in: language)) + "  "
        + style.dim(codes))
    for text in wrapped(question.prompt.text(in: language)) { line(text) }
    let hint: AnswerHint
    switch question.body {
    case .singleChoice(let options, _), .multipleChoice(let options, _):
      for (position, original) in item.displayOrder.enumerated() {
        let lines = wrapped(options[original].text.text(in: language), indent: "     ")
        for (offset, text) in lines.enumerated() {
          line(offset == 0 ? "  \(AnswerParser.label(position))) " + text.dropFirst(5) : text)
        }
      }
      let range = "a-\(AnswerParser.label(options.count - 1))"
      hint = question.body.type == .singleChoice ? .single(range) : .multiple(range)
    case .trueFalse:
      hint = .truth
    case .matching(let pairs):
      for (index, pair) in pairs.enumerated() {
        line("  \(index + 1). " + pair.left.text(in: language))
      }
      for (position, original) in item.displayOrder.enumerated() {
        line("     \(AnswerParser.label(position))) " + pairs[original].right.text(in: language))
      }
      hint = .matching(count: pairs.count)
    case .ordering(let items):
      for (position, original) in item.displayOrder.enumerated() {
        line("  \(AnswerParser.label(position))) " + items[original].text(in: language))
      }
      hint = .ordering
    case .shortAnswer:
      hint = .short
    }
    line(style.dim(ShellText.answerHint(hint.text(in: language)).text(in: language)))
  }

  /// Reads until a valid answer; nil when the official pauses the quiz or input ends.
  private func readResponse(for item: QuizItem, quizID: String) -> Response? {
    while true {
      switch ask("> ") {
      case .endOfInput:
        say(.quizPaused(quizID))
        return nil
      case .interrupt:
        line()
        if askYesNo(.askLeaveQuiz) != false {
          say(.quizPaused(quizID))
          return nil
        }
      case .line(let text):
        do {
          return try AnswerParser.parse(text, for: item)
        } catch {
          line(style.yellow(error.text(in: language)))
        }
      }
    }
  }

  private func giveFeedback(_ item: QuizItem, mark: Mark) {
    if mark.isCorrect {
      line(style.green(ShellText.correct.text(in: language)))
    } else if mark.score > 0 {
      line(
        style.yellow(ShellText.partlyCorrect(percent: Int((mark.score * 100).rounded())).text(in: language)))
    } else {
      line(style.red(ShellText.wrong.text(in: language)))
    }
    if !mark.isCorrect {
      line(ShellText.rightAnswer.text(in: language) + " " + describeKey(item))
    }
    let explanation =
      ShellText.explanation.text(in: language) + " " + item.question.explanation.text(in: language)
    for text in wrapped(explanation) { line(text) }
    line(style.dim(ShellText.source.text(in: language) + " " + item.question.source.description))
  }

  /// The right answer in the letters the official saw.
  private func describeKey(_ item: QuizItem) -> String {
    let question = item.question
    func letter(_ original: Int) -> String {
      AnswerParser.label(item.displayOrder.firstIndex(of: original) ?? original)
    }
    switch question.body {
    case .singleChoice(let options, let answer):
      let index = options.firstIndex { $0.id == answer } ?? 0
      return "\(letter(index))) \(options[index].text.text(in: language))"
    case .multipleChoice(let options, let answers):
      return options.indices.filter { answers.contains(options[$0].id) }
        .map { "\(letter($0))) \(options[$0].text.text(in: language))" }.joined(separator: "; ")
    case .trueFalse(let answer):
      return language == .english ? (answer ? "true" : "false") : (answer ? "đúng" : "sai")
    case .matching(let pairs):
      return pairs.indices.map { "\($0 + 1)-\(letter($0))" }.joined(separator: " ")
    case .ordering(let items):
      return items.indices.map { letter($0) }.joined(separator: " ")
    case .shortAnswer(let accepted, _):
      return accepted.first ?? ""
    }
  }

  // MARK: result

  private func showResult(_ result: QuizResult, items: [QuizItem], feedback: FeedbackTiming) {
    line()
    let score =
      result.score.rounded() == result.score
      ? String(Int(result.score)) : String(format: "%.1f", result.score)
    say(.quizResult(score: score, total: result.questionCount, percent: Int(result.percent.rounded())))
    line(
      result.passed
        ? style.green(ShellText.passed.text(in: language))
        : style.red(ShellText.failed(pass: Int(result.passPercent.rounded())).text(in: language)))
    let dimensions = result.dimensionShares(in: taxonomy)
    if !dimensions.isEmpty {
      say(.byDimension)
      printShares(dimensions, indent: "  ")
    }
    let weak = result.weakAreas(in: taxonomy)
    if weak.isEmpty {
      say(.noWeakAreas)
    } else {
      say(.weakAreasHeader)
      for share in weak {
        let name = taxonomy.entry(for: share.code)?.name.text(in: language) ?? share.code
        line("  \(share.code) \(name): \(Int(share.percent.rounded()))%")
      }
    }
    let missed = result.missed
    if !missed.isEmpty {
      line()
      say(.missedHeader)
      for answer in missed {
        guard let item = items.first(where: { $0.question.id == answer.question.id }) else { continue }
        for text in wrapped("• " + answer.question.prompt.text(in: language), indent: "  ") { line(text) }
        if feedback == .end {
          line("    " + ShellText.rightAnswer.text(in: language) + " " + describeKey(item))
          for text in wrapped(answer.question.explanation.text(in: language), indent: "    ") { line(text) }
          line(
            style.dim("    " + ShellText.source.text(in: language) + " " + answer.question.source.description)
          )
        }
      }
    }
    suggestLessons(for: weak.map(\.code))
  }
}

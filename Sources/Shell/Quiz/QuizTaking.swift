import Assessment
import Curriculum
import Foundation
import Gradebook
import Localization
import Units

/// Takes (or resumes) a quiz in the shell: Assessment's ``QuizAttempt`` decides, this asks the
/// official, prints through ``QuizScreen`` and stores each answer before the next question.
struct QuizTaking {
  let context: CommandContext
  let signedIn: SignedIn

  private var store: any ResultsStore { signedIn.store }
  private var screen: QuizScreen { QuizScreen(context: context) }

  func take(_ quiz: Quiz, in course: Course) {
    let assembler = QuizAssembler(course: course, taxonomy: context.taxonomy)
    guard let started = context.reading({ try start(quiz, with: assembler) }), var (attempt, record) = started
    else { return }
    context.say(
      QuizText.quizStart(
        title: quiz.title.text(in: context.language), count: attempt.quiz.items.count, pass: quiz.passPercent)
    )
    while let step = attempt.next {
      context.line()
      screen.show(step.item, number: step.position + 1, total: attempt.quiz.items.count)
      let shownAt = context.now()
      guard
        let response = readResponse(
          for: step.item, paused: QuizText.quizPaused(quiz.id), askLeave: QuizText.askLeaveQuiz,
          showAgain: { screen.show(step.item, number: step.position + 1, total: attempt.quiz.items.count) })
      else { return }
      let feedback: AnswerFeedback
      do {
        feedback = try attempt.answer(response, shownAt: shownAt, answeredAt: context.now()) { given in
          let answer = try Answer(given, in: record.id)
          try store.record(answer)
          record.answers.append(answer)
        }
      } catch {
        return context.say(QuizText.notSaved(context.console.reason(error)))
      }
      if attempt.givesImmediateFeedback { screen.feedback(feedback) }
    }
    let result = attempt.result
    do {
      try store.finish(
        record, score: result.score, maxScore: Double(attempt.quiz.items.count), at: context.now())
    } catch {
      context.say(QuizText.notSaved(context.console.reason(error)))
    }
    screen.result(of: attempt, position: context.library.currentPositionID(signedIn.official.position))
  }

  /// The official's unfinished attempt when they choose to continue it, else a new one when the
  /// quiz's attempt rules allow (the unfinished one, once discarding is confirmed, kept in the
  /// record as abandoned); nil when they leave it for later or may not start.
  private func start(_ quiz: Quiz, with assembler: QuizAssembler) throws -> (QuizAttempt, Attempt)? {
    let official = signedIn.official
    if let unfinished = try store.unfinishedAttempt(official: official, quizID: quiz.id),
      let resumed = QuizAttempt.resume(
        quiz, with: assembler, seed: unfinished.seed, questionIDs: unfinished.questionIDs,
        answers: unfinished.givenAnswers)
    {
      switch askResume(unfinished) {
      case .resume?: return (resumed, unfinished)
      case .later?, nil:
        context.say(AttemptMessage.keptForLater(quiz: quiz.id))
        return nil
      case .restart?:
        guard
          context.console.askYesNo(AttemptMessage.confirmRestart(answered: unfinished.answers.count)) == true
        else {
          context.say(AttemptMessage.keptForLater(quiz: quiz.id))
          return nil
        }
        try store.abandon(unfinished, at: context.now())
        context.say(AttemptMessage.restarted)
      }
    }
    let past = try store.attempts(of: official)
    let finished = past.filter { $0.quizID == quiz.id && $0.status == .finished }.count
    switch AttemptPermission.forNewAttempt(at: quiz, finished: finished) {
    case .allowed: break
    case .alreadyTaken:
      context.say(AttemptMessage.alreadyTaken(quiz: quiz.id))
      return nil
    case .noAttemptsLeft(let allowed):
      context.say(AttemptMessage.noAttemptsLeft(quiz: quiz.id, allowed: allowed))
      return nil
    }
    if quiz.retake, let limit = quiz.attemptLimit {
      context.say(AttemptMessage.attemptsLeft(limit - finished))
    }
    let drawn = try assembler.draw(quiz, seed: context.makeSeed, earlierAttempts: { past.map(\.pastAttempt) })
    return (
      QuizAttempt(drawn),
      try store.startAttempt(
        official: official, quiz: drawn, classID: signedIn.trainingClass?.id, startedAt: context.now())
    )
  }

  /// Asks what to do with an unfinished attempt until a choice is named; nil when input ends.
  private func askResume(_ unfinished: Attempt) -> ResumeChoice? {
    let question = AttemptMessage.resumeQuestion(
      answered: unfinished.answers.count, total: unfinished.questionIDs.count)
    while true {
      guard case .line(let answer) = context.console.ask(context.text(question)) else { return nil }
      if let choice = ResumeChoice.parse(answer) { return choice }
      context.say(AttemptMessage.resumeHelp)
    }
  }

  /// Reads until a valid answer; nil when the official pauses the quiz or input ends.
  func readResponse(
    for item: QuizItem, paused: some LocalizedMessage, askLeave: some LocalizedMessage, showAgain: () -> Void
  ) -> Response? {
    let console = context.console
    while true {
      switch console.ask("> ") {
      case .endOfInput:
        console.say(paused)
        return nil
      case .idle:
        continue
      case .interrupt:
        console.line()
        if console.askYesNo(askLeave) != false {
          console.say(paused)
          return nil
        }
      case .line(let text):
        switch QuizWord.parse(text) {
        case .help?:
          console.say(AttemptMessage.quizHelp)
          showAgain()
          continue
        case .pause?:
          console.say(paused)
          return nil
        case nil: break
        }
        do {
          return try AnswerParser.parse(text, for: item)
        } catch {
          console.line(console.style.yellow(error.text(in: console.language)))
        }
      }
    }
  }
}

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
      guard let response = readResponse(for: step.item, quizID: quiz.id) else { return }
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
    screen.result(of: attempt, position: signedIn.official.position)
  }

  /// The official's unfinished attempt when they choose to continue it, else a new one (the
  /// unfinished one abandoned); nil when they leave instead of choosing.
  private func start(_ quiz: Quiz, with assembler: QuizAssembler) throws -> (QuizAttempt, Attempt)? {
    let official = signedIn.official
    if let unfinished = try store.unfinishedAttempt(official: official, quizID: quiz.id),
      let resumed = QuizAttempt.resume(
        quiz, with: assembler, seed: unfinished.seed, questionIDs: unfinished.questionIDs,
        answers: unfinished.givenAnswers)
    {
      let question = QuizText.resumeQuestion(
        answered: unfinished.answers.count, total: unfinished.questionIDs.count)
      guard let resume = context.console.askYesNo(question) else { return nil }
      if resume { return (resumed, unfinished) }
      try store.abandon(unfinished, at: context.now())
    }
    let drawn = try assembler.draw(
      quiz, seed: context.makeSeed, earlierAttempts: { try store.attempts(of: official).map(\.pastAttempt) })
    return (
      QuizAttempt(drawn), try store.startAttempt(official: official, quiz: drawn, startedAt: context.now())
    )
  }

  /// Reads until a valid answer; nil when the official pauses the quiz or input ends.
  private func readResponse(for item: QuizItem, quizID: String) -> Response? {
    let console = context.console
    while true {
      switch console.ask("> ") {
      case .endOfInput:
        console.say(QuizText.quizPaused(quizID))
        return nil
      case .interrupt:
        console.line()
        if console.askYesNo(QuizText.askLeaveQuiz) != false {
          console.say(QuizText.quizPaused(quizID))
          return nil
        }
      case .line(let text):
        do {
          return try AnswerParser.parse(text, for: item)
        } catch {
          console.line(console.style.yellow(error.text(in: console.language)))
        }
      }
    }
  }
}

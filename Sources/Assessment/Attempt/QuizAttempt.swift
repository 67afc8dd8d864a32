import Curriculum
import Foundation

/// One attempt at a quiz as it is taken: the questions drawn, the answers given so far, and what
/// is left. It asks nothing and prints nothing: a face shows ``next``, turns what the official typed
/// into a ``Response`` (``AnswerParser``) and hands it to ``answer(_:shownAt:answeredAt:saving:)``,
/// which marks it, passes it to the saving closure before keeping it, and returns the feedback.
public struct QuizAttempt: Sendable {
  /// The question to answer next and where it stands in the quiz (0 for the first).
  public struct Step: Sendable, Hashable {
    public var position: Int
    public var item: QuizItem
  }

  public let quiz: AssembledQuiz
  private var answered: [QuestionID: AnsweredQuestion]

  /// A new attempt, nothing answered yet.
  public init(_ quiz: AssembledQuiz) {
    self.quiz = quiz
    self.answered = [:]
  }

  /// An attempt resumed with the answers stored so far (their marks as stored); answers to
  /// questions the quiz does not ask are left out.
  public init(resuming quiz: AssembledQuiz, answers: [GivenAnswer]) {
    self.init(quiz)
    let asked = Dictionary(quiz.items.map { ($0.question.id, $0.question) }, uniquingKeysWith: { a, _ in a })
    for answer in answers {
      guard let question = asked[answer.questionID] else { continue }
      answered[answer.questionID] = AnsweredQuestion(
        question: question, response: answer.response, mark: answer.mark)
    }
  }

  /// Rebuilds a stored, unfinished attempt from its seed and question order; nil when the course
  /// no longer has one of its questions (the attempt cannot be shown as it was).
  public static func resume(
    _ quiz: Quiz, with assembler: QuizAssembler, seed: UInt64, questionIDs: [QuestionID],
    answers: [GivenAnswer]
  ) -> QuizAttempt? {
    guard let assembled = try? assembler.reassemble(quiz, seed: seed, questionIDs: questionIDs) else {
      return nil
    }
    return QuizAttempt(resuming: assembled, answers: answers)
  }

  /// How many questions are answered.
  public var answeredCount: Int { answered.count }

  /// The first question not answered yet, nil when every question is.
  public var next: Step? {
    quiz.items.indices.first { answered[quiz.items[$0].question.id] == nil }
      .map { Step(position: $0, item: quiz.items[$0]) }
  }

  public var isComplete: Bool { next == nil }

  /// Marks `response` to the next question, hands it to `saving` and, once saved, keeps it.
  /// When `saving` throws, the answer is not kept and the same question stays next.
  @discardableResult
  public mutating func answer(
    _ response: Response, shownAt: Date, answeredAt: Date, saving: (GivenAnswer) throws -> Void
  ) throws -> AnswerFeedback {
    guard let step = next else { throw AttemptError.alreadyComplete }
    let mark = Scorer.mark(response, for: step.item.question)
    try saving(
      GivenAnswer(
        questionID: step.item.question.id, position: step.position, response: response, mark: mark,
        timeTaken: max(0, answeredAt.timeIntervalSince(shownAt)), answeredAt: answeredAt))
    answered[step.item.question.id] = AnsweredQuestion(
      question: step.item.question, response: response, mark: mark)
    return AnswerFeedback(item: step.item, mark: mark, response: response)
  }

  /// Whether feedback is shown after each answer (else only with the result).
  public var givesImmediateFeedback: Bool { quiz.quiz.feedback == .immediate }

  /// The outcome so far; unanswered questions count as zero.
  public var result: QuizResult {
    QuizResult(
      answers: quiz.items.compactMap { answered[$0.question.id] }, questionCount: quiz.items.count,
      passPercent: quiz.quiz.passPercent)
  }

  /// Feedback on each question answered not fully right, in the order asked.
  public var missed: [AnswerFeedback] {
    quiz.items.compactMap { item in
      guard let answer = answered[item.question.id], !answer.mark.isCorrect else { return nil }
      return AnswerFeedback(item: item, mark: answer.mark, response: answer.response)
    }
  }
}

/// Misuse of an attempt by the face driving it.
public enum AttemptError: Error, Sendable, Hashable {
  /// An answer was given after the last question.
  case alreadyComplete
}

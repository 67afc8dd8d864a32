import Assessment
import Curriculum
import Foundation
import Gradebook
import Insight
import Units

// Every place the shell reads the fields of a stored record, so that a change of the records'
// shape is made here.

extension Answer {
  /// The record of an answer as the quiz flow gave it, in attempt `attemptID`.
  init(_ given: GivenAnswer, in attemptID: AttemptID) throws {
    try self.init(
      attemptID: attemptID, questionID: given.questionID, position: given.position, response: given.response,
      mark: given.mark, timeTaken: given.timeTaken, answeredAt: given.answeredAt)
  }
}

extension ReviewLogEntry {
  /// The record of a review: the answer as the quiz flow gave it and the card it leaves.
  init(_ given: GivenAnswer, outcome: ReviewOutcome, official: Official) throws {
    let memory = outcome.card.memory
    let card = ReviewCard(
      officialID: official.id, questionID: given.questionID, stability: memory.stability,
      difficulty: memory.difficulty, due: memory.due, lastReview: given.answeredAt, reps: outcome.card.reps,
      lapses: outcome.card.lapses)
    self.init(
      card: card, grade: outcome.grade.rawValue, elapsedDays: outcome.elapsedDays,
      response: String(decoding: try JSONEncoder().encode(given.response), as: UTF8.self),
      score: given.mark.score, timeTaken: given.timeTaken)
  }
}

extension Attempt {
  /// The share of the attempt's questions answered right, in percent (unanswered count as zero).
  var percent: Double {
    guard !questionIDs.isEmpty else { return 0 }
    return 100 * answers.reduce(0) { $0 + $1.mark.score } / Double(questionIDs.count)
  }

  /// The answers stored so far, as the quiz flow resumes them.
  var givenAnswers: [GivenAnswer] {
    answers.enumerated().map { offset, answer in
      GivenAnswer(
        questionID: answer.questionID, position: questionIDs.firstIndex(of: answer.questionID) ?? offset,
        response: answer.givenResponse, mark: answer.mark, timeTaken: answer.timeTaken,
        answeredAt: answer.answeredAt)
    }
  }

  var pastAttempt: PastAttempt { PastAttempt(quizID: quizID, questionIDs: questionIDs) }

  /// The marks of the attempt, for item analysis.
  var itemAttempt: ItemAttempt {
    ItemAttempt(marks: Dictionary(answers.map { ($0.questionID, $0.mark.score) }, uniquingKeysWith: max))
  }
}

extension SignedIn {
  /// The official's review schedule: their review cards and every quiz answer they gave.
  func reviewSchedule() throws -> ReviewSchedule {
    let answers = try store.attempts(of: official).flatMap(\.answers).map {
      AnswerEvent(questionID: $0.questionID, isCorrect: $0.mark.isCorrect, answeredAt: $0.answeredAt)
    }
    let cards = try store.reviewCards(of: official).map {
      ReviewCardState(
        questionID: $0.questionID, stability: $0.stability, difficulty: $0.difficulty,
        lastReview: $0.lastReview,
        due: $0.due, reps: $0.reps, lapses: $0.lapses)
    }
    return ReviewSchedule(cards: cards, answers: answers)
  }

  /// The official's best finished percentage per quiz id.
  func bestPercents() throws -> [String: Double] {
    var best: [String: Double] = [:]
    for attempt in try store.attempts(of: official) where attempt.status == .finished {
      best[attempt.quizID] = max(best[attempt.quizID] ?? 0, attempt.percent)
    }
    return best
  }

  /// The official's own position by id, for facts about their answers only.
  var ownPosition: [String: String] { [official.factID: official.position] }
}

extension Official {
  /// The id Insight's facts know this official by.
  var factID: String { id.uuidString }
}

extension [Official] {
  /// Each official's position by the id Insight's facts know them by.
  var positionsByFactID: [String: String] {
    Dictionary(map { ($0.factID, $0.position) }, uniquingKeysWith: { first, _ in first })
  }
}

extension CommandContext {
  /// Answers of `attempts` as Insight's facts; answers to questions no longer in the courses
  /// are left out.
  func facts(of attempts: [Attempt], positions: [String: String], commune: CommuneEntry) -> [AnswerFact] {
    attempts.flatMap { attempt in
      attempt.answers.compactMap { answer -> AnswerFact? in
        guard let question = library.question(answer.questionID) else { return nil }
        return AnswerFact(
          officialID: attempt.officialID.uuidString, position: positions[attempt.officialID.uuidString] ?? "",
          communeCode: commune.code.rawValue, attemptID: attempt.id.uuidString, quizID: attempt.quizID,
          questionID: answer.questionID, score: answer.mark.score, answeredAt: answer.answeredAt,
          papiCodes: question.papiCodes, area: question.area.id)
      }
    }
  }
}

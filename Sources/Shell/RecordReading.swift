import Assessment
import Curriculum
import Foundation
import Insight

// Every place the shell reads the fields of a stored record, so that a change of the records'
// shape is made here.

extension AnswerRecord {
  /// The record of an answer as the quiz flow gave it.
  init(_ given: GivenAnswer) {
    self.init(
      questionID: given.questionID, response: given.response, mark: given.mark, timeTaken: given.timeTaken,
      answeredAt: given.answeredAt)
  }
}

extension AttemptRecord {
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
        response: answer.response, mark: answer.mark, timeTaken: answer.timeTaken,
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
  /// Every answer the official has given, as review events.
  func answerHistory() throws -> [AnswerEvent] {
    try store.attempts(of: official).flatMap(\.answers).map {
      AnswerEvent(questionID: $0.questionID, isCorrect: $0.mark.isCorrect, answeredAt: $0.answeredAt)
    }
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

extension OfficialRecord {
  /// The id Insight's facts know this official by.
  var factID: String { id }
}

extension [OfficialRecord] {
  /// Each official's position by the id Insight's facts know them by.
  var positionsByFactID: [String: String] {
    Dictionary(map { ($0.factID, $0.position) }, uniquingKeysWith: { first, _ in first })
  }
}

extension CommandContext {
  /// Answers of `attempts` as Insight's facts; answers to questions no longer in the courses
  /// are left out.
  func facts(of attempts: [AttemptRecord], positions: [String: String], commune: CommuneEntry) -> [AnswerFact]
  {
    attempts.flatMap { attempt in
      attempt.answers.compactMap { answer -> AnswerFact? in
        guard let question = library.question(answer.questionID) else { return nil }
        return AnswerFact(
          officialID: attempt.officialID, position: positions[attempt.officialID] ?? "",
          communeCode: commune.code, attemptID: attempt.id, quizID: attempt.quizID,
          questionID: answer.questionID, score: answer.mark.score, answeredAt: answer.answeredAt,
          papiCodes: question.papiCodes, area: question.area.id)
      }
    }
  }
}

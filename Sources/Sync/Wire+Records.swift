import Gradebook
import SyncProtocol

extension WireOfficial {
  /// The official as a batch carries it.
  public init(_ official: Official) {
    self.init(
      id: official.id.uuidString, name: official.name, position: official.position,
      communeCode: official.communeCode.rawValue, createdAt: WireTime.text(official.createdAt))
  }
}

extension WireAttempt {
  /// The attempt as a batch carries it, without answers.
  public init(_ attempt: Attempt) {
    self.init(
      id: attempt.id.uuidString, officialID: attempt.officialID.uuidString, quizID: attempt.quizID,
      courseID: attempt.courseID, courseVersion: attempt.courseVersion, classID: attempt.classID?.uuidString,
      seed: String(attempt.seed), questionIDs: attempt.questionIDs.map(\.rawValue),
      startedAt: WireTime.text(attempt.startedAt),
      endedAt: attempt.endedAt.map(WireTime.text), score: attempt.score, maxScore: attempt.maxScore,
      status: attempt.status.rawValue)
  }
}

extension WireAnswer {
  /// The answer as a batch carries it.
  public init(_ answer: Answer) {
    self.init(
      attemptID: answer.attemptID.uuidString, questionID: answer.questionID.rawValue,
      position: answer.position,
      response: answer.response, score: answer.score, correct: answer.isCorrect, timeTaken: answer.timeTaken,
      answeredAt: WireTime.text(answer.answeredAt))
  }
}

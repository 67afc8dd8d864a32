import Gradebook

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

extension WireClass {
  /// The class as a batch carries it.
  public init(_ trainingClass: TrainingClass) {
    self.init(
      id: trainingClass.id.uuidString, code: trainingClass.code?.rawValue ?? "", title: trainingClass.title,
      trainer: trainingClass.trainer, date: trainingClass.date, endDate: trainingClass.endDate,
      place: trainingClass.place, communeCodes: trainingClass.communeCodes.map(\.rawValue),
      pretestQuizID: trainingClass.pretestQuizID, posttestQuizID: trainingClass.posttestQuizID,
      closedAt: trainingClass.closedAt.map(WireTime.text), updatedAt: WireTime.text(trainingClass.updatedAt))
  }
}

extension WireClassMember {
  /// The membership as a batch carries it.
  public init(_ member: ClassMember) {
    self.init(
      classID: member.classID.uuidString, officialID: member.officialID.uuidString,
      joinedAt: WireTime.text(member.joinedAt))
  }
}

extension WireRosterChange {
  /// The roster change as a batch carries it.
  public init(_ change: RosterChange) {
    self.init(
      id: change.id.uuidString, kind: change.kind.rawValue, officialID: change.officialID.uuidString,
      keptID: change.keptID?.uuidString, oldName: change.oldName, newName: change.newName,
      changedBy: change.changedBy, changedAt: WireTime.text(change.changedAt))
  }
}

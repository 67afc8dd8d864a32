import Assessment
import Foundation
import Gradebook
import Shell
import Units

/// The shell's view of a commune's results, implemented by the gradebook: every write commits
/// before it returns. Responses are stored as JSON text, so a stored answer keeps its meaning
/// whatever order the quiz was shown in.
final class GradebookResultsStore: ResultsStore {
  let store: CommuneStore

  init(store: CommuneStore) {
    self.store = store
  }

  struct UnreadableID: Error, CustomStringConvertible {
    var id: String
    var description: String { "'\(id)' is not a stored id" }
  }

  private func id<ID: StableID>(_ text: String) throws -> ID {
    guard let value = ID(text) else { throw UnreadableID(id: text) }
    return value
  }

  func officials() throws -> [OfficialRecord] {
    try store.officials().map(Self.record)
  }

  func register(name: String, position: String) throws -> OfficialRecord {
    Self.record(try store.addOfficial(name: name, position: position))
  }

  func startAttempt(official: OfficialRecord, quiz: AssembledQuiz, startedAt: Date) throws -> AttemptRecord {
    let attempt = try store.startAttempt(
      NewAttempt(
        officialID: try id(official.id), quizID: quiz.quiz.id, courseID: quiz.courseID,
        courseVersion: quiz.courseVersion, seed: quiz.seed, questionIDs: quiz.questionIDs,
        startedAt: startedAt))
    return Self.record(attempt)
  }

  func record(_ answer: AnswerRecord, position: Int, in attempt: AttemptRecord) throws {
    let response = String(decoding: try JSONEncoder().encode(answer.response), as: UTF8.self)
    try store.record(
      Answer(
        attemptID: try id(attempt.id), questionID: answer.questionID, position: position,
        response: response,
        score: answer.mark.score, isCorrect: answer.mark.isCorrect, timeTaken: answer.timeTaken,
        answeredAt: answer.answeredAt))
  }

  func finish(_ attempt: AttemptRecord, score: Double, maxScore: Double, at date: Date) throws {
    _ = try store.finishAttempt(try id(attempt.id), score: score, maxScore: maxScore, at: date)
  }

  func abandon(_ attempt: AttemptRecord, at date: Date) throws {
    _ = try store.abandonAttempt(try id(attempt.id), at: date)
  }

  func unfinishedAttempt(official: OfficialRecord, quizID: String) throws -> AttemptRecord? {
    try store.unfinishedAttempt(officialID: try id(official.id), quizID: quizID).map(Self.record)
  }

  func attempts(of official: OfficialRecord) throws -> [AttemptRecord] {
    try store.attempts(officialID: try id(official.id)).map(Self.record)
  }

  func communeAttempts() throws -> [AttemptRecord] {
    try store.allAttempts().map(Self.record)
  }

  static func record(_ official: Official) -> OfficialRecord {
    OfficialRecord(id: official.id.uuidString, name: official.name, position: official.position)
  }

  static func record(_ attempt: Attempt) -> AttemptRecord {
    let status: AttemptRecord.Status =
      switch attempt.status {
      case .finished: .finished
      case .abandoned: .abandoned
      case .inProgress: .inProgress
      }
    return AttemptRecord(
      id: attempt.id.uuidString, officialID: attempt.officialID.uuidString, courseID: attempt.courseID,
      courseVersion: attempt.courseVersion, quizID: attempt.quizID, seed: attempt.seed,
      questionIDs: attempt.questionIDs, startedAt: attempt.startedAt, endedAt: attempt.endedAt,
      status: status,
      answers: attempt.answers.map { answer in
        // A response that no longer decodes (an older format) is kept as text and scores as stored.
        let response =
          (try? JSONDecoder().decode(Response.self, from: Data(answer.response.utf8)))
          ?? .text(answer.response)
        return AnswerRecord(
          questionID: answer.questionID, response: response, mark: Mark(score: answer.score),
          timeTaken: answer.timeTaken, answeredAt: answer.answeredAt)
      })
  }
}

extension UnitHierarchy {
  /// The commune-level units as the shell lists them, with their parents' names.
  func communeEntries() -> [CommuneEntry] {
    units.filter { $0.level == .commune }.map { unit in
      CommuneEntry(
        code: unit.code.rawValue, name: unit.name,
        parents: ancestors(of: unit.code).map(\.name))
    }
  }
}

import Assessment
import Curriculum
import Foundation
import Gradebook

/// What the shell needs from the results of one commune, in the gradebook's own records
/// (``Official``, ``Attempt``, ``Answer``) and ids. The gradebook's `CommuneStore` is the store
/// (every call that writes commits before it returns, so an answer acknowledged is an answer
/// kept); the shell's tests give an in-memory one.
public protocol ResultsStore: AnyObject {
  /// The commune's roster.
  func officials() throws -> [Official]
  /// Adds an official to the roster and returns them.
  func register(name: String, position: String) throws -> Official
  /// Starts an attempt of `official` at the assembled quiz, with no answers yet, in `classID`
  /// when the official joined a class this session.
  func startAttempt(official: Official, quiz: AssembledQuiz, classID: ClassID?, startedAt: Date) throws
    -> Attempt
  /// The commune's classes officials can still join.
  func openClasses() throws -> [TrainingClass]
  /// Records that `official` joined `trainingClass` (joining again changes nothing).
  func join(_ trainingClass: TrainingClass, official: Official, at date: Date) throws
  /// Records one answer of an attempt in progress.
  func record(_ answer: Answer) throws
  /// Marks the attempt finished with its total.
  func finish(_ attempt: Attempt, score: Double, maxScore: Double, at date: Date) throws
  /// Marks the attempt abandoned; its answers stay.
  func abandon(_ attempt: Attempt, at date: Date) throws
  /// The official's unfinished attempt at this quiz, if any, with its answers.
  func unfinishedAttempt(official: Official, quizID: String) throws -> Attempt?
  /// Every quiz attempt of the official, oldest first, with answers (reviews are not attempts).
  func attempts(of official: Official) throws -> [Attempt]
  /// Records one review (its log entry and the card it leaves).
  func recordReview(_ review: ReviewLogEntry) throws
  /// The official's review cards, one per question reviewed.
  func reviewCards(of official: Official) throws -> [ReviewCard]
  /// Every attempt of every official of the commune, oldest first, with answers: only for the
  /// trainer's views, after the trainer passphrase.
  func communeAttempts() throws -> [Attempt]
  /// Roster changes a trainer makes (each kept in the commune's record of changes).
  func removeOfficial(_ id: OfficialID, by who: String, at date: Date) throws -> RosterChange
  func renameOfficial(_ id: OfficialID, to name: String, by who: String, at date: Date) throws -> RosterChange
  func mergeOfficial(_ id: OfficialID, into kept: OfficialID, by who: String, at date: Date) throws
    -> RosterChange
}

extension CommuneStore: ResultsStore {
  public func register(name: String, position: String) throws -> Official {
    try addOfficial(name: name, position: position)
  }

  public func startAttempt(official: Official, quiz: AssembledQuiz, classID: ClassID?, startedAt: Date) throws
    -> Attempt
  {
    try startAttempt(
      Attempt(
        officialID: official.id, quizID: quiz.quiz.id, courseID: quiz.courseID,
        courseVersion: quiz.courseVersion, classID: classID, seed: quiz.seed, questionIDs: quiz.questionIDs,
        startedAt: startedAt))
  }

  public func join(_ trainingClass: TrainingClass, official: Official, at date: Date) throws {
    try join(classID: trainingClass.id, officialID: official.id, at: date)
  }

  public func finish(_ attempt: Attempt, score: Double, maxScore: Double, at date: Date) throws {
    try finishAttempt(attempt.id, score: score, maxScore: maxScore, at: date)
  }

  public func abandon(_ attempt: Attempt, at date: Date) throws {
    try abandonAttempt(attempt.id, at: date)
  }

  public func unfinishedAttempt(official: Official, quizID: String) throws -> Attempt? {
    try unfinishedAttempt(officialID: official.id, quizID: quizID)
  }

  public func attempts(of official: Official) throws -> [Attempt] {
    try attempts(officialID: official.id)
  }

  public func reviewCards(of official: Official) throws -> [ReviewCard] {
    try reviewCards(officialID: official.id)
  }

  public func communeAttempts() throws -> [Attempt] {
    try allAttempts()
  }
}

extension Answer {
  /// An answer as the shell gives it: the response stored as JSON text, so a stored answer keeps
  /// its meaning whatever order the quiz was shown in.
  public init(
    attemptID: AttemptID, questionID: QuestionID, position: Int, response: Response, mark: Mark,
    timeTaken: Double, answeredAt: Date
  ) throws {
    self.init(
      attemptID: attemptID, questionID: questionID, position: position,
      response: String(decoding: try JSONEncoder().encode(response), as: UTF8.self), score: mark.score,
      isCorrect: mark.isCorrect, timeTaken: timeTaken, answeredAt: answeredAt)
  }

  /// The response as given. A response that no longer decodes (an older format) is kept as text.
  public var givenResponse: Response {
    (try? JSONDecoder().decode(Response.self, from: Data(response.utf8))) ?? .text(response)
  }

  /// The mark, as Assessment scores it (full marks only when correct).
  public var mark: Mark { Mark(score: score) }
}

import Assessment
import Foundation

/// A commune the official can pick at the start of a session.
public struct CommuneEntry: Sendable, Hashable {
  /// The administrative code (5 digits for a commune).
  public var code: String
  public var name: String
  /// The names of the units above it, nearest first (district if any, then province).
  public var parents: [String]

  public init(code: String, name: String, parents: [String]) {
    self.code = code
    self.name = name
    self.parents = parents
  }

  /// "Xã Tiên Lữ, Tỉnh Hưng Yên".
  public var fullName: String { ([name] + parents).joined(separator: ", ") }
}

/// An official on a commune's roster.
public struct OfficialRecord: Sendable, Hashable {
  public var id: String
  public var name: String
  /// A position id from Courses/positions.yaml.
  public var position: String

  public init(id: String, name: String, position: String) {
    self.id = id
    self.name = name
    self.position = position
  }
}

/// One stored answer.
public struct AnswerRecord: Sendable, Hashable {
  public var questionID: String
  public var response: Response
  public var mark: Mark
  /// Seconds from showing the question to the answer.
  public var timeTaken: Double
  public var answeredAt: Date

  public init(questionID: String, response: Response, mark: Mark, timeTaken: Double, answeredAt: Date) {
    self.questionID = questionID
    self.response = response
    self.mark = mark
    self.timeTaken = timeTaken
    self.answeredAt = answeredAt
  }
}

/// One stored attempt at a quiz, with the answers given so far.
public struct AttemptRecord: Sendable, Hashable {
  public enum Status: String, Sendable, Hashable {
    case inProgress = "in-progress"
    case finished
    case abandoned
  }

  public var id: String
  public var officialID: String
  public var courseID: String
  public var courseVersion: String
  public var quizID: String
  public var seed: UInt64
  /// The questions in the order asked.
  public var questionIDs: [String]
  public var startedAt: Date
  public var endedAt: Date?
  public var status: Status
  public var answers: [AnswerRecord]

  public init(
    id: String, officialID: String, courseID: String, courseVersion: String, quizID: String, seed: UInt64,
    questionIDs: [String], startedAt: Date, endedAt: Date? = nil, status: Status = .inProgress,
    answers: [AnswerRecord] = []
  ) {
    self.id = id
    self.officialID = officialID
    self.courseID = courseID
    self.courseVersion = courseVersion
    self.quizID = quizID
    self.seed = seed
    self.questionIDs = questionIDs
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.status = status
    self.answers = answers
  }
}

/// What the shell needs from the results of one commune. The gradebook implements it; every
/// call that writes commits before it returns, so an answer acknowledged is an answer kept.
public protocol ResultsStore: AnyObject {
  func officials() throws -> [OfficialRecord]
  func register(name: String, position: String) throws -> OfficialRecord
  func startAttempt(
    official: OfficialRecord, quiz: AssembledQuiz, startedAt: Date
  ) throws -> AttemptRecord
  func record(_ answer: AnswerRecord, position: Int, in attempt: AttemptRecord) throws
  func finish(_ attempt: AttemptRecord, score: Double, maxScore: Double, at date: Date) throws
  func abandon(_ attempt: AttemptRecord, at date: Date) throws
  /// The official's unfinished attempt at this quiz, if any, with its answers.
  func unfinishedAttempt(official: OfficialRecord, quizID: String) throws -> AttemptRecord?
  /// Every attempt of the official, oldest first, with answers.
  func attempts(of official: OfficialRecord) throws -> [AttemptRecord]
  /// Every attempt of every official of the commune, oldest first, with answers: only for the
  /// trainer's views, after the trainer passphrase.
  func communeAttempts() throws -> [AttemptRecord]
}

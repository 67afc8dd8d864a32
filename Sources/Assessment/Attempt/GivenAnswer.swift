import Curriculum
import Foundation

/// One answer as it is given in an attempt: what a results store keeps of it.
public struct GivenAnswer: Sendable, Hashable {
  public var questionID: QuestionID
  /// Where the question stands in the attempt (0 for the first asked).
  public var position: Int
  public var response: Response
  public var mark: Mark
  /// Seconds from showing the question to the answer.
  public var timeTaken: Double
  public var answeredAt: Date

  public init(
    questionID: QuestionID, position: Int, response: Response, mark: Mark, timeTaken: Double, answeredAt: Date
  ) {
    self.questionID = questionID
    self.position = position
    self.response = response
    self.mark = mark
    self.timeTaken = timeTaken
    self.answeredAt = answeredAt
  }
}

/// An earlier attempt of the same official, as drawing a post-test needs it.
public struct PastAttempt: Sendable, Hashable {
  public var quizID: String
  /// The questions it asked.
  public var questionIDs: [QuestionID]

  public init(quizID: String, questionIDs: [QuestionID]) {
    self.quizID = quizID
    self.questionIDs = questionIDs
  }
}

import Curriculum
import Foundation

/// One answer, flattened with everything the insight layer groups by. The gradebook produces
/// these; Insight only computes over them.
public struct AnswerFact: Sendable, Hashable {
  public var officialID: String
  /// The official's position id (what their job asks of them).
  public var position: String
  public var communeCode: String
  public var classID: String?
  public var attemptID: String
  public var quizID: String
  public var questionID: QuestionID
  /// The mark, 0 to 1 (partial credit counts).
  public var score: Double
  public var answeredAt: Date
  /// The PAPI codes the question serves.
  public var papiCodes: [String]
  /// The knowledge area the question tests.
  public var area: String

  public init(
    officialID: String, position: String, communeCode: String, classID: String? = nil, attemptID: String,
    quizID: String, questionID: QuestionID, score: Double, answeredAt: Date, papiCodes: [String], area: String
  ) {
    self.officialID = officialID
    self.position = position
    self.communeCode = communeCode
    self.classID = classID
    self.attemptID = attemptID
    self.quizID = quizID
    self.questionID = questionID
    self.score = score
    self.answeredAt = answeredAt
    self.papiCodes = papiCodes
    self.area = area
  }
}

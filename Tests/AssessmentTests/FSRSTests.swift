import Assessment
import Foundation
import PapiTrainTesting
import Testing

/// FSRS intervals equal the reference implementation's (py-fsrs 6.3.2, default parameters), for the
/// histories scripts/fsrs-reference.py simulated and recorded.
@Suite struct FSRSTests {
  struct Review: Decodable {
    var day: Int?
    var hours: Int?
    var grade: Int
    var stability: Double
    var difficulty: Double
    var interval: Int
  }
  struct Reference: Decodable {
    var parameters: [Double]
    var thirtyDays: [Review]
    var sameDay: [Review]
    var everyDay: [Review]

    enum CodingKeys: String, CodingKey {
      case parameters
      case thirtyDays = "thirty_days"
      case sameDay = "same_day"
      case everyDay = "every_day"
    }
  }

  let start = Date(timeIntervalSince1970: 1_796_112_000)  // 2026-12-01 08:00 UTC

  func reference() throws -> Reference {
    let url = Repository.fixtures(of: "AssessmentTests").appendingPathComponent("fsrs-reference.json")
    return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }

  func replay(_ reviews: [Review]) throws {
    let fsrs = FSRS()
    var memory: FSRSMemory?
    for review in reviews {
      let hours = Double(review.hours ?? (review.day ?? 0) * 24)
      let grade = try #require(FSRSGrade(rawValue: review.grade))
      memory = fsrs.review(memory, grade: grade, at: start.addingTimeInterval(hours * 3600))
      #expect(memory?.interval == review.interval, "\(review)")
      #expect(abs((memory?.stability ?? 0) - review.stability) < 1e-9, "\(review)")
      #expect(abs((memory?.difficulty ?? 0) - review.difficulty) < 1e-9, "\(review)")
    }
  }

  @Test func theParametersAreThePublishedDefaults() throws {
    #expect(try reference().parameters == FSRS.defaultParameters)
  }

  @Test func thirtyDaysOfReviewsWhenDueGiveTheReferenceIntervals() throws {
    try replay(try reference().thirtyDays)
  }

  @Test func reviewsOnTheSameDayUseShortTermStability() throws {
    try replay(try reference().sameDay)
  }

  @Test func thirtyDaysOfDailyAnswersGiveTheReferenceIntervals() throws {
    let daily = try reference().everyDay
    #expect(daily.count == 30)
    try replay(daily)
  }

  @Test func answersMapToGrades() {
    #expect(FSRSGrade.of(isCorrect: false, seconds: 5) == .again)
    #expect(FSRSGrade.of(isCorrect: true, seconds: 20) == .good)
    #expect(FSRSGrade.of(isCorrect: true, seconds: 90) == .hard)
  }
}

import Curriculum
import Foundation
import Gradebook
import Insight

/// The questions of a course library by id, with what reports group their answers by: the PAPI
/// codes each answer counts for (see ``Taxonomy/countedCodes(for:)``) and the knowledge area.
public struct QuestionIndex: Sendable {
  public let library: CourseLibrary
  private let questions: [QuestionID: Question]

  /// The key prefix that marks a knowledge area among the scan's keys (PAPI codes have none).
  static let areaPrefix = "area:"

  public init(library: CourseLibrary) {
    self.library = library
    var questions: [QuestionID: Question] = [:]
    for course in library.courses {
      for question in course.questions { questions[question.id] = question }
    }
    self.questions = questions
  }

  public func question(_ id: QuestionID) -> Question? { questions[id] }

  /// Every question of the courses by id.
  public var questionsByID: [QuestionID: Question] { questions }

  /// Question id → the keys its answers count for: its counted PAPI codes and `area:<id>`.
  public var scanKeys: [QuestionID: [String]] {
    questions.mapValues { question in
      library.taxonomy.countedCodes(for: question.papiCodes).sorted() + [Self.areaPrefix + question.area.id]
    }
  }

  /// Answers as Insight's facts. An answer to a question no longer in the courses is left out
  /// (it cannot be mapped onto PAPI); `unknownQuestions` counts them so a report can say so.
  public func facts(
    from rows: [AnswerRow], communeCode: String
  ) -> (facts: [AnswerFact], unknownQuestions: Int) {
    var facts: [AnswerFact] = []
    facts.reserveCapacity(rows.count)
    var unknown = 0
    for row in rows {
      guard let question = questions[row.questionID] else {
        unknown += 1
        continue
      }
      facts.append(
        AnswerFact(
          officialID: row.officialID.uuidString, position: library.currentPositionID(row.position),
          communeCode: communeCode,
          classID: row.classID?.uuidString, attemptID: row.attemptID.uuidString, quizID: row.quizID,
          questionID: row.questionID, score: row.score, answeredAt: row.answeredAt,
          papiCodes: question.papiCodes,
          area: question.area.id))
    }
    return (facts, unknown)
  }

  /// A group's tallies from a scan's sums for that group, weighted as seen from `reference`.
  static func tallies(
    _ sums: some Sequence<WeightedAnswerScan.Sums>, at reference: Date, halfLifeDays: Double
  ) -> CodeTallies {
    var tallies = CodeTallies()
    for sum in sums {
      let weighted = sum.weighted(at: reference, halfLifeDays: halfLifeDays)
      let tally = MasteryTally(
        answers: sum.answers, sumWeights: weighted.sumWeights, sumSquaredWeights: weighted.sumSquaredWeights,
        sumWeightedScores: weighted.sumWeightedScores, officials: sum.officials)
      if sum.key.hasPrefix(areaPrefix) {
        tallies.byArea[String(sum.key.dropFirst(areaPrefix.count)), default: .empty] += tally
      } else {
        tallies.byCode[sum.key, default: .empty] += tally
      }
    }
    return tallies
  }
}

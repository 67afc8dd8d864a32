import Curriculum
import Foundation

/// One past answer to a question, as the review schedule needs it.
public struct AnswerEvent: Sendable, Hashable {
  public var questionID: QuestionID
  public var isCorrect: Bool
  public var answeredAt: Date

  public init(questionID: QuestionID, isCorrect: Bool, answeredAt: Date) {
    self.questionID = questionID
    self.isCorrect = isCorrect
    self.answeredAt = answeredAt
  }
}

/// Spaced review of missed questions (a Leitner schedule).
///
/// A question enters review when it is answered wrongly and is due at once. Each later right
/// answer moves it up a box, and it comes back after 1, 3, 7 and then 21 days; after a right answer
/// in the last box it leaves review. A wrong answer at any time puts it back in the first box.
public struct ReviewSchedule: Sendable {
  /// Days to wait after a right answer in each box.
  public static let intervals: [Int] = [1, 3, 7, 21]

  /// A question in review and when it is next due.
  public struct Entry: Sendable, Hashable {
    public var questionID: QuestionID
    public var box: Int
    public var due: Date
    public var lastMissed: Date
  }

  public private(set) var entries: [QuestionID: Entry] = [:]

  /// Builds the schedule from an official's answer history (in any order).
  public init(history: [AnswerEvent]) {
    for event in history.sorted(by: { $0.answeredAt < $1.answeredAt }) {
      record(event)
    }
  }

  private mutating func record(_ event: AnswerEvent) {
    if !event.isCorrect {
      entries[event.questionID] = Entry(
        questionID: event.questionID, box: 0, due: event.answeredAt, lastMissed: event.answeredAt)
      return
    }
    guard var entry = entries[event.questionID] else { return }
    if entry.box >= Self.intervals.count - 1 {
      entries[event.questionID] = nil
      return
    }
    entry.due = event.answeredAt.addingTimeInterval(Double(Self.intervals[entry.box]) * 86_400)
    entry.box += 1
    entries[event.questionID] = entry
  }

  /// The questions due for review at `now`, longest overdue first.
  public func due(at now: Date) -> [Entry] {
    entries.values.filter { $0.due <= now }.sorted { ($0.due, $0.questionID) < ($1.due, $1.questionID) }
  }

  /// Every question in review, due or not, soonest first.
  public var all: [Entry] {
    entries.values.sorted { ($0.due, $0.questionID) < ($1.due, $1.questionID) }
  }
}

import Curriculum
import Foundation

/// One past quiz answer to a question, as the review schedule needs it.
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

/// A question's review card as the scheduler keeps it for one official: FSRS's memory and the
/// counts of reviews and lapses.
public struct ReviewCardState: Sendable, Hashable {
  public var questionID: QuestionID
  public var memory: FSRSMemory
  /// Reviews so far.
  public var reps: Int
  /// Reviews answered wrong after the first.
  public var lapses: Int

  public init(questionID: QuestionID, memory: FSRSMemory, reps: Int, lapses: Int) {
    self.questionID = questionID
    self.memory = memory
    self.reps = reps
    self.lapses = lapses
  }

  /// A card as stored: its due moment gives the interval in whole days.
  public init(
    questionID: QuestionID, stability: Double, difficulty: Double, lastReview: Date, due: Date, reps: Int,
    lapses: Int
  ) {
    let days = Int((due.timeIntervalSince(lastReview) / 86_400).rounded())
    self.init(
      questionID: questionID,
      memory: FSRSMemory(
        stability: stability, difficulty: difficulty, lastReview: lastReview, interval: days),
      reps: reps, lapses: lapses)
  }
}

/// What one review did: the grade the answer earned, the days since the question's previous
/// review, and the card it leaves.
public struct ReviewOutcome: Sendable, Hashable {
  public var grade: FSRSGrade
  public var elapsedDays: Int
  public var card: ReviewCardState
}

/// Spaced review of missed questions, scheduled by FSRS (``FSRS``).
///
/// A question enters review when an official answers it wrong in a quiz: it is due at once.
/// Each review is graded (``FSRSGrade/of(isCorrect:seconds:)``: wrong → Again, right → Good,
/// right but slower than ``FSRS/slowAnswerSeconds`` → Hard) and FSRS sets the next due day from
/// the card's memory. A question missed again in a quiz after its last review is due at once.
/// Questions due are taken least retrievable first: never reviewed (recall taken as 0) before
/// those FSRS thinks most likely forgotten.
public struct ReviewSchedule: Sendable {
  /// A question in review and when it is due.
  public struct Entry: Sendable, Hashable {
    public var questionID: QuestionID
    /// Its card; nil before its first review.
    public var card: ReviewCardState?
    /// When it is (or was) due.
    public var due: Date
  }

  public let fsrs: FSRS
  /// Every question in review, by id.
  public private(set) var entries: [QuestionID: Entry] = [:]

  /// The schedule of an official with these `cards` and quiz `answers` (in any order).
  public init(cards: [ReviewCardState], answers: [AnswerEvent], fsrs: FSRS = FSRS()) {
    self.fsrs = fsrs
    for card in cards {
      entries[card.questionID] = Entry(questionID: card.questionID, card: card, due: card.memory.due)
    }
    for answer in answers where !answer.isCorrect {
      if let entry = entries[answer.questionID] {
        if let card = entry.card, answer.answeredAt > card.memory.lastReview, answer.answeredAt < entry.due {
          entries[answer.questionID]?.due = answer.answeredAt
        } else if entry.card == nil, answer.answeredAt < entry.due {
          entries[answer.questionID]?.due = answer.answeredAt
        }
      } else {
        entries[answer.questionID] = Entry(questionID: answer.questionID, card: nil, due: answer.answeredAt)
      }
    }
  }

  /// The chance of recalling the question's answer at `now`: 0 before its first review.
  public func retrievability(of entry: Entry, at now: Date) -> Double {
    guard let card = entry.card else { return 0 }
    return fsrs.retrievability(of: card.memory, at: now)
  }

  /// The questions due at `now`, least retrievable first (then longest due, then by id).
  public func due(at now: Date) -> [Entry] {
    entries.values.filter { $0.due <= now }
      .map { (entry: $0, recall: retrievability(of: $0, at: now)) }
      .sorted {
        ($0.recall, $0.entry.due, $0.entry.questionID) < ($1.recall, $1.entry.due, $1.entry.questionID)
      }
      .map(\.entry)
  }

  /// When the next question not yet due at `now` comes due; nil when none is in review.
  public func nextDue(after now: Date) -> Date? {
    entries.values.map(\.due).filter { $0 > now }.min()
  }

  /// Reviews `questionID` with an answer that was right or not and took `seconds`, at `date`.
  public func review(_ questionID: QuestionID, isCorrect: Bool, seconds: Double, at date: Date)
    -> ReviewOutcome
  {
    let grade = FSRSGrade.of(isCorrect: isCorrect, seconds: seconds)
    let previous = entries[questionID]?.card
    let memory = fsrs.review(previous?.memory, grade: grade, at: date)
    let elapsed = previous.map { max(0, FSRS.wholeDays(from: $0.memory.lastReview, to: date)) } ?? 0
    let lapsed = previous != nil && grade == .again
    let card = ReviewCardState(
      questionID: questionID, memory: memory, reps: (previous?.reps ?? 0) + 1,
      lapses: (previous?.lapses ?? 0) + (lapsed ? 1 : 0))
    return ReviewOutcome(grade: grade, elapsedDays: elapsed, card: card)
  }

  /// Keeps a review's card, as the store does once it is recorded.
  public mutating func apply(_ outcome: ReviewOutcome) {
    entries[outcome.card.questionID] = Entry(
      questionID: outcome.card.questionID, card: outcome.card, due: outcome.card.memory.due)
  }
}

import Curriculum
import Foundation

/// The stable id of one review in the review log.
public struct ReviewID: StableID {
  public let rawValue: UUID

  /// The review id wrapping `rawValue`.
  public init(rawValue: UUID) { self.rawValue = rawValue }
}

/// Where a question's review card stands, in FSRS's words. papi-train schedules without learning
/// or relearning steps, so every card it writes is in `review`; the other states are accepted
/// from files for a scheduler that uses steps.
public enum ReviewState: String, Sendable, Hashable, CaseIterable {
  case learning
  case review
  case relearning
}

/// What the scheduler knows of one question for one official after a review: FSRS's memory
/// state and the counts, as `review_cards` keeps them (one row per official and question).
public struct ReviewCard: Sendable, Hashable {
  public var officialID: OfficialID
  public var questionID: QuestionID
  /// Days for the chance of recall to fall to 90%.
  public var stability: Double
  /// 1 (easy) to 10 (hard).
  public var difficulty: Double
  /// When the question is next due.
  public var due: Date
  /// When it was last reviewed.
  public var lastReview: Date
  /// Reviews so far.
  public var reps: Int
  /// Reviews answered wrong after the first.
  public var lapses: Int
  public var state: ReviewState

  /// A card as the scheduler leaves it after a review.
  public init(
    officialID: OfficialID, questionID: QuestionID, stability: Double, difficulty: Double, due: Date,
    lastReview: Date, reps: Int, lapses: Int, state: ReviewState = .review
  ) {
    self.officialID = officialID
    self.questionID = questionID
    self.stability = stability
    self.difficulty = difficulty
    self.due = due
    self.lastReview = lastReview
    self.reps = reps
    self.lapses = lapses
    self.state = state
  }
}

/// One review as `review_log` keeps it: when, the grade, the days since the question's previous
/// review, the answer given, and the card it left. The log is append-only; the card of a
/// question is the one its latest review left, so merging logs from two machines gives every
/// machine the same cards.
public struct ReviewLogEntry: Sendable, Hashable, Identifiable {
  public var id: ReviewID
  /// The card after this review (official, question, memory state, counts).
  public var card: ReviewCard
  /// When it was answered (the card's `lastReview`).
  public var reviewedAt: Date { card.lastReview }
  /// FSRS's grade: 1 Again, 2 Hard, 3 Good, 4 Easy.
  public var grade: Int
  /// Whole days since the question's previous review (0 for its first).
  public var elapsedDays: Int
  /// The response as text, as an attempt's answer stores it (JSON for structured responses).
  public var response: String
  /// The mark of the answer, 0...1.
  public var score: Double
  /// Seconds from showing the question to the answer.
  public var timeTaken: Double

  /// A review to record with ``CommuneStore/recordReview(_:)``.
  public init(
    id: ReviewID = ReviewID(), card: ReviewCard, grade: Int, elapsedDays: Int, response: String,
    score: Double,
    timeTaken: Double
  ) {
    self.id = id
    self.card = card
    self.grade = grade
    self.elapsedDays = elapsedDays
    self.response = response
    self.score = score
    self.timeTaken = timeTaken
  }
}

import Foundation

/// The grades FSRS schedules by. papi-train maps an answer to one: a wrong (or partly right)
/// answer is `again`, a right answer `good`, a right answer that took longer than
/// ``FSRS/slowAnswerSeconds`` `hard`. `easy` is never given: an answer alone cannot tell it.
public enum FSRSGrade: Int, Sendable, Hashable, Codable, CaseIterable {
  case again = 1
  case hard, good, easy

  /// The grade of an answer: its correctness and how long it took.
  public static func of(isCorrect: Bool, seconds: Double) -> FSRSGrade {
    guard isCorrect else { return .again }
    return seconds > FSRS.slowAnswerSeconds ? .hard : .good
  }
}

/// What FSRS knows of one question for one official: its memory stability (days for recall to
/// fall to 90%), its difficulty (1-10) and when it was last reviewed.
public struct FSRSMemory: Sendable, Hashable, Codable {
  public var stability: Double
  public var difficulty: Double
  public var lastReview: Date
  /// Days until it is due again.
  public var interval: Int

  public var due: Date { lastReview.addingTimeInterval(Double(interval) * 86_400) }

  /// A memory state, as a stored review card holds it.
  public init(stability: Double, difficulty: Double, lastReview: Date, interval: Int) {
    self.stability = stability
    self.difficulty = difficulty
    self.lastReview = lastReview
    self.interval = interval
  }
}

/// The Free Spaced Repetition Scheduler, FSRS-6, with its published default parameters, as the
/// reference implementation (the `fsrs` package on PyPI, 6.3.2) computes it with no learning or
/// relearning steps and no fuzzing: intervals in whole days, at least 1, rounded half to even.
/// Tests/AssessmentTests/Fixtures/fsrs-reference.json holds that implementation's figures.
public struct FSRS: Sendable {
  /// The 21 default parameters of FSRS-6 (py-fsrs `DEFAULT_PARAMETERS`).
  public static let defaultParameters: [Double] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614,
    0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
  ]
  /// A right answer slower than this counts as `hard`.
  public static let slowAnswerSeconds = 60.0

  public var parameters: [Double]
  /// The recall probability an interval aims at.
  public var desiredRetention: Double
  public var maximumInterval: Int

  public init(
    parameters: [Double] = defaultParameters, desiredRetention: Double = 0.9, maximumInterval: Int = 36_500
  ) {
    self.parameters = parameters
    self.desiredRetention = desiredRetention
    self.maximumInterval = maximumInterval
  }

  private var w: [Double] { parameters }
  private var decay: Double { -w[20] }
  private var factor: Double { pow(0.9, 1 / decay) - 1 }

  /// The memory after answering with `grade` at `date`, from `memory` (nil for a first review).
  public func review(_ memory: FSRSMemory?, grade: FSRSGrade, at date: Date) -> FSRSMemory {
    let rating = Double(grade.rawValue)
    let stability: Double
    let difficulty: Double
    if let memory {
      let elapsedDays = Self.wholeDays(from: memory.lastReview, to: date)
      if elapsedDays < 1 {
        stability = shortTermStability(memory.stability, rating: rating)
      } else {
        let recall = retrievability(of: memory, at: date)
        stability = nextStability(memory.difficulty, memory.stability, recall, grade: grade)
      }
      difficulty = nextDifficulty(memory.difficulty, rating: rating)
    } else {
      stability = max(w[grade.rawValue - 1], 0.001)
      difficulty = clampDifficulty(initialDifficulty(rating))
    }
    return FSRSMemory(
      stability: stability, difficulty: difficulty, lastReview: date, interval: nextInterval(stability))
  }

  /// The probability of recalling the answer at `date` (0 to 1), counting whole days elapsed.
  public func retrievability(of memory: FSRSMemory, at date: Date) -> Double {
    let elapsed = Double(max(0, Self.wholeDays(from: memory.lastReview, to: date)))
    return pow(1 + factor * elapsed / memory.stability, decay)
  }

  /// Whole days between two moments, rounded down (as Python's `timedelta.days`).
  public static func wholeDays(from start: Date, to end: Date) -> Int {
    Int((end.timeIntervalSince(start) / 86_400).rounded(.down))
  }

  func nextInterval(_ stability: Double) -> Int {
    let days = (stability / factor) * (pow(desiredRetention, 1 / decay) - 1)
    return min(max(Int(days.rounded(.toNearestOrEven)), 1), maximumInterval)
  }

  private func initialDifficulty(_ rating: Double) -> Double { w[4] - exp(w[5] * (rating - 1)) + 1 }

  private func clampDifficulty(_ difficulty: Double) -> Double { min(max(difficulty, 1), 10) }

  private func shortTermStability(_ stability: Double, rating: Double) -> Double {
    var increase = exp(w[17] * (rating - 3 + w[18])) * pow(stability, -w[19])
    if rating >= 2 { increase = max(increase, 1) }
    return max(stability * increase, 0.001)
  }

  private func nextDifficulty(_ difficulty: Double, rating: Double) -> Double {
    let delta = -(w[6] * (rating - 3))
    let damped = difficulty + (10 - difficulty) * delta / 9
    return clampDifficulty(w[7] * initialDifficulty(4) + (1 - w[7]) * damped)
  }

  private func nextStability(_ difficulty: Double, _ stability: Double, _ recall: Double, grade: FSRSGrade)
    -> Double
  {
    let next: Double
    if grade == .again {
      let longTerm =
        w[11] * pow(difficulty, -w[12]) * (pow(stability + 1, w[13]) - 1) * exp((1 - recall) * w[14])
      next = min(longTerm, stability / exp(w[17] * w[18]))
    } else {
      let hardPenalty = grade == .hard ? w[15] : 1
      let easyBonus = grade == .easy ? w[16] : 1
      next =
        stability
        * (1 + exp(w[8]) * (11 - difficulty) * pow(stability, -w[9]) * (exp((1 - recall) * w[10]) - 1)
          * hardPenalty * easyBonus)
    }
    return max(next, 0.001)
  }
}

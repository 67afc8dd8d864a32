import Foundation

/// The sufficient statistics of a set of answers for ``MasteryRule``: how many, the sums of their
/// recency weights, squared weights and weighted marks, and how many officials gave them.
///
/// Tallies add up, so mastery can be computed from answers streamed or aggregated elsewhere (in
/// SQL, per official) without holding the answers: the figures are the same as from the answers
/// themselves. Officials add up too, so only add tallies of different officials (or of the same
/// official, with `officials` fixed by the caller).
public struct MasteryTally: Sendable, Hashable {
  public var answers: Int
  public var sumWeights: Double
  public var sumSquaredWeights: Double
  public var sumWeightedScores: Double
  public var officials: Int

  public init(
    answers: Int = 0, sumWeights: Double = 0, sumSquaredWeights: Double = 0, sumWeightedScores: Double = 0,
    officials: Int = 0
  ) {
    self.answers = answers
    self.sumWeights = sumWeights
    self.sumSquaredWeights = sumSquaredWeights
    self.sumWeightedScores = sumWeightedScores
    self.officials = officials
  }

  /// No answers at all.
  public static let empty = MasteryTally()

  /// Adds one answer with its recency weight and mark (clamped to 0...1); officials unchanged.
  public mutating func add(weight: Double, score: Double) {
    answers += 1
    sumWeights += weight
    sumSquaredWeights += weight * weight
    sumWeightedScores += weight * min(max(score, 0), 1)
  }

  /// The tally of two disjoint groups of answers and officials.
  public static func + (lhs: MasteryTally, rhs: MasteryTally) -> MasteryTally {
    MasteryTally(
      answers: lhs.answers + rhs.answers, sumWeights: lhs.sumWeights + rhs.sumWeights,
      sumSquaredWeights: lhs.sumSquaredWeights + rhs.sumSquaredWeights,
      sumWeightedScores: lhs.sumWeightedScores + rhs.sumWeightedScores,
      officials: lhs.officials + rhs.officials)
  }

  public static func += (lhs: inout MasteryTally, rhs: MasteryTally) { lhs = lhs + rhs }
}

extension MasteryRule {
  /// The tally of `facts`, each weighted by its age at `reference`.
  public func tally(of facts: [AnswerFact], at reference: Date) -> MasteryTally {
    var tally = MasteryTally(officials: Set(facts.map(\.officialID)).count)
    for fact in facts { tally.add(weight: weight(of: fact.answeredAt, at: reference), score: fact.score) }
    return tally
  }

  /// Mastery from a tally: the weighted share, the Wilson interval on the effective number of
  /// answers, and the insufficient-data rule.
  public func mastery(of tally: MasteryTally) -> Mastery {
    guard tally.answers > 0, tally.sumWeights > 0 else {
      return Mastery(
        estimate: nil, lower: 0, upper: 1, answers: tally.answers, officials: tally.officials,
        effectiveAnswers: 0,
        isInsufficient: true)
    }
    let estimate = tally.sumWeightedScores / tally.sumWeights
    let effective =
      tally.sumSquaredWeights > 0 ? tally.sumWeights * tally.sumWeights / tally.sumSquaredWeights : 0
    let (lower, upper) = Self.wilson(estimate, n: effective, z: z)
    return Mastery(
      estimate: estimate, lower: lower, upper: upper, answers: tally.answers, officials: tally.officials,
      effectiveAnswers: effective,
      isInsufficient: tally.answers < minimumAnswers || tally.officials < minimumOfficials)
  }
}

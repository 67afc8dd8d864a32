import Foundation

/// A share with its uncertainty: the weighted share of marks, a Wilson score interval, and how much
/// data it rests on. Below the stated minimums it is *insufficient*, never a bare percentage.
public struct Mastery: Sendable, Hashable {
  /// The weighted share of marks, 0 to 1 (nil when there are no answers at all).
  public var estimate: Double?
  /// The 95% Wilson score interval on the effective number of answers, its bounds 0 to 1.
  public var lower: Double
  public var upper: Double
  /// How many answers the share rests on, before weighting, and from how many officials.
  public var answers: Int
  public var officials: Int
  /// The effective number of answers after recency weighting (Kish: (Σw)² / Σw²).
  public var effectiveAnswers: Double
  /// Whether there is too little data to judge (see ``MasteryRule``).
  public var isInsufficient: Bool

  /// The state a report shows.
  public enum Verdict: String, Sendable, Hashable {
    case insufficientData = "insufficient-data"
    /// The whole interval is below the threshold.
    case weak
    /// The estimate is below the threshold but the interval reaches above it.
    case possiblyWeak = "possibly-weak"
    case adequate
  }

  public func verdict(threshold: Double) -> Verdict {
    guard !isInsufficient, let estimate else { return .insufficientData }
    if upper < threshold { return .weak }
    if estimate < threshold { return .possiblyWeak }
    return .adequate
  }
}

/// The rules that turn answers into mastery. The README states them for users.
public struct MasteryRule: Sendable, Hashable {
  /// An answer's weight halves every `halfLifeDays` before the reference date, so recent
  /// attempts count more than old ones.
  public var halfLifeDays: Double
  /// Fewer answers than this is insufficient data.
  public var minimumAnswers: Int
  /// For a group (commune, class, province): fewer officials than this is insufficient data.
  public var minimumOfficials: Int
  /// The z value of the interval (1.96 for 95%).
  public var z: Double

  public init(halfLifeDays: Double = 90, minimumAnswers: Int = 5, minimumOfficials: Int = 1, z: Double = 1.96)
  {
    self.halfLifeDays = halfLifeDays
    self.minimumAnswers = minimumAnswers
    self.minimumOfficials = minimumOfficials
    self.z = z
  }

  /// For one official: at least 5 answers.
  public static let official = MasteryRule()
  /// For a commune, class or province: at least 20 answers from at least 3 officials.
  public static let group = MasteryRule(minimumAnswers: 20, minimumOfficials: 3)

  /// The weight of an answer given at `date`, seen from `reference`: 0.5^(age in days /
  /// half-life). Reports leave out answers given after their as-of date; one given after
  /// `reference` anyway (a clock set wrong) weighs a little over 1 rather than being capped, so
  /// that weights factor as exp(−k·reference)·exp(k·date) and sums over answers can be kept and
  /// reused for any reference date.
  public func weight(of date: Date, at reference: Date) -> Double {
    let ageDays = reference.timeIntervalSince(date) / 86_400
    return pow(0.5, ageDays / halfLifeDays)
  }

  /// Mastery over `facts` as of `reference`.
  public func mastery(of facts: [AnswerFact], at reference: Date) -> Mastery {
    mastery(of: tally(of: facts, at: reference))
  }

  /// The Wilson score interval for a proportion `p` observed over `n` trials.
  public static func wilson(_ p: Double, n: Double, z: Double = 1.96) -> (lower: Double, upper: Double) {
    guard n > 0 else { return (0, 1) }
    let z2 = z * z
    let denominator = 1 + z2 / n
    let centre = (p + z2 / (2 * n)) / denominator
    let margin = z * ((p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()) / denominator
    return (max(0, centre - margin), min(1, centre + margin))
  }
}

/// Pre-test against post-test for one official or group.
public struct LearningGain: Sendable, Hashable {
  /// Share of marks, 0 to 1.
  public var pre: Double
  public var post: Double

  public init(pre: Double, post: Double) {
    self.pre = pre
    self.post = post
  }

  /// Post minus pre, in points of share (-1 to 1).
  public var absolute: Double { post - pre }

  /// Hake's normalised gain: the share of the possible improvement achieved, (post - pre) / (1 - pre);
  /// nil when the pre-test was already perfect.
  public var normalized: Double? { pre >= 1 ? nil : (post - pre) / (1 - pre) }

  /// The mean gain over officials who took both tests (each official counts once).
  public static func mean(_ gains: [LearningGain]) -> LearningGain? {
    guard !gains.isEmpty else { return nil }
    let count = Double(gains.count)
    return LearningGain(
      pre: gains.map(\.pre).reduce(0, +) / count, post: gains.map(\.post).reduce(0, +) / count)
  }
}

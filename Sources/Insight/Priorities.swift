/// A dimension ranked for a province's training: where a low published PAPI score meets low
/// readiness of its communes.
public struct Priority: Sendable, Hashable {
  public var code: String
  /// The province's published score on the dimension (PAPI scale).
  public var provinceScore: Double
  /// The mean readiness of the communes with enough data (PAPI scale), if any.
  public var readiness: Double?
  /// The gaps to the top of the scale, multiplied, scaled 0 to 1: high where both are low.
  public var urgency: Double
}

/// Ranks dimensions by urgency = ((max - province score) / range) × ((max - readiness) / range).
/// A dimension without readiness data counts its readiness gap as 1 (unknown is treated as a
/// need): the rule is stated in the README.
public func rankPriorities(
  provinceScores: [String: Double], readiness: [String: Double?], scale: ClosedRange<Double>
) -> [Priority] {
  let range = scale.upperBound - scale.lowerBound
  let priorities = provinceScores.map { code, score -> Priority in
    let provinceGap = min(max((scale.upperBound - score) / range, 0), 1)
    let ready = readiness[code] ?? nil
    let readinessGap = ready.map { min(max((scale.upperBound - $0) / range, 0), 1) } ?? 1
    return Priority(code: code, provinceScore: score, readiness: ready, urgency: provinceGap * readinessGap)
  }
  return priorities.sorted { ($1.urgency, $0.code) < ($0.urgency, $1.code) }
}

import Foundation

/// The four colour bands of readiness scores, fixed on the taxonomy's scale (1–10 for PAPI) so
/// that the same score has the same colour in every report, whatever else is shown. The weak
/// line (70% mastery, 7.3) is a boundary: the two lower bands are below it, the two upper ones
/// at or above it.
///
/// A score falls in a band by the value shown (one decimal), so what a reader sees matches the
/// legend: a 7.3 is never under "below 7.3".
public struct ScoreBands: Sendable, Hashable {
  /// The lower bounds of the three upper bands, in tenths of a point, ascending: poor below the
  /// first, below the weak line below the second (the weak line), adequate below the third, good
  /// from it.
  public var cutsInTenths: [Int]

  /// Bands for `scale`, with the weak line at `weakShare` mastery, the poor band under half and
  /// the good band from four fifths.
  public init(scale: ClosedRange<Double>, weakShare: Double = 0.7) {
    let scaled = { (share: Double) in
      Int(((scale.lowerBound + (scale.upperBound - scale.lowerBound) * share) * 10).rounded())
    }
    let weak = scaled(weakShare)
    cutsInTenths = [min(scaled(0.5), weak), weak, max(scaled(0.8), weak + 1)]
  }

  /// The cut points as scores: `[5.5, 7.3, 8.2]` for PAPI.
  public var cuts: [Double] { cutsInTenths.map { Double($0) / 10 } }

  /// The weak line as a score (7.3 for PAPI).
  public var weakLine: Double { cuts[1] }

  /// The band of `score`: `b1` (good) to `b4` (poor).
  public func band(_ score: Double) -> String {
    let shown = Double(String(format: "%.1f", score)) ?? score
    let tenths = Int((shown * 10).rounded())
    if tenths >= cutsInTenths[2] { return "b1" }
    if tenths >= cutsInTenths[1] { return "b2" }
    if tenths >= cutsInTenths[0] { return "b3" }
    return "b4"
  }

  /// Each band with the range of scores it covers as shown, best first:
  /// `("b1", "≥ 8.2")`, `("b2", "7.3–8.1")`, `("b3", "5.5–7.2")`, `("b4", "< 5.5")`.
  public var ranges: [(band: String, range: String)] {
    let text = { (tenths: Int) in String(format: "%.1f", Double(tenths) / 10) }
    return [
      ("b1", "≥ \(text(cutsInTenths[2]))"),
      ("b2", "\(text(cutsInTenths[1]))–\(text(cutsInTenths[2] - 1))"),
      ("b3", "\(text(cutsInTenths[0]))–\(text(cutsInTenths[1] - 1))"),
      ("b4", "< \(text(cutsInTenths[0]))"),
    ]
  }
}

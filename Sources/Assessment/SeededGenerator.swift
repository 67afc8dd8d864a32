/// A small, fast, deterministic random number generator (SplitMix64).
///
/// A quiz records the seed it was shuffled with, so the same seed always gives the same question
/// order and option order, on any machine and any Swift version: this is why the shuffle below does
/// not rely on the standard library's unspecified algorithm.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0..<upperBound`, without modulo bias.
  mutating func below(_ upperBound: Int) -> Int {
    precondition(upperBound > 0)
    let bound = UInt64(upperBound)
    let threshold = (0 &- bound) % bound
    while true {
      let value = next()
      if value >= threshold { return Int(value % bound) }
    }
  }

  /// A Fisher-Yates shuffle whose result depends only on the seed.
  mutating func shuffle<Element>(_ elements: [Element]) -> [Element] {
    var result = elements
    guard result.count > 1 else { return result }
    for index in stride(from: result.count - 1, to: 0, by: -1) {
      result.swapAt(index, below(index + 1))
    }
    return result
  }
}

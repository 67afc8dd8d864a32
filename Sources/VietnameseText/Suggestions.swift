extension String {
  /// The Levenshtein distance between this text and `other`, counted in characters.
  public func editDistance(to other: String) -> Int {
    let a = Array(self)
    let b = Array(other)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

/// The candidate closest to `word` for a "did you mean ...?" hint, or nil when none is close.
///
/// Close means at most a third of the word's length in edits (at least 1, at most 3), compared
/// without case or diacritics, so "quan tri" suggests "quản-trị"; `maximumDistance` narrows it
/// (people's names, where one edit apart may be another person).
public func closestMatch(
  to word: String, in candidates: some Sequence<String>, maximumDistance: Int? = nil
) -> String? {
  let key = word.matchKey(foldingDiacritics: true)
  let allowed = Swift.min(Swift.max(1, Swift.min(3, key.count / 3)), maximumDistance ?? .max)
  var best: (candidate: String, distance: Int)? = nil
  for candidate in candidates {
    let candidateKey = candidate.matchKey(foldingDiacritics: true)
    // The lengths alone bound the distance: a megabyte pasted at the prompt costs nothing.
    guard abs(key.count - candidateKey.count) <= allowed else { continue }
    let distance = key.editDistance(to: candidateKey)
    if distance <= allowed, distance < (best?.distance ?? .max) {
      best = (candidate, distance)
    }
  }
  return best?.candidate
}

/// Searches that work on UTF-8 bytes: Foundation's `range(of:)`, `contains` and
/// `components(separatedBy:)` go through CoreFoundation with locale-aware comparison, and were
/// a third of a 10,000-question import. The needles here are ASCII, so a byte match is a match.
extension StringProtocol {
  /// The first range of `needle`, compared byte for byte.
  func utf8Range(of needle: String) -> Range<String.Index>? {
    utf8Range(of: needle, from: startIndex)
  }

  /// A plain loop over the bytes: the standard library's generic `firstRange(of:)` was slower
  /// than the CoreFoundation search it replaced.
  private func utf8Range(of needle: String, from start: String.Index) -> Range<String.Index>? {
    let bytes = utf8
    let pattern = needle.utf8
    guard let first = pattern.first else { return nil }
    var index = start
    while index != bytes.endIndex {
      if bytes[index] == first {
        var probe = bytes.index(after: index)
        var expected = pattern.index(after: pattern.startIndex)
        while expected != pattern.endIndex, probe != bytes.endIndex, bytes[probe] == pattern[expected] {
          bytes.formIndex(after: &probe)
          pattern.formIndex(after: &expected)
        }
        if expected == pattern.endIndex { return index..<probe }
      }
      bytes.formIndex(after: &index)
    }
    return nil
  }

  /// The last range of `needle`, compared byte for byte.
  func lastUTF8Range(of needle: String) -> Range<String.Index>? {
    var found: Range<String.Index>?
    var start = startIndex
    while let range = utf8Range(of: needle, from: start) {
      found = range
      start = range.upperBound
    }
    return found
  }

  func containsUTF8(_ needle: String) -> Bool { utf8Range(of: needle) != nil }

  /// The pieces between the occurrences of `separator`.
  func splitUTF8(_ separator: String) -> [SubSequence] {
    var pieces: [SubSequence] = []
    var start = startIndex
    while let range = utf8Range(of: separator, from: start) {
      pieces.append(self[start..<range.lowerBound])
      start = range.upperBound
    }
    pieces.append(self[start...])
    return pieces
  }
}

extension StringProtocol {
  /// The text without the white space (spaces, tabs, line breaks, and Unicode's other white space)
  /// at either end. Foundation's `trimmingCharacters(in:)` bridges through `NSString` and was a
  /// seventh of a lint; this looks at the ends only, and copies nothing when they are not blank.
  var trimmedOfWhitespace: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? first
    if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return String(self) }
    return String(self[first...last])
  }
}

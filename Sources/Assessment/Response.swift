/// What an official answered, independent of how the question was shown.
///
/// Indices refer to the question as written in its course file (not the shuffled display), so a
/// stored response keeps its meaning whatever seed shuffled the quiz.
public enum Response: Sendable, Hashable, Codable {
  /// A single option id.
  case choice(String)
  /// The option ids ticked.
  case choices([String])
  /// True or false.
  case truth(Bool)
  /// For each left item (by its index as written), the index of the right item chosen.
  case matching([Int])
  /// The item indices (as written) in the order the official put them.
  case ordering([Int])
  /// Typed text, stored in NFC.
  case text(String)
}

extension Response {
  /// The response in the course file's terms, for a reader who does not have the question: option
  /// ids, `true`/`false`, `1→2` pairs for matching, 1-based positions for ordering, typed text.
  public var summary: String {
    switch self {
    case .choice(let id): id
    case .choices(let ids): ids.joined(separator: ", ")
    case .truth(let value): value ? "true" : "false"
    case .matching(let rights):
      rights.enumerated().map { "\($0.offset + 1)→\($0.element + 1)" }.joined(separator: ", ")
    case .ordering(let items): items.map { String($0 + 1) }.joined(separator: ", ")
    case .text(let text): text
    }
  }
}

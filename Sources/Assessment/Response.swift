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

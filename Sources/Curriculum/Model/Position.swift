import Localization

/// A commune position (chairman, one-stop staff, land official, ...) that content concerns.
public struct Position: Sendable, Hashable, Codable, Identifiable {
  /// The id that stands for every position in `positions:` lists.
  public static let everyone = "all"

  public var id: String
  public var name: LocalizedText

  public init(id: String, name: LocalizedText) {
    self.id = id
    self.name = name
  }
}

import Localization

/// A commune position (the People's Committee chair, an office's official, the service centre's
/// staff, ...) that content concerns.
public struct Position: Sendable, Hashable, Codable, Identifiable {
  /// The id that stands for every position in `positions:` lists.
  public static let everyone = "all"

  public var id: String
  public var name: LocalizedText
  /// Former ids and titles this position replaces (the pre-2025 commune civil-servant titles):
  /// rosters and stored results that use them keep their meaning.
  public var aliases: [PositionAlias]

  public init(id: String, name: LocalizedText, aliases: [PositionAlias] = []) {
    self.id = id
    self.name = name
    self.aliases = aliases
  }

  /// Every name a roster may use for this position: its own and its former titles, in both
  /// languages, and its former ids.
  public var allNames: [String] {
    var names = [name.vi] + (name.en.map { [$0] } ?? [])
    for alias in aliases {
      names += (alias.id.map { [$0] } ?? []) + [alias.name.vi] + (alias.name.en.map { [$0] } ?? [])
    }
    return names
  }
}

/// A former position title, and its former id when it had another one, that now means this
/// position.
public struct PositionAlias: Sendable, Hashable, Codable {
  public var id: String?
  public var name: LocalizedText

  public init(id: String?, name: LocalizedText) {
    self.id = id
    self.name = name
  }
}

extension Array where Element == Position {
  /// The position `id` names: its own id or a former one.
  public func resolving(_ id: String) -> Position? {
    first { $0.id == id } ?? first { $0.aliases.contains { $0.id == id } }
  }
}

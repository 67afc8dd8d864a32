/// A commune as a person picks it from a list: its code, its name and the names of the units
/// above it.
public struct CommuneEntry: Sendable, Hashable {
  /// The commune's code, which names its results file.
  public var code: CommuneCode
  /// "Xã Tiên Lữ".
  public var name: String
  /// The names of the units above it, nearest first (district if any, then province).
  public var parents: [String]

  /// A commune with its parents' names.
  public init(code: CommuneCode, name: String, parents: [String]) {
    self.code = code
    self.name = name
    self.parents = parents
  }

  /// "Xã Tiên Lữ, Tỉnh Hưng Yên".
  public var fullName: String { ([name] + parents).joined(separator: ", ") }
}

extension UnitHierarchy {
  /// The commune-level units, in ``units`` order, with their parents' names: the list the shell
  /// offers at its commune prompt.
  public func communeEntries() -> [CommuneEntry] {
    units.compactMap { unit in
      unit.communeCode.map { code in
        CommuneEntry(code: code, name: unit.name, parents: ancestors(of: unit.code).map(\.name))
      }
    }
  }
}

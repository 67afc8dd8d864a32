import Foundation

extension CommuneStore {
  /// The one official `text` names (an id, or a name no one else on the roster has).
  public func oneOfficial(_ text: String) throws -> Official {
    switch try findOfficial(text) {
    case .one(let official): return official
    case .several(let matches):
      throw ClassRosterError.severalOfficials(text, ids: matches.map(\.id.uuidString))
    case .none: throw ClassRosterError.noSuchOfficial(text, commune: communeCode.rawValue)
    }
  }

  /// `roster remove`: the entry `text` names, removed (refused when it has attempts).
  public func removeFromRoster(_ text: String, by who: String, at date: Date = Date()) throws -> RosterChange
  {
    try removeOfficial(try oneOfficial(text).id, by: who, at: date)
  }

  /// `roster rename`: the entry `text` names, renamed.
  public func renameOnRoster(_ text: String, to name: String, by who: String, at date: Date = Date()) throws
    -> RosterChange
  {
    try renameOfficial(try oneOfficial(text).id, to: name, by: who, at: date)
  }

  /// `roster merge`: the entry `text` names merged into the entry `kept` names; returns the
  /// change and how many attempts moved.
  public func mergeOnRoster(_ text: String, into kept: String, by who: String, at date: Date = Date()) throws
    -> (RosterChange, attempts: Int)
  {
    let gone = try oneOfficial(text)
    let keptOfficial = try oneOfficial(kept)
    let moved = try attempts(officialID: gone.id).count
    return (try mergeOfficial(gone.id, into: keptOfficial.id, by: who, at: date), moved)
  }
}

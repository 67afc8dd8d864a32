import Foundation
internal import GRDB
import Units
import VietnameseText

extension CommuneStore {
  private typealias Columns = StoredOfficial.Columns

  /// Every official of the commune, by name (diacritics folded) then by when they were added.
  public func officials() throws -> [Official] {
    try read { db in
      try StoredOfficial.order(Columns.nameKey, Columns.createdAt, Columns.id).fetchAll(db).map(\.official)
    }
  }

  /// The official with this id, if any.
  public func official(id: OfficialID) throws -> Official? {
    try read { db in try StoredOfficial.filter(Columns.id == id.uuidString).fetchOne(db)?.official }
  }

  /// The officials whose name is `name`, ignoring case, spacing and diacritics ("nguyen van an"
  /// finds "Nguyễn Văn An"). Several officials can share a name.
  public func officials(named name: String) throws -> [Official] {
    try read { db in
      try StoredOfficial.filter(Columns.nameKey == Schema.nameKey(name)).order(Columns.createdAt, Columns.id)
        .fetchAll(db).map(\.official)
    }
  }

  /// The officials whose name, or a word in it, starts with `prefix` (case, spacing and
  /// diacritics ignored): for completion in the shell.
  public func officials(matchingPrefix prefix: String) throws -> [Official] {
    let key = Schema.nameKey(prefix)
    return try officials().filter { official in
      let name = Schema.nameKey(official.name)
      return key.isEmpty || name.hasPrefix(key) || name.split(separator: " ").contains { $0.hasPrefix(key) }
    }
  }

  /// Adds an official to the roster and returns them. The name is stored in NFC with inner
  /// white space collapsed.
  @discardableResult
  public func addOfficial(
    name: String, position: String, id: OfficialID = OfficialID(), createdAt: Date = Date()
  ) throws -> Official {
    let cleanName = Self.clean(name)
    let cleanPosition = Self.clean(position)
    guard !cleanName.isEmpty else { throw GradebookError.emptyName }
    guard !cleanPosition.isEmpty else { throw GradebookError.emptyField("position") }
    let official = Official(
      id: id, name: cleanName, position: cleanPosition, communeCode: communeCode, createdAt: createdAt)
    try write { db in try Self.insert(official, into: db) }
    return official
  }

  static func insert(_ official: Official, into db: Database) throws {
    try StoredOfficial(official).insert(db)
  }

  /// NFC, trimmed, inner white space collapsed.
  static func clean(_ text: String) -> String {
    text.nfc.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

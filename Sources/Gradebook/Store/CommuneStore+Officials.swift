import Foundation
internal import GRDB
import Units
import VietnameseText

extension CommuneStore {
  /// Every official of the commune, by name (diacritics folded) then by when they were added.
  public func officials() throws -> [Official] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM officials ORDER BY name_key, created_at, id").map(
        Self.official)
    }
  }

  /// The official with this id, if any.
  public func official(id: OfficialID) throws -> Official? {
    try read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM officials WHERE id = ?", arguments: [id.uuidString])
        .map(Self.official)
    }
  }

  /// The officials whose name is `name`, ignoring case, spacing and diacritics ("nguyen van an"
  /// finds "Nguyễn Văn An"). Several officials can share a name.
  public func officials(named name: String) throws -> [Official] {
    try read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM officials WHERE name_key = ? ORDER BY created_at, id",
        arguments: [Schema.nameKey(name)]
      ).map(Self.official)
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
    try db.execute(
      sql: """
        INSERT INTO officials (id, name, name_key, position, commune_code, created_at)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        official.id.uuidString, official.name.nfc, Schema.nameKey(official.name), official.position.nfc,
        official.communeCode.rawValue, official.createdAt,
      ])
  }

  static func official(_ row: Row) throws -> Official {
    Official(
      id: OfficialID(rawValue: try uuid(row["id"])), name: row["name"], position: row["position"],
      communeCode: try CommuneCode(row["commune_code"]), createdAt: row["created_at"])
  }

  /// NFC, trimmed, inner white space collapsed.
  static func clean(_ text: String) -> String {
    text.nfc.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

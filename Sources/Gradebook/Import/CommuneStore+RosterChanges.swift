import Foundation
internal import GRDB
import VietnameseText

/// One change to a roster entry, as the audit record keeps it: who made it, when, and what.
public struct RosterChange: Sendable, Hashable, Identifiable {
  /// What was done to the entry.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// Taken off the roster (it had no attempts).
    case remove
    /// Its name corrected.
    case rename
    /// Merged into another entry of the same person (``RosterChange/keptID``), which now holds
    /// its attempts and classes.
    case merge
  }

  public var id: UUID
  public var kind: Kind
  /// The entry changed (removed, renamed, or merged away).
  public var officialID: OfficialID
  /// The entry kept, for a merge.
  public var keptID: OfficialID?
  /// The entry's name before the change, and after it (a rename), or the kept entry's name (a merge).
  public var oldName: String
  public var newName: String
  /// Who made the change, as they gave it (the trainer's name, or the computer's user).
  public var changedBy: String
  public var changedAt: Date

  public init(
    id: UUID = UUID(), kind: Kind, officialID: OfficialID, keptID: OfficialID? = nil, oldName: String,
    newName: String = "", changedBy: String, changedAt: Date
  ) {
    self.id = id
    self.kind = kind
    self.officialID = officialID
    self.keptID = keptID
    self.oldName = oldName
    self.newName = newName
    self.changedBy = changedBy
    self.changedAt = changedAt
  }
}

extension CommuneStore {
  /// Removes an entry with no attempts (a registration by mistake), and records it. An entry
  /// with attempts is refused with ``ClassRosterError/hasAttempts(name:attempts:)``: merge it
  /// into the right entry instead. A results file merged later never brings it back.
  @discardableResult
  public func removeOfficial(_ id: OfficialID, by who: String, at date: Date = Date()) throws -> RosterChange
  {
    try write { db in
      let official = try Self.requireOfficial(id, in: db)
      let attempts =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM attempts WHERE official_id = ?", arguments: [id.uuidString])
        ?? 0
      guard attempts == 0 else { throw ClassRosterError.hasAttempts(name: official.name, attempts: attempts) }
      let change = RosterChange(
        kind: .remove, officialID: id, oldName: official.name, changedBy: Self.clean(who), changedAt: date)
      try Self.apply(change, in: db)
      try Self.insert(change, into: db)
      return change
    }
  }

  /// Corrects an entry's name (a typo at registration), and records it.
  @discardableResult
  public func renameOfficial(_ id: OfficialID, to name: String, by who: String, at date: Date = Date()) throws
    -> RosterChange
  {
    let newName = Self.clean(name)
    guard !newName.isEmpty else { throw GradebookError.emptyName }
    return try write { db in
      let official = try Self.requireOfficial(id, in: db)
      let change = RosterChange(
        kind: .rename, officialID: id, oldName: official.name, newName: newName, changedBy: Self.clean(who),
        changedAt: date)
      try Self.apply(change, in: db)
      try Self.insert(change, into: db)
      return change
    }
  }

  /// Merges entry `id` into `kept` (the same person registered twice): its attempts and class
  /// memberships move to `kept`, the entry goes, and the change is recorded. A results file
  /// merged later that still holds the entry brings its attempts to `kept`, never the entry back.
  @discardableResult
  public func mergeOfficial(_ id: OfficialID, into kept: OfficialID, by who: String, at date: Date = Date())
    throws -> RosterChange
  {
    try write { db in
      let official = try Self.requireOfficial(id, in: db)
      let keptOfficial = try Self.requireOfficial(kept, in: db)
      guard id != kept else { throw ClassRosterError.mergeIntoItself(official.name) }
      let change = RosterChange(
        kind: .merge, officialID: id, keptID: kept, oldName: official.name, newName: keptOfficial.name,
        changedBy: Self.clean(who), changedAt: date)
      try Self.apply(change, in: db)
      try Self.insert(change, into: db)
      return change
    }
  }

  /// Every change made to this roster, oldest first.
  public func rosterChanges() throws -> [RosterChange] {
    try read { db in try Self.rosterChanges(db, schema: "main") }
  }

  // MARK: - In a transaction

  private static func requireOfficial(_ id: OfficialID, in db: Database) throws -> Official {
    guard
      let official = try StoredOfficial.fetchOne(
        db, sql: "SELECT * FROM main.officials WHERE id = ?", arguments: [id.uuidString])?.official
    else { throw GradebookError.unknownOfficial(id) }
    return official
  }

  static func rosterChanges(_ db: Database, schema: String) throws -> [RosterChange] {
    try Row.fetchAll(db, sql: "SELECT * FROM \(schema).roster_changes ORDER BY changed_at, id").map { row in
      let kept: String? = row["kept_id"]
      return RosterChange(
        id: try uuid(row["id"]), kind: RosterChange.Kind(rawValue: row["kind"]) ?? .rename,
        officialID: OfficialID(rawValue: try uuid(row["official_id"])),
        keptID: try kept.map { OfficialID(rawValue: try uuid($0)) }, oldName: row["old_name"],
        newName: row["new_name"], changedBy: row["changed_by"], changedAt: row["changed_at"])
    }
  }

  static func insert(_ change: RosterChange, into db: Database) throws {
    try db.execute(
      sql: """
        INSERT OR IGNORE INTO main.roster_changes
          (id, kind, official_id, kept_id, old_name, new_name, changed_by, changed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        change.id.uuidString, change.kind.rawValue, change.officialID.uuidString, change.keptID?.uuidString,
        change.oldName.nfc, change.newName.nfc, change.changedBy.nfc, change.changedAt,
      ])
  }

  /// Moves an entry's reviews to the entry kept, and makes the kept entry's cards those of its
  /// latest reviews.
  private static func moveReviews(from id: String, to kept: String, in db: Database) throws {
    try db.execute(
      sql: "UPDATE main.review_log SET official_id = ? WHERE official_id = ?", arguments: [kept, id])
    let moved = db.changesCount
    try db.execute(sql: "DELETE FROM main.review_cards WHERE official_id = ?", arguments: [id])
    if moved > 0 { try updateCards(db, where: "l.official_id = ?", [kept]) }
  }

  /// Does what `change` says to this file's roster, as far as it can: a rename of an entry
  /// present renames it; a removal removes an entry present without attempts; a merge moves the
  /// entry's attempts and memberships to the kept entry (when present) and removes it.
  static func apply(_ change: RosterChange, in db: Database) throws {
    let id = change.officialID.uuidString
    switch change.kind {
    case .rename:
      try db.execute(
        sql: "UPDATE main.officials SET name = ?, name_key = ? WHERE id = ?",
        arguments: [change.newName.nfc, Schema.nameKey(change.newName), id])
    case .remove:
      let attempts =
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM main.attempts WHERE official_id = ?", arguments: [id])
        ?? 0
      let reviews =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM main.review_log WHERE official_id = ?", arguments: [id])
        ?? 0
      guard attempts == 0, reviews == 0 else { return }
      try db.execute(sql: "DELETE FROM main.class_members WHERE official_id = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM main.official_bits WHERE official_id = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM main.officials WHERE id = ?", arguments: [id])
    case .merge:
      guard let kept = change.keptID?.uuidString,
        try exists(db, table: "officials", id: OfficialID(rawValue: try uuid(kept)))
      else { return }
      try db.execute(
        sql: "UPDATE main.attempts SET official_id = ? WHERE official_id = ?", arguments: [kept, id])
      let moved = db.changesCount
      try db.execute(
        sql: "UPDATE OR IGNORE main.class_members SET official_id = ? WHERE official_id = ?",
        arguments: [kept, id])
      try db.execute(sql: "DELETE FROM main.class_members WHERE official_id = ?", arguments: [id])
      try moveReviews(from: id, to: kept, in: db)
      let answered =
        try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM main.official_bits WHERE official_id = ?)", arguments: [id])
        ?? false
      if answered || moved > 0 {
        try db.execute(sql: "DELETE FROM main.official_bits WHERE official_id = ?", arguments: [id])
        try Schema.refillAnswerSums(in: db)
      }
      try db.execute(sql: "DELETE FROM main.officials WHERE id = ?", arguments: [id])
    }
  }
}

import Foundation
internal import GRDB
import Units
import VietnameseText

/// What a merge does with the records of classes and roster changes (schema version 4).
///
/// - Roster changes are an audit record: every change the file holds and this one lacks is added
///   (by its id, so merging twice adds nothing) and then done here: a rename sets the entry's name
///   to that of its latest rename, a removal removes the entry (unless it has attempts here), a
///   merge of two entries moves the attempts and classes of the one merged away to the one kept.
/// - An entry removed or merged away here (or in the file) is not brought back by a file that
///   still holds it: its attempts go to the kept entry. Only a removed entry the file brings
///   attempts for comes back, so that no answer is ever dropped.
/// - A class on both sides: the version edited last (`updated_at`) wins; two versions edited at
///   the same moment that differ are a conflict, and this file's is kept. Communes and members are
///   united.
struct ClassRosterMerge {
  /// Official ids merged away, each to the entry that finally holds its attempts.
  var keptFor: [OfficialID: OfficialID] = [:]
  /// Entries removed or merged away: never inserted again (but see ``restorable``).
  var gone: Set<OfficialID> = []
  /// Changes the file brought, to do here once its officials are in.
  var incoming: [RosterChange] = []

  /// Adds the file's roster changes this file lacks, and works out which entries are gone.
  mutating func addChanges(_ snapshot: Snapshot, into db: Database, counts: inout MergeCounts) throws {
    for change in snapshot.rosterChanges {
      let present =
        try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM main.roster_changes WHERE id = ?)",
          arguments: [change.id.uuidString]) ?? false
      if present { continue }
      try CommuneStore.insert(change, into: db)
      incoming.append(change)
      counts.rosterChanges += 1
    }
    let all = try CommuneStore.rosterChanges(db, schema: "main")
    var direct: [OfficialID: OfficialID] = [:]
    for change in all where change.kind != .rename {
      gone.insert(change.officialID)
      if change.kind == .merge, let kept = change.keptID { direct[change.officialID] = kept }
    }
    for removed in direct.keys {
      var kept = removed
      var seen: Set<OfficialID> = []
      while let next = direct[kept], seen.insert(kept).inserted { kept = next }
      keptFor[removed] = kept
    }
  }

  /// Whether the file's `official` is to be inserted: not when removed or merged away, unless it
  /// was only removed and the file brings attempts by it.
  func shouldInsert(_ official: Official, _ snapshot: Snapshot) -> Bool {
    guard gone.contains(official.id) else { return true }
    return keptFor[official.id] == nil && snapshot.officialsWithAttempts.contains(official.id)
  }

  /// Does the changes the file brought, now that its officials are in, and settles each renamed
  /// entry on the name of its latest rename.
  func applyIncoming(_ snapshot: Snapshot, in db: Database) throws {
    for change in incoming where change.kind != .rename {
      // A removal of an entry the file brings attempts by waits: its answers are kept.
      if change.kind == .remove, snapshot.officialsWithAttempts.contains(change.officialID) { continue }
      try CommuneStore.apply(change, in: db)
    }
    let renamed = Set(incoming.filter { $0.kind == .rename }.map(\.officialID))
    for id in renamed {
      if let latest = try CommuneStore.rosterChanges(db, schema: "main").last(where: {
        $0.kind == .rename && $0.officialID == id
      }) {
        try CommuneStore.apply(latest, in: db)
      }
    }
  }

  /// Whether a name that differs between the two files is explained by a rename on record.
  static func renamed(_ id: OfficialID, in db: Database) throws -> Bool {
    try Bool.fetchOne(
      db, sql: "SELECT EXISTS (SELECT 1 FROM main.roster_changes WHERE official_id = ? AND kind = 'rename')",
      arguments: [id.uuidString]) ?? false
  }

  /// The official whose attempts an attempt of `id` belongs to here.
  func holder(of id: OfficialID) -> OfficialID { keptFor[id] ?? id }

  /// Fills `temp.merge_official_map` for the merge inside SQLite.
  func writeMap(into db: Database) throws {
    try db.execute(
      sql: """
        CREATE TEMP TABLE IF NOT EXISTS merge_official_map (removed TEXT PRIMARY KEY, kept TEXT NOT NULL);
        DELETE FROM temp.merge_official_map;
        """)
    for (removed, kept) in keptFor {
      try db.execute(
        sql: "INSERT INTO temp.merge_official_map (removed, kept) VALUES (?, ?)",
        arguments: [removed.uuidString, kept.uuidString])
    }
  }

  // MARK: - Classes

  /// Adds or updates the file's classes and unites their communes; returns the conflicts.
  static func mergeClasses(_ snapshot: Snapshot, into db: Database, counts: inout MergeCounts) throws
    -> [MergeConflict]
  {
    var conflicts: [MergeConflict] = []
    for trainingClass in snapshot.classes {
      let id = trainingClass.id.uuidString
      let theirs = try CommuneStore.validatedForMerge(trainingClass)
      if let existing = try CommuneStore.classes(db, where: "id = ?", [id]).first {
        if theirs.updatedAt > existing.updatedAt, !theirs.sameContent(as: existing) {
          var updated = theirs
          updated.communeCodes = Array(Set(existing.communeCodes + theirs.communeCodes)).sorted()
          try CommuneStore.upsert(updated, into: db)
          counts.classesUpdated += 1
        } else if theirs.updatedAt == existing.updatedAt, !theirs.sameContent(as: existing) {
          conflicts.append(.trainingClass(trainingClass.id))
        }
      } else {
        try CommuneStore.upsert(theirs, into: db)
        counts.classes += 1
      }
      for code in trainingClass.communeCodes {
        try db.execute(
          sql: "INSERT OR IGNORE INTO main.class_communes (class_id, commune_code) VALUES (?, ?)",
          arguments: [id, code.rawValue])
      }
    }
    return conflicts
  }

  /// Adds the file's class members this file lacks (to the entry that holds the official's
  /// attempts here; none for an entry not on this roster).
  func mergeMembers(_ snapshot: Snapshot, into db: Database, counts: inout MergeCounts) throws {
    for member in snapshot.members {
      let official = holder(of: member.officialID)
      try db.execute(
        sql: """
          INSERT OR IGNORE INTO main.class_members (class_id, official_id, joined_at)
          SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM main.officials WHERE id = ?)
            AND EXISTS (SELECT 1 FROM main.classes WHERE id = ?)
          """,
        arguments: [
          member.classID.uuidString, official.uuidString, member.joinedAt, official.uuidString,
          member.classID.uuidString,
        ])
      counts.classMembers += db.changesCount
    }
  }
}

extension CommuneStore {
  /// A class from a file, in NFC and with its days checked as a saved one (a day that does not
  /// exist was refused by the file's checks already).
  static func validatedForMerge(_ trainingClass: TrainingClass) throws -> TrainingClass {
    var merged = trainingClass
    merged.title = merged.title.nfc
    merged.trainer = merged.trainer.nfc
    merged.place = merged.place.nfc
    if merged.endDate < merged.date { merged.endDate = merged.date }
    return merged
  }
}

extension ClassRosterMerge {
  /// `attempt` as it is kept here: of the entry that holds its official's attempts.
  func holding(_ attempt: Attempt) -> Attempt {
    var moved = attempt
    moved.officialID = holder(of: attempt.officialID)
    return moved
  }
}

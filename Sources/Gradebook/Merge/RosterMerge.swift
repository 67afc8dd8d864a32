import Foundation
internal import GRDB
import Units
import VietnameseText

/// One file's merge as it goes: what was added and found, after officials and classes.
struct RosterMerge {
  var added = MergeCounts()
  var conflicts: [MergeConflict] = []
  /// The name keys of the officials added, to look for namesakes at the end.
  var addedNameKeys: Set<String> = []

  /// Merges the snapshot's officials and classes (a few dozen rows) one by one.
  init(_ snapshot: Snapshot, into db: Database, commune: CommuneCode) throws {
    for official in snapshot.officials {
      if let existing = try StoredOfficial.fetchOne(
        db, sql: "SELECT * FROM main.officials WHERE id = ?", arguments: [official.id.uuidString]
      )?.official {
        if existing.name != official.name || existing.position != official.position {
          conflicts.append(.official(official.id))
        }
      } else {
        var moved = official
        moved.communeCode = commune
        try CommuneStore.insert(moved, into: db)
        added.officials += 1
        addedNameKeys.insert(Schema.nameKey(official.name))
      }
    }

    for trainingClass in snapshot.classes {
      let id = trainingClass.id.uuidString
      if let existing = try CommuneStore.classes(db, where: "id = ?", [id]).first {
        if (existing.trainer, existing.date, existing.place)
          != (trainingClass.trainer, trainingClass.date, trainingClass.place)
        {
          conflicts.append(.trainingClass(trainingClass.id))
        }
      } else {
        try db.execute(
          sql: "INSERT INTO classes (id, trainer, date, place) VALUES (?, ?, ?, ?)",
          arguments: [id, trainingClass.trainer.nfc, trainingClass.date, trainingClass.place.nfc])
        added.classes += 1
      }
      for code in trainingClass.communeCodes {
        try db.execute(
          sql: "INSERT OR IGNORE INTO class_communes (class_id, commune_code) VALUES (?, ?)",
          arguments: [id, code.rawValue])
      }
    }
  }

  /// The outcome, with the officials now sharing a name with one just added.
  func outcome(_ db: Database, commune: CommuneCode) throws -> MergeOutcome {
    var duplicates: [[Official]] = []
    for key in addedNameKeys.sorted() {
      let namesakes = try StoredOfficial.fetchAll(
        db, sql: "SELECT * FROM main.officials WHERE name_key = ? ORDER BY created_at, id", arguments: [key]
      ).map(\.official)
      if namesakes.count > 1 { duplicates.append(namesakes) }
    }
    return .merged(commune: commune, added: added, conflicts: conflicts, possibleDuplicates: duplicates)
  }
}

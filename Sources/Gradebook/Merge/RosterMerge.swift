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

  /// Roster changes and who is gone: what the attempts' officials are mapped through.
  var classRoster = ClassRosterMerge()

  /// Merges the snapshot's roster changes, officials, classes and class members (a few dozen
  /// rows) one by one (see ``ClassRosterMerge``).
  init(_ snapshot: Snapshot, into db: Database, commune: CommuneCode) throws {
    try classRoster.addChanges(snapshot, into: db, counts: &added)
    var differing: [OfficialID] = []
    for official in snapshot.officials where classRoster.shouldInsert(official, snapshot) {
      if let existing = try Self.official(official.id, in: db) {
        if existing.name != official.name || existing.position != official.position {
          differing.append(official.id)
        }
      } else {
        var moved = official
        moved.communeCode = commune
        try CommuneStore.insert(moved, into: db)
        added.officials += 1
        addedNameKeys.insert(Schema.nameKey(official.name))
      }
    }
    try classRoster.applyIncoming(snapshot, in: db)
    for id in differing {
      guard let existing = try Self.official(id, in: db),
        let theirs = snapshot.officials.first(where: { $0.id == id })
      else { continue }
      let stillDiffers = existing.name != theirs.name || existing.position != theirs.position
      if stillDiffers, try !ClassRosterMerge.renamed(id, in: db) { conflicts.append(.official(id)) }
    }
    conflicts += try ClassRosterMerge.mergeClasses(snapshot, into: db, counts: &added)
    try classRoster.mergeMembers(snapshot, into: db, counts: &added)
  }

  private static func official(_ id: OfficialID, in db: Database) throws -> Official? {
    try StoredOfficial.fetchOne(
      db, sql: "SELECT * FROM main.officials WHERE id = ?", arguments: [id.uuidString])?.official
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

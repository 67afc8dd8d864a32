import Foundation
import Gradebook
import Logging
import PostgresNIO
import SyncProtocol

/// Classes, their communes and members, and the roster's changes, as a batch stores them (the
/// classes in a short transaction before the batch's, the rest in the batch's), and what the server holds of them for a commune's sync state.
extension ProvinceRepository {
  /// Stores the batch's classes: a class new to the server, or changed later on the machine
  /// than the server's copy (the copy changed last wins); a class's communes are every commune
  /// any machine of its communes named. Returns how many classes were new.
  ///
  /// A class the server holds as it is sent is neither updated nor locked (`ON CONFLICT DO
  /// UPDATE` would lock it even when it changed nothing, and wait on every batch whose attempts
  /// refer to it), and the classes go in the order of their ids, so batches that share classes
  /// take their locks in one order.
  func storeClasses(_ classes: [TrainingClass], commune: String, on connection: PostgresConnection)
    async throws -> Int
  {
    var added = 0
    for found in classes.sorted(by: { $0.id.uuidString < $1.id.uuidString }) {
      let status = found.closedAt == nil ? "open" : "closed"
      let inserted = try await connection.query(
        """
        INSERT INTO classes (id, commune_code, code, name, trainer, place, status, opened_at, ends_on,
          pretest_quiz_id, posttest_quiz_id, closed_at, updated_at)
        VALUES (\(found.id.rawValue), \(commune), \(found.code?.rawValue ?? ""), \(found.title), \(found.trainer),
          \(found.place), \(status), \(found.date)::date, \(found.endDate)::date, \(found.pretestQuizID),
          \(found.posttestQuizID), \(found.closedAt), \(found.updatedAt))
        ON CONFLICT (id) DO NOTHING
        RETURNING 1
        """, logger: logger)
      var new = false
      for try await _ in inserted { new = true }
      if new {
        added += 1
      } else {
        try await connection.query(
          """
          UPDATE classes SET code = \(found.code?.rawValue ?? ""), name = \(found.title), trainer = \(found.trainer),
            place = \(found.place), status = \(status), opened_at = \(found.date)::date, ends_on = \(found.endDate)::date,
            pretest_quiz_id = \(found.pretestQuizID), posttest_quiz_id = \(found.posttestQuizID),
            closed_at = \(found.closedAt), updated_at = \(found.updatedAt)
          WHERE id = \(found.id.rawValue) AND updated_at < \(found.updatedAt)
          """, logger: logger)
      }
      try await connection.query(
        """
        INSERT INTO class_communes (class_id, commune_code)
        SELECT \(found.id.rawValue), unnest(\(found.communeCodes.map(\.rawValue).sorted())::text[])
        ON CONFLICT DO NOTHING
        """, logger: logger)
    }
    return added
  }

  /// Stores the batch's memberships of classes of this commune by officials of this commune.
  func storeMembers(_ members: [ClassMember], commune: String, on connection: PostgresConnection) async throws
  {
    guard !members.isEmpty else { return }
    try await connection.query(
      """
      INSERT INTO class_members (class_id, official_id, joined_at)
      SELECT c, o, (j::timestamp AT TIME ZONE 'UTC')
      FROM unnest(\(members.map(\.classID.uuidString))::uuid[], \(members.map(\.officialID.uuidString))::uuid[],
        \(members.map { WireTime.text($0.joinedAt) })::text[]) AS u(c, o, j)
      WHERE EXISTS (SELECT 1 FROM class_communes cc WHERE cc.class_id = u.c AND cc.commune_code = \(commune))
        AND EXISTS (SELECT 1 FROM officials f WHERE f.id = u.o AND f.commune_code = \(commune))
      ON CONFLICT DO NOTHING
      """, logger: logger)
  }

  /// Records each roster change new to the server and does what it says to the commune's
  /// roster: a rename renames the entry (unless a later rename came first), a removal marks an
  /// entry without attempts removed, a merge moves the entry's attempts and memberships to the
  /// entry kept and marks it merged. Entries of other communes are never touched.
  func applyRosterChanges(_ changes: [RosterChange], commune: String, on connection: PostgresConnection)
    async throws
  {
    for change in changes.sorted(by: { ($0.changedAt, $0.id.uuidString) < ($1.changedAt, $1.id.uuidString) })
    {
      let rows = try await connection.query(
        """
        INSERT INTO roster_changes (id, commune_code, kind, official_id, kept_id, old_name, new_name, changed_by,
          changed_at)
        VALUES (\(change.id), \(commune), \(change.kind.rawValue), \(change.officialID.rawValue),
          \(change.keptID?.rawValue), \(change.oldName), \(change.newName), \(change.changedBy), \(change.changedAt))
        ON CONFLICT (id) DO NOTHING RETURNING 1
        """, logger: logger)
      var inserted = false
      for try await _ in rows { inserted = true }
      guard inserted else { continue }
      switch change.kind {
      case .rename: try await rename(change, commune: commune, on: connection)
      case .remove: try await remove(change, commune: commune, on: connection)
      case .merge: try await merge(change, commune: commune, on: connection)
      }
    }
  }

  private func rename(_ change: RosterChange, commune: String, on connection: PostgresConnection) async throws
  {
    let official = change.officialID.rawValue
    try await connection.query(
      """
      UPDATE officials SET name = \(change.newName) WHERE id = \(official) AND commune_code = \(commune)
        AND NOT EXISTS (SELECT 1 FROM roster_changes r WHERE r.official_id = \(official) AND r.kind = 'rename'
          AND (r.changed_at, r.id) > (\(change.changedAt)::timestamptz, \(change.id)::uuid))
      """, logger: logger)
  }

  private func remove(_ change: RosterChange, commune: String, on connection: PostgresConnection) async throws
  {
    let official = change.officialID.rawValue
    let rows = try await connection.query(
      """
      UPDATE officials SET removed_at = COALESCE(removed_at, \(change.changedAt))
      WHERE id = \(official) AND commune_code = \(commune)
        AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.official_id = \(official))
      RETURNING 1
      """, logger: logger)
    var removed = false
    for try await _ in rows { removed = true }
    guard removed else { return }
    try await connection.query("DELETE FROM class_members WHERE official_id = \(official)", logger: logger)
  }

  private func merge(_ change: RosterChange, commune: String, on connection: PostgresConnection) async throws
  {
    guard let kept = change.keptID?.rawValue else { return }
    let official = change.officialID.rawValue
    let rows = try await connection.query(
      """
      UPDATE officials SET merged_into = \(kept)
      WHERE id = \(official) AND commune_code = \(commune)
        AND EXISTS (SELECT 1 FROM officials k WHERE k.id = \(kept) AND k.commune_code = \(commune))
      RETURNING 1
      """, logger: logger)
    var merged = false
    for try await _ in rows { merged = true }
    guard merged else { return }
    try await connection.query(
      "UPDATE attempts SET official_id = \(kept), updated_at = now() WHERE official_id = \(official)",
      logger: logger)
    try await connection.query(
      """
      INSERT INTO class_members (class_id, official_id, joined_at)
      SELECT class_id, \(kept), joined_at FROM class_members WHERE official_id = \(official)
      ON CONFLICT DO NOTHING
      """, logger: logger)
    try await connection.query("DELETE FROM class_members WHERE official_id = \(official)", logger: logger)
  }

  /// What the server holds of the commune's classes, memberships and roster changes, and the
  /// leaders' latest decision on each of its classes.
  func classState(commune: String, on connection: PostgresConnection) async throws -> (
    classes: [String: String], members: [String], changes: [String], reviews: [WireClassReview]
  ) {
    var classes: [String: String] = [:]
    for try await (id, updated) in try await connection.query(
      """
      SELECT c.id, c.updated_at FROM classes c JOIN class_communes cc ON cc.class_id = c.id
      WHERE cc.commune_code = \(commune)
      """, logger: logger
    ).decode((UUID, Date).self) {
      classes[id.uuidString] = WireTime.text(updated)
    }
    var members: [String] = []
    for try await (classID, official) in try await connection.query(
      """
      SELECT m.class_id, m.official_id FROM class_members m JOIN officials o ON o.id = m.official_id
      WHERE o.commune_code = \(commune) ORDER BY 1, 2
      """, logger: logger
    ).decode((UUID, UUID).self) {
      members.append(classID.uuidString + "/" + official.uuidString)
    }
    var changes: [String] = []
    for try await id in try await connection.query(
      "SELECT id FROM roster_changes WHERE commune_code = \(commune) ORDER BY id", logger: logger
    ).decode(UUID.self) {
      changes.append(id.uuidString)
    }
    return (classes, members, changes, try await reviews(commune: commune, on: connection))
  }

  /// The leaders' decision on each class of the commune (`class_reviews`, one row a class, from
  /// the leaders' web pages, schema version 3); none before that table exists.
  func reviews(commune: String, on connection: PostgresConnection) async throws -> [WireClassReview] {
    var exists = false
    for try await present in try await connection.query(
      "SELECT to_regclass('class_reviews') IS NOT NULL", logger: logger
    ).decode(Bool.self) {
      exists = present
    }
    guard exists else { return [] }
    var reviews: [WireClassReview] = []
    for try await (classID, decision, note, decided, leader) in try await connection.query(
      """
      SELECT r.class_id, r.decision, r.note, r.decided_at, r.leader::text
      FROM class_reviews r JOIN class_communes cc ON cc.class_id = r.class_id
      WHERE cc.commune_code = \(commune) ORDER BY r.decided_at, r.class_id
      """, logger: logger
    ).decode((UUID, String, String, Date, String).self) {
      reviews.append(
        WireClassReview(
          classID: classID.uuidString, decision: decision, note: note, decidedAt: WireTime.text(decided),
          leader: leader))
    }
    return reviews
  }
}

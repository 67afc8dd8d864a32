import Access
import Foundation
internal import GRDB
import Units

/// An input file, checked, in a private copy that lives as long as the merge of it.
///
/// Officials and classes (a few dozen rows) are read into Swift. Attempts and answers (thousands)
/// stay in the copy and are copied inside SQLite, when every one of them is in the form papi-train
/// writes (``copiedInSQLite``); a file with anything else in them (a lowercase id, a date in
/// another format, a negative score) is read row by row and merged as it always was, so that it
/// is refused, normalised or merged exactly as before.
struct Snapshot {
  var commune: CommuneCode
  var officials: [Official]
  var classes: [TrainingClass]
  /// Officials' joining of classes, and the roster's audit record (schema version 4).
  var members: [ClassMember]
  var rosterChanges: [RosterChange]
  /// The officials the file holds attempts of.
  var officialsWithAttempts: Set<OfficialID>
  var attempts: Attempts
  /// The file's review log (empty before reviews had their own record), oldest first.
  var reviews: [ReviewLogEntry] = []
  /// The trusted machine that signed the file, when a signature was required.
  var signer: TrustedMachine?

  enum Attempts {
    /// Every attempt and answer is in papi-train's form: merged from the copy at this path,
    /// attached read-only to the destination's connection.
    case copiedInSQLite(copy: String)
    /// Read row by row, with their answers.
    case rows([Attempt])
  }

  /// The newest migration that changes the tables merge reads (officials, classes,
  /// class_communes, attempts, answers). A private copy is migrated up to it and no further: the
  /// later ones (`answer_sums`) add only what the destination keeps for itself, by its own
  /// triggers. A migration that changes those tables must become this one. (`review_log`, added
  /// later, is read as the file has it, when it has one: no migration changes it.)
  static let lastMigrationMergeReads = "v4-class-records-roster-changes"

  /// Copies `path` (and its `-wal`) into a private folder, checks the copy as a file from
  /// outside (``UntrustedResultsFile``), reads it, and runs `body` while the copy exists.
  ///
  /// With `signers`, the file must be signed (`FILE.sig`) by a machine they trust for its
  /// commune, over the very bytes copied, and come without a `-wal` file holding changes.
  static func read<T>(
    path: String, limits: UntrustedResultsFile.Limits = .init(), signers: TrustRegistry? = nil,
    _ body: (Snapshot) throws -> T
  ) throws -> T {
    try UntrustedResultsFile.withCheckedCopy(of: path, limits: limits, signers: signers) { checked in
      var snapshot: Snapshot
      do {
        snapshot = try read(checked, of: path)
      } catch {
        throw Schema.translate(error, path: path)
      }
      snapshot.signer = checked.signer
      return try body(snapshot)
    }
  }

  private static func commune(of checked: UntrustedResultsFile.CheckedCopy, path: String) -> CommuneCode? {
    let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    return checked.commune ?? (try? CommuneCode(name))
  }

  /// Reads a copy that passed every check. Its schema is exactly that of its version, so
  /// migrating it runs papi-train's own migrations and nothing of the sender's; the connection
  /// keeps every guard all the same.
  private static func read(_ checked: UntrustedResultsFile.CheckedCopy, of path: String) throws -> Snapshot {
    let copy = checked.path
    let queue = try DatabaseQueue(
      path: copy, configuration: UntrustedResultsFile.configuration(readonly: false))
    defer { try? queue.close() }
    try migrate(queue, path: path)
    guard let commune = commune(of: checked, path: path) else {
      throw GradebookError.notAResultsDatabase(path: path)
    }
    var snapshot = try queue.read { db in
      Snapshot(
        commune: commune,
        officials: try StoredOfficial.fetchAll(db, sql: "SELECT * FROM officials ORDER BY created_at, id")
          .map(\.official),
        classes: try CommuneStore.classes(db, where: "1", []),
        members: try Row.fetchAll(db, sql: "SELECT * FROM class_members ORDER BY joined_at").map { row in
          ClassMember(
            classID: ClassID(rawValue: try CommuneStore.uuid(row["class_id"])),
            officialID: OfficialID(rawValue: try CommuneStore.uuid(row["official_id"])),
            joinedAt: row["joined_at"])
        },
        rosterChanges: try CommuneStore.rosterChanges(db, schema: "main"),
        officialsWithAttempts: Set(
          try String.fetchAll(db, sql: "SELECT DISTINCT official_id FROM attempts").map {
            OfficialID(rawValue: try CommuneStore.uuid($0))
          }),
        attempts: try isInPapiTrainForm(db)
          ? .copiedInSQLite(copy: copy) : .rows(try CommuneStore.attempts(db, where: "1", [])))
    }
    snapshot.reviews = try queue.read { db in
      guard try db.tableExists("review_log") else { return [] }
      return try Row.fetchAll(db, sql: "SELECT * FROM review_log ORDER BY reviewed_at, id")
        .map(CommuneStore.logEntry(from:))
    }
    if case .copiedInSQLite = snapshot.attempts {
      // Attached read-only later: a rollback journal needs no -shm file to be read.
      try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
    }
    return snapshot
  }

  /// Brings the private copy up to ``lastMigrationMergeReads`` (or to the latest, as before, if
  /// it somehow has a later migration without that one).
  private static func migrate(_ queue: DatabaseQueue, path: String) throws {
    let migrator = Schema.migrator
    let applied = try queue.read { try migrator.appliedIdentifiers($0) }
    guard !applied.contains(lastMigrationMergeReads) else { return }
    let later = Schema.migrationIdentifiers.drop { $0 != lastMigrationMergeReads }.dropFirst()
    if applied.isDisjoint(with: later) {
      try migrator.migrate(queue, upTo: lastMigrationMergeReads)
    } else {
      try CommuneStore.migrate(queue, path: path)
    }
  }

  /// Whether every attempt and answer is stored exactly as papi-train writes it, so that copying
  /// the stored values is the same as reading them into Swift and writing them back: ids are
  /// upper-case UUIDs, seeds plain decimal `UInt64`s, question lists the JSON `encodeList`
  /// writes, timestamps GRDB's `yyyy-MM-dd HH:mm:ss.SSS`, answers' numbers valid.
  static func isInPapiTrainForm(_ db: Database) throws -> Bool {
    // Upper-case UUIDs and GRDB's timestamps, checked by CSQLiteGuard's functions (the rows have
    // already kept ResultsRules, so every day exists).
    let uuid = { (column: String) in "papi_uuid(\(column), 1)" }
    let date = { (column: String) in "papi_timestamp(\(column), '0000-01-01', '9999-12-31', 1)" }
    // What JSONEncoder escapes in a string: a list with any of it is not written as is.
    let escaped = "*[\\/\u{01}-\u{1F}]*"
    let odd = try Bool.fetchOne(
      db,
      sql: """
        SELECT EXISTS (
          SELECT 1 FROM attempts WHERE NOT (
            \(uuid("id")) AND \(uuid("official_id")) AND (class_id IS NULL OR \(uuid("class_id")))
            AND typeof(quiz_id) = 'text' AND typeof(course_id) = 'text' AND typeof(course_version) = 'text'
            AND typeof(seed) = 'text'
            AND (seed = '0' OR (seed GLOB '[1-9]*' AND seed NOT GLOB '*[^0-9]*'
              AND (length(seed) < 20 OR (length(seed) = 20 AND seed <= '18446744073709551615'))))
            AND typeof(question_ids) = 'text'
            AND (question_ids = '[]' OR (question_ids GLOB '[[]"*"]' AND question_ids NOT GLOB :escaped
              AND instr(replace(substr(question_ids, 3, length(question_ids) - 4), '","', ''), '"') = 0))
            AND \(date("started_at")) AND (ended_at IS NULL OR \(date("ended_at")))
            AND (score IS NULL OR typeof(score) = 'real') AND (max_score IS NULL OR typeof(max_score) = 'real')))
        OR EXISTS (
          SELECT 1 FROM answers WHERE NOT (
            typeof(question_id) = 'text' AND typeof(response) = 'text'
            AND typeof(position) = 'integer' AND position >= 0
            AND typeof(score) = 'real' AND score >= 0 AND score < 9e999
            AND typeof(time_taken) = 'real' AND time_taken >= 0 AND time_taken < 9e999
            AND \(date("answered_at"))))
        """, arguments: ["escaped": escaped])
    return odd == false
  }
}

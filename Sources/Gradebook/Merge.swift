import Foundation
internal import GRDB

/// What merging one file added to a commune's results.
public struct MergeCounts: Sendable, Hashable {
  /// Officials added to the roster.
  public var officials = 0
  /// Training classes added.
  public var classes = 0
  /// Attempts added.
  public var attempts = 0
  /// Attempts already present that the file carried further (in progress here, finished there).
  public var attemptsUpdated = 0
  /// Answers added, to new attempts or to attempts already present.
  public var answers = 0

  /// Nothing added.
  public init() {}

  /// Whether the merge changed nothing.
  public var isEmpty: Bool { self == MergeCounts() }

  /// The counts of two merges together.
  public static func + (lhs: MergeCounts, rhs: MergeCounts) -> MergeCounts {
    var sum = lhs
    sum.officials += rhs.officials
    sum.classes += rhs.classes
    sum.attempts += rhs.attempts
    sum.attemptsUpdated += rhs.attemptsUpdated
    sum.answers += rhs.answers
    return sum
  }
}

/// A record that exists on both sides under the same id with different contents. Merge keeps
/// what the destination has and reports the difference.
public enum MergeConflict: Sendable, Hashable {
  case official(UUID)
  case trainingClass(UUID)
  case attempt(UUID)
  case answer(attempt: UUID, question: String)
}

/// What happened to one file given to merge.
public enum MergeOutcome: Sendable, Hashable {
  /// Merged into the commune's results (possibly adding nothing, when merged before).
  case merged(
    commune: UnitCode, added: MergeCounts, conflicts: [MergeConflict], possibleDuplicates: [[Official]])
  /// The file is the destination file itself.
  case skippedDestination(commune: UnitCode)
  /// Refused; nothing was written.
  case refused(GradebookError)
}

/// One file given to merge and what happened to it.
public struct MergedFile: Sendable, Hashable {
  /// The file as named on the command line (or inside a folder named there).
  public var path: String
  /// What merging it did.
  public var outcome: MergeOutcome
}

/// The result of a merge run: one outcome per file, in the order given.
public struct MergeReport: Sendable, Hashable {
  /// Every file, in the order given (a folder's files in name order).
  public var files: [MergedFile]

  /// What was added per commune, over all files.
  public var totals: [UnitCode: MergeCounts] {
    var totals: [UnitCode: MergeCounts] = [:]
    for file in files {
      if case .merged(let commune, let added, _, _) = file.outcome {
        totals[commune, default: MergeCounts()] = totals[commune, default: MergeCounts()] + added
      }
    }
    return totals
  }

  /// Whether some file was refused.
  public var hasRefusals: Bool {
    files.contains { if case .refused = $0.outcome { true } else { false } }
  }
}

/// Brings results files from other machines into a results folder.
///
/// - Idempotent and keyed by stable ids: merging a file twice adds nothing the second time.
/// - Never modifies its input: each input (with its `-wal` file, if any) is copied to a private
///   temporary folder and read there; the original is only ever read.
/// - Refuses, with a message naming the file, a file that is not SQLite, not a results database,
///   damaged, or written by a newer papi-train. One file is merged in one transaction: all or nothing.
/// - Conflicts: answers of the same attempt are united; an attempt finished on one side and in
///   progress on the other ends up finished; records that differ under the same id keep the
///   destination's version and are reported. The same person added on two machines gets two ids:
///   both are kept and reported as possible duplicates (same name, diacritics ignored).
public struct ResultsMerger: Sendable {
  /// The results folder merged into; commune files are created in it as needed.
  public let destination: ResultsDirectory

  /// A merger into `destination`.
  public init(destination: ResultsDirectory) {
    self.destination = destination
  }

  /// Merges every file in `paths`; a folder stands for the `*.sqlite` files directly in it.
  public func merge(paths: [String]) -> MergeReport {
    var files: [MergedFile] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        files.append(
          MergedFile(
            path: path, outcome: .refused(.noSuchFile(path: path))))
        continue
      }
      if isDirectory.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let found = names.filter { $0.hasSuffix(".\(ResultsDirectory.fileExtension)") }.sorted()
        if found.isEmpty {
          files.append(
            MergedFile(
              path: path,
              outcome: .refused(.noResultsFiles(folder: path))))
        }
        for name in found {
          let file = (path as NSString).appendingPathComponent(name)
          files.append(MergedFile(path: file, outcome: mergeFile(at: file)))
        }
      } else {
        files.append(MergedFile(path: path, outcome: mergeFile(at: path)))
      }
    }
    return MergeReport(files: files)
  }

  /// Merges one file and says what happened.
  public func mergeFile(at path: String) -> MergeOutcome {
    do {
      return try Snapshot.read(path: path) { snapshot in
        let store = try destination.store(for: snapshot.commune)
        if Self.sameFile(path, store.fileURL.path) { return .skippedDestination(commune: snapshot.commune) }
        let damage = try store.integrityCheck()
        guard damage.isEmpty else {
          throw GradebookError.damaged(path: store.path, details: damage.prefix(3).joined(separator: "; "))
        }
        return try store.merge(snapshot)
      }
    } catch let error as GradebookError {
      return .refused(error)
    } catch {
      return .refused(.database(path: path, message: "\(error)"))
    }
  }

  static func sameFile(_ a: String, _ b: String) -> Bool {
    var first = stat()
    var second = stat()
    guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino
  }
}

/// An input file, checked, in a private copy that lives as long as the merge of it.
///
/// Officials and classes (a few dozen rows) are read into Swift. Attempts and answers (thousands)
/// stay in the copy and are copied inside SQLite, when every one of them is in the form papi-train
/// writes (``copiedInSQLite``); a file with anything else in them (a lowercase id, a date in
/// another format, a negative score) is read row by row and merged as it always was, so that it
/// is refused, normalised or merged exactly as before.
struct Snapshot {
  var commune: UnitCode
  var officials: [Official]
  var classes: [TrainingClass]
  var attempts: Attempts

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
  /// triggers. A migration that changes those tables must become this one.
  static let lastMigrationMergeReads = "v2-classes-name-keys"

  /// Copies `path` (and its `-wal`) into a private folder, checks and reads the copy, and runs
  /// `body` while the copy exists.
  static func read<T>(path: String, _ body: (Snapshot) throws -> T) throws -> T {
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
      throw GradebookError.noSuchFile(path: path)
    }
    let folder = fileManager.temporaryDirectory.appendingPathComponent(
      "papi-train-merge-\(UUID().uuidString)")
    defer { try? fileManager.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("input.sqlite")
    do {
      try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
      try fileManager.copyItem(atPath: path, toPath: copy.path)
      // Committed answers may still sit in the write-ahead log next to the file.
      if fileManager.fileExists(atPath: path + "-wal") {
        try fileManager.copyItem(atPath: path + "-wal", toPath: copy.path + "-wal")
      }
    } catch {
      throw GradebookError.fileSystem(path: path, message: error.localizedDescription)
    }
    let snapshot: Snapshot
    do {
      snapshot = try read(copy: copy.path, of: path)
    } catch {
      throw Schema.translate(error, path: path)
    }
    return try body(snapshot)
  }

  private static func read(copy: String, of path: String) throws -> Snapshot {
    let queue = try DatabaseQueue(path: copy, configuration: Schema.configuration())
    defer { try? queue.close() }
    let contents = try queue.read { try Schema.inspect($0, path: path) }
    guard case .results(_, let stated) = contents else {
      throw GradebookError.notAResultsDatabase(path: path)
    }
    let findings = try queue.read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
    guard findings == ["ok"] else {
      throw GradebookError.damaged(path: path, details: findings.prefix(3).joined(separator: "; "))
    }
    try migrate(queue, path: path)
    let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    guard let commune = stated ?? (try? UnitCode(name)) else {
      throw GradebookError.notAResultsDatabase(path: path)
    }
    let snapshot = try queue.read { db in
      Snapshot(
        commune: commune,
        officials: try Row.fetchAll(db, sql: "SELECT * FROM officials ORDER BY created_at, id")
          .map(CommuneStore.official),
        classes: try CommuneStore.classes(db, where: "1", []),
        attempts: try isInPapiTrainForm(db)
          ? .copiedInSQLite(copy: copy) : .rows(try CommuneStore.attempts(db, where: "1", [])))
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
    let hex = "[0-9A-F]"
    let uuid = [8, 4, 4, 4, 12].map { String(repeating: hex, count: $0) }.joined(separator: "-")
    let digit = "[0-9]"
    let date =
      "\(digit)\(digit)\(digit)\(digit)-[01]\(digit)-[0-3]\(digit) [0-2]\(digit):[0-5]\(digit):[0-5]\(digit)"
      + ".\(digit)\(digit)\(digit)"
    // What JSONEncoder escapes in a string: a list with any of it is not written as is.
    let escaped = "*[\\/\u{01}-\u{1F}]*"
    let odd = try Bool.fetchOne(
      db,
      sql: """
        SELECT EXISTS (
          SELECT 1 FROM attempts WHERE NOT (
            typeof(id) = 'text' AND id GLOB :uuid AND typeof(official_id) = 'text' AND official_id GLOB :uuid
            AND (class_id IS NULL OR (typeof(class_id) = 'text' AND class_id GLOB :uuid))
            AND typeof(quiz_id) = 'text' AND typeof(course_id) = 'text' AND typeof(course_version) = 'text'
            AND typeof(seed) = 'text'
            AND (seed = '0' OR (seed GLOB '[1-9]*' AND seed NOT GLOB '*[^0-9]*'
              AND (length(seed) < 20 OR (length(seed) = 20 AND seed <= '18446744073709551615'))))
            AND typeof(question_ids) = 'text'
            AND (question_ids = '[]' OR (question_ids GLOB '[[]"*"]' AND question_ids NOT GLOB :escaped
              AND instr(replace(substr(question_ids, 3, length(question_ids) - 4), '","', ''), '"') = 0))
            AND typeof(started_at) = 'text' AND started_at GLOB :date
            AND (ended_at IS NULL OR (typeof(ended_at) = 'text' AND ended_at GLOB :date))
            AND (score IS NULL OR typeof(score) = 'real') AND (max_score IS NULL OR typeof(max_score) = 'real')))
        OR EXISTS (
          SELECT 1 FROM answers WHERE NOT (
            typeof(question_id) = 'text' AND typeof(response) = 'text'
            AND typeof(position) = 'integer' AND position >= 0
            AND typeof(score) = 'real' AND score >= 0 AND score < 9e999
            AND typeof(time_taken) = 'real' AND time_taken >= 0 AND time_taken < 9e999
            AND typeof(answered_at) = 'text' AND answered_at GLOB :date))
        """, arguments: ["uuid": uuid, "date": date, "escaped": escaped])
    return odd == false
  }
}

extension CommuneStore {
  /// Adds what the snapshot has and this file lacks, in one transaction.
  func merge(_ snapshot: Snapshot) throws -> MergeOutcome {
    switch snapshot.attempts {
    case .rows(let attempts):
      return try write { db in
        var merge = try RosterMerge(snapshot, into: db, commune: communeCode)
        try Self.mergeRowByRow(attempts, into: db, &merge)
        return try merge.outcome(db, commune: communeCode)
      }
    case .copiedInSQLite(let copy):
      return try writeAttaching(copy) { db in
        var merge = try RosterMerge(snapshot, into: db, commune: communeCode)
        try Self.mergeAttached(into: db, &merge)
        return try merge.outcome(db, commune: communeCode)
      }
    }
  }

  /// The schema name the source copy is attached under.
  static let sourceSchema = "merge_source"

  /// Runs `body` in one `IMMEDIATE` transaction of the writer connection, with the file at
  /// `copy` attached read-only as ``sourceSchema``.
  private func writeAttaching<T>(_ copy: String, _ body: (Database) throws -> T) throws -> T {
    let encoded = copy.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? copy
    do {
      return try writableDatabase().writeWithoutTransaction { db in
        try db.execute(
          sql: "ATTACH DATABASE ? AS \(Self.sourceSchema)", arguments: ["file:\(encoded)?mode=ro"])
        defer { try? db.execute(sql: "DETACH DATABASE \(Self.sourceSchema)") }
        db.add(function: Self.nfcFunction)
        defer { db.remove(function: Self.nfcFunction) }
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(db)
          return .commit
        }
        guard let result else { throw GradebookError.database(path: path, message: "merge did not run") }
        return result
      }
    } catch {
      throw Schema.translate(error, path: path)
    }
  }

  /// `merge_nfc(text)`: the text in NFC, as an answer's question id and response are stored
  /// (`validated`). Called only for text that is not plain ASCII.
  private static let nfcFunction = DatabaseFunction("merge_nfc", argumentCount: 1, pure: true) { values in
    String.fromDatabaseValue(values[0])?.nfc
  }

  /// The attempts and answers of the attached copy, merged inside SQLite: attempts already here
  /// are compared (and carried further) in Swift, a few hundred rows; new attempts and every
  /// answer this file lacks are inserted by one `INSERT ... SELECT` each, in the order the
  /// row-by-row merge inserts them (so that `answer_sums` adds the same numbers in the same order
  /// and `official_bits` numbers officials the same way); differing answers are found by a join.
  private static func mergeAttached(into db: Database, _ merge: inout RosterMerge) throws {
    let source = sourceSchema
    let order = "s.started_at, s.id"

    // Attempts on both sides: identity, status and score compared as the row-by-row merge does.
    let theirs = try Row.fetchAll(
      db,
      sql: """
        SELECT s.* FROM \(source).attempts s
        WHERE EXISTS (SELECT 1 FROM main.attempts d WHERE d.id = s.id) ORDER BY \(order)
        """
    ).map(attempt)
    var ours: [UUID: Attempt] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT d.* FROM main.attempts d JOIN \(source).attempts s ON s.id = d.id")
    {
      let attempt = try attempt(row)
      ours[attempt.id] = attempt
    }
    var attemptConflicts: Set<UUID> = []
    var skipped: Set<UUID> = []
    for attempt in theirs {
      guard let existing = ours[attempt.id] else { continue }
      switch try carryFurther(existing, with: attempt, in: db) {
      case .identityDiffers:
        attemptConflicts.insert(attempt.id)
        skipped.insert(attempt.id)
      case .scoreDiffers:
        attemptConflicts.insert(attempt.id)
      case .updated:
        merge.added.attemptsUpdated += 1
      case .same:
        break
      }
    }

    // Answers on both sides that say different things (attempts whose identity differs aside).
    var answerConflicts: [UUID: [MergeConflict]] = [:]
    let differing = try Row.fetchAll(
      db,
      sql: """
        SELECT an.attempt_id, an.question_id, an.position, an.response, an.score, an.correct,
          d.position AS our_position, d.response AS our_response, d.score AS our_score, d.correct AS our_correct
        FROM \(source).answers an JOIN \(source).attempts s ON s.id = an.attempt_id
        JOIN main.answers d ON d.attempt_id = an.attempt_id AND d.question_id = an.question_id
        WHERE d.position IS NOT an.position OR d.response IS NOT an.response OR d.score IS NOT an.score
          OR d.correct IS NOT an.correct
        ORDER BY \(order), an.position, an.question_id
        """)
    for row in differing {
      let attemptID = try uuid(row["attempt_id"])
      if skipped.contains(attemptID) { continue }
      let position: Int = row["position"]
      let response: String = row["response"]
      let score: Double = row["score"]
      let correct: Bool = row["correct"]
      let ourPosition: Int = row["our_position"]
      let ourResponse: String = row["our_response"]
      let ourScore: Double = row["our_score"]
      let ourCorrect: Bool = row["our_correct"]
      // String equality as sameContent(_:_:) compares: canonically equivalent texts are the same.
      if position != ourPosition || response != ourResponse || score != ourScore || correct != ourCorrect {
        answerConflicts[attemptID, default: []].append(
          .answer(attempt: attemptID, question: row["question_id"]))
      }
    }
    for attempt in theirs {
      if attemptConflicts.contains(attempt.id) { merge.conflicts.append(.attempt(attempt.id)) }
      merge.conflicts.append(contentsOf: answerConflicts[attempt.id] ?? [])
    }

    // New attempts, then every answer missing here, each in one statement.
    try db.execute(
      sql: """
        INSERT INTO main.attempts (id, official_id, quiz_id, course_id, course_version, class_id, started_at,
          ended_at, seed, question_ids, score, max_score, status)
        SELECT id, official_id, quiz_id, course_id, course_version, class_id, started_at,
          ended_at, seed, question_ids, score, max_score, status
        FROM \(source).attempts s WHERE NOT EXISTS (SELECT 1 FROM main.attempts d WHERE d.id = s.id)
        ORDER BY \(order)
        """)
    merge.added.attempts += db.changesCount
    try db.execute(
      sql: """
        INSERT INTO main.answers (attempt_id, question_id, position, response, score, correct, time_taken,
          answered_at)
        SELECT an.attempt_id,
          CASE WHEN length(CAST(an.question_id AS BLOB)) = length(an.question_id) THEN an.question_id
            ELSE merge_nfc(an.question_id) END,
          an.position,
          CASE WHEN length(CAST(an.response AS BLOB)) = length(an.response) THEN an.response
            ELSE merge_nfc(an.response) END,
          an.score, an.correct, an.time_taken, an.answered_at
        FROM \(source).answers an JOIN \(source).attempts s ON s.id = an.attempt_id
        WHERE s.id NOT IN (SELECT value FROM json_each(?))
          AND NOT EXISTS (
            SELECT 1 FROM main.answers d WHERE d.attempt_id = an.attempt_id AND d.question_id = an.question_id)
        ORDER BY \(order), an.position, an.question_id
        """, arguments: [try encodeList(skipped.map(\.uuidString).sorted())])
    merge.added.answers += db.changesCount
  }

  /// What comparing an attempt already here with the file's copy of it did.
  private enum AttemptComparison {
    /// Another official, quiz, seed or question list under the same id: a conflict, its answers
    /// are not merged.
    case identityDiffers
    /// Both ended the same way with different scores: a conflict, answers still united.
    case scoreDiffers
    /// The file's copy was further along (finished or abandoned there, in progress here).
    case updated
    case same
  }

  /// Compares `existing` with the file's `attempt` of the same id, and carries `existing`
  /// further when the file's is further along.
  private static func carryFurther(
    _ existing: Attempt, with attempt: Attempt, in db: Database
  ) throws -> AttemptComparison {
    let sameIdentity =
      existing.officialID == attempt.officialID && existing.quizID == attempt.quizID
      && existing.seed == attempt.seed && existing.questionIDs == attempt.questionIDs
    guard sameIdentity else { return .identityDiffers }
    if attempt.status.rank > existing.status.rank {
      try db.execute(
        sql: "UPDATE main.attempts SET status = ?, ended_at = ?, score = ?, max_score = ? WHERE id = ?",
        arguments: [
          attempt.status.rawValue, attempt.endedAt, attempt.score, attempt.maxScore, attempt.id.uuidString,
        ])
      return .updated
    }
    if attempt.status == existing.status, attempt.status != .inProgress,
      attempt.score != existing.score || attempt.maxScore != existing.maxScore
    {
      return .scoreDiffers
    }
    return .same
  }

  /// The attempts of a file not in papi-train's form, merged one by one through Swift.
  private static func mergeRowByRow(_ attempts: [Attempt], into db: Database, _ merge: inout RosterMerge)
    throws
  {
    // One compiled statement for every answer added (merging a commune adds thousands).
    let insertAnswer = try db.cachedStatement(
      sql: """
        INSERT INTO answers (attempt_id, question_id, position, response, score, correct, time_taken, answered_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for attempt in attempts {
      var isNew = false
      if let existing = try Self.attempts(db, where: "a.id = ?", [attempt.id.uuidString]).first {
        switch try carryFurther(existing, with: attempt, in: db) {
        case .identityDiffers:
          merge.conflicts.append(.attempt(attempt.id))
          continue
        case .scoreDiffers: merge.conflicts.append(.attempt(attempt.id))
        case .updated: merge.added.attemptsUpdated += 1
        case .same: break
        }
      } else {
        var copy = attempt
        copy.answers = []
        try Self.insert(copy, into: db)
        merge.added.attempts += 1
        isNew = true
      }
      for answer in attempt.answers {
        // An attempt just added has no answers here yet: nothing to look up.
        if !isNew,
          let stored = try Self.storedAnswer(db, attempt: answer.attemptID, question: answer.questionID)
        {
          if !Self.sameContent(stored, answer) {
            merge.conflicts.append(.answer(attempt: answer.attemptID, question: answer.questionID))
          }
        } else {
          let answer = try Self.validated(answer)
          try insertAnswer.execute(arguments: [
            answer.attemptID.uuidString, answer.questionID, answer.position, answer.response, answer.score,
            answer.isCorrect, answer.timeTaken, answer.answeredAt,
          ])
          merge.added.answers += 1
        }
      }
    }
  }
}

/// One file's merge as it goes: what was added and found, after officials and classes.
struct RosterMerge {
  var added = MergeCounts()
  var conflicts: [MergeConflict] = []
  /// The name keys of the officials added, to look for namesakes at the end.
  var addedNameKeys: Set<String> = []

  /// Merges the snapshot's officials and classes (a few dozen rows) one by one.
  init(_ snapshot: Snapshot, into db: Database, commune: UnitCode) throws {
    for official in snapshot.officials {
      if let existing = try Row.fetchOne(
        db, sql: "SELECT * FROM main.officials WHERE id = ?", arguments: [official.id.uuidString]
      ).map(CommuneStore.official) {
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
  func outcome(_ db: Database, commune: UnitCode) throws -> MergeOutcome {
    var duplicates: [[Official]] = []
    for key in addedNameKeys.sorted() {
      let namesakes = try Row.fetchAll(
        db, sql: "SELECT * FROM main.officials WHERE name_key = ? ORDER BY created_at, id", arguments: [key]
      ).map(CommuneStore.official)
      if namesakes.count > 1 { duplicates.append(namesakes) }
    }
    return .merged(commune: commune, added: added, conflicts: conflicts, possibleDuplicates: duplicates)
  }
}

import Foundation
internal import GRDB
import Units
import VietnameseText

/// The results database schema and how a file is recognised as one.
///
/// Versions are GRDB migrations, applied in order; each sets `PRAGMA user_version` and the
/// `schema_version` row of the `meta` table to its number, so `sqlite3 file 'PRAGMA user_version'`
/// tells anyone which version a file has. Never edit a shipped migration: add the next one.
enum Schema {
  /// The `format` value in the `meta` table that marks a papi-train results database.
  static let format = "papi-train-results"
  /// `PRAGMA application_id`: "PAPI" in ASCII.
  static let applicationID: Int32 = 0x5041_5049
  /// The migrations, oldest first; the position of each (from 1) is its schema version.
  static let migrationIdentifiers = [
    "v1-officials-attempts-answers", "v2-classes-name-keys", "v3-answer-sums",
    "v4-class-records-roster-changes", reviewsMigration, classReviewsMigration,
  ]
  /// The migration that keeps the province leaders' decisions on classes (``classReviewsVersion``).
  static let classReviewsMigration = "v6-class-reviews"
  /// The first version with `class_reviews`.
  static var classReviewsVersion: Int {
    (migrationIdentifiers.firstIndex(of: classReviewsMigration) ?? 0) + 1
  }
  /// The migration that gives reviews their own record (``reviewsVersion``).
  static let reviewsMigration = "v5-review-cards"
  /// The first version with `review_cards` and `review_log`.
  static var reviewsVersion: Int { (migrationIdentifiers.firstIndex(of: reviewsMigration) ?? 0) + 1 }
  /// The newest schema this build reads and writes.
  static var latestVersion: Int { migrationIdentifiers.count }

  /// Tables that exist in a file that is being created but has no schema yet.
  static let bookkeepingTables: Set<String> = ["grdb_migrations", "sqlite_sequence", "grdb_issue_102"]

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration(migrationIdentifiers[0]) { db in
      try db.execute(
        sql: """
          CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
          CREATE TABLE officials (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL CHECK (name <> ''),
            position TEXT NOT NULL CHECK (position <> ''),
            commune_code TEXT NOT NULL,
            created_at TEXT NOT NULL
          );
          CREATE TABLE attempts (
            id TEXT PRIMARY KEY NOT NULL,
            official_id TEXT NOT NULL REFERENCES officials(id),
            quiz_id TEXT NOT NULL,
            course_id TEXT NOT NULL,
            course_version TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            seed TEXT NOT NULL,
            question_ids TEXT NOT NULL,
            score REAL,
            max_score REAL,
            status TEXT NOT NULL CHECK (status IN ('in-progress', 'finished', 'abandoned'))
          );
          CREATE INDEX attempts_by_official ON attempts(official_id, quiz_id, status);
          CREATE TABLE answers (
            attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            response TEXT NOT NULL,
            score REAL NOT NULL,
            correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
            time_taken REAL NOT NULL,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (attempt_id, question_id)
          );
          """)
      try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('format', ?)", arguments: [format])
      try db.execute(sql: "PRAGMA application_id = \(applicationID)")
      try setVersion(1, in: db)
    }
    migrator.registerMigration(migrationIdentifiers[1]) { db in
      // Training classes, the class an attempt was taken in, and a search key for names typed
      // without diacritics.
      try db.execute(
        sql: """
          CREATE TABLE classes (
            id TEXT PRIMARY KEY NOT NULL,
            trainer TEXT NOT NULL,
            date TEXT NOT NULL,
            place TEXT NOT NULL
          );
          CREATE TABLE class_communes (
            class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
            commune_code TEXT NOT NULL,
            PRIMARY KEY (class_id, commune_code)
          );
          ALTER TABLE attempts ADD COLUMN class_id TEXT REFERENCES classes(id) ON DELETE SET NULL;
          ALTER TABLE officials ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
          CREATE INDEX officials_by_name_key ON officials(name_key);
          """)
      let officials = try Row.fetchAll(db, sql: "SELECT id, name FROM officials")
      for official in officials {
        let name: String = official["name"]
        try db.execute(
          sql: "UPDATE officials SET name = ?, name_key = ? WHERE id = ?",
          arguments: [name.nfc, nameKey(name), official["id"] as String])
      }
      try setVersion(2, in: db)
    }
    migrator.registerMigration(migrationIdentifiers[2]) { db in
      try createAnswerSums(in: db)
      try setVersion(3, in: db)
    }
    migrator.registerMigration(migrationIdentifiers[3]) { db in
      try createClassRecords(in: db)
      try setVersion(4, in: db)
    }
    migrator.registerMigration(reviewsMigration) { db in
      try createReviews(in: db)
      try leaveLegacyReviewsOutOfAnswerSums(in: db)
      try setVersion(reviewsVersion, in: db)
    }
    migrator.registerMigration(classReviewsMigration) { db in
      try createClassReviews(in: db)
      try setVersion(classReviewsVersion, in: db)
    }
    return migrator
  }

  /// The half-life, in days, of the recency weights that `answer_sums` keeps: Insight's default.
  static let answerSumsHalfLifeDays = 90.0

  /// Version 3: `answer_sums` keeps, per question and bucket of 62 officials, what
  /// ``WeightedAnswerScan`` would otherwise compute from every answer (count, Σe, Σe², Σe·mark,
  /// the officials' bits, the latest answer), kept up to date by a trigger in the transaction that
  /// stores each answer. `official_bits` gives each official who answered a bit number once and
  /// for ever (the row order of `officials` is not stable under VACUUM). Existing answers are
  /// summed when the migration runs.
  private static func createAnswerSums(in db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE official_bits (
          official_id TEXT PRIMARY KEY NOT NULL REFERENCES officials(id),
          bit INTEGER NOT NULL UNIQUE
        );
        CREATE TABLE answer_sums (
          question_id TEXT NOT NULL,
          bucket INTEGER NOT NULL,
          answers INTEGER NOT NULL,
          sum_e REAL NOT NULL,
          sum_e2 REAL NOT NULL,
          sum_marked_e REAL NOT NULL,
          officials INTEGER NOT NULL,
          last_answered_at TEXT NOT NULL,
          PRIMARY KEY (question_id, bucket)
        ) WITHOUT ROWID;
        """)
    try fillAnswerSums(in: db, where: "1")
    try db.execute(
      sql: """
        CREATE TRIGGER \(answerSumsTrigger) AFTER INSERT ON answers BEGIN
          INSERT OR IGNORE INTO official_bits (official_id, bit)
            SELECT official_id, (SELECT COALESCE(MAX(bit) + 1, 0) FROM official_bits)
            FROM attempts WHERE id = NEW.attempt_id;
          INSERT INTO answer_sums
            SELECT NEW.question_id, b.bit / 62, 1, w.e, w.e * w.e, w.e * max(0.0, min(1.0, NEW.score)),
                   1 << (b.bit % 62), NEW.answered_at
            FROM attempts at JOIN official_bits b ON b.official_id = at.official_id,
                 (SELECT \(answerWeight(of: "NEW.answered_at")) AS e) w
            WHERE at.id = NEW.attempt_id
          ON CONFLICT (question_id, bucket) DO UPDATE SET
            answers = answers + 1, sum_e = sum_e + excluded.sum_e, sum_e2 = sum_e2 + excluded.sum_e2,
            sum_marked_e = sum_marked_e + excluded.sum_marked_e, officials = officials | excluded.officials,
            last_answered_at = max(last_answered_at, excluded.last_answered_at);
        END;
        CREATE TRIGGER answers_are_kept_before_update BEFORE UPDATE ON answers BEGIN
          SELECT RAISE(ABORT, 'papi-train keeps every answer as given: answers are never changed');
        END;
        CREATE TRIGGER answers_are_kept_before_delete BEFORE DELETE ON answers BEGIN
          SELECT RAISE(ABORT, 'papi-train keeps every answer as given: answers are never deleted');
        END;
        """)
    try db.execute(
      sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('answer_sums_half_life_days', ?)",
      arguments: [String(answerSumsHalfLifeDays)])
  }

  /// The name of the trigger that keeps `answer_sums` as each answer is stored.
  static let answerSumsTrigger = "answer_sums_after_insert"

  /// The SQL of the factored recency weight `answer_sums` keeps of an answer given at the
  /// timestamp `column`: e = exp(k·(day − epoch)), the very text the trigger evaluates.
  static func answerWeight(of column: String) -> String {
    let rate = String(log(2) / answerSumsHalfLifeDays)
    let epoch = String(WeightedAnswerScan.epochJulianDay)
    return "exp(\(rate) * (julianday(\(column)) - \(epoch)))"
  }

  /// Version 4: a class's code, title, last day, pre- and post-test, when it was closed and last
  /// changed; the officials who joined each class (`class_members`); and `roster_changes`, the
  /// audit record of every roster entry removed, renamed or merged into another (kept, never
  /// changed or deleted, so it travels with the file and through merge).
  private static func createClassRecords(in db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE classes ADD COLUMN code TEXT NOT NULL DEFAULT '';
        ALTER TABLE classes ADD COLUMN title TEXT NOT NULL DEFAULT '';
        ALTER TABLE classes ADD COLUMN end_date TEXT NOT NULL DEFAULT '';
        ALTER TABLE classes ADD COLUMN pretest_quiz_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE classes ADD COLUMN posttest_quiz_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE classes ADD COLUMN closed_at TEXT;
        ALTER TABLE classes ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
        UPDATE classes SET end_date = date, updated_at = date || ' 00:00:00.000';
        CREATE INDEX classes_by_code ON classes(code);
        CREATE TABLE class_members (
          class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
          official_id TEXT NOT NULL REFERENCES officials(id),
          joined_at TEXT NOT NULL,
          PRIMARY KEY (class_id, official_id)
        );
        CREATE TABLE roster_changes (
          id TEXT PRIMARY KEY NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('remove', 'rename', 'merge')),
          official_id TEXT NOT NULL,
          kept_id TEXT,
          old_name TEXT NOT NULL,
          new_name TEXT NOT NULL,
          changed_by TEXT NOT NULL,
          changed_at TEXT NOT NULL
        );
        CREATE INDEX roster_changes_by_official ON roster_changes(official_id);
        CREATE TRIGGER roster_changes_are_kept_before_update BEFORE UPDATE ON roster_changes BEGIN
          SELECT RAISE(ABORT, 'papi-train keeps every roster change as recorded: never changed');
        END;
        CREATE TRIGGER roster_changes_are_kept_before_delete BEFORE DELETE ON roster_changes BEGIN
          SELECT RAISE(ABORT, 'papi-train keeps every roster change as recorded: never deleted');
        END;
        """)
  }

  /// Sums every answer of the attempts `at` that meet `condition` (by default every quiz attempt,
  /// the review "attempts" of older files left out) into an empty `answer_sums`, numbering the
  /// officials who answered in `official_bits` (by roster order): what version 3 does to a file's
  /// answers (all of them, then), and what a roster merge does again once attempts have moved from
  /// one entry to another.
  static func fillAnswerSums(in db: Database, where condition: String = isQuizAttempt()) throws {
    try db.execute(
      sql: """
        INSERT INTO official_bits (official_id, bit)
          SELECT id, row_number() OVER (ORDER BY rowid) - 1 FROM officials
          WHERE id IN (SELECT at.official_id FROM attempts at JOIN answers an ON an.attempt_id = at.id);
        WITH answered AS MATERIALIZED (
          SELECT an.question_id AS question, b.bit AS bit, max(0.0, min(1.0, an.score)) AS mark,
                 \(answerWeight(of: "an.answered_at")) AS e, an.answered_at AS moment
          FROM answers an JOIN attempts at ON at.id = an.attempt_id
          JOIN official_bits b ON b.official_id = at.official_id
          WHERE \(condition)
        )
        INSERT INTO answer_sums
          SELECT question, bit / 62, COUNT(*), SUM(e), SUM(e * e), SUM(e * mark), SUM(DISTINCT 1 << (bit % 62)),
                 max(moment)
          FROM answered GROUP BY question, bit / 62;
        """)
  }

  /// Empties `answer_sums` and `official_bits` and sums every answer again.
  static func refillAnswerSums(in db: Database) throws {
    try db.execute(sql: "DELETE FROM main.answer_sums; DELETE FROM main.official_bits;")
    try fillAnswerSums(in: db)
  }

  /// The condition, over `attempts` aliased `at`, that an attempt is a quiz attempt: not one of
  /// the review "attempts" (quiz id `COURSE#review`) that older versions stored reviews as.
  /// Those stay in a file as they were (answers are never deleted), and are left out of every
  /// figure: reviews are not quiz attempts.
  static func isQuizAttempt(_ alias: String = "at") -> String { "\(alias).quiz_id NOT GLOB '*#review'" }

  /// ``reviewsVersion``: spaced review has its own record. `review_cards` keeps, per official and
  /// question, the FSRS card its latest review left; `review_log` keeps every review (when, the
  /// grade, days since the previous one, the answer, the card after it) and is append-only, like
  /// `answers`: no review is deleted and none changes, but for whose it is, which a roster merge
  /// moves to the entry kept, as it moves attempts.
  private static func createReviews(in db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE review_cards (
          official_id TEXT NOT NULL REFERENCES officials(id),
          question_id TEXT NOT NULL,
          stability REAL NOT NULL,
          difficulty REAL NOT NULL,
          due TEXT NOT NULL,
          last_review TEXT NOT NULL,
          reps INTEGER NOT NULL,
          lapses INTEGER NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('learning', 'review', 'relearning')),
          PRIMARY KEY (official_id, question_id)
        );
        CREATE TABLE review_log (
          id TEXT PRIMARY KEY NOT NULL,
          official_id TEXT NOT NULL REFERENCES officials(id),
          question_id TEXT NOT NULL,
          reviewed_at TEXT NOT NULL,
          grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
          elapsed_days INTEGER NOT NULL,
          response TEXT NOT NULL,
          score REAL NOT NULL,
          time_taken REAL NOT NULL,
          stability REAL NOT NULL,
          difficulty REAL NOT NULL,
          due TEXT NOT NULL,
          reps INTEGER NOT NULL,
          lapses INTEGER NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('learning', 'review', 'relearning'))
        );
        CREATE INDEX review_log_by_card ON review_log(official_id, question_id, reviewed_at);
        CREATE TRIGGER review_log_is_kept_before_update BEFORE UPDATE OF id, question_id, reviewed_at, grade,
          elapsed_days, response, score, time_taken, stability, difficulty, due, reps, lapses, state ON review_log BEGIN
          SELECT RAISE(ABORT, 'papi-train keeps every review as given: reviews are never changed');
        END;
        CREATE TRIGGER review_log_is_kept_before_delete BEFORE DELETE ON review_log BEGIN
          SELECT RAISE(ABORT, 'papi-train keeps every review as given: reviews are never deleted');
        END;
        """)
  }

  /// ``classReviewsVersion``: `class_reviews` keeps, per class, the province leader's latest
  /// decision on its results as `papi-train sync` received it (approved, or returned to the
  /// trainer with a note), who decided and when. A decision comes from the server, never from a
  /// file merged in.
  private static func createClassReviews(in db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE class_reviews (
          class_id TEXT PRIMARY KEY NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
          decision TEXT NOT NULL CHECK (decision IN ('approved', 'returned')),
          note TEXT NOT NULL,
          leader TEXT NOT NULL,
          decided_at TEXT NOT NULL,
          received_at TEXT NOT NULL
        );
        """)
  }

  /// ``reviewsVersion``: answers of the old review "attempts" no longer count in `answer_sums` (the
  /// trigger skips them, and the sums are made again without them).
  private static func leaveLegacyReviewsOutOfAnswerSums(in db: Database) throws {
    let name = "answer_sums_after_insert"
    guard
      let trigger = try String.fetchOne(
        db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", arguments: [name])
    else { throw GradebookError.database(path: "", message: "\(name) is missing") }
    let anchor = "WHERE at.id = NEW.attempt_id"
    guard trigger.contains(anchor) else {
      throw GradebookError.database(path: "", message: "\(name) is not the trigger version 3 made")
    }
    try db.execute(sql: "DROP TRIGGER \(name)")
    try db.execute(
      sql: trigger.replacingOccurrences(of: anchor, with: anchor + " AND " + isQuizAttempt()))
    guard
      try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM attempts at WHERE NOT (\(isQuizAttempt())))")
        == true
    else { return }
    try refillAnswerSums(in: db)
  }

  /// A results file at `path` with the schema of `version` only, as that version of papi-train
  /// made it, and then `sql` run in it: for the tests of files older versions wrote.
  static func makeOlderFile(at path: String, version: Int, sql: String) throws {
    let queue = try DatabaseQueue(path: path)
    try migrator.migrate(queue, upTo: migrationIdentifiers[version - 1])
    try queue.write { try $0.execute(sql: sql) }
    try queue.close()
  }

  /// Adds `exp` to a connection whose SQLite was built without its math functions (Debian's has
  /// them): the `answer_sums` trigger and the answer scan need it.
  static func addMathFunctions(_ db: Database) {
    guard (try? Double.fetchOne(db, sql: "SELECT exp(0)")) == nil else { return }
    db.add(
      function: DatabaseFunction("exp", argumentCount: 1, pure: true) { values in
        Double.fromDatabaseValue(values[0]).map { Foundation.exp($0) }
      })
  }

  /// The key names are searched by: NFC, lower-cased, spaces collapsed, diacritics folded.
  static func nameKey(_ name: String) -> String {
    name.matchKey(foldingDiacritics: true)
  }

  private static func setVersion(_ version: Int, in db: Database) throws {
    try db.execute(
      sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
      arguments: [String(version)])
    try db.execute(sql: "PRAGMA user_version = \(version)")
  }

  /// What a file holds, as far as papi-train is concerned.
  enum Contents: Equatable {
    /// No tables yet: a file being created.
    case empty
    /// A results database at `version`, for `commune` when it says so.
    case results(version: Int, commune: CommuneCode?)
  }

  /// Looks at an open database without writing to it, and throws when it is not a results
  /// database this build can use.
  static func inspect(_ db: Database, path: String) throws -> Contents {
    let tables = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
    if tables.subtracting(bookkeepingTables).isEmpty { return .empty }
    guard tables.contains("meta"),
      let format = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'"),
      format == Self.format
    else { throw GradebookError.notAResultsDatabase(path: path) }
    let stated = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'")
    let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    let version = max(stated.flatMap { Int($0) } ?? 0, userVersion)
    var applied: Set<String> = []
    if tables.contains("grdb_migrations") {
      applied = try Set(String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
    }
    if version > latestVersion || !applied.subtracting(migrationIdentifiers).isEmpty {
      throw GradebookError.newerSchema(path: path, found: version, supported: latestVersion)
    }
    let commune = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'commune_code'")
      .flatMap { try? CommuneCode($0) }
    return .results(version: version, commune: commune)
  }

  /// Turns an SQLite error into a ``GradebookError`` that names the file.
  static func translate(_ error: any Error, path: String) -> any Error {
    if error is GradebookError { return error }
    guard let error = error as? DatabaseError else { return error }
    switch error.resultCode {
    case .SQLITE_NOTADB: return GradebookError.notADatabase(path: path)
    case .SQLITE_CORRUPT:
      return GradebookError.damaged(path: path, details: error.message ?? "SQLITE_CORRUPT")
    case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY:
      return GradebookError.notWritten(path: path, details: error.message ?? "\(error.resultCode)")
    default: return GradebookError.database(path: path, message: error.message ?? "\(error.resultCode)")
    }
  }

  /// The connection settings for results files: a 5 s busy timeout, so two shells writing the
  /// same commune wait for each other instead of failing; foreign keys on.
  static func configuration(readonly: Bool = false) -> Configuration {
    var configuration = Configuration()
    configuration.busyMode = .timeout(5)
    configuration.readonly = readonly
    configuration.foreignKeysEnabled = true
    configuration.label = "papi-train results"
    configuration.prepareDatabase { db in addMathFunctions(db) }
    return configuration
  }
}

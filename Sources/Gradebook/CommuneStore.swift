import Foundation
internal import GRDB
import VietnameseText

/// The results of one commune: its roster, training classes, attempts and answers, in one SQLite
/// file (`Results/<code>.sqlite`).
///
/// Every method that writes runs in its own `IMMEDIATE` transaction and has committed when it
/// returns: an answer recorded is an answer kept, whatever happens to the process next. The file
/// is in WAL mode with `synchronous = FULL` and a 5 s busy timeout, so several processes (two
/// shells in a training room) can write the same commune at once.
///
/// All text is normalised to NFC before it is written. Timestamps are stored to the millisecond.
///
/// ```swift
/// let results = ResultsDirectory(option: nil, environment: ProcessInfo.processInfo.environment)
/// let store = try results.store(for: UnitCode("03637"))
/// let official = try store.addOfficial(name: "Nguyễn Văn An", position: "chairman")
/// ```
public final class CommuneStore: Sendable {
  /// The commune whose results these are.
  public let communeCode: UnitCode
  /// The database file.
  public let fileURL: URL
  /// Whether the file was opened with ``ResultsDirectory/readOnlyStore(for:)``: then every method
  /// that writes throws ``GradebookError/notWritten(path:details:)``, and the file keeps its
  /// bytes and modification time.
  public let isReadOnly: Bool
  /// A `DatabasePool` (WAL, one writer and concurrent readers) when writable; one connection
  /// that only reads otherwise.
  let database: any DatabaseWriter

  var path: String { fileURL.path }

  /// Opens (creating when missing) the results file of `communeCode` at `fileURL`, migrating it
  /// to the latest schema.
  ///
  /// Throws ``GradebookError/notAResultsDatabase(path:)`` or ``GradebookError/notADatabase(path:)``
  /// for a file papi-train did not write (it is left untouched), ``GradebookError/newerSchema(path:found:supported:)``
  /// for one written by a newer version, and ``GradebookError/communeMismatch(path:found:expected:)``
  /// for another commune's file.
  init(communeCode: UnitCode, fileURL: URL) throws {
    self.communeCode = communeCode
    self.fileURL = fileURL
    self.isReadOnly = false
    let path = fileURL.path
    database = try Self.patiently(path: path) { try Self.openWriter(path: path, communeCode: communeCode) }
  }

  /// How long opening a file waits, in all, for other processes to let go of it.
  static let openingPatience = Duration.seconds(30)

  /// Runs `open` until it does not fail with "database is locked", for at most
  /// ``openingPatience``. SQLite's busy timeout (5 s) covers a lock held by a writer; under heavy
  /// load, a file being created, switched to WAL and migrated by another process can stay locked
  /// for longer, and opening is idempotent, so it is simply tried again.
  private static func patiently<T>(path: String, _ open: () throws -> T) throws -> T {
    let deadline = ContinuousClock.now + openingPatience
    while true {
      do {
        return try open()
      } catch let error as DatabaseError
        where error.resultCode == .SQLITE_BUSY && ContinuousClock.now < deadline
      {
        Thread.sleep(forTimeInterval: 0.05)
      } catch {
        throw Schema.translate(error, path: path)
      }
    }
  }

  /// Opens the file at `path` for writing: looks at it first, switches it to WAL, migrates it and
  /// records its commune.
  private static func openWriter(path: String, communeCode: UnitCode) throws -> DatabasePool {
    // Look before touching: a foreign or newer file must not be switched to WAL or migrated.
    if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > 0 {
      let queue = try DatabaseQueue(path: path, configuration: Schema.configuration())
      let contents = try queue.read { try Schema.inspect($0, path: path) }
      try queue.close()
      if case .results(_, let found?) = contents, found != communeCode {
        throw GradebookError.communeMismatch(path: path, found: found, expected: communeCode)
      }
    }
    let database = try DatabasePool(path: path, configuration: Schema.configuration())
    try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
    try migrate(database, path: path)
    try database.write { db in
      try db.execute(
        sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('commune_code', ?)",
        arguments: [communeCode.rawValue])
      if case .results(_, let found?) = try Schema.inspect(db, path: path), found != communeCode {
        throw GradebookError.communeMismatch(path: path, found: found, expected: communeCode)
      }
    }
    return database
  }

  /// Opens the existing results file of `communeCode` at `fileURL` for reading only: one
  /// connection in the file's own journal mode, no transaction that writes. A file at an older
  /// schema (or one created but still empty) is first migrated, as any opening would, so reports
  /// and exports always read the latest schema.
  ///
  /// The connection is opened for reading and writing when the file allows it, only so that,
  /// being the last to close, it removes the `-wal` and `-shm` files as a writer would (a
  /// read-only connection leaves them behind); the methods that write refuse to run. On a file
  /// or folder without write access it is read-only.
  ///
  /// Throws the errors of ``init(communeCode:fileURL:)``.
  init(readingCommune communeCode: UnitCode, fileURL: URL) throws {
    self.communeCode = communeCode
    self.fileURL = fileURL
    self.isReadOnly = true
    let path = fileURL.path
    // The file is read through memory it is mapped to: an export reads tens of files of a
    // megabyte and more, where each page read was a system call and a copy. A mapped read that
    // fails (a disk error) ends the process; this connection writes nothing, so nothing is lost.
    var configuration = Schema.configuration()
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedSize)") }
    database = try Self.patiently(path: path) {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      let contents = try queue.read { try Schema.inspect($0, path: path) }
      if case .results(let version, let found) = contents, version == Schema.latestVersion {
        if let found, found != communeCode {
          throw GradebookError.communeMismatch(path: path, found: found, expected: communeCode)
        }
        return queue
      }
      try queue.close()
      // Older or still empty: migrate with a writable opening, then read.
      _ = try CommuneStore(communeCode: communeCode, fileURL: fileURL)
      return try DatabaseQueue(path: path, configuration: configuration)
    }
  }

  /// How much of a file read by a read-only store is mapped into memory (SQLite's `mmap_size`).
  static let mappedSize = 1 << 30

  /// Applies missing migrations. Two processes creating the same file at once may both try the
  /// first migration: the loser's transaction fails and rolls back, and it retries once the
  /// winner has committed.
  static func migrate(_ writer: some DatabaseWriter, path: String) throws {
    let migrator = Schema.migrator
    var lastError: (any Error)?
    for _ in 0..<50 {
      do {
        try migrator.migrate(writer)
        return
      } catch {
        lastError = error
        if let done = try? writer.read({ try migrator.hasCompletedMigrations($0) }), done { return }
        Thread.sleep(forTimeInterval: 0.1)
      }
    }
    throw lastError.map { Schema.translate($0, path: path) }
      ?? GradebookError.database(path: path, message: "migration failed")
  }

  // MARK: - Officials

  /// Every official of the commune, by name (diacritics folded) then by when they were added.
  public func officials() throws -> [Official] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM officials ORDER BY name_key, created_at, id").map(
        Self.official)
    }
  }

  /// The official with this id, if any.
  public func official(id: UUID) throws -> Official? {
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
    name: String, position: String, id: UUID = UUID(), createdAt: Date = Date()
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

  // MARK: - Attempts

  /// Starts an attempt and returns it (with no answers yet).
  public func startAttempt(_ new: NewAttempt) throws -> Attempt {
    for (field, value) in [("quizID", new.quizID), ("courseID", new.courseID)] where Self.clean(value).isEmpty
    {
      throw GradebookError.emptyField(field)
    }
    let attempt = Attempt(
      id: new.id, officialID: new.officialID, quizID: new.quizID.nfc, courseID: new.courseID.nfc,
      courseVersion: new.courseVersion.nfc, classID: new.classID, seed: new.seed,
      questionIDs: new.questionIDs.map(\.nfc), startedAt: new.startedAt, endedAt: nil, score: nil,
      maxScore: nil,
      status: .inProgress, answers: [])
    try write { db in
      guard try Self.exists(db, table: "officials", id: new.officialID) else {
        throw GradebookError.unknownOfficial(new.officialID)
      }
      if let classID = new.classID, try !Self.exists(db, table: "classes", id: classID) {
        throw GradebookError.unknownClass(classID)
      }
      try Self.insert(attempt, into: db)
    }
    return attempt
  }

  static func insert(_ attempt: Attempt, into db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO attempts (id, official_id, quiz_id, course_id, course_version, class_id, started_at,
          ended_at, seed, question_ids, score, max_score, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        attempt.id.uuidString, attempt.officialID.uuidString, attempt.quizID, attempt.courseID,
        attempt.courseVersion, attempt.classID?.uuidString, attempt.startedAt, attempt.endedAt,
        String(attempt.seed), try encodeList(attempt.questionIDs), attempt.score, attempt.maxScore,
        attempt.status.rawValue,
      ])
  }

  /// Records one answer, committed before this returns.
  ///
  /// Recording the very same answer again does nothing (a retry after an interruption is safe);
  /// a different answer to a question already answered throws ``GradebookError/conflictingAnswer(question:attempt:)``.
  /// The attempt must be in progress and the question one of its questions.
  public func record(_ answer: Answer) throws {
    let answer = try Self.validated(answer)
    try write { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT status, question_ids FROM attempts WHERE id = ?",
          arguments: [answer.attemptID.uuidString])
      else { throw GradebookError.unknownAttempt(answer.attemptID) }
      let status = AttemptStatus(rawValue: row["status"]) ?? .abandoned
      guard status == .inProgress else { throw GradebookError.attemptNotInProgress(answer.attemptID, status) }
      guard try Self.decodeList(row["question_ids"]).contains(answer.questionID) else {
        throw GradebookError.questionNotInAttempt(question: answer.questionID, attempt: answer.attemptID)
      }
      if let existing = try Self.storedAnswer(db, attempt: answer.attemptID, question: answer.questionID) {
        guard Self.sameContent(existing, answer) else {
          throw GradebookError.conflictingAnswer(question: answer.questionID, attempt: answer.attemptID)
        }
        return
      }
      try Self.insert(answer, into: db)
    }
  }

  static func validated(_ answer: Answer) throws -> Answer {
    var answer = answer
    answer.questionID = answer.questionID.nfc
    answer.response = answer.response.nfc
    guard answer.score.isFinite, answer.score >= 0 else {
      throw GradebookError.invalidNumber(field: "score", value: answer.score)
    }
    guard answer.timeTaken.isFinite, answer.timeTaken >= 0 else {
      throw GradebookError.invalidNumber(field: "timeTaken", value: answer.timeTaken)
    }
    guard answer.position >= 0 else {
      throw GradebookError.invalidNumber(field: "position", value: Double(answer.position))
    }
    return answer
  }

  static func insert(_ answer: Answer, into db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO answers (attempt_id, question_id, position, response, score, correct, time_taken, answered_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        answer.attemptID.uuidString, answer.questionID, answer.position, answer.response, answer.score,
        answer.isCorrect, answer.timeTaken, answer.answeredAt,
      ])
  }

  static func storedAnswer(_ db: Database, attempt: UUID, question: String) throws -> Answer? {
    try Row.fetchOne(
      db, sql: "SELECT * FROM answers WHERE attempt_id = ? AND question_id = ?",
      arguments: [attempt.uuidString, question]
    ).map(answer)
  }

  /// Whether two answers say the same thing (timestamps aside, which lose sub-millisecond digits).
  static func sameContent(_ a: Answer, _ b: Answer) -> Bool {
    a.attemptID == b.attemptID && a.questionID == b.questionID && a.position == b.position
      && a.response == b.response && a.score == b.score && a.isCorrect == b.isCorrect
  }

  /// Marks an in-progress attempt finished with its total, and returns it with its answers.
  @discardableResult
  public func finishAttempt(_ id: UUID, score: Double, maxScore: Double, at date: Date) throws -> Attempt {
    for (field, value) in [("score", score), ("maxScore", maxScore)] where !value.isFinite || value < 0 {
      throw GradebookError.invalidNumber(field: field, value: value)
    }
    return try end(id, status: .finished, score: score, maxScore: maxScore, at: date)
  }

  /// Marks an in-progress attempt abandoned; its answers stay.
  @discardableResult
  public func abandonAttempt(_ id: UUID, at date: Date) throws -> Attempt {
    try end(id, status: .abandoned, score: nil, maxScore: nil, at: date)
  }

  private func end(
    _ id: UUID, status: AttemptStatus, score: Double?, maxScore: Double?, at date: Date
  ) throws -> Attempt {
    defer {
      // Move the log into the database file now, so a copy of the .sqlite file alone (without
      // its -wal) taken after a quiz holds the quiz. Passive: it never waits for other writers.
      _ = try? database.writeWithoutTransaction { try $0.checkpoint(.passive) }
    }
    return try write { db in
      guard
        let current = try String.fetchOne(
          db, sql: "SELECT status FROM attempts WHERE id = ?", arguments: [id.uuidString])
      else { throw GradebookError.unknownAttempt(id) }
      let currentStatus = AttemptStatus(rawValue: current) ?? .abandoned
      guard currentStatus == .inProgress else { throw GradebookError.attemptNotInProgress(id, currentStatus) }
      try db.execute(
        sql: "UPDATE attempts SET status = ?, ended_at = ?, score = ?, max_score = ? WHERE id = ?",
        arguments: [status.rawValue, date, score, maxScore, id.uuidString])
      guard let attempt = try Self.attempts(db, where: "a.id = ?", [id.uuidString]).first else {
        throw GradebookError.unknownAttempt(id)
      }
      return attempt
    }
  }

  /// The attempt with this id, with its answers.
  public func attempt(id: UUID) throws -> Attempt? {
    try read { db in try Self.attempts(db, where: "a.id = ?", [id.uuidString]).first }
  }

  /// The official's most recent in-progress attempt at `quizID`, with the answers recorded so far:
  /// what a shell resumes after a crash or a "later".
  public func unfinishedAttempt(officialID: UUID, quizID: String) throws -> Attempt? {
    try read { db in
      try Self.attempts(
        db, where: "a.official_id = ? AND a.quiz_id = ? AND a.status = 'in-progress'",
        [officialID.uuidString, quizID.nfc]
      ).last
    }
  }

  /// Every attempt of the official, oldest first, with answers.
  public func attempts(officialID: UUID) throws -> [Attempt] {
    try read { db in try Self.attempts(db, where: "a.official_id = ?", [officialID.uuidString]) }
  }

  /// Every attempt in the commune, oldest first, with answers: the raw material of reports.
  public func allAttempts() throws -> [Attempt] {
    try read { db in try Self.attempts(db, where: "1", []) }
  }

  static func attempts(_ db: Database, where condition: String, _ arguments: [String]) throws -> [Attempt] {
    let statementArguments = StatementArguments(arguments)
    let answerRows = try Row.fetchAll(
      db,
      sql: """
        SELECT answers.* FROM answers JOIN attempts a ON a.id = answers.attempt_id
        WHERE \(condition) ORDER BY answers.attempt_id, answers.position, answers.question_id
        """, arguments: statementArguments)
    var answersByAttempt: [UUID: [Answer]] = [:]
    for row in answerRows {
      let answer = try answer(row)
      answersByAttempt[answer.attemptID, default: []].append(answer)
    }
    return try Row.fetchAll(
      db, sql: "SELECT a.* FROM attempts a WHERE \(condition) ORDER BY a.started_at, a.id",
      arguments: statementArguments
    ).map { row in
      var attempt = try attempt(row)
      attempt.answers = answersByAttempt[attempt.id] ?? []
      return attempt
    }
  }

  // MARK: - Classes

  /// Every training class stored in this commune's file, by date.
  public func classes() throws -> [TrainingClass] {
    try read { db in try Self.classes(db, where: "1", []) }
  }

  /// The class with this id, if stored here.
  public func trainingClass(id: UUID) throws -> TrainingClass? {
    try read { db in try Self.classes(db, where: "id = ?", [id.uuidString]).first }
  }

  /// Adds a class, or updates it when a class with its id is already stored. Its communes must
  /// include this one (use ``ResultsDirectory/saveClass(_:)`` to store it in every commune's file).
  @discardableResult
  public func saveClass(_ trainingClass: TrainingClass) throws -> TrainingClass {
    let saved = try Self.validated(trainingClass)
    guard saved.communeCodes.contains(communeCode) else {
      throw GradebookError.classNotForCommune(saved.id, communeCode)
    }
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO classes (id, trainer, date, place) VALUES (?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET trainer = excluded.trainer, date = excluded.date, place = excluded.place
          """, arguments: [saved.id.uuidString, saved.trainer, saved.date, saved.place])
      try db.execute(sql: "DELETE FROM class_communes WHERE class_id = ?", arguments: [saved.id.uuidString])
      for code in saved.communeCodes {
        try db.execute(
          sql: "INSERT INTO class_communes (class_id, commune_code) VALUES (?, ?)",
          arguments: [saved.id.uuidString, code.rawValue])
      }
    }
    return saved
  }

  /// Deletes a class; attempts taken in it keep their answers and lose only the link. Returns
  /// whether there was such a class.
  @discardableResult
  public func deleteClass(id: UUID) throws -> Bool {
    try write { db in
      try db.execute(sql: "DELETE FROM classes WHERE id = ?", arguments: [id.uuidString])
      return db.changesCount > 0
    }
  }

  static func validated(_ trainingClass: TrainingClass) throws -> TrainingClass {
    var saved = trainingClass
    saved.trainer = clean(saved.trainer)
    saved.place = clean(saved.place)
    saved.date = clean(saved.date)
    guard !saved.trainer.isEmpty else { throw GradebookError.emptyField("trainer") }
    guard !saved.place.isEmpty else { throw GradebookError.emptyField("place") }
    guard isCalendarDate(saved.date) else { throw GradebookError.invalidDate(saved.date) }
    saved.communeCodes = Array(Set(saved.communeCodes)).sorted()
    return saved
  }

  static func isCalendarDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } })
    else { return false }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let components = DateComponents(year: year, month: month, day: day)
    guard let date = calendar.date(from: components) else { return false }
    let back = calendar.dateComponents([.year, .month, .day], from: date)
    return back.year == year && back.month == month && back.day == day
  }

  static func classes(_ db: Database, where condition: String, _ arguments: [String]) throws
    -> [TrainingClass]
  {
    let rows = try Row.fetchAll(
      db, sql: "SELECT * FROM classes WHERE \(condition) ORDER BY date, id",
      arguments: StatementArguments(arguments))
    return try rows.map { row in
      let id: String = row["id"]
      let codes = try String.fetchAll(
        db, sql: "SELECT commune_code FROM class_communes WHERE class_id = ? ORDER BY commune_code",
        arguments: [id])
      return TrainingClass(
        id: try uuid(id), trainer: row["trainer"], date: row["date"], place: row["place"],
        communeCodes: try codes.map(UnitCode.init).sorted())
    }
  }

  // MARK: - Checks

  /// `PRAGMA integrity_check`: an empty list when the file is sound, else SQLite's findings.
  public func integrityCheck() throws -> [String] {
    try read { db in
      let findings = try String.fetchAll(db, sql: "PRAGMA integrity_check")
      return findings == ["ok"] ? [] : findings
    }
  }

  /// The schema version of the file (``latestSchemaVersion`` once opened).
  public func schemaVersion() throws -> Int {
    try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
  }

  /// The newest schema version this build writes.
  public static var latestSchemaVersion: Int { Schema.latestVersion }

  // MARK: - Rows

  static func official(_ row: Row) throws -> Official {
    Official(
      id: try uuid(row["id"]), name: row["name"], position: row["position"],
      communeCode: try UnitCode(row["commune_code"]), createdAt: row["created_at"])
  }

  static func attempt(_ row: Row) throws -> Attempt {
    let seedText: String = row["seed"]
    guard let seed = UInt64(seedText) else {
      throw GradebookError.database(path: "", message: "attempt seed '\(seedText)' is not a number")
    }
    let classID: String? = row["class_id"]
    return Attempt(
      id: try uuid(row["id"]), officialID: try uuid(row["official_id"]), quizID: row["quiz_id"],
      courseID: row["course_id"], courseVersion: row["course_version"], classID: try classID.map(uuid),
      seed: seed, questionIDs: try decodeList(row["question_ids"]), startedAt: row["started_at"],
      endedAt: row["ended_at"], score: row["score"], maxScore: row["max_score"],
      status: AttemptStatus(rawValue: row["status"]) ?? .abandoned, answers: [])
  }

  static func answer(_ row: Row) throws -> Answer {
    Answer(
      attemptID: try uuid(row["attempt_id"]), questionID: row["question_id"], position: row["position"],
      response: row["response"], score: row["score"], isCorrect: row["correct"], timeTaken: row["time_taken"],
      answeredAt: row["answered_at"])
  }

  static func uuid(_ text: String) throws -> UUID {
    guard let id = UUID(uuidString: text) else {
      throw GradebookError.database(path: "", message: "'\(text)' is not a UUID")
    }
    return id
  }

  static func encodeList(_ list: [String]) throws -> String {
    String(decoding: try JSONEncoder().encode(list), as: UTF8.self)
  }

  /// The list `encodeList` wrote. A list of plain ids (`["gd.q1","gd.q2"]`: no escapes, no
  /// spaces) is split directly, since an export decodes thousands of them; anything else goes
  /// through `JSONDecoder`.
  static func decodeList(_ text: String) throws -> [String] {
    if let plain = plainList(text) { return plain }
    return try JSONDecoder().decode([String].self, from: Data(text.utf8))
  }

  private static func plainList(_ text: String) -> [String]? {
    var text = text
    return text.withUTF8 { bytes -> [String]? in
      let quote = UInt8(ascii: "\"")
      let comma = UInt8(ascii: ",")
      guard bytes.count >= 2, bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else {
        return nil
      }
      if bytes.count == 2 { return [] }
      // Items are `"..."` joined by `,`: a backslash, a space or a quote inside means something else.
      var items: [String] = []
      var index = 1
      let end = bytes.count - 1
      while index < end {
        guard bytes[index] == quote else { return nil }
        var close = index + 1
        while close < end, bytes[close] != quote {
          if bytes[close] == UInt8(ascii: "\\") { return nil }
          close += 1
        }
        guard close < end else { return nil }
        items.append(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close]), as: UTF8.self))
        index = close + 1
        if index == end { return items }
        guard bytes[index] == comma else { return nil }
        index += 1
      }
      return nil
    }
  }

  static func exists(_ db: Database, table: String, id: UUID) throws -> Bool {
    try Bool.fetchOne(
      db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", arguments: [id.uuidString])
      ?? false
  }

  /// NFC, trimmed, inner white space collapsed.
  static func clean(_ text: String) -> String {
    text.nfc.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  // MARK: - Access

  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do { return try database.read(body) } catch { throw Schema.translate(error, path: path) }
  }

  func write<T>(_ body: (Database) throws -> T) throws -> T {
    let writer = try writableDatabase()
    do { return try writer.write(body) } catch { throw Schema.translate(error, path: path) }
  }

  /// The connection that writes; throws when the file was opened for reading only.
  func writableDatabase() throws -> any DatabaseWriter {
    guard !isReadOnly else { throw GradebookError.notWritten(path: path, details: "opened for reading only") }
    return database
  }
}

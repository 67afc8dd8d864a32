import Foundation
internal import GRDB
import Synchronization

/// Which stored answers a report reads: all of them, or those of one class, one official, some
/// quizzes, or a period. Conditions combine with "and".
public struct AnswerSelection: Sendable, Hashable {
  /// Only answers in attempts taken in this training class.
  public var classID: UUID?
  /// Only this official's answers.
  public var officialID: UUID?
  /// Only answers to these quizzes (empty: every quiz).
  public var quizIDs: Set<String>
  /// Only answers given at or after this moment.
  public var from: Date?
  /// Only answers given before this moment.
  public var until: Date?

  public init(
    classID: UUID? = nil, officialID: UUID? = nil, quizIDs: Set<String> = [], from: Date? = nil,
    until: Date? = nil
  ) {
    self.classID = classID
    self.officialID = officialID
    self.quizIDs = quizIDs
    self.from = from
    self.until = until
  }

  /// Every answer.
  public static let all = AnswerSelection()

  /// The SQL condition over `answers` aliased `an` and `attempts` aliased `at`, with its arguments.
  var condition: (sql: String, arguments: StatementArguments) {
    var clauses = ["1"]
    var arguments = StatementArguments()
    if let classID {
      clauses.append("at.class_id = ?")
      arguments += [classID.uuidString]
    }
    if let officialID {
      clauses.append("at.official_id = ?")
      arguments += [officialID.uuidString]
    }
    if !quizIDs.isEmpty {
      clauses.append("at.quiz_id IN (\(Array(repeating: "?", count: quizIDs.count).joined(separator: ", ")))")
      arguments += StatementArguments(quizIDs.sorted())
    }
    // Timestamps are stored as "YYYY-MM-DD HH:MM:SS.SSS" in UTC, GRDB's format for dates, so
    // text comparison is time comparison.
    if let from {
      clauses.append("an.answered_at >= ?")
      arguments += [from]
    }
    if let until {
      clauses.append("an.answered_at < ?")
      arguments += [until]
    }
    return (clauses.joined(separator: " AND "), arguments)
  }
}

/// One stored answer with what reports group it by: who gave it, in which attempt, quiz and class.
public struct AnswerRow: Sendable, Hashable {
  public var officialID: UUID
  /// The official's position id.
  public var position: String
  public var attemptID: UUID
  public var quizID: String
  public var courseID: String
  public var classID: UUID?
  /// Whether the attempt was finished (item statistics use finished attempts only).
  public var isAttemptFinished: Bool
  public var questionID: String
  /// The mark, 0 to 1.
  public var score: Double
  public var isCorrect: Bool
  public var answeredAt: Date
}

extension CommuneStore {
  /// The answers chosen by `selection`, in the order they were given. For one commune, class or
  /// official; reports over many communes use ``WeightedAnswerScan``, which never holds answers.
  public func answerRows(_ selection: AnswerSelection = .all) throws -> [AnswerRow] {
    let condition = selection.condition
    return try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT at.official_id, o.position, an.attempt_id, at.quiz_id, at.course_id, at.class_id, at.status,
                 an.question_id, an.score, an.correct, an.answered_at
          FROM answers an JOIN attempts at ON at.id = an.attempt_id JOIN officials o ON o.id = at.official_id
          WHERE \(condition.sql)
          ORDER BY an.answered_at, an.attempt_id, an.position
          """, arguments: condition.arguments
      ).map { row in
        let classID: String? = row["class_id"]
        return AnswerRow(
          officialID: try Self.uuid(row["official_id"]), position: row["position"],
          attemptID: try Self.uuid(row["attempt_id"]), quizID: row["quiz_id"], courseID: row["course_id"],
          classID: try classID.map(Self.uuid), isAttemptFinished: row["status"] == "finished",
          questionID: row["question_id"], score: row["score"],
          isCorrect: row["correct"], answeredAt: row["answered_at"])
      }
    }
  }
}

/// Recency-weighted sums of answers over many results files, computed inside SQLite so that no
/// answer is ever held in memory: a province's millions of answers become a few sums per
/// official (or class, or month) and key.
///
/// A *key* is whatever reports group questions by (a PAPI code, a knowledge area); a question may
/// have several. An answer given `d` days before the reference date weighs 0.5^(d / half-life),
/// and 1 when given after it. Files are read on `workers` threads, each with its own connection
/// that attaches one file at a time, read-only in effect: nothing is written to a results file,
/// except that a file of an older schema version is migrated first, as opening it anywhere would.
public struct WeightedAnswerScan: Sendable {
  /// What the sums are grouped by, besides the key.
  public enum Grouping: String, Sendable, Hashable {
    /// The official's id.
    case official
    /// The training class's id (empty for answers given outside a class).
    case trainingClass
    /// The month the answer was given in, `2026-05`.
    case month
  }

  /// The sums of one group's answers on one key.
  public struct Sums: Sendable, Hashable {
    public var group: String
    public var key: String
    public var answers: Int
    /// Distinct officials who gave them.
    public var officials: Int
    public var sumWeights: Double
    public var sumSquaredWeights: Double
    public var sumWeightedScores: Double
  }

  /// What one commune's file holds for the selection.
  public struct CommuneSums: Sendable, Hashable {
    public var communeCode: UnitCode
    /// Officials on the commune's roster.
    public var rosterSize: Int
    public var sums: [Sums]
  }

  public var keysByQuestion: [String: [String]]
  public var halfLifeDays: Double
  public var reference: Date
  public var selection: AnswerSelection
  public var grouping: Grouping

  public init(
    keysByQuestion: [String: [String]], halfLifeDays: Double, reference: Date,
    selection: AnswerSelection = .all,
    grouping: Grouping = .official
  ) {
    self.keysByQuestion = keysByQuestion
    self.halfLifeDays = halfLifeDays
    self.reference = reference
    self.selection = selection
    self.grouping = grouping
  }

  /// Reads every commune of `directory` and turns each commune's sums into a `T` at once (on the
  /// worker thread), so only the `T`s are kept. The results come in commune-code order; a file
  /// that cannot be read gives its error in its place, and the other files are still read.
  public func map<T: Sendable>(
    _ directory: ResultsDirectory, communes: [UnitCode]? = nil,
    workers: Int = ProcessInfo.processInfo
      .activeProcessorCount,
    _ transform: @escaping @Sendable (CommuneSums) throws -> T
  ) throws -> [(commune: UnitCode, result: Result<T, any Error>)] {
    let codes = try communes ?? directory.communeCodes()
    let results = Mutex([Result<T, any Error>?](repeating: nil, count: codes.count))
    let next = Atomic(0)
    let scan = self
    let workerCount = max(1, min(workers, codes.count))
    DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
      var connection: Result<DatabaseQueue, any Error> = Result { try scan.openWorkspace() }
      while true {
        let index = next.add(1, ordering: .relaxed).oldValue
        guard index < codes.count else { break }
        let code = codes[index]
        let result = Result<T, any Error> {
          let workspace = try connection.get()
          let sums = try scan.sums(
            of: code, at: directory.fileURL(for: code), in: workspace, directory: directory)
          return try transform(sums)
        }
        if case .failure = connection { connection = Result { try scan.openWorkspace() } }
        results.withLock { $0[index] = result }
      }
      if case .success(let queue) = connection { try? queue.close() }
    }
    let collected = results.withLock { $0 }
    return zip(codes, collected).map { ($0, $1!) }
  }

  /// An in-memory database holding the question → key table, to which files are attached.
  func openWorkspace() throws -> DatabaseQueue {
    var configuration = Schema.configuration()
    configuration.label = "papi-train answer scan"
    let queue = try DatabaseQueue(configuration: configuration)
    try queue.writeWithoutTransaction { db in
      // SQLite's math functions are optional at compile time (Debian's library has them).
      if (try? Double.fetchOne(db, sql: "SELECT exp(0)")) == nil {
        db.add(
          function: DatabaseFunction("exp", argumentCount: 1, pure: true) { values in
            Double.fromDatabaseValue(values[0]).map { Foundation.exp($0) }
          })
      }
      try db.execute(sql: "CREATE TABLE answer_keys (question_id TEXT NOT NULL, key TEXT NOT NULL)")
      let insert = try db.makeStatement(sql: "INSERT INTO answer_keys VALUES (?, ?)")
      try db.inTransaction {
        for (question, keys) in keysByQuestion {
          for key in Set(keys) { try insert.execute(arguments: [question, key]) }
        }
        return .commit
      }
      try db.execute(sql: "CREATE INDEX answer_keys_by_question ON answer_keys(question_id)")
    }
    return queue
  }

  func sums(
    of code: UnitCode, at url: URL, in workspace: DatabaseQueue, directory: ResultsDirectory
  ) throws -> CommuneSums {
    let path = url.path
    guard FileManager.default.fileExists(atPath: path) else {
      throw GradebookError.fileSystem(path: path, message: "no such file")
    }
    do {
      return try workspace.writeWithoutTransaction { db in
        try db.execute(sql: "ATTACH DATABASE ? AS c", arguments: [path])
        defer { try? db.execute(sql: "DETACH DATABASE c") }
        switch try Self.inspectAttached(db, path: path) {
        case .current:
          break
        case .older:
          // Migrate as any opening would, then read the migrated file.
          try db.execute(sql: "DETACH DATABASE c")
          _ = try directory.store(for: code)
          try db.execute(sql: "ATTACH DATABASE ? AS c", arguments: [path])
        }
        return try read(db, code: code)
      }
    } catch {
      throw Schema.translate(error, path: path)
    }
  }

  private enum AttachedVersion { case current, older }

  private static func inspectAttached(_ db: Database, path: String) throws -> AttachedVersion {
    let tables = try Set(String.fetchAll(db, sql: "SELECT name FROM c.sqlite_master WHERE type = 'table'"))
    guard tables.contains("meta"),
      try String.fetchOne(db, sql: "SELECT value FROM c.meta WHERE key = 'format'") == Schema.format
    else { throw GradebookError.notAResultsDatabase(path: path) }
    let version = try Int.fetchOne(db, sql: "PRAGMA c.user_version") ?? 0
    if version > Schema.latestVersion {
      throw GradebookError.newerSchema(path: path, found: version, supported: Schema.latestVersion)
    }
    return version < Schema.latestVersion ? .older : .current
  }

  private func read(_ db: Database, code: UnitCode) throws -> CommuneSums {
    let stated = try String.fetchOne(db, sql: "SELECT value FROM c.meta WHERE key = 'commune_code'")
    if let stated, stated != code.rawValue {
      throw GradebookError.communeMismatch(path: "", found: try UnitCode(stated), expected: code)
    }
    let roster = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM c.officials") ?? 0
    let group: String
    switch grouping {
    case .official: group = "at.official_id"
    case .trainingClass: group = "coalesce(at.class_id, '')"
    case .month: group = "substr(an.answered_at, 1, 7)"
    }
    let condition = selection.condition
    // ln 2 / half-life: the weight exp(k (t - reference)) is 0.5^(age / half-life).
    let rate = log(2) / halfLifeDays
    let referenceDay = reference.timeIntervalSince1970 / 86_400 + 2_440_587.5
    var arguments: StatementArguments = [rate, referenceDay]
    arguments += condition.arguments
    let rows = try Row.fetchCursor(
      db,
      sql: """
        WITH weighted AS MATERIALIZED (
          SELECT \(group) AS grp, at.official_id AS official, an.question_id AS question, an.score AS score,
                 min(1.0, exp(? * (julianday(an.answered_at) - ?))) AS w
          FROM c.answers an JOIN c.attempts at ON at.id = an.attempt_id
          WHERE \(condition.sql)
        )
        SELECT grp, k.key, COUNT(*), COUNT(DISTINCT official), SUM(w), SUM(w * w), SUM(w * max(0.0, min(1.0, score)))
        FROM weighted JOIN main.answer_keys k ON k.question_id = weighted.question
        GROUP BY grp, k.key
        """, arguments: arguments)
    var sums: [Sums] = []
    while let row = try rows.next() {
      sums.append(
        Sums(
          group: row[0], key: row[1], answers: row[2], officials: row[3], sumWeights: row[4],
          sumSquaredWeights: row[5], sumWeightedScores: row[6]))
    }
    return CommuneSums(communeCode: code, rosterSize: roster, sums: sums)
  }
}

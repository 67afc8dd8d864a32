import Curriculum
import Foundation
internal import GRDB
import Synchronization
import Units

/// Recency-weighted sums of answers over many results files, computed inside SQLite so that no
/// answer is ever held in memory: a province's millions of answers become a few sums per key
/// (and per official, class or month when asked).
///
/// A *key* is whatever reports group questions by (a PAPI code, a knowledge area); a question may
/// have several. An answer given on day `t` weighs 0.5^((reference − t) / half-life) seen from a
/// reference day. That weight factors as exp(−k·reference) · exp(k·t) with k = ln 2 / half-life,
/// so the scan sums e = exp(k·(t − epoch)) and its square, which do not depend on the reference:
/// ``Sums/weighted(at:halfLifeDays:)`` applies the reference afterwards. The sums of a file can
/// therefore be kept in a ``ScanCache`` and reused until the file changes.
///
/// Files are read on `workers` threads, each with its own in-memory connection that attaches one
/// file at a time: a private copy of it that passed the checks of a file from outside
/// (``UntrustedResultsFile``), migrated there when it has an older schema. Nothing is written to
/// a results file.
public struct WeightedAnswerScan: Sendable {
  /// What the sums are grouped by, besides the key.
  public enum Grouping: String, Sendable, Hashable {
    /// One group per commune: the sums of the whole file.
    case commune
    /// The official's id.
    case official
    /// The training class's id (empty for answers given outside a class).
    case trainingClass
    /// The month the answer was given in, `2026-05`.
    case month
  }

  /// Day 0 of the factored weights, 2020-01-01, as a Julian day number.
  public static let epochJulianDay = 2_458_849.5

  /// The sums of one group's answers on one key.
  public struct Sums: Sendable, Hashable {
    public var group: String
    public var key: String
    public var answers: Int
    /// Distinct officials who gave them.
    public var officials: Int
    /// Σ e, Σ e² and Σ e·mark over the answers, e = exp(k·(day − epoch)).
    public var sumE: Double
    public var sumSquaredE: Double
    public var sumMarkedE: Double

    public init(
      group: String, key: String, answers: Int, officials: Int, sumE: Double, sumSquaredE: Double,
      sumMarkedE: Double
    ) {
      self.group = group
      self.key = key
      self.answers = answers
      self.officials = officials
      self.sumE = sumE
      self.sumSquaredE = sumSquaredE
      self.sumMarkedE = sumMarkedE
    }

    /// The sums of the weights, squared weights and weighted marks seen from `reference`.
    public func weighted(
      at reference: Date, halfLifeDays: Double
    ) -> (sumWeights: Double, sumSquaredWeights: Double, sumWeightedScores: Double) {
      let rate = log(2) / halfLifeDays
      let factor = exp(-rate * (Self.julianDay(reference) - WeightedAnswerScan.epochJulianDay))
      return (sumE * factor, sumSquaredE * factor * factor, sumMarkedE * factor)
    }

    static func julianDay(_ date: Date) -> Double { date.timeIntervalSince1970 / 86_400 + 2_440_587.5 }
  }

  /// What one commune's file holds for the selection.
  public struct CommuneSums: Sendable, Hashable {
    public var communeCode: CommuneCode
    /// Officials on the commune's roster.
    public var rosterSize: Int
    public var sums: [Sums]
    /// What the whole file holds, whatever the selection: when its latest answer was given, and
    /// how many officials of the roster finished an attempt.
    public var facts: FileFacts = FileFacts()

    public init(communeCode: CommuneCode, rosterSize: Int, sums: [Sums], facts: FileFacts = FileFacts()) {
      self.communeCode = communeCode
      self.rosterSize = rosterSize
      self.sums = sums
      self.facts = facts
    }
  }

  /// What a results file holds as a whole, for the leader's reporting rate.
  public struct FileFacts: Sendable, Hashable {
    /// The moment of the latest answer in the file (nil: no answer).
    public var lastAnswer: Date?
    /// The moment of the earliest answer in the file (nil: no answer).
    public var firstAnswer: Date?
    /// Officials with at least one finished attempt.
    public var trainedOfficials: Int

    public init(lastAnswer: Date? = nil, firstAnswer: Date? = nil, trainedOfficials: Int = 0) {
      self.lastAnswer = lastAnswer
      self.firstAnswer = firstAnswer
      self.trainedOfficials = trainedOfficials
    }
  }

  public var keysByQuestion: [QuestionID: [String]]
  public var halfLifeDays: Double
  public var selection: AnswerSelection
  public var grouping: Grouping
  /// Whether a file's `answer_sums` (kept up to date as answers are stored) may stand in for
  /// reading its answers, where they give the same sums: per commune, for every answer (or every
  /// answer before a moment later than the file's last), at the half-life they are kept for.
  /// False reads every answer, as a check or to time the scan.
  public var usesStoredSums: Bool
  /// What a results file may hold; every file read is checked as a file from outside.
  public var limits = UntrustedResultsFile.Limits()

  public init(
    keysByQuestion: [QuestionID: [String]], halfLifeDays: Double, selection: AnswerSelection = .all,
    grouping: Grouping = .commune, usesStoredSums: Bool = true
  ) {
    self.keysByQuestion = keysByQuestion
    self.halfLifeDays = halfLifeDays
    self.selection = selection
    self.grouping = grouping
    self.usesStoredSums = usesStoredSums
  }

  /// Reads every commune of `directory` (or `communes`) and turns each commune's sums into a `T`
  /// at once, on the worker thread, so only the `T`s are kept. The results come in commune-code
  /// order; a file that cannot be read gives its error in its place, and the other files are
  /// still read. With a `cache`, a file unchanged since it was last scanned is not read again.
  public func map<T: Sendable>(
    _ directory: ResultsDirectory, communes: [CommuneCode]? = nil,
    workers: Int = ProcessInfo.processInfo.activeProcessorCount, cache: ScanCache? = nil,
    _ transform: @escaping @Sendable (CommuneSums) throws -> T
  ) throws -> [(commune: CommuneCode, result: Result<T, any Error>)] {
    let codes = try communes ?? directory.communeCodes()
    let fingerprint = self.fingerprint
    let cached = cache?.entries(fingerprint: fingerprint) ?? [:]
    let results = Mutex([Result<T, any Error>?](repeating: nil, count: codes.count))
    let fresh = Mutex([ScanCache.Entry]())
    let next = Atomic(0)
    let scan = self
    DispatchQueue.concurrentPerform(iterations: max(1, min(workers, codes.count))) { _ in
      var workspace: Result<DatabaseQueue, any Error>?
      while true {
        let index = next.add(1, ordering: .relaxed).oldValue
        guard index < codes.count else { break }
        let code = codes[index]
        let url = directory.fileURL(for: code)
        let result = Result<T, any Error> {
          let signature = ScanCache.signature(of: url)
          if let signature, let entry = cached[url.path], entry.signature == signature {
            return try transform(
              CommuneSums(
                communeCode: code, rosterSize: entry.rosterSize, sums: entry.sums, facts: entry.facts))
          }
          if workspace == nil { workspace = Result { try scan.openWorkspace() } }
          let sums = try scan.sums(
            of: code, at: url, in: try workspace!.get(), remembering: directory.checkedFiles)
          if let signature {
            let entry = ScanCache.Entry(
              path: url.path, signature: signature, rosterSize: sums.rosterSize, sums: sums.sums,
              facts: sums.facts)
            fresh.withLock { $0.append(entry) }
          }
          return try transform(sums)
        }
        if case .failure = workspace { workspace = nil }
        results.withLock { $0[index] = result }
      }
      if case .success(let queue) = workspace { try? queue.close() }
    }
    cache?.store(fresh.withLock { $0 }, fingerprint: fingerprint)
    let collected = results.withLock { $0 }
    return zip(codes, collected).map { ($0, $1!) }
  }

  /// What the cached sums depend on besides the file: the keys, the half-life, the selection and
  /// the grouping.
  var fingerprint: String {
    var text = "v1|\(halfLifeDays)|\(grouping.rawValue)|\(Self.epochJulianDay)|"
    text += "\(selection.classID?.uuidString ?? "")|\(selection.officialID?.uuidString ?? "")|"
    text += "\(selection.quizIDs.sorted())|\(selection.from?.timeIntervalSince1970 ?? -1)|"
    text += "\(selection.until?.timeIntervalSince1970 ?? -1)|\(selection.courseVersion ?? "")|"
    for question in keysByQuestion.keys.sorted() {
      text += question.rawValue + "=" + keysByQuestion[question]!.sorted().joined(separator: ",") + ";"
    }
    return ScanCache.hash(text)
  }

  /// The oldest schema version whose files the scan reads as it reads them migrated to the latest:
  /// the reviews' version, which took review answers out of `answer_sums`; the later migrations
  /// add tables the scan does not read (v6 `class_reviews`). Raise it with a migration that changes
  /// what the scan reads.
  static let readableFrom = Schema.reviewsVersion

  /// An in-memory database to which files are attached one at a time.
  func openWorkspace() throws -> DatabaseQueue {
    var configuration = Schema.configuration()
    configuration.label = "papi-train answer scan"
    // `Schema.configuration` adds `exp` where SQLite was built without its math functions.
    return try DatabaseQueue(configuration: configuration)
  }

  /// The sums of the file at `url`, read from a private copy that passed every check of a file
  /// from outside (``UntrustedResultsFile``): a results folder a leader was sent is read as
  /// merge reads it, and a file that fails a check is refused by name, its error in its place.
  /// A copy of an older schema is migrated (the original is never written). A file
  /// `checkedFiles` holds as checked and unchanged since is read as it is.
  func sums(
    of code: CommuneCode, at url: URL, in workspace: DatabaseQueue, remembering checkedFiles: CheckedFiles?
  ) throws -> CommuneSums {
    let path = url.path
    return try UntrustedResultsFile.withCheckedFile(
      path, limits: limits, remembering: checkedFiles, readableFrom: Self.readableFrom
    ) { source in
      do {
        return try workspace.writeWithoutTransaction { db in
          try db.execute(sql: "ATTACH DATABASE ? AS c", arguments: [source])
          defer { try? db.execute(sql: "DETACH DATABASE c") }
          return try read(db, code: code)
        }
      } catch GradebookError.communeMismatch(_, let found, let expected) {
        throw GradebookError.communeMismatch(path: path, found: found, expected: expected)
      } catch {
        throw Schema.translate(error, path: path)
      }
    }
  }

  private func read(_ db: Database, code: CommuneCode) throws -> CommuneSums {
    let stated = try String.fetchOne(db, sql: "SELECT value FROM c.meta WHERE key = 'commune_code'")
    if let stated, stated != code.rawValue {
      throw GradebookError.communeMismatch(path: "", found: try CommuneCode(stated), expected: code)
    }
    let roster = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM c.officials") ?? 0
    let rows: RowCursor
    if try canUseStoredSums(db) {
      rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT '', question_id, bucket, answers, sum_e, sum_e2, sum_marked_e, officials FROM c.answer_sums
          """)
    } else {
      rows = try scanAnswers(db)
    }
    struct Slot: Hashable {
      var group: String
      var key: String
    }
    var totals: [Slot: Sums] = [:]
    var masks: [Slot: [Int: Int64]] = [:]
    while let row = try rows.next() {
      let question = QuestionID(row[1] as String)
      guard let keys = keysByQuestion[question] else { continue }
      let group: String = row[0]
      let bucket: Int = row[2]
      let answers: Int = row[3]
      let sumE: Double = row[4]
      let sumSquaredE: Double = row[5]
      let sumMarkedE: Double = row[6]
      let mask: Int64 = row[7]
      for key in Set(keys) {
        let slot = Slot(group: group, key: key)
        var total =
          totals[slot]
          ?? Sums(group: group, key: key, answers: 0, officials: 0, sumE: 0, sumSquaredE: 0, sumMarkedE: 0)
        total.answers += answers
        total.sumE += sumE
        total.sumSquaredE += sumSquaredE
        total.sumMarkedE += sumMarkedE
        totals[slot] = total
        masks[slot, default: [:]][bucket, default: 0] |= mask
      }
    }
    let sums = totals.map { slot, total in
      var total = total
      total.officials = masks[slot]?.values.reduce(0) { $0 + $1.nonzeroBitCount } ?? 0
      return total
    }.sorted { ($0.group, $0.key) < ($1.group, $1.key) }
    return CommuneSums(communeCode: code, rosterSize: roster, sums: sums, facts: try Self.facts(db))
  }

  /// The latest answer (from the sums the file keeps, a small table), the earliest, and the
  /// officials with a finished attempt.
  private static func facts(_ db: Database) throws -> FileFacts {
    // Stored as GRDB stores dates (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), which sort as text.
    let last = try Date.fetchOne(db, sql: "SELECT max(last_answered_at) FROM c.answer_sums")
    let trained =
      try Int.fetchOne(
        db,
        sql:
          "SELECT COUNT(DISTINCT official_id) FROM c.attempts at WHERE status = 'finished' AND \(Schema.isQuizAttempt())"
      ) ?? 0
    // The earliest answer: one pass over the answers' dates (no index keeps them in order).
    let first = try Date.fetchOne(db, sql: "SELECT min(answered_at) FROM c.answers")
    return FileFacts(lastAnswer: last, firstAnswer: first, trainedOfficials: trained)
  }

  /// Whether the attached file's `answer_sums` hold exactly the sums ``scanAnswers(_:)`` would
  /// compute.
  private func canUseStoredSums(_ db: Database) throws -> Bool {
    guard usesStoredSums, grouping == .commune, selection.classID == nil, selection.officialID == nil,
      selection.quizIDs.isEmpty, selection.from == nil, selection.courseVersion == nil,
      let kept = try String.fetchOne(
        db, sql: "SELECT value FROM c.meta WHERE key = 'answer_sums_half_life_days'"),
      Double(kept) == halfLifeDays
    else { return false }
    // A file older than the reviews' version may sum the answers of review "attempts", which are not quiz
    // attempts: its sums stand in only when it has none.
    let legacyReviews = try Bool.fetchOne(
      db,
      sql: """
        SELECT (SELECT CAST(value AS INTEGER) FROM c.meta WHERE key = 'schema_version') < \(Schema.reviewsVersion)
          AND EXISTS (SELECT 1 FROM c.attempts at WHERE NOT (\(Schema.isQuizAttempt())))
        """)
    guard legacyReviews != true else { return false }
    guard let until = selection.until else { return true }
    // Answers after `until` are left out: the stored sums do when the file has none.
    return try Bool.fetchOne(
      db, sql: "SELECT COALESCE(max(last_answered_at) < ?, 1) FROM c.answer_sums", arguments: [until])
      ?? false
  }

  /// One row per group, question and bucket of officials, computed from every selected answer.
  private func scanAnswers(_ db: Database) throws -> RowCursor {
    let group: String
    switch grouping {
    case .commune: group = "''"
    case .official: group = "at.official_id"
    case .trainingClass: group = "coalesce(at.class_id, '')"
    case .month: group = "substr(an.answered_at, 1, 7)"
    }
    let condition = selection.condition
    var arguments: StatementArguments = [log(2) / halfLifeDays, Self.epochJulianDay]
    arguments += condition.arguments
    // One row per group and question: the sums are additive over questions, so the keys are
    // applied in Swift on a few hundred rows instead of joining every answer. Distinct officials
    // are not additive: each official gets a bit (officials are numbered within the file, 62 to
    // a bucket), and SUM(DISTINCT bit) is the OR of the bits of those who answered.
    return try Row.fetchCursor(
      db,
      sql: """
        WITH ranked AS MATERIALIZED (
          SELECT id, row_number() OVER (ORDER BY rowid) - 1 AS idx FROM c.officials
        ),
        answered AS MATERIALIZED (
          SELECT \(group) AS grp, an.question_id AS question, r.idx AS idx,
                 max(0.0, min(1.0, an.score)) AS mark, exp(? * (julianday(an.answered_at) - ?)) AS e
          FROM c.answers an JOIN c.attempts at ON at.id = an.attempt_id JOIN ranked r ON r.id = at.official_id
          WHERE \(condition.sql)
        )
        SELECT grp, question, idx / 62, COUNT(*), SUM(e), SUM(e * e), SUM(e * mark), SUM(DISTINCT 1 << (idx % 62))
        FROM answered GROUP BY grp, question, idx / 62
        """, arguments: arguments)
  }
}

import Curriculum
import Foundation
import Gradebook
import Insight
import Localization
import Logging
import PostgresNIO
import ResultsAnalysis
import Toolkit
import Units

/// Readiness of a province's communes computed in PostgreSQL: the same report
/// `papi-train report readiness` renders, with the same figures, from the answers the communes
/// synced.
///
/// No answer is loaded: one statement reduces the province's answers to the recency-weighted
/// sums per commune and key that ``WeightedAnswerScan`` computes inside each results file
/// (``ReadinessQuery``), and ResultsAnalysis turns those sums into the report exactly as it does
/// for files. With `approvedOnly`, only the answers of classes whose newest review is an approval
/// count: in the figures, and in the data period and the officials trained as well.
public struct ProvinceReadiness: Sendable {
  public let client: PostgresClient
  public let index: QuestionIndex
  /// The administrative units, for names and for the communes that never sent anything.
  public let units: UnitHierarchy?
  public let logger: Logger
  /// How mastery is judged (the report's rule for groups: 20 answers, 3 officials).
  public var rule = MasteryRule.group
  /// The database `client` connects to. The facts statement runs on a connection of its own to
  /// it, outside the pool, beside the sums statement and in its snapshot. (Not on a second
  /// connection of the pool: a request that holds one and waits for another could wait for ever
  /// once every connection is held so.)
  public let database: DatabaseSettings

  public init(
    client: PostgresClient, database: DatabaseSettings, library: CourseLibrary, units: UnitHierarchy?,
    logger: Logger
  ) {
    self.client = client
    self.database = database
    self.index = QuestionIndex(library: library)
    self.units = units
    self.logger = logger
  }

  /// What a report is asked for besides its province.
  public struct Options: Sendable {
    /// The communes' order, the dimensions shown, a limit (its `within` is the province).
    public var request: ReadinessRequest
    /// The day recency is measured from (answers after it are left out); nil: now.
    public var asOf: Day?
    /// The mastery under which an area is weak.
    public var threshold: Double
    public var language: Language
    /// The moment taken as now.
    public var now: Date

    public init(
      request: ReadinessRequest = ReadinessRequest(), asOf: Day? = nil, threshold: Double = 0.7,
      language: Language = .vietnamese, now: Date = Date()
    ) {
      self.request = request
      self.asOf = asOf
      self.threshold = threshold
      self.language = language
      self.now = now
    }
  }

  /// The readiness report of `province`: every commune of it the server or the units list knows,
  /// from every answer its communes synced (only approved classes' with `approvedOnly`).
  public func report(province: UnitCode, approvedOnly: Bool, options: Options = Options()) async throws
    -> ReadinessReport
  {
    let context = context(options)
    var request = options.request
    request.within = units?.unit(province) == nil ? nil : province.rawValue
    let listing = try ReadinessReport.listing(for: request, context: context, units: units)
    let sums = try await communeSums(
      province: province, approvedOnly: approvedOnly, until: context.selection.until)
    let survey = ReadinessSurvey(
      sums: sums, index: index, units: units, listing: listing, reference: context.reference, rule: rule,
      threshold: context.threshold)
    return try ReadinessReport(
      request: request, context: context, survey: survey, units: units, language: options.language)
  }

  /// The context `papi-train report readiness --as-of DAY` computes with: the end of the day (or
  /// now) as reference, answers after it left out, the day (or today) as the report's date.
  public func context(_ options: Options) -> ReportContext {
    var selection = AnswerSelection()
    selection.until = options.asOf?.end
    let now = options.now
    let today = Day(now.addingTimeInterval(Double(TimeZone.current.secondsFromGMT(for: now))))
    return ReportContext(
      index: index, selection: selection, reference: options.asOf?.end ?? now, threshold: options.threshold,
      generated: (options.asOf ?? today).description)
  }

  /// Every commune of `province` the server knows, with its sums per key and its facts, in code
  /// order: what ``WeightedAnswerScan`` gives for a results folder.
  public func communeSums(province: UnitCode, approvedOnly: Bool, until: Date?) async throws
    -> [WeightedAnswerScan.CommuneSums]
  {
    try await keepSumsPerKey()
    return try await client.transaction(logger: logger) { connection in
      for setting in ReadinessQuery.settings {
        try await connection.query(PostgresQuery(unsafeSQL: setting), logger: logger)
      }
      let (sumsStatement, factsStatement) = try await statements(
        province: province, approvedOnly: approvedOnly, until: until, on: connection)
      // The facts (85 ms of PostgreSQL's time for a province of 1,000 communes) beside the sums.
      let snapshot = try await Self.exportedSnapshot(of: connection, logger: logger)
      async let besideSums = Self.facts(factsStatement, in: snapshot, on: database, logger: logger)
      let sums = try await Self.sumsByCommune(try await connection.query(sumsStatement.query, logger: logger))
      let facts = try await besideSums
      return try facts.map { row in
        WeightedAnswerScan.CommuneSums(
          communeCode: try CommuneCode(row.code), rosterSize: row.roster, sums: sums[row.code] ?? [],
          facts: WeightedAnswerScan.FileFacts(
            lastAnswer: row.last, firstAnswer: row.first, trainedOfficials: row.trained))
      }
    }
  }

  /// A row of the facts statement: a commune's roster, its officials trained, its first and last
  /// answers.
  typealias CommuneFacts = (code: String, roster: Int, trained: Int, first: Date?, last: Date?)

  static func facts(_ rows: PostgresRowSequence) async throws -> [CommuneFacts] {
    var facts: [CommuneFacts] = []
    for try await row in rows.decode((String, Int, Int, Date?, Date?).self) {
      facts.append((row.0, row.1, row.2, row.3, row.4))
    }
    return facts
  }

  /// The facts statement on a connection of its own to `database`, in the transaction snapshot
  /// `snapshot` (the sums statement's, exported while its transaction is open).
  static func facts(
    _ statement: ReadinessQuery.Statement, in snapshot: String, on database: DatabaseSettings, logger: Logger
  ) async throws -> [CommuneFacts] {
    let connection = try await PostgresConnection.connect(
      configuration: try database.connectionConfiguration(), id: 1, logger: logger)
    let rows: [CommuneFacts]
    do {
      rows = try await connection.transaction(logger: logger) { connection in
        // The isolation first, then the snapshot, before any other statement.
        let imported = "SET TRANSACTION SNAPSHOT '\(snapshot)'"
        for setting in [ReadinessQuery.settings[0], imported] + ReadinessQuery.settings.dropFirst() {
          try await connection.query(PostgresQuery(unsafeSQL: setting), logger: logger)
        }
        return try await Self.facts(try await connection.query(statement.query, logger: logger))
      }
    } catch {
      try? await connection.close()
      throw error
    }
    // The facts are read and committed: a failure to close the connection does not undo them.
    try? await connection.close()
    return rows
  }

  /// The snapshot of the transaction on `connection`, exported for another session to import;
  /// an identifier PostgreSQL made (hexadecimal digits and dashes), checked as such since it is
  /// written into a statement.
  static func exportedSnapshot(of connection: PostgresConnection, logger: Logger) async throws -> String {
    for try await snapshot in try await connection.query("SELECT pg_export_snapshot()", logger: logger)
      .decode(String.self)
    where !snapshot.isEmpty && snapshot.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
      return snapshot
    }
    throw UnexpectedSnapshot()
  }

  struct UnexpectedSnapshot: Error, CustomStringConvertible {
    var description: String { "pg_export_snapshot() gave no snapshot identifier" }
  }

  /// The rows of the sums statement, one per commune, by commune.
  static func sumsByCommune(_ rows: PostgresRowSequence) async throws -> [String: [WeightedAnswerScan.Sums]] {
    var sums: [String: [WeightedAnswerScan.Sums]] = [:]
    for try await row in rows {
      let read = try ReadinessQuery.CommuneRow(row)
      sums[read.commune, default: []] += read.sums
    }
    return sums
  }

  /// The two statements ``communeSums(province:approvedOnly:until:)`` runs, as a psql script that
  /// runs the same text with the same values and settings, in one transaction: the benchmark's
  /// peer.
  public func psqlScript(province: UnitCode, approvedOnly: Bool, options: Options = Options()) async throws
    -> String
  {
    let until = context(options).selection.until
    try await keepSumsPerKey()
    return try await client.withConnection { connection in
      let (sums, facts) = try await statements(
        province: province, approvedOnly: approvedOnly, until: until, on: connection)
      return "BEGIN;\n" + ReadinessQuery.settings.map { $0 + ";\n" }.joined()
        + sums.psql(name: "readiness_sums")
        + facts.psql(name: "readiness_facts") + "COMMIT;\n"
    }
  }

  private func statements(
    province: UnitCode, approvedOnly: Bool, until: Date?, on connection: PostgresConnection
  ) async throws -> (sums: ReadinessQuery.Statement, facts: ReadinessQuery.Statement) {
    let query = ReadinessQuery(keysByQuestion: index.scanKeys, halfLifeDays: rule.halfLifeDays)
    var filter = ReadinessQuery.ClassFilter.all
    if approvedOnly {
      filter = try await Self.hasClassReviews(connection, logger: logger) ? .approved : .none
    }
    return (
      query.sums(province: province.rawValue, until: until, classes: filter),
      query.facts(province: province.rawValue, classes: filter)
    )
  }

  /// Makes the server keep its sums per key for this library's keys (`readiness_keys_set`: nothing
  /// happens when it keeps them for these keys already; else `key_sums` is made again from the
  /// sums per question, once). Where the database cannot be written (a read replica), readiness
  /// adds up the sums per question instead: the same figures.
  func keepSumsPerKey() async throws {
    let query = ReadinessQuery(keysByQuestion: index.scanKeys, halfLifeDays: rule.halfLifeDays)
    do {
      try await client.query(
        "SELECT readiness_keys_set(\(query.questions)::text[], \(query.keys)::text[])", logger: logger)
    } catch let error as PSQLError where error.serverInfo?[.sqlState] == "25006" {
      logger.info("readiness: a read-only database, sums added up per question")
    }
  }

  /// Whether the leaders' reviews of classes (server schema version 3) are in this database.
  static func hasClassReviews(_ connection: PostgresConnection, logger: Logger) async throws -> Bool {
    for try await exists in try await connection.query(
      "SELECT to_regclass('class_reviews') IS NOT NULL", logger: logger
    ).decode(Bool.self) {
      return exists
    }
    return false
  }
}

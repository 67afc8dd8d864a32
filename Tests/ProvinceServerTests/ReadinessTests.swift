import Curriculum
import DemoData
import Foundation
import Gradebook
import PapiTrainTesting
import ProvinceServerTesting
import Testing
import Units

/// Readiness computed in SQL on the server (`papi-server readiness`) against
/// `papi-train report readiness` over the very files the commune machines synced: the same
/// document, figure for figure, whether the server reads its kept sums (`answer_sums`) or the
/// answers themselves.
@Suite(.serialized, .enabled(if: serverTestsCanRun)) struct ReadinessTests {
  /// A day after every generated answer (the kept sums stand in), and one in the middle of them
  /// (the answers after it are left out: read from the answers).
  static let days = ["2026-06-01", "2025-07-15"]

  @Test func theServersFiguresAreTheReportsOverTheSameFilesBeforeAndAfterAMerge() throws {
    let province = try Province()
    try province.generateResults(officials: 8, attempts: 5)
    try province.enrolMachine()
    try sync(province)
    #expect(try province.count("SELECT count(*) FROM answer_sums") > 0)
    for day in Self.days {
      try expectSameFigures(
        serverReport(province, asOf: day), clientReport(province, asOf: day), "as of \(day)")
    }
    try expectSumsMatchTheAnswers(province)

    // Two entries of the roster merged on the machine: one official from then on, on both sides.
    let ids = try province.cluster.psql(
      province.database,
      "SELECT o.id FROM officials o WHERE EXISTS (SELECT 1 FROM attempts a WHERE a.official_id = o.id) ORDER BY o.id LIMIT 2"
    ).split(separator: "\n").map(String.init)
    try #require(ids.count == 2)
    let merged = try province.trainerCommand([
      "roster", "merge", "--commune", Province.commune, ids[1], ids[0], "--by", "Hằng",
    ])
    #expect(merged.status == 0, "\(merged.output) \(merged.error)")
    try sync(province)
    #expect(try province.count("SELECT count(*) FROM officials WHERE merged_into IS NOT NULL") == 1)
    for day in Self.days {
      try expectSameFigures(
        serverReport(province, asOf: day), clientReport(province, asOf: day), "as of \(day)")
    }
    try expectSumsMatchTheAnswers(province)
  }

  @Test func approvedOnlyCountsTheClassesALeaderApprovedAsTheReportOfThatClass() throws {
    let province = try Province()
    try province.generateResults(officials: 8, attempts: 5)
    try province.enrolMachine()
    try sync(province)
    let classText = try province.cluster.psql(
      province.database,
      "SELECT class_id FROM attempts WHERE class_id IS NOT NULL GROUP BY class_id ORDER BY count(*) DESC LIMIT 1"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let classID = try #require(ClassID(classText))
    let day = Self.days[0]
    let nothing = try serverReport(province, asOf: day, approvedOnly: true)
    #expect(try answers(in: nothing) == 0, "nothing approved yet")
    #expect(
      facts(in: nothing) == ReportFacts(trained: 0, lastReceived: nil), "no data period, nobody trained")

    try province.decide(classID, "approved", note: "", at: "2026-01-10 09:00:00")
    let approved = try serverReport(province, asOf: day, approvedOnly: true)
    #expect(try answers(in: approved) > 0)
    // The figures are the class's report's; the data period and the officials trained are the
    // approved results' too (a results file's report gives the whole file's, whatever the class).
    try expectSameFigures(
      withoutFacts(approved), withoutFacts(clientReport(province, asOf: day, extra: ["--class", classText])),
      "approved")
    let all = try serverReport(province, asOf: day)
    #expect(try answers(in: all) > answers(in: approved))
    #expect(facts(in: approved) == (try databaseFacts(province, classID: classText)), "the approved class's")
    #expect(facts(in: all) == (try databaseFacts(province, classID: nil)), "every result's")

    try province.decide(classID, "returned", note: "Thiếu chữ ký", at: "2026-01-11 09:00:00")
    #expect(try answers(in: serverReport(province, asOf: day, approvedOnly: true)) == 0, "sent back")
  }

  @Test func answersTheServerHeldAlreadyOrThatWereRolledBackAddNothingToTheSums() throws {
    let province = try Province()
    try province.generateResults(officials: 6, attempts: 4)
    try province.enrolMachine()
    try sync(province)
    _ = try serverReport(province, asOf: Self.days[0])  // the keys set: sums kept per key from here on
    let kept = try sums(province)

    // A second machine of the commune sends the same file again: stored once.
    let second = try TemporaryFolder("papi-sync-second-machine")
    var environment = province.environment
    for folder in ["config", "data", "state"] {
      environment["XDG_\(folder.uppercased())_HOME"] = second.path(folder)
    }
    let code = try province.enrolmentCode()
    let enrolled = try PapiTrainProcess.run(
      ["sync", "enrol", province.server.url, code], environment: environment)
    #expect(enrolled.status == 0, "\(enrolled.error)")
    let again = try PapiTrainProcess.run(["sync", "--lang", "en"], environment: environment)
    #expect(again.status == 0, "\(again.output) \(again.error)")
    #expect(
      try province.count("SELECT sum(answers_added) FROM sync_batches")
        == province.count(
          "SELECT count(*) FROM answers"))
    #expect(try sums(province) == kept)

    // Answers stored and then rolled back (a batch that fails after its answers) leave no sums.
    let failed = Result {
      try province.cluster.psql(
        province.database,
        """
        INSERT INTO answers (province_code, commune_code, attempt_id, question_id, position, response, score, correct,
          time_taken, answered_at)
        SELECT province_code, commune_code, attempt_id, question_id || '-again', position, response, score, correct,
          time_taken, answered_at FROM answers;
        INSERT INTO answers (province_code, commune_code, attempt_id, question_id, position, response, score, correct,
          time_taken, answered_at)
        SELECT province_code, commune_code, attempt_id, question_id, position, response, 2, correct, time_taken,
          answered_at FROM answers LIMIT 1;
        """)
    }
    #expect(throws: (any Error).self) { try failed.get() }
    #expect(try sums(province) == kept)
    try expectSumsMatchTheAnswers(province)
  }

  @Test func eachProvinceReadsItsOwnPartitionAndSums() throws {
    let province = try Province()
    let units = province.machine.appending("units.csv")
    try Data(
      """
      level,code,name,kind,parent
      province,12,Tỉnh Lai Châu,Tỉnh,
      commune,03388,Phường Đoàn Kết,Phường,12
      province,01,Thành phố Hà Nội,Thành phố,
      commune,00004,Phường Ba Đình,Phường,01

      """.utf8
    ).write(to: units)
    try province.generateResults(officials: 5, attempts: 4, seed: 11)
    try province.enrolMachine()
    try sync(province)

    // A commune of Hà Nội on its own machine.
    let other = try TemporaryFolder("papi-sync-hanoi")
    let otherResults = other.appending("Results")
    let environment = [
      "XDG_CONFIG_HOME": other.path("config"), "XDG_DATA_HOME": other.path("data"),
      "XDG_STATE_HOME": other.path("state"), "PAPI_RESULTS": otherResults.path, "PAPI_SYNC_TRIES": "4",
    ]
    try generate(commune: "00004", officials: 7, attempts: 3, seed: 12, into: otherResults)
    let run = try province.papiServer(["enrol", "--commune", "00004", "--units", units.path])
    #expect(run.status == 0, "\(run.error)")
    let code = try #require(
      run.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).first {
        $0.count == 14 && $0.filter { $0 == "-" }.count == 2
      })
    let enrolled = try PapiTrainProcess.run(
      ["sync", "enrol", province.server.url, String(code)], environment: environment)
    #expect(enrolled.status == 0, "\(enrolled.error)")
    let synced = try PapiTrainProcess.run(["sync", "--lang", "en"], environment: environment)
    #expect(synced.status == 0, "\(synced.output) \(synced.error)")

    #expect(try province.count("SELECT count(*) FROM answers_p01") > 0)
    #expect(
      try province.count("SELECT count(DISTINCT province_code || commune_code) FROM answer_sums") == 2)
    let day = Self.days[0]
    for (code, results) in [("12", province.results), ("01", otherResults)] {
      let server = try serverReport(province, asOf: day, province: code, units: units.path)
      #expect(try answers(in: server) > 0)
      let client = try report(results: results, asOf: day, extra: ["--in", code, "--units", units.path])
      expectSameFigures(server, client, "province \(code)")
    }
    try expectSumsMatchTheAnswers(province)
  }

  // MARK: - Helpers

  func sync(_ province: Province) throws {
    let run = try province.papiTrain(["sync"])
    #expect(run.status == 0, "\(run.output) \(run.error)")
  }

  /// `papi-server readiness --json` as a document, without the moment it was made.
  func serverReport(
    _ province: Province, asOf day: String, approvedOnly: Bool = false, province code: String = "12",
    units: String? = nil
  ) throws -> NSDictionary {
    var arguments = [
      "readiness", "--province", code, "--as-of", day, "--json", "--courses", Repository.courses.path,
    ]
    if approvedOnly { arguments.append("--approved-only") }
    if let units { arguments += ["--units", units] }
    let run = try province.papiServer(arguments)
    #expect(run.status == 0, "\(run.error)")
    return try document(run.output)
  }

  /// `papi-train report readiness --json` over the machine's own files.
  func clientReport(_ province: Province, asOf day: String, extra: [String] = []) throws -> NSDictionary {
    try report(results: province.results, asOf: day, extra: ["--in", "12"] + extra)
  }

  func report(results: URL, asOf day: String, extra: [String]) throws -> NSDictionary {
    let run = try PapiTrainProcess.run(
      ["report", "readiness", "--results", results.path, "--as-of", day, "--json", "--no-cache"] + extra,
      environment: ["PAPI_RESULTS": results.path])
    #expect(run.status == 0, "\(run.error)")
    return try document(run.output)
  }

  func document(_ text: String) throws -> NSDictionary {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    return object.filter { $0.key != "generatedAt" } as NSDictionary
  }

  /// The two documents hold the same text, counts and figures; a figure may differ in its last
  /// bits (sums added in another order: a file adds its kept sums per question, the server per
  /// commune and class too), never by more than a billionth of itself.
  func expectSameFigures(_ server: NSDictionary, _ client: NSDictionary, _ comment: Comment) {
    let differences = Self.differences(server, client, at: "")
    #expect(differences.isEmpty, "\(comment): \(differences.prefix(8))")
  }

  static func differences(_ left: Any, _ right: Any, at path: String) -> [String] {
    switch (left, right) {
    case (let left as [String: Any], let right as [String: Any]):
      guard Set(left.keys) == Set(right.keys) else {
        return ["\(path): keys \(left.keys.sorted()) ≠ \(right.keys.sorted())"]
      }
      return left.keys.sorted().flatMap { differences(left[$0]!, right[$0]!, at: path + "." + $0) }
    case (let left as [Any], let right as [Any]):
      guard left.count == right.count else { return ["\(path): \(left.count) ≠ \(right.count) items"] }
      return zip(left, right).enumerated().flatMap { differences($1.0, $1.1, at: path + "[\($0)]") }
    case (let left as NSNumber, let right as NSNumber):
      let (a, b) = (left.doubleValue, right.doubleValue)
      return abs(a - b) <= 1e-9 * max(abs(a), abs(b)) ? [] : ["\(path): \(left) ≠ \(right)"]
    default:
      return "\(left)" == "\(right)" ? [] : ["\(path): \(left) ≠ \(right)"]
    }
  }

  /// The answers a report counts over every commune and dimension.
  func answers(in document: NSDictionary) throws -> Int {
    let communes = try #require(document["communes"] as? [[String: Any]])
    return communes.flatMap { ($0["dimensions"] as? [[String: Any]]) ?? [] }.compactMap {
      ($0["mastery"] as? [String: Any])?["answers"] as? Int
    }.reduce(0, +)
  }

  /// The officials trained and the day of the latest answer (UTC) a report gives, for the
  /// province and for the commune alike.
  struct ReportFacts: Hashable {
    var trained: Int
    var lastReceived: String?
  }

  /// The province's facts in a report; the commune's must be the same (one commune).
  func facts(in document: NSDictionary) -> ReportFacts {
    let summary = document["province"] as? [String: Any] ?? [:]
    let facts = ReportFacts(
      trained: summary["trainedOfficials"] as? Int ?? -1, lastReceived: summary["lastReceived"] as? String)
    let communes = document["communes"] as? [[String: Any]] ?? []
    let commune = communes.first { $0["code"] as? String == Province.commune } ?? [:]
    let same = ReportFacts(
      trained: commune["trainedOfficials"] as? Int ?? -1, lastReceived: commune["lastReceived"] as? String)
    #expect(same == facts, "the commune's facts are the province's")
    return facts
  }

  /// The facts as the database gives them for the quiz attempts of class `classID` (every class
  /// when nil): officials with a finished one (an entry merged into another counted as the
  /// entry kept), and the day of the latest answer in one.
  func databaseFacts(_ province: Province, classID: String?) throws -> ReportFacts {
    let classFilter = classID.map { "AND at.class_id = '\($0)'" } ?? ""
    let text = try province.cluster.psql(
      province.database,
      """
      SELECT (SELECT count(DISTINCT coalesce(o.merged_into, o.id)) FROM attempts at
          JOIN officials o ON o.id = at.official_id
          WHERE at.status = 'finished' AND right(at.quiz_id, 7) <> '#review' \(classFilter))
        || '|' || coalesce((SELECT to_char(max(an.answered_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM answers an
          JOIN attempts at ON at.id = an.attempt_id WHERE right(at.quiz_id, 7) <> '#review' \(classFilter)), '')
      """
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let parts = text.split(separator: "|", omittingEmptySubsequences: false)
    return ReportFacts(
      trained: Int(parts.first ?? "") ?? -1,
      lastReceived: parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil)
  }

  /// A report without what a results file's report gives for the whole file whatever the
  /// selection (the officials trained, the latest answer's day).
  func withoutFacts(_ document: NSDictionary) -> NSDictionary {
    func strip(_ value: Any) -> Any {
      switch value {
      case let object as [String: Any]:
        return object.filter { !["trainedOfficials", "lastReceived"].contains($0.key) }.mapValues(strip)
      case let array as [Any]: return array.map(strip)
      default: return value
      }
    }
    let stripped = strip(document as? [String: Any] ?? [:]) as? [String: Any] ?? [:]
    return stripped as NSDictionary
  }

  /// The kept sums, row by row.
  func sums(_ province: Province) throws -> String {
    try province.cluster.psql(
      province.database,
      """
      SELECT province_code, commune_code, question_id, class_id, bucket, answers, sum_e, sum_e2, sum_marked_e,
        officials, last_answered_at
      FROM answer_sums ORDER BY 1, 2, 3, 4, 5
      """)
      + province.cluster.psql(
        province.database,
        """
        SELECT province_code, commune_code, key, class_id, bucket, answers, sum_e, sum_e2, sum_marked_e, officials,
          last_answered_at
        FROM key_sums ORDER BY 1, 2, 3, 4, 5
        """)
  }

  /// The kept sums are what summing every quiz answer again gives (officials renumbered, so
  /// compared by how many bits are set; sums to rounding), and the sums per key what adding up
  /// the sums per question by the keys readiness last set gives.
  func expectSumsMatchTheAnswers(_ province: Province) throws {
    let differences = try province.cluster.psql(
      province.database,
      """
      BEGIN;
      CREATE TEMPORARY TABLE kept ON COMMIT DROP AS SELECT * FROM answer_sums;
      SELECT answer_sums_refill(code) FROM communes;
      WITH kept_rows AS (
        SELECT province_code, commune_code, question_id, class_id, sum(answers) AS answers,
          sum(bit_count(officials::bit(64))) AS officials, sum(sum_e) AS e, sum(sum_e2) AS e2, sum(sum_marked_e) AS me,
          max(last_answered_at) AS last
        FROM kept GROUP BY 1, 2, 3, 4),
      summed_rows AS (
        SELECT province_code, commune_code, question_id, class_id, sum(answers) AS answers,
          sum(bit_count(officials::bit(64))) AS officials, sum(sum_e) AS e, sum(sum_e2) AS e2, sum(sum_marked_e) AS me,
          max(last_answered_at) AS last
        FROM answer_sums GROUP BY 1, 2, 3, 4)
      SELECT count(*) FROM kept_rows k FULL JOIN summed_rows s
        ON (k.province_code, k.commune_code, k.question_id) = (s.province_code, s.commune_code, s.question_id)
          AND k.class_id IS NOT DISTINCT FROM s.class_id
      WHERE k.answers IS DISTINCT FROM s.answers OR k.officials IS DISTINCT FROM s.officials
        OR k.last IS DISTINCT FROM s.last OR s.e IS NULL OR k.e IS NULL
        OR abs(k.e - s.e) > 1e-9 * abs(s.e) OR abs(k.e2 - s.e2) > 1e-9 * abs(s.e2)
        OR abs(k.me - s.me) > 1e-9 * abs(s.me);
      CREATE TEMPORARY TABLE kept_keys ON COMMIT DROP AS SELECT * FROM key_sums;
      SELECT key_sums_refill(NULL);
      SELECT count(*) FROM kept_keys k FULL JOIN key_sums s
        ON (k.province_code, k.commune_code, k.key, k.bucket) = (s.province_code, s.commune_code, s.key, s.bucket)
          AND k.class_id IS NOT DISTINCT FROM s.class_id
      WHERE k.answers IS DISTINCT FROM s.answers OR k.officials IS DISTINCT FROM s.officials
        OR k.last_answered_at IS DISTINCT FROM s.last_answered_at OR s.sum_e IS NULL OR k.sum_e IS NULL
        OR abs(k.sum_e - s.sum_e) > 1e-9 * abs(s.sum_e) OR abs(k.sum_e2 - s.sum_e2) > 1e-9 * abs(s.sum_e2)
        OR abs(k.sum_marked_e - s.sum_marked_e) > 1e-9 * abs(s.sum_marked_e);
      SELECT count(*) FROM key_sums;
      ROLLBACK;
      """
    ).split(separator: "\n").filter { !$0.isEmpty && Int($0) != nil }
    #expect(differences.prefix(2) == ["0", "0"], "kept sums that summing the answers again does not give")
    #expect((differences.last.flatMap { Int($0) } ?? 0) > 0, "readiness keeps its sums per key as well")
  }

  /// A generated commune `code` (DemoData over the shipped courses) written into `results`.
  func generate(commune code: String, officials: Int, attempts: Int, seed: UInt64, into results: URL) throws {
    let library = try TestCourses.shipped()
    let province = try DemoProvince(
      library: library,
      spec: DemoProvinceSpec(
        communes: 1, officialsPerCommune: officials, attemptsPerOfficial: attempts, seed: seed),
      knownCommunes: [try CommuneCode(code)])
    let commune = try province.commune(at: 0)
    let store = try ResultsDirectory(url: results).store(for: commune.code)
    _ = try store.bulkImport(
      officials: commune.officials, classes: commune.classes, attempts: commune.attempts)
  }
}

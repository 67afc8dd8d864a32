import Access
import Curriculum
import DemoData
import Foundation
import Gradebook
import PapiTrainTesting
import ProvinceServerTesting
import SyncProtocol
import Testing
import Units

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A province for one test: its own database on a PostgreSQL cluster, papi-server serving it on
/// loopback, and a commune machine (its own key, settings and results folder).
final class Province {
  let cluster: TemporaryPostgres
  let databaseURL: String
  let database: String
  var server: ServerProcess
  let machine: TemporaryFolder
  /// A real commune of the shipped units list (Phường Đoàn Kết, Lai Châu).
  static let commune = "03388"

  init(cluster: TemporaryPostgres? = nil) throws {
    let cluster = try cluster ?? TemporaryPostgres.shared()
    self.cluster = cluster
    database = "test_" + UUID().uuidString.prefix(12).lowercased()
    databaseURL = try cluster.createDatabase(database)
    server = try ServerProcess.start(databaseURL: databaseURL)
    machine = try TemporaryFolder("papi-sync-machine")
  }

  // A test's end needs no graceful exit (ServerTests checks that one): SIGKILL, so a server that
  // lingers in its shutdown never holds up the rest of the test run.
  deinit { server.kill9() }

  /// The machine's results folder.
  var results: URL { machine.appending("Results") }

  /// papi-train's environment on the commune machine.
  var environment: [String: String] {
    [
      "XDG_CONFIG_HOME": machine.path("config"), "XDG_DATA_HOME": machine.path("data"),
      "XDG_STATE_HOME": machine.path("state"), "PAPI_RESULTS": results.path, "PAPI_SYNC_TRIES": "4",
    ]
  }

  /// The publishing key's private half as papi-server's commands keep it for this province (in
  /// a data folder of the test's own, never the developer's).
  var publishingKeyFile: URL {
    machine.appending("server-data").appendingPathComponent("papi-server/publishing-key")
  }

  /// Runs the built papi-server with `arguments` on this province's database, `input` on its
  /// standard input.
  func papiServer(_ arguments: [String], input: String = "") throws -> ServerRun {
    try ServerRun.papiServer(
      arguments + ["--database-url", databaseURL],
      environment: ["XDG_DATA_HOME": machine.path("server-data")],
      input: input)
  }

  /// A one-time enrolment code for `commune`, from `papi-server enrol`.
  func enrolmentCode(commune: String = Province.commune) throws -> String {
    let run = try papiServer(["enrol", "--commune", commune])
    #expect(run.status == 0, "\(run.error)")
    guard
      let code = run.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).first(where: {
        $0.count == 14 && $0.filter { $0 == "-" }.count == 2
      })
    else { throw FixtureError("no code in \(run.output)") }
    return String(code)
  }

  /// Runs the built papi-train on the commune machine.
  func papiTrain(_ arguments: [String]) throws -> PapiTrainProcess.Result {
    try PapiTrainProcess.run(arguments + ["--lang", "en"], environment: environment)
  }

  /// Enrols the commune machine (papi-server enrol, then papi-train sync enrol).
  func enrolMachine() throws {
    let code = try enrolmentCode()
    let run = try papiTrain(["sync", "enrol", server.url, code])
    #expect(run.status == 0, "\(run.output) \(run.error)")
  }

  /// The machine's key, made on first use as `papi-train sync enrol` makes it.
  func machineKey() throws -> MachineKey {
    try MachineKey.loadOrCreate(
      at: URL(fileURLWithPath: machine.path("data")).appendingPathComponent("papi-train/signing-key"))
  }

  /// A key no machine enrolled.
  func strangerKey() throws -> MachineKey {
    try MachineKey.loadOrCreate(at: URL(fileURLWithPath: machine.path("stranger-\(UUID().uuidString)")))
  }

  /// Writes a generated commune (DemoData: officials taking the shipped quizzes) into the
  /// machine's results; returns how many answers it holds.
  @discardableResult
  func generateResults(officials: Int = 6, attempts: Int = 4, seed: UInt64 = 7) throws -> Int {
    let library = try TestCourses.shipped()
    let province = try DemoProvince(
      library: library,
      spec: DemoProvinceSpec(
        communes: 1, officialsPerCommune: officials, attemptsPerOfficial: attempts, seed: seed),
      knownCommunes: [try CommuneCode(Province.commune)])
    let commune = try province.commune(at: 0)
    let store = try ResultsDirectory(url: results).store(for: commune.code)
    _ = try store.bulkImport(
      officials: commune.officials, classes: commune.classes, attempts: commune.attempts)
    return commune.attempts.reduce(0) { $0 + $1.answers.count }
  }

  /// Records a province leader's decision on a class as the leaders' web pages do (server schema
  /// version 3's `class_reviews`, one row a class: class_id, decision, note, decided_at, leader).
  func decide(_ classID: ClassID, _ decision: String, note: String, at moment: String) throws {
    try cluster.psql(
      database,
      """
      INSERT INTO leaders (name, province_code, passphrase) VALUES ('Lò Văn Minh', '12', '{}')
        ON CONFLICT DO NOTHING;
      INSERT INTO class_reviews (class_id, decision, note, leader, decided_at)
      VALUES ('\(classID.uuidString)', '\(decision)', \(Self.literal(note)), 'Lò Văn Minh', '\(moment)+00')
      ON CONFLICT (class_id) DO UPDATE SET decision = excluded.decision, note = excluded.note,
        leader = excluded.leader, decided_at = excluded.decided_at
      """)
  }

  /// `text` as an SQL string literal (E'…', every character but letters and spaces escaped).
  static func literal(_ text: String) -> String {
    "E'"
      + text.unicodeScalars.map { scalar in
        scalar.properties.isAlphabetic || scalar == " "
          ? String(scalar) : String(format: "\\u%04X", scalar.value)
      }.joined() + "'"
  }

  /// Runs papi-train on the commune machine's results as its trainer (the trainer passphrase).
  func trainerCommand(_ arguments: [String], language: String = "en") throws -> PapiTrainProcess.Result {
    try PapiTrainProcess.run(
      arguments + ["--lang", language],
      environment: [
        "XDG_CONFIG_HOME": TestAccess.configHome.path, "PAPI_PASSPHRASE": TestAccess.passphrase,
        "PAPI_RESULTS": results.path,
      ])
  }

  /// A number the database gives for `sql`.
  func count(_ sql: String) throws -> Int {
    Int(try cluster.psql(database, sql).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
  }

  /// Sends a raw request to the server.
  func request(
    _ method: String, _ path: String, body: Data = Data(), headers: [(String, String)] = []
  ) async throws -> (status: Int, body: Data) {
    var request = URLRequest(url: URL(string: server.url + path)!)
    request.httpMethod = method
    if method != "GET" { request.httpBody = body }
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
  }

  /// Sends a request signed with `key`.
  func signed(_ method: String, _ path: String, body: Data = Data(), key: MachineKey, at date: Date = Date())
    async throws -> (status: Int, body: Data, signature: RequestSignature)
  {
    let signature = try RequestSignature.sign(method: method, path: path, body: body, with: key, at: date)
    let (status, data) = try await request(method, path, body: body, headers: signature.headers)
    return (status, data, signature)
  }
}

/// What a run of papi-server printed and how it ended.
struct ServerRun {
  var status: Int32
  var output: String
  var error: String
}

extension ServerRun {
  /// Runs the built papi-server with `arguments` from the repository's folder, in the test run's
  /// folders with `environment` added, `input` on its standard input.
  static func papiServer(_ arguments: [String], environment: [String: String] = [:], input: String = "")
    throws
    -> ServerRun
  {
    let run = try PapiTrainProcess.run(
      arguments, input: input, environment: environment, product: "papi-server")
    return ServerRun(status: run.status, output: run.output, error: run.error)
  }
}

/// The refusal's code in a response body.
func errorCode(_ body: Data) -> String? { (try? JSONDecoder().decode(APIError.self, from: body))?.code }

/// Whether PostgreSQL and the server binary are here to test against.
let serverTestsCanRun = TemporaryPostgres.isInstalled

import Access
import Foundation
import Gradebook
import PapiTrainTesting
import ProvinceServerTesting
import Sync
import Testing

@testable import SyncProtocol

#if canImport(Glibc)
  import Glibc
#endif

/// Bad input and faults, each against the real server and database: nothing partial is ever
/// stored, and every refusal says why.
@Suite(.serialized, .enabled(if: serverTestsCanRun)) struct FaultTests {
  /// A batch of the machine's first answers, as the client builds it.
  func batch(_ province: Province, limit: Int = 50) throws -> SyncBatch {
    let store = try #require(
      try ResultsDirectory(url: province.results).readOnlyStore(for: try .init("03388")))
    var pusher = Pusher(
      connection: try SyncConnection(
        server: #require(URL(string: province.server.url)), key: province.machineKey()), store: store)
    pusher.batchSize = limit
    return try #require(try pusher.answerBatch(after: 0))
  }

  @Test func malformedJSONWrongTypesAndOversizedBodiesAreRefusedWithTheReason() async throws {
    let province = try Province()
    try province.enrolMachine()
    let key = try province.machineKey()
    let malformed = try await province.signed(
      "POST", "/v1/sync/batches", body: Data("{\"format\": ".utf8), key: key)
    #expect(malformed.status == 400)
    #expect(errorCode(malformed.body) == "malformed-json")
    let wrongType = try await province.signed(
      "POST", "/v1/sync/batches",
      body: Data(
        #"{"format":"papi-train.sync-batch/1","batchID":"x","commune":"03388","cursorFrom":"zero","cursorTo":0,"officials":[],"attempts":[],"answers":[]}"#
          .utf8), key: key)
    #expect(wrongType.status == 400)
    let reason = try JSONDecoder().decode(APIError.self, from: wrongType.body)
    #expect(reason.messageEnglish.contains("cursorFrom"))
    let huge = try await province.request(
      "POST", "/v1/sync/batches", body: Data(repeating: 0x20, count: SyncBatch.maximumBodyBytes + 1))
    #expect(huge.status == 413)
    #expect(errorCode(huge.body) == "body-too-large")
    let enrolGarbage = try await province.request("POST", "/v1/enrol", body: Data("[1,2".utf8))
    #expect(enrolGarbage.status == 400)
  }

  @Test func aBatchWithOneBadRowIsRefusedWholeAndNothingIsStored() async throws {
    let province = try Province()
    try province.generateResults(officials: 2, attempts: 2)
    try province.enrolMachine()
    let key = try province.machineKey()
    var bad = try batch(province)
    #expect(bad.answers.count > 3)
    bad.answers[3].score = 5
    let refused = try await province.signed(
      "POST", "/v1/sync/batches", body: try JSONEncoder().encode(bad), key: key)
    #expect(refused.status == 422)
    let error = try JSONDecoder().decode(APIError.self, from: refused.body)
    #expect(error.code == "invalid-batch")
    #expect(error.problems.contains { $0.table == "answers" && $0.row == 3 && $0.column == "score" })
    var unknown = try batch(province)
    unknown.answers[0].questionID = "no-such-question"
    let unknownRefused = try await province.signed(
      "POST", "/v1/sync/batches", body: try JSONEncoder().encode(unknown), key: key)
    #expect(unknownRefused.status == 422)
    var otherCommune = try batch(province)
    otherCommune.officials[0].communeCode = "03390"
    let otherRefused = try await province.signed(
      "POST", "/v1/sync/batches", body: try JSONEncoder().encode(otherCommune), key: key)
    #expect(otherRefused.status == 422)
    #expect(try province.count("SELECT count(*) FROM answers") == 0)
    #expect(try province.count("SELECT count(*) FROM attempts") == 0)
    #expect(try province.count("SELECT count(*) FROM officials") == 0)

    // The same batch, good, twice: stored once, acknowledged twice.
    let good = try JSONEncoder().encode(try batch(province))
    let first = try await province.signed("POST", "/v1/sync/batches", body: good, key: key)
    let second = try await province.signed("POST", "/v1/sync/batches", body: good, key: key)
    #expect(first.status == 200 && second.status == 200)
    let acknowledgement = try JSONDecoder().decode(BatchAcknowledgement.self, from: second.body)
    #expect(acknowledgement.duplicate)
    #expect(try province.count("SELECT count(*) FROM answers") == 50)
  }

  @Test func officialsAnotherCommuneHoldsAreRefusedForbiddenNotAnsweredUnavailable() async throws {
    let province = try Province()
    try province.generateResults(officials: 2, attempts: 1)
    try province.enrolMachine()
    let stored = try batch(province)
    let first = try await province.signed(
      "POST", "/v1/sync/batches", body: try JSONEncoder().encode(stored), key: province.machineKey())
    #expect(first.status == 200)
    // A machine enrolled for a neighbouring commune sends the same officials as its own.
    let neighbour = try province.strangerKey()
    let enrolment = try EnrolmentRequest.make(
      code: try province.enrolmentCode(commune: "03390"), key: neighbour, machine: "neighbour")
    let enrolled = try await province.request("POST", "/v1/enrol", body: try JSONEncoder().encode(enrolment))
    #expect(enrolled.status == 201, "\(String(decoding: enrolled.body, as: UTF8.self))")
    let claimed = SyncBatch(
      batchID: UUID().uuidString, commune: "03390", cursorFrom: 0, cursorTo: 0,
      officials: stored.officials.map { official in
        var official = official
        official.communeCode = "03390"
        return official
      },
      attempts: [], answers: [])
    let refused = try await province.signed(
      "POST", "/v1/sync/batches", body: try JSONEncoder().encode(claimed), key: neighbour)
    #expect(refused.status == 403, "\(String(decoding: refused.body, as: UTF8.self))")
    #expect(errorCode(refused.body) == "other-commune")
    #expect(try province.count("SELECT count(*) FROM officials WHERE commune_code = '03390'") == 0)
    #expect(try province.count("SELECT count(*) FROM sync_batches WHERE commune_code = '03390'") == 0)
  }

  @Test func badClassesMembershipsAndRosterChangesAreRefusedByTableRowAndColumn() async throws {
    let province = try Province()
    try province.generateResults(officials: 2, attempts: 1)
    try province.enrolMachine()
    let key = try province.machineKey()
    let base = try batch(province)
    let official = try #require(base.officials.first?.id)
    let goodClass = WireClass(
      id: UUID().uuidString, code: "LC-2612-A", title: "Tập huấn", trainer: "Nguyễn Thị Hằng",
      date: "2026-12-03", endDate: "2026-12-04", place: "Hội trường xã", communeCodes: ["03388", "03390"],
      pretestQuizID: nil, posttestQuizID: nil, closedAt: nil, updatedAt: "2026-12-03 08:00:00.000")
    let member = WireClassMember(
      classID: goodClass.id, officialID: official, joinedAt: "2026-12-03 08:05:00.000")
    let merge = WireRosterChange(
      id: UUID().uuidString, kind: "merge", officialID: official, keptID: nil, oldName: "A", newName: "B",
      changedBy: "Hằng", changedAt: "2026-12-03 09:00:00.000")
    var endsEarly = goodClass
    endsEarly.endDate = "2026-12-02"
    var elsewhere = goodClass
    elsewhere.communeCodes = ["03390"]
    let cases: [(SyncBatch, String, Int, String)] = [
      (with(base) { $0.classes = [goodClass, endsEarly] }, "classes", 1, "end_date"),
      (with(base) { $0.classes = [elsewhere] }, "classes", 0, "commune_codes"),
      (with(base) { $0.classMembers = [member] }, "class_members", 0, "class_id"),
      (with(base) { $0.rosterChanges = [merge] }, "roster_changes", 0, "kept_id"),
      (
        with(base) {
          $0.classes = [goodClass]
          $0.attempts[0].classID = UUID().uuidString
        }, "attempts", 0, "class_id"
      ),
    ]
    for (bad, table, row, column) in cases {
      let refused = try await province.signed(
        "POST", "/v1/sync/batches", body: try JSONEncoder().encode(bad), key: key)
      #expect(refused.status == 422, "\(table) \(column)")
      let error = try JSONDecoder().decode(APIError.self, from: refused.body)
      #expect(
        error.problems.contains { $0.table == table && $0.row == row && $0.column == column },
        "\(error.problems)")
    }
    for table in ["classes", "class_members", "roster_changes", "answers", "officials"] {
      #expect(try province.count("SELECT count(*) FROM \(table)") == 0, "nothing of \(table) stored")
    }
    let good = with(base) {
      $0.classes.append(goodClass)
      $0.classMembers = [member]
    }
    let stored = try await province.signed(
      "POST", "/v1/sync/batches", body: try JSONEncoder().encode(good), key: key)
    #expect(stored.status == 200)
    #expect(try province.count("SELECT count(*) FROM class_members") == 1)
  }

  /// `batch` changed by `change`.
  func with(_ batch: SyncBatch, _ change: (inout SyncBatch) -> Void) -> SyncBatch {
    var changed = batch
    changed.batchID = UUID().uuidString
    change(&changed)
    return changed
  }

  @Test func forgedReplayedStaleAndUnknownSignaturesAreRefused() async throws {
    let province = try Province()
    try province.enrolMachine()
    let key = try province.machineKey()
    let stranger = try province.strangerKey()

    let unsigned = try await province.request("GET", "/v1/sync/state")
    #expect(unsigned.status == 401)
    #expect(errorCode(unsigned.body) == "unsigned")

    let unknown = try await province.signed("GET", "/v1/sync/state", key: stranger)
    #expect(unknown.status == 401)
    #expect(errorCode(unknown.body) == "unknown-key")

    // Signed by a stranger in the enrolled machine's name.
    var forged = try RequestSignature.sign(
      method: "GET", path: "/v1/sync/state", body: Data(), with: stranger)
    forged.publicKey = key.publicKeyText
    let forgedAnswer = try await province.request("GET", "/v1/sync/state", headers: forged.headers)
    #expect(forgedAnswer.status == 401)
    #expect(errorCode(forgedAnswer.body) == "bad-signature")

    // A body changed after signing.
    let signed = try RequestSignature.sign(
      method: "POST", path: "/v1/sync/batches", body: Data("{}".utf8), with: key)
    let tampered = try await province.request(
      "POST", "/v1/sync/batches", body: Data("{ }".utf8), headers: signed.headers)
    #expect(errorCode(tampered.body) == "bad-signature")

    let stale = try await province.signed(
      "GET", "/v1/sync/state", key: key, at: Date().addingTimeInterval(-600))
    #expect(stale.status == 401)
    #expect(errorCode(stale.body) == "stale-timestamp")

    let fresh = try await province.signed("GET", "/v1/sync/state", key: key)
    #expect(fresh.status == 200)
    let replay = try await province.request("GET", "/v1/sync/state", headers: fresh.signature.headers)
    #expect(replay.status == 401)
    #expect(errorCode(replay.body) == "replayed-nonce")
    #expect(try province.count("SELECT count(*) FROM request_nonces") == 1)
  }

  @Test func answersAreAppendOnlyInTheDatabaseItself() throws {
    let province = try Province()
    try province.generateResults(officials: 1, attempts: 1)
    try province.enrolMachine()
    #expect(try province.papiTrain(["sync"]).status == 0)
    #expect(throws: (any Error).self) {
      try province.cluster.psql(province.database, "UPDATE answers SET score = 1")
    }
    #expect(throws: (any Error).self) { try province.cluster.psql(province.database, "DELETE FROM answers") }
    #expect(throws: (any Error).self) { try province.cluster.psql(province.database, "TRUNCATE answers") }
    #expect(try province.count("SELECT count(*) FROM answers") > 0)
  }

  @Test func aServerKilledMidBatchStoresNothingOfItAndTheClientsRetryCompletesIt() throws {
    let province = try Province()
    let answers = try province.generateResults()
    try province.enrolMachine()
    let port = try #require(URL(string: province.server.url)?.port)
    let client = try syncHeldMidBatch(province, extra: ["PAPI_SYNC_TRIES": "10"]) { (_: Process) throws in
      province.server.kill9()
      #expect(try province.count("SELECT count(*) FROM answers") == 0, "no partial batch")
    }
    province.server = try ServerProcess.start(databaseURL: province.databaseURL, port: port)
    client.waitUntilExit()
    #expect(client.terminationStatus == 0)
    #expect(try province.count("SELECT count(*) FROM answers") == answers)
  }

  @Test func aClientKilledMidSyncResumesFromTheCursorWithoutDoubles() throws {
    let province = try Province()
    let answers = try province.generateResults()
    try province.enrolMachine()
    _ = try syncHeldMidBatch(province, extra: ["PAPI_SYNC_BATCH_SIZE": "40"]) { client in
      kill(client.processIdentifier, SIGKILL)
      client.waitUntilExit()
    }
    let again = try province.papiTrain(["sync"])
    #expect(again.status == 0, "\(again.output) \(again.error)")
    #expect(try province.count("SELECT count(*) FROM answers") == answers)
    #expect(
      try province.count(
        "SELECT count(*) FROM (SELECT attempt_id, question_id FROM answers GROUP BY 1, 2) AS a") == answers)
  }

  @Test func ctrlCStopsASyncCleanlyAndTheNextOneCompletesIt() throws {
    let province = try Province()
    let answers = try province.generateResults()
    try province.enrolMachine()
    let client = try syncHeldMidBatch(province, extra: ["PAPI_SYNC_BATCH_SIZE": "40"]) { client in
      kill(client.processIdentifier, SIGINT)
      let deadline = Date().addingTimeInterval(20)
      while client.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
    }
    client.waitUntilExit()
    let error = errorText(of: client)
    #expect(client.terminationStatus == 130, "\(error)")
    #expect(error.contains("Stopped"), "\(error)")
    let again = try province.papiTrain(["sync"])
    #expect(again.status == 0, "\(again.output) \(again.error)")
    #expect(try province.count("SELECT count(*) FROM answers") == answers)
  }

  @Test func postgreSQLRestartedDuringASyncIsRetriedWithBackoff() throws {
    let cluster = try TemporaryPostgres.start()
    defer { cluster.stop() }
    let province = try Province(cluster: cluster)
    let answers = try province.generateResults()
    try province.enrolMachine()
    let client = try syncHeldMidBatch(
      province, extra: ["PAPI_SYNC_TRIES": "10", "PAPI_SYNC_BATCH_SIZE": "40"]
    ) { _ in
      try cluster.stopServer()
      Thread.sleep(forTimeInterval: 1.5)
      try cluster.startServer()
    }
    client.waitUntilExit()
    let error = errorText(of: client)
    #expect(client.terminationStatus == 0, "\(error)")
    // The server answered that its database was away; it did not hold the request until the
    // client gave up on it.
    #expect(error.contains("retrying") && error.contains("HTTP 503"), "\(error)")
    #expect(try province.count("SELECT count(*) FROM answers") == answers)
  }

  /// Starts `papi-train sync` (with `extra` in its environment) once another session holds the
  /// cursor table, so that its first batch waits inside its transaction, its rows inserted; then
  /// does `fault` to the client, the server or the database, lets the table go, and returns the
  /// client (running or ended).
  func syncHeldMidBatch(
    _ province: Province, extra: [String: String], fault: (Process) throws -> Void
  ) throws -> Process {
    let holder = try province.cluster.psqlInBackground(
      province.database, "BEGIN; LOCK TABLE sync_cursors IN SHARE MODE; SELECT pg_sleep(120);")
    defer { holder.terminate() }
    #expect(try province.cluster.waitForLock(on: "sync_cursors", mode: "ShareLock", in: province.database))
    let client = try startPapiTrain(["sync"], province: province, extra: extra)
    #expect(try province.cluster.waitForLockWait(on: "sync_cursors", in: province.database))
    try fault(client)
    try province.cluster.terminateSessions(running: "pg_sleep", in: province.database)
    return client
  }

  /// What a client started by ``startPapiTrain(_:province:extra:)`` wrote to standard error.
  func errorText(of client: Process) -> String {
    String(
      decoding: (client.standardError as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data(),
      as: UTF8.self)
  }
}

/// Starts the built papi-train on the province's commune machine, in the background.
func startPapiTrain(_ arguments: [String], province: Province, extra: [String: String] = [:]) throws
  -> Process
{
  let process = Process()
  process.executableURL = PapiTrainProcess.productsDirectory.appendingPathComponent("papi-train")
  process.arguments = arguments + ["--lang", "en"]
  process.environment = PapiTrainProcess.environment(province.environment.merging(extra) { $1 })
  process.standardOutput = FileHandle.nullDevice
  process.standardError = Pipe()
  process.standardInput = FileHandle.nullDevice
  try process.run()
  return process
}

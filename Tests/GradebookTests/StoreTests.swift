import Foundation
import GRDB
import PapiTrainTesting
import Testing
import Units

@testable import Gradebook

@Suite struct StoreTests {
  @Test func aNewCommuneFileIsAWALResultsDatabaseNamedByItsCode() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    #expect(store.fileURL.lastPathComponent == "03637.sqlite")
    #expect(store.fileURL.deletingLastPathComponent().lastPathComponent == "Results")
    #expect(try store.schemaVersion() == CommuneStore.latestSchemaVersion)
    #expect(try store.integrityCheck().isEmpty)

    let queue = try DatabaseQueue(path: store.fileURL.path)
    try queue.read { db in
      #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
      #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == Schema.latestVersion)
      #expect(try Int32.fetchOne(db, sql: "PRAGMA application_id") == Schema.applicationID)
      let meta = try Dictionary(
        uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM meta").map {
          ($0["key"] as String, $0["value"] as String)
        })
      #expect(
        meta == [
          "format": "papi-train-results", "schema_version": "\(Schema.latestVersion)",
          "commune_code": "03637",
          "answer_sums_half_life_days": "90.0",
        ])
    }
    let (busyTimeout, synchronous) = try store.database.writeWithoutTransaction { db in
      (try Int.fetchOne(db, sql: "PRAGMA busy_timeout"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
    }
    #expect(busyTimeout == 5000)
    #expect(synchronous == 2)  // FULL: a commit survives a power cut, not only a killed process
  }

  @Test func codesThatAreNotDigitsNeverBecomePaths() throws {
    for bad in [
      "../../x", "", "0363/7", "03637.sqlite", "１２３４５", "12 34", "-1", "0x1F",
      String(repeating: "1", count: 13),
    ] {
      #expect(throws: UnitsError.invalidCode(bad)) { try CommuneCode(bad) }
    }
    #expect(try CommuneCode("03637").rawValue == "03637")
    let folder = try TemporaryFolder()
    #expect(try folder.results.communeCodes() == [])
    let decoded = try? JSONDecoder().decode([CommuneCode].self, from: Data(#"["../etc"]"#.utf8))
    #expect(decoded == nil)
  }

  @Test func theResultsFolderComesFromTheOptionThenTheEnvironment() {
    let environment = ["PAPI_RESULTS": "/srv/results"]
    #expect(
      ResultsDirectory(option: "elsewhere", environment: environment).url.lastPathComponent == "elsewhere")
    #expect(ResultsDirectory(option: nil, environment: environment).url.path == "/srv/results")
    #expect(ResultsDirectory(option: nil, environment: [:]).url.lastPathComponent == "Results")
  }

  @Test func textIsStoredInNFCAndNamesAreFoundWithoutDiacritics() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    let decomposed = "Nguyễn  Văn   An".decomposedStringWithCanonicalMapping
    #expect(decomposed.unicodeScalars.count > "Nguyễn Văn An".unicodeScalars.count + 2)
    let official = try store.addOfficial(name: decomposed, position: "chairman")
    #expect(official.name.unicodeScalars.elementsEqual("Nguyễn Văn An".unicodeScalars))

    let storedBytes = try store.database.read { db in
      try String.fetchOne(db, sql: "SELECT hex(name) FROM officials")
    }
    let nfcBytes = Data("Nguyễn Văn An".precomposedStringWithCanonicalMapping.utf8).map {
      String(format: "%02X", $0)
    }
    .joined()
    #expect(storedBytes == nfcBytes)

    for query in ["nguyen van an", "NGUYỄN VĂN AN", decomposed, " Nguyen  Van An "] {
      #expect(try store.officials(named: query).map(\.id) == [official.id], "\(query)")
    }
    #expect(try store.officials(named: "Nguyen Van Anh").isEmpty)
    #expect(try store.officials(matchingPrefix: "va").map(\.id) == [official.id])
    #expect(try store.officials(matchingPrefix: "ngu").map(\.id) == [official.id])
    #expect(try store.officials(matchingPrefix: "x").isEmpty)

    let (_, attempt) = try startQuiz(in: store, name: "Lò Thị Lan")
    let nfdResponse = "{\"text\":\"\("Quyết định".decomposedStringWithCanonicalMapping)\"}"
    try store.record(answer(attempt, 0, response: nfdResponse))
    let stored = try #require(try store.attempt(id: attempt.id)?.answers.first)
    #expect(stored.response.unicodeScalars.elementsEqual("{\"text\":\"Quyết định\"}".unicodeScalars))
  }

  @Test func officialsNeedANameAndAPosition() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    #expect(throws: GradebookError.emptyName) { try store.addOfficial(name: "  ", position: "chairman") }
    #expect(throws: GradebookError.emptyField("position")) { try store.addOfficial(name: "A", position: "") }
    #expect(try store.officials().isEmpty)
  }

  @Test func answersAreKeptAsGivenAndAnAttemptResumesWhereItStopped() throws {
    let folder = try TemporaryFolder()
    let seed = UInt64.max - 7
    var (official, attempt) = try {
      let store = try folder.results.store(for: Commune.muongKim)
      let started = try startQuiz(in: store, count: 5, seed: seed)
      try store.record(answer(started.1, 0))
      try store.record(answer(started.1, 1, score: 0.5))
      return started
    }()

    // A new store, as after the shell was killed and started again.
    let store = try folder.results.store(for: Commune.muongKim)
    let resumed = try #require(try store.unfinishedAttempt(officialID: official.id, quizID: attempt.quizID))
    #expect(resumed.id == attempt.id)
    #expect(resumed.seed == seed)
    #expect(resumed.questionIDs == ["gd.q1", "gd.q2", "gd.q3", "gd.q4", "gd.q5"])
    #expect(resumed.answers.map(\.questionID) == ["gd.q1", "gd.q2"])
    #expect(resumed.answers.map(\.score) == [1, 0.5])
    #expect(resumed.answers.map(\.isCorrect) == [true, false])
    #expect(resumed.unansweredQuestionIDs == ["gd.q3", "gd.q4", "gd.q5"])
    #expect(resumed.status == .inProgress)

    for index in 2..<5 { try store.record(answer(resumed, index)) }
    attempt = try store.finishAttempt(
      attempt.id, score: 4.5, maxScore: 5, at: Date(timeIntervalSince1970: 1_760_000_900))
    #expect(attempt.status == .finished)
    #expect(attempt.answers.count == 5)
    #expect(attempt.score == 4.5 && attempt.maxScore == 5)
    #expect(attempt.endedAt == Date(timeIntervalSince1970: 1_760_000_900))
    #expect(try store.unfinishedAttempt(officialID: official.id, quizID: attempt.quizID) == nil)
    #expect(try store.attempts(officialID: official.id) == [attempt])
    #expect(try store.allAttempts() == [attempt])
    official.name += ""
  }

  @Test func anAnswerIsCommittedBeforeRecordReturns() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    let (_, attempt) = try startQuiz(in: store)
    try store.record(answer(attempt, 0))
    // Another connection, as another process would have, sees it at once.
    let other = try DatabaseQueue(path: store.fileURL.path)
    #expect(try other.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM answers") } == 1)
  }

  @Test func recordingRefusesWhatWouldCorruptTheRecord() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    let (official, attempt) = try startQuiz(in: store)
    try store.record(answer(attempt, 0))
    try store.record(answer(attempt, 0))  // the same answer again: a harmless retry
    #expect(throws: GradebookError.conflictingAnswer(question: "gd.q1", attempt: attempt.id)) {
      try store.record(answer(attempt, 0, response: "{\"choice\":\"c\"}", score: 0))
    }
    var stray = answer(attempt, 1)
    stray.questionID = "other.q9"
    #expect(throws: GradebookError.questionNotInAttempt(question: "other.q9", attempt: attempt.id)) {
      try store.record(stray)
    }
    var negative = answer(attempt, 1)
    negative.timeTaken = -1
    #expect(throws: GradebookError.invalidNumber(field: "timeTaken", value: -1)) {
      try store.record(negative)
    }
    var nan = answer(attempt, 1)
    nan.score = .nan
    #expect(throws: (any Error).self) { try store.record(nan) }
    let unknown = AttemptID()
    var orphan = answer(attempt, 1)
    orphan.attemptID = unknown
    #expect(throws: GradebookError.unknownAttempt(unknown)) { try store.record(orphan) }
    let stranger = OfficialID()
    #expect(throws: GradebookError.unknownOfficial(stranger)) {
      try store.startAttempt(
        Attempt(
          officialID: stranger, quizID: "q", courseID: "c", courseVersion: "1", seed: 1, questionIDs: [],
          startedAt: Date()))
    }
    let noClass = ClassID()
    #expect(throws: GradebookError.unknownClass(noClass)) {
      try store.startAttempt(
        Attempt(
          officialID: official.id, quizID: "q", courseID: "c", courseVersion: "1", classID: noClass, seed: 1,
          questionIDs: [], startedAt: Date()))
    }

    try store.abandonAttempt(attempt.id, at: Date())
    #expect(throws: GradebookError.attemptNotInProgress(attempt.id, .abandoned)) {
      try store.record(answer(attempt, 1))
    }
    #expect(throws: GradebookError.attemptNotInProgress(attempt.id, .abandoned)) {
      try store.finishAttempt(attempt.id, score: 1, maxScore: 5, at: Date())
    }
    let kept = try #require(try store.attempt(id: attempt.id))
    #expect(kept.status == .abandoned)
    #expect(kept.answers.count == 1)
    #expect(kept.answers[0].response == "{\"choice\":\"b\"}")
  }

  @Test func classesAreStoredInEachOfTheirCommunes() throws {
    let folder = try TemporaryFolder()
    let results = folder.results
    var training = TrainingClass(
      trainer: "Nguyễn Thị Hằng", date: "2025-09-12", place: "Hội trường UBND xã Mường Kim",
      communeCodes: [Commune.khoenOn, Commune.muongKim])
    training = try results.saveClass(training)
    #expect(try results.communeCodes() == [Commune.muongKim, Commune.khoenOn])
    let muongKim = try results.store(for: Commune.muongKim)
    let khoenOn = try results.store(for: Commune.khoenOn)
    #expect(try muongKim.classes() == [training])
    #expect(try khoenOn.trainingClass(id: training.id) == training)

    training.place = "Trung tâm Phục vụ hành chính công"
    try muongKim.saveClass(training)
    #expect(try muongKim.classes().map(\.place) == ["Trung tâm Phục vụ hành chính công"])

    let official = try muongKim.addOfficial(name: "Lò Văn Thắng", position: "chairman")
    let attempt = try muongKim.startAttempt(
      Attempt(
        officialID: official.id, quizID: "q", courseID: "c", courseVersion: "1", classID: training.id,
        seed: 7,
        questionIDs: ["a"], startedAt: Date()))
    #expect(try muongKim.attempt(id: attempt.id)?.classID == training.id)
    #expect(try muongKim.deleteClass(id: training.id))
    #expect(try !muongKim.deleteClass(id: training.id))
    #expect(try muongKim.attempt(id: attempt.id)?.classID == nil)
    #expect(try muongKim.attempt(id: attempt.id) != nil)

    for bad in ["2025-02-30", "12/09/2025", "2025-9-12", ""] {
      var wrong = training
      wrong.date = bad
      #expect(throws: GradebookError.invalidDate(bad)) { try results.saveClass(wrong) }
    }
    var elsewhere = training
    elsewhere.communeCodes = [Commune.khoenOn]
    #expect(throws: GradebookError.classNotForCommune(training.id, Commune.muongKim)) {
      try muongKim.saveClass(elsewhere)
    }
  }

  @Test func aFileThatIsNotOursIsRefusedAndLeftUntouched() throws {
    let folder = try TemporaryFolder()
    let results = folder.results
    try FileManager.default.createDirectory(at: results.url, withIntermediateDirectories: true)
    let path = results.fileURL(for: Commune.muongKim).path
    do {
      let foreign = try DatabaseQueue(path: path)
      try foreign.write { try $0.execute(sql: "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)") }
      try foreign.close()
    }
    let before = fileState(path)
    #expect(throws: GradebookError.notAResultsDatabase(path: path)) {
      try results.store(for: Commune.muongKim)
    }
    #expect(fileState(path) == before)

    try Data("Họ và tên,Chức vụ\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: GradebookError.notADatabase(path: path)) { try results.store(for: Commune.muongKim) }
    #expect(FileManager.default.contents(atPath: path) == Data("Họ và tên,Chức vụ\n".utf8))
  }

  @Test func aFileFromANewerVersionIsRefused() throws {
    let folder = try TemporaryFolder()
    let path = try makeNewerSchemaFile(in: folder.results, commune: Commune.muongKim)
    let before = fileState(path)
    #expect(
      throws: GradebookError.newerSchema(
        path: path, found: Schema.latestVersion + 1, supported: Schema.latestVersion)
    ) {
      try folder.results.store(for: Commune.muongKim)
    }
    #expect(fileState(path) == before)
    let message = GradebookError.newerSchema(
      path: path, found: Schema.latestVersion + 1, supported: Schema.latestVersion
    ).text(in: .english)
    #expect(message.contains("newer papi-train") && message.contains("schema \(Schema.latestVersion + 1)"))
  }

  @Test func anotherCommunesFileIsRefused() throws {
    let folder = try TemporaryFolder()
    let results = folder.results
    _ = try results.store(for: Commune.muongKim).addOfficial(name: "A", position: "chairman")
    try FileManager.default.copyItem(
      at: results.fileURL(for: Commune.muongKim), to: results.fileURL(for: Commune.khoenOn))
    #expect(
      throws: GradebookError.communeMismatch(
        path: results.fileURL(for: Commune.khoenOn).path, found: Commune.muongKim, expected: Commune.khoenOn)
    ) { try results.store(for: Commune.khoenOn) }
  }

  @Test func aDatabaseAtTheFirstVersionMigratesToTheLatestWithItsData() throws {
    let folder = try TemporaryFolder()
    let results = folder.results
    try FileManager.default.createDirectory(at: results.url, withIntermediateDirectories: true)
    let path = results.fileURL(for: Commune.muongKim).path
    let officialID = OfficialID()
    let attemptID = AttemptID()
    do {
      let queue = try DatabaseQueue(path: path)
      try Schema.migrator.migrate(queue, upTo: Schema.migrationIdentifiers[0])
      try queue.write { db in
        #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 1)
        #expect(try !db.tableExists("classes"))
        try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('commune_code', '03637')")
        // Written by the first version, with the name as a decomposing input method sent it.
        try db.execute(
          sql: "INSERT INTO officials (id, name, position, commune_code, created_at) VALUES (?, ?, ?, ?, ?)",
          arguments: [
            officialID.uuidString, "Điêu Chính Tươi".decomposedStringWithCanonicalMapping, "culture-society",
            "03637", "2025-08-01 08:00:00.000",
          ])
        try db.execute(
          sql: """
            INSERT INTO attempts (id, official_id, quiz_id, course_id, course_version, started_at, seed,
              question_ids, status) VALUES (?, ?, 'q', 'c', '1', '2025-08-01 08:05:00.000', '18446744073709551615',
              '["a","b"]', 'in-progress')
            """, arguments: [attemptID.uuidString, officialID.uuidString])
        try db.execute(
          sql: """
            INSERT INTO answers VALUES (?, 'a', 0, '{"truth":true}', 1.0, 1, 9.5, '2025-08-01 08:06:00.000')
            """, arguments: [attemptID.uuidString])
      }
      try queue.close()
    }

    let store = try results.store(for: Commune.muongKim)
    #expect(try store.schemaVersion() == Schema.latestVersion)
    let official = try #require(try store.officials(named: "dieu chinh tuoi").first)
    #expect(official.id == officialID)
    #expect(official.name.unicodeScalars.elementsEqual("Điêu Chính Tươi".unicodeScalars))
    let attempt = try #require(try store.unfinishedAttempt(officialID: officialID, quizID: "q"))
    #expect(attempt.seed == UInt64.max)
    #expect(attempt.classID == nil)
    #expect(attempt.answers.map(\.response) == ["{\"truth\":true}"])
    #expect(attempt.unansweredQuestionIDs == ["b"])
    try store.record(
      Answer(
        attemptID: attemptID, questionID: "b", position: 1, response: "x", score: 0, isCorrect: false,
        timeTaken: 3,
        answeredAt: Date()))
    #expect(try store.classes().isEmpty)
    #expect(try store.integrityCheck().isEmpty)
  }

  @Test func twoConnectionsWritingTheSameCommuneAtOnceBothSucceed() async throws {
    let folder = try TemporaryFolder()
    let results = folder.results
    let setup = try results.store(for: Commune.muongKim)
    let (_, first) = try startQuiz(in: setup, name: "Lò Văn Thắng", count: 150)
    let (_, second) = try startQuiz(in: setup, name: "Hoàng Thị Mai", count: 150)
    // Two separate pools, each with its own writer connection, as two shells would have.
    let a = try CommuneStore(communeCode: Commune.muongKim, fileURL: results.fileURL(for: Commune.muongKim))
    let b = try CommuneStore(communeCode: Commune.muongKim, fileURL: results.fileURL(for: Commune.muongKim))
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (store, attempt) in [(a, first), (b, second)] {
        group.addTask {
          for index in 0..<150 { try store.record(answer(attempt, index)) }
        }
      }
      try await group.waitForAll()
    }
    #expect(try setup.attempt(id: first.id)?.answers.count == 150)
    #expect(try setup.attempt(id: second.id)?.answers.count == 150)
    #expect(try setup.integrityCheck().isEmpty)

    // One connection holds a write transaction for a second: the other waits for it (busy
    // timeout) instead of failing with "database is locked".
    let (_, third) = try startQuiz(in: setup, name: "Tòng Văn Hùng", count: 1)
    let locked = DispatchSemaphore(value: 0)
    let holder = Task.detached {
      try a.database.writeWithoutTransaction { db in
        try db.inTransaction(.immediate) {
          locked.signal()
          Thread.sleep(forTimeInterval: 1)
          return .commit
        }
      }
    }
    locked.wait()
    let clock = ContinuousClock()
    let waited = try clock.measure { try b.record(answer(third, 0)) }
    try await holder.value
    #expect(waited > .milliseconds(500))
    #expect(try setup.attempt(id: third.id)?.answers.count == 1)
  }

  /// A file locked for longer than SQLite's busy timeout (5 s), as a file being created and
  /// migrated by another process can be under heavy load: opening it, to write or to read,
  /// waits and then succeeds instead of saying "database is locked".
  @Test func openingWaitsOutALockHeldLongerThanTheBusyTimeout() async throws {
    let folder = try TemporaryFolder()
    let results = folder.results
    try results.store(for: Commune.muongKim).addOfficial(name: "Lò Văn Thắng", position: "chairman")
    let path = results.fileURL(for: Commune.muongKim).path
    let locked = DispatchSemaphore(value: 0)
    let holder = Task.detached {
      let queue = try DatabaseQueue(path: path)
      try queue.writeWithoutTransaction { db in
        try db.inTransaction(.exclusive) {
          locked.signal()
          Thread.sleep(forTimeInterval: 6)
          return .commit
        }
      }
      try queue.close()
    }
    locked.wait()
    async let reading = Task.detached { try results.readOnlyStore(for: Commune.muongKim)?.officials().count }
      .value
    let clock = ContinuousClock()
    var count = 0
    let waited = try clock.measure { count = try results.store(for: Commune.muongKim).officials().count }
    #expect(count == 1)
    #expect(try await reading == 1)
    try await holder.value
    #expect(waited > .seconds(5))
  }

  @Test func twoProcessesCreatingTheSameFileAtOnceBothGetAWorkingStore() async throws {
    // Many openers race on a file that does not exist yet: each must migrate or see it migrated.
    let folder = try TemporaryFolder()
    let results = folder.results
    try FileManager.default.createDirectory(at: results.url, withIntermediateDirectories: true)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<6 {
        group.addTask {
          let store = try CommuneStore(
            communeCode: Commune.muongKim, fileURL: results.fileURL(for: Commune.muongKim))
          try store.addOfficial(name: "Cán bộ \(index)", position: "chairman")
        }
      }
      try await group.waitForAll()
    }
    let store = try results.store(for: Commune.muongKim)
    #expect(try store.officials().count == 6)
  }

  /// A thousand answers, one committed transaction each, all kept (how fast is case 5 of
  /// Benchmarks/run, not a test's business).
  @Test func aThousandAnswersOneTransactionEachAreAllKept() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    let (_, attempt) = try startQuiz(in: store, count: 1000)
    for index in 0..<1000 { try store.record(answer(attempt, index)) }
    #expect(try store.attempt(id: attempt.id)?.answers.map(\.position) == Array(0..<1000))
  }
}

/// A results file that claims a schema version this build does not know.
func makeNewerSchemaFile(in results: ResultsDirectory, commune: CommuneCode) throws -> String {
  let store = try results.store(for: commune)
  try store.addOfficial(name: "Lò Văn Thắng", position: "chairman")
  try store.database.write { db in
    try db.execute(sql: "CREATE TABLE surveys (id TEXT PRIMARY KEY)")
    try db.execute(
      sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v\(Schema.latestVersion + 1)-surveys')")
    try db.execute(sql: "UPDATE meta SET value = '\(Schema.latestVersion + 1)' WHERE key = 'schema_version'")
    try db.execute(sql: "PRAGMA user_version = \(Schema.latestVersion + 1)")
  }
  try store.database.close()
  return store.fileURL.path
}

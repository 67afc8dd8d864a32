import Foundation
import GRDB
import PapiTrainTesting
import Testing
import Units

@testable import Gradebook

@Suite struct MergeTests {
  /// Results of Mường Kim on a training-room laptop: two officials, a class, a finished attempt
  /// and one in progress.
  func laptopResults(in folder: TemporaryFolder, name: String = "laptop") throws -> CommuneStore {
    let results = ResultsDirectory(url: folder.url.appendingPathComponent(name))
    let training = try results.saveClass(
      TrainingClass(
        trainer: "Nguyễn Thị Hằng", date: "2025-09-12", place: "Hội trường xã",
        communeCodes: [Commune.muongKim]))
    let store = try results.store(for: Commune.muongKim)
    let (_, finished) = try startQuiz(in: store, name: "Lò Văn Thắng", count: 3)
    for index in 0..<3 { try store.record(answer(finished, index)) }
    try store.finishAttempt(
      finished.id, score: 3, maxScore: 3, at: Date(timeIntervalSince1970: 1_760_000_500))
    let other = try store.addOfficial(name: "Hoàng Thị Mai", position: "vice-chairman")
    let open = try store.startAttempt(
      Attempt(
        officialID: other.id, quizID: "one-stop.check", courseID: "one-stop", courseVersion: "2025.2",
        classID: training.id, seed: 99, questionIDs: ["os.q1", "os.q2"], startedAt: Date()))
    try store.record(answer(open, 0, score: 0))
    return store
  }

  @Test func mergingTwiceAddsNothingTheSecondTime() throws {
    let folder = try TemporaryFolder()
    let laptop = try laptopResults(in: folder)
    let central = folder.results
    let merger = ResultsMerger(destination: central)

    let first = merger.merge(paths: [laptop.fileURL.path])
    guard case .merged(let commune, let added, let conflicts, let duplicates) = first.files.first?.outcome
    else {
      Issue.record("not merged: \(first)")
      return
    }
    #expect(commune == Commune.muongKim)
    #expect(added.officials == 2 && added.classes == 1 && added.attempts == 2 && added.answers == 4)
    #expect(added.attemptsUpdated == 0)
    #expect(conflicts.isEmpty && duplicates.isEmpty)
    let destination = central.fileURL(for: Commune.muongKim).path
    #expect(try dump(destination) == dump(laptop.fileURL.path))

    let contents = try dump(destination)
    let second = merger.merge(paths: [laptop.fileURL.path])
    guard case .merged(_, let again, let conflictsAgain, _) = second.files.first?.outcome else {
      Issue.record("not merged: \(second)")
      return
    }
    #expect(again.isEmpty)
    #expect(conflictsAgain.isEmpty)
    #expect(try dump(destination) == contents)
    #expect(second.totals == [Commune.muongKim: MergeCounts()])
  }

  @Test func theInputIsNeverModifiedEvenWithCommittedAnswersStillInItsLog() throws {
    let folder = try TemporaryFolder()
    let laptop = try laptopResults(in: folder)
    // The laptop's store is still open: its last answers are in the -wal file, not yet in the
    // database file. A copy taken now (file and log) holds them.
    let path = laptop.fileURL.path
    #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    let usb = folder.url.appendingPathComponent("usb")
    try FileManager.default.createDirectory(at: usb, withIntermediateDirectories: true)
    let input = usb.appendingPathComponent("03637.sqlite").path
    try FileManager.default.copyItem(atPath: path, toPath: input)
    try FileManager.default.copyItem(atPath: path + "-wal", toPath: input + "-wal")
    let before = fileState(input)
    let listing = try FileManager.default.contentsOfDirectory(atPath: usb.path).sorted()
    let modified = try FileManager.default.attributesOfItem(atPath: input)[.modificationDate] as? Date

    let report = ResultsMerger(destination: folder.results).merge(paths: [usb.path])
    #expect(report.totals[Commune.muongKim]?.answers == 4)
    #expect(fileState(input) == before)  // byte for byte, the file and its log
    // No -shm or other file left next to it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: usb.path).sorted() == listing)
    #expect(try FileManager.default.attributesOfItem(atPath: input)[.modificationDate] as? Date == modified)
  }

  @Test func answersOfTheSameAttemptAreUnitedAndAFinishedAttemptStaysFinished() throws {
    let folder = try TemporaryFolder()
    // The shell wrote two answers, the file was copied to a USB stick, then the official went on
    // and finished the quiz on the laptop.
    let laptop = try folder.results.store(for: Commune.muongKim)
    let (_, attempt) = try startQuiz(in: laptop, count: 4)
    try laptop.record(answer(attempt, 0))
    try laptop.record(answer(attempt, 1, score: 0))
    _ = try laptop.database.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    let early = folder.path("early.sqlite")
    try FileManager.default.copyItem(atPath: laptop.fileURL.path, toPath: early)
    try laptop.record(answer(attempt, 2))
    try laptop.record(answer(attempt, 3))
    try laptop.finishAttempt(
      attempt.id, score: 3, maxScore: 4, at: Date(timeIntervalSince1970: 1_760_001_000))

    // The province receives the early copy first, then the finished file.
    let province = ResultsDirectory(url: folder.url.appendingPathComponent("province"))
    let merger = ResultsMerger(destination: province)
    #expect(merger.merge(paths: [early]).totals[Commune.muongKim]?.answers == 2)
    let late = merger.merge(paths: [laptop.fileURL.path]).totals[Commune.muongKim]
    #expect(late?.answers == 2 && late?.attemptsUpdated == 1 && late?.attempts == 0)
    let merged = try #require(try province.store(for: Commune.muongKim).attempt(id: attempt.id))
    #expect(merged.answers.map(\.questionID) == ["gd.q1", "gd.q2", "gd.q3", "gd.q4"])
    #expect(merged.status == .finished && merged.score == 3)

    // The early copy again, now that the attempt is finished: nothing goes backwards.
    let again = merger.merge(paths: [early])
    #expect(again.totals[Commune.muongKim] == MergeCounts())
    #expect(try province.store(for: Commune.muongKim).attempt(id: attempt.id)?.status == .finished)

    // And the other way round: the finished file first, the early copy after.
    let other = ResultsDirectory(url: folder.url.appendingPathComponent("other"))
    _ = ResultsMerger(destination: other).merge(paths: [laptop.fileURL.path, early])
    #expect(try other.store(for: Commune.muongKim).attempt(id: attempt.id) == merged)
  }

  @Test func theSamePersonAddedOnTwoMachinesIsKeptTwiceAndReported() throws {
    let folder = try TemporaryFolder()
    let a = try ResultsDirectory(url: folder.url.appendingPathComponent("a")).store(for: Commune.muongKim)
    let b = try ResultsDirectory(url: folder.url.appendingPathComponent("b")).store(for: Commune.muongKim)
    let onA = try a.addOfficial(name: "Lường Thị Hoa", position: "justice-civil-status")
    let onB = try b.addOfficial(name: "luong thi hoa", position: "justice-civil-status")
    try b.addOfficial(name: "Tòng Văn Hùng", position: "office-statistics")

    let report = ResultsMerger(destination: folder.results).merge(paths: [a.fileURL.path, b.fileURL.path])
    guard case .merged(_, let added, _, let duplicates) = report.files.last?.outcome else {
      Issue.record("not merged: \(report)")
      return
    }
    #expect(added.officials == 2)
    #expect(duplicates.map { Set($0.map(\.id)) } == [[onA.id, onB.id]])
    #expect(try folder.results.store(for: Commune.muongKim).officials().count == 3)
  }

  @Test func recordsThatDifferUnderTheSameIdKeepTheDestinationsVersion() throws {
    let folder = try TemporaryFolder()
    let source = try ResultsDirectory(url: folder.url.appendingPathComponent("a")).store(
      for: Commune.muongKim)
    let (official, attempt) = try startQuiz(in: source, count: 2)
    try source.record(answer(attempt, 0))
    let destination = try folder.results.store(for: Commune.muongKim)
    try destination.addOfficial(name: "Lò Văn Thắng", position: "vice-chairman", id: official.id)
    _ = try destination.startAttempt(
      Attempt(
        id: attempt.id, officialID: official.id, quizID: attempt.quizID, courseID: attempt.courseID,
        courseVersion: attempt.courseVersion, seed: attempt.seed, questionIDs: attempt.questionIDs,
        startedAt: attempt.startedAt))
    try destination.record(answer(attempt, 0, response: "{\"choice\":\"a\"}", score: 0))

    let outcome = ResultsMerger(destination: folder.results).mergeFile(at: source.fileURL.path)
    guard case .merged(_, let added, let conflicts, _) = outcome else {
      Issue.record("not merged: \(outcome)")
      return
    }
    #expect(added.isEmpty)
    #expect(
      Set(conflicts) == [.official(official.id), .answer(attempt: attempt.id, question: "gd.q1")])
    #expect(try destination.official(id: official.id)?.position == "vice-chairman")
    #expect(try destination.attempt(id: attempt.id)?.answers.first?.response == "{\"choice\":\"a\"}")
  }

  @Test func aForeignOrDamagedOrNewerFileIsRefusedAndNothingIsWritten() throws {
    let folder = try TemporaryFolder()
    let inputs = folder.url.appendingPathComponent("inputs")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)

    let foreign = inputs.appendingPathComponent("03637.sqlite").path
    do {
      let queue = try DatabaseQueue(path: foreign)
      try queue.write { db in
        try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        try db.execute(sql: "INSERT INTO invoices (total) VALUES (12.5)")
      }
      try queue.close()
    }

    let text = inputs.appendingPathComponent("03640.sqlite").path
    try Data("STT,Họ và tên\n1,Lò Văn Thắng\n".utf8).write(to: URL(fileURLWithPath: text))

    // A real results file with a page overwritten, as a failing USB stick leaves it.
    let damaged = inputs.appendingPathComponent("03595.sqlite").path
    do {
      let store = try ResultsDirectory(url: folder.url.appendingPathComponent("src")).store(
        for: try CommuneCode("03595"))
      let (_, attempt) = try startQuiz(in: store, count: 200)
      for index in 0..<200 {
        try store.record(answer(attempt, index, response: String(repeating: "x", count: 300)))
      }
      _ = try store.database.writeWithoutTransaction { try $0.checkpoint(.truncate) }
      try store.database.close()
      var bytes = try Data(contentsOf: store.fileURL)
      #expect(bytes.count > 40_000)
      for offset in 8_192..<(bytes.count - 4_096) where offset % 3 == 0 { bytes[offset] = 0xA5 }
      try bytes.write(to: URL(fileURLWithPath: damaged))
    }

    let newer = try makeNewerSchemaFile(
      in: ResultsDirectory(url: folder.url.appendingPathComponent("future")),
      commune: try CommuneCode("03618"))
    let newerInput = inputs.appendingPathComponent("03618.sqlite").path
    try FileManager.default.copyItem(atPath: newer, toPath: newerInput)

    let before = try [foreign, text, damaged, newerInput].map {
      try Data(contentsOf: URL(fileURLWithPath: $0))
    }
    let report = ResultsMerger(destination: folder.results).merge(paths: [inputs.path])
    #expect(report.hasRefusals)
    let outcomes = Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, $0.outcome) })
    #expect(outcomes[foreign] == .refused(.notAResultsDatabase(path: foreign)))
    #expect(outcomes[text] == .refused(.notADatabase(path: text)))
    #expect(
      outcomes[newerInput]
        == .refused(
          .newerSchema(path: newerInput, found: Schema.latestVersion + 1, supported: Schema.latestVersion)))
    switch outcomes[damaged] {
    case .refused(.damaged(let path, _)), .refused(.notADatabase(let path)): #expect(path == damaged)
    default: Issue.record("damaged file not refused: \(String(describing: outcomes[damaged]))")
    }
    #expect(try folder.results.communeCodes().isEmpty)  // nothing written anywhere
    #expect(
      try [foreign, text, damaged, newerInput].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        == before)

    let message = GradebookError.notAResultsDatabase(path: foreign).text(in: .vietnamese)
    #expect(message.hasPrefix(foreign) && message.contains("không phải tệp kết quả"))
  }

  @Test func aCopyOfTheDatabaseFileAloneTakenAfterAQuizHoldsTheQuiz() throws {
    let folder = try TemporaryFolder()
    let laptop = try folder.results.store(for: Commune.muongKim)  // stays open, as in a running shell
    let (_, attempt) = try startQuiz(in: laptop, count: 3)
    for index in 0..<3 { try laptop.record(answer(attempt, index)) }
    try laptop.finishAttempt(attempt.id, score: 3, maxScore: 3, at: Date())
    let copy = folder.path("copied-without-wal.sqlite")
    try FileManager.default.copyItem(atPath: laptop.fileURL.path, toPath: copy)
    let province = ResultsDirectory(url: folder.url.appendingPathComponent("province"))
    let report = ResultsMerger(destination: province).merge(paths: [copy])
    #expect(report.totals[Commune.muongKim]?.answers == 3)
    #expect(try province.store(for: Commune.muongKim).attempt(id: attempt.id)?.status == .finished)
  }

  @Test func theDestinationFileItselfIsSkipped() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    try store.addOfficial(name: "Lò Văn Thắng", position: "chairman")
    let report = ResultsMerger(destination: folder.results).merge(paths: [folder.results.url.path])
    #expect(report.files.map(\.outcome) == [.skippedDestination(commune: Commune.muongKim)])
  }

  @Test func aMissingPathOrEmptyFolderIsReported() throws {
    let folder = try TemporaryFolder()
    let missing = folder.path("nowhere.sqlite")
    let report = ResultsMerger(destination: folder.results).merge(paths: [missing, folder.url.path])
    #expect(report.files.count == 2)
    #expect(
      report.files.map(\.outcome) == [
        .refused(.noSuchFile(path: missing)), .refused(.noResultsFiles(folder: folder.url.path)),
      ])
  }

  @Test func anOlderInputIsReadThroughAMigratedCopy() throws {
    let folder = try TemporaryFolder()
    let input = folder.path("03637.sqlite")
    let officialID = OfficialID()
    try makeOlderFile(at: input, version: 1) { db in
      try db.execute(
        sql: "INSERT INTO officials (id, name, position, commune_code, created_at) VALUES (?, ?, ?, ?, ?)",
        arguments: [
          officialID.uuidString, "Lò Thị Lan", "finance-accounting", "03637", "2025-08-01 08:00:00.000",
        ])
    }
    let before = fileState(input)
    let report = ResultsMerger(destination: folder.results).merge(paths: [input])
    #expect(report.totals[Commune.muongKim]?.officials == 1, "\(report)")
    #expect(fileState(input) == before)
    #expect(
      try folder.results.store(for: Commune.muongKim).officials(named: "lo thi lan").map(\.id) == [officialID]
    )
  }
}

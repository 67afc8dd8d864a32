import Curriculum
import Foundation
import GRDB
import PapiTrainTesting
import Testing

@testable import Gradebook

/// `ResultsDirectory.readOnlyStore(for:)`, what reports and exports read through, and the
/// class reader `CommuneStore.attempts(classID:quizIDs:startedFrom:startedBefore:)`.
@Suite struct ReadOnlyStoreTests {
  /// A commune with two classes, answers recorded out of position order, finished, abandoned and
  /// in-progress attempts, and the file closed as a shell leaves it.
  private func makeCommune(in folder: TemporaryFolder) throws -> (classes: [ClassID], path: String) {
    let results = folder.results
    let classes = [ClassID(), ClassID()]
    for (index, id) in classes.enumerated() {
      try results.saveClass(
        TrainingClass(
          id: id, trainer: "Lò Thị Mai", date: "2026-0\(index + 3)-12", place: "Phong Thổ",
          communeCodes: [Commune.muongKim]))
    }
    let store = try results.store(for: Commune.muongKim)
    let start = Date(timeIntervalSince1970: 1_760_000_000.123)
    for person in 0..<3 {
      let official = try store.addOfficial(name: "Cán bộ \(person)", position: "chairman", createdAt: start)
      for take in 0..<4 {
        let startedAt = start.addingTimeInterval(Double(person * 10 + take) * 86_400 + 0.457)
        let attempt = try store.startAttempt(
          Attempt(
            officialID: official.id, quizID: take % 2 == 0 ? "gd.pre" : "gd.post",
            courseID: "grassroots-democracy",
            courseVersion: "2025.1", classID: take == 3 ? nil : classes[take % 2],
            seed: UInt64(person * 7 + take),
            questionIDs: (1...5).map { QuestionID("gd.q\($0)") }, startedAt: startedAt))
        // Positions 4, 0, 3, 1 (and 2 only when finished): rows not in position order.
        for position in take == 2 ? [4, 0, 3] : [4, 0, 3, 1, 2] {
          try store.record(
            Answer(
              attemptID: attempt.id, questionID: attempt.questionIDs[position], position: position,
              response: "{\"choice\":\"\(["a", "b", "ç"][position % 3])\"}", score: Double(position % 2),
              isCorrect: position % 2 == 1, timeTaken: 10.25 + Double(position),
              answeredAt: startedAt.addingTimeInterval(Double(position) * 30.001)))
        }
        switch take {
        case 2: try store.abandonAttempt(attempt.id, at: startedAt.addingTimeInterval(600))
        case 1: break
        default:
          try store.finishAttempt(attempt.id, score: 2, maxScore: 5, at: startedAt.addingTimeInterval(900))
        }
      }
    }
    try store.database.close()
    return (classes, store.fileURL.path)
  }

  @Test func readingLeavesTheFileItsCompanionsAndItsTimeAsTheyWere() throws {
    let folder = try TemporaryFolder()
    let (classes, path) = try makeCommune(in: folder)
    let before = fileState(path)
    let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    #expect(before["-wal"] == .some(nil) && before["-shm"] == .some(nil))

    let store = try #require(try folder.results.readOnlyStore(for: Commune.muongKim))
    #expect(store.isReadOnly)
    // It reads through memory the file is mapped to (not a system call per page).
    #expect(
      try store.database.read { try Int.fetchOne($0, sql: "PRAGMA mmap_size") } == CommuneStore.mappedSize)
    #expect(try store.officials().count == 3)
    #expect(try store.trainingClass(id: classes[0]) != nil)
    #expect(try store.attempts(classID: classes[0]).count == 6)
    try store.database.close()

    #expect(fileState(path) == before)
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == modified)
  }

  @Test func aReadOnlyStoreRefusesToWriteAndChangesNothing() throws {
    let folder = try TemporaryFolder()
    let (classes, path) = try makeCommune(in: folder)
    let before = fileState(path)
    let store = try #require(try folder.results.readOnlyStore(for: Commune.muongKim))
    let refused = GradebookError.notWritten(path: path, details: "opened for reading only")
    #expect(throws: refused) { try store.addOfficial(name: "Lò Văn Mới", position: "chairman") }
    let attempt = try #require(try store.attempts(classID: classes[1]).first)
    #expect(throws: refused) { try store.abandonAttempt(attempt.id, at: Date()) }
    #expect(throws: refused) {
      try store.saveClass(
        TrainingClass(trainer: "A", date: "2026-05-01", place: "B", communeCodes: [Commune.muongKim]))
    }
    try store.database.close()
    #expect(fileState(path) == before)
  }

  @Test func aCommuneWithoutAFileIsNilAndNoFileIsCreated() throws {
    let folder = try TemporaryFolder()
    #expect(try folder.results.readOnlyStore(for: Commune.khoenOn) == nil)
    #expect(!FileManager.default.fileExists(atPath: folder.results.fileURL(for: Commune.khoenOn).path))
    #expect(!FileManager.default.fileExists(atPath: folder.results.url.path))
  }

  @Test func aStoreCreatedOnFirstWriteLeavesNothingUntilItWritesThenKeepsWhatItWrote() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.khoenOn, creatingFileOnFirstWrite: true)
    #expect(try store.officials().isEmpty)
    #expect(try store.allAttempts().isEmpty)
    #expect(!FileManager.default.fileExists(atPath: folder.results.url.path))
    // Another process creates the file meanwhile: it is read, not hidden.
    let other = try folder.results.store(for: Commune.khoenOn)
    _ = try other.addOfficial(name: "Lò Văn Pấng", position: "chairman")
    #expect(try store.officials().map(\.name) == ["Lò Văn Pấng"])
    let later = try folder.results.store(for: Commune.muongKim, creatingFileOnFirstWrite: true)
    _ = try later.addOfficial(name: "Tao Thị Hương", position: "chairman")
    let reread = try #require(try folder.results.readOnlyStore(for: Commune.muongKim))
    #expect(try reread.officials().map(\.name) == ["Tao Thị Hương"])
    #expect(try reread.integrityCheck().isEmpty)
  }

  @Test func foreignNewerAndOtherCommunesFilesAreRefusedAsByAWritableOpening() throws {
    let folder = try TemporaryFolder()
    let newer = try makeNewerSchemaFile(in: folder.results, commune: Commune.muongKim)
    let before = fileState(newer)
    #expect(
      throws: GradebookError.newerSchema(
        path: newer, found: Schema.latestVersion + 1, supported: Schema.latestVersion)
    ) { try folder.results.readOnlyStore(for: Commune.muongKim) }
    #expect(fileState(newer) == before)

    let other = folder.results.fileURL(for: Commune.khoenOn)
    try FileManager.default.removeItem(atPath: newer)
    _ = try makeCommune(in: folder)
    try FileManager.default.copyItem(at: folder.results.fileURL(for: Commune.muongKim), to: other)
    #expect(
      throws: GradebookError.communeMismatch(
        path: other.path, found: Commune.muongKim, expected: Commune.khoenOn)
    ) { try folder.results.readOnlyStore(for: Commune.khoenOn) }

    try Data("not a database at all, just text".utf8).write(to: other)
    #expect(throws: GradebookError.notADatabase(path: other.path)) {
      try folder.results.readOnlyStore(for: Commune.khoenOn)
    }
  }

  @Test func aFileAtTheFirstSchemaIsMigratedThenRead() throws {
    let folder = try TemporaryFolder()
    let results = folder.results
    try FileManager.default.createDirectory(at: results.url, withIntermediateDirectories: true)
    let path = results.fileURL(for: Commune.muongKim).path
    try makeOlderFile(at: path, version: 1) { db in
      try db.execute(
        sql: "INSERT INTO officials (id, name, position, commune_code, created_at) VALUES (?, ?, ?, ?, ?)",
        arguments: [UUID().uuidString, "Lò Văn Cũ", "chairman", "03637", "2025-01-01 00:00:00.000"])
    }
    let store = try #require(try results.readOnlyStore(for: Commune.muongKim))
    #expect(try store.officials().map(\.name) == ["Lò Văn Cũ"])
    #expect(try store.schemaVersion() == Schema.latestVersion)
  }

  /// The class reader (SQLite's column functions, answers in the order written) gives exactly
  /// what the general reader gives, to the millisecond times are stored with. (GRDB's decoding of
  /// "08:53:20.580" can land a nanosecond short of it, the class reader's on the nearest double.)
  @Test func theClassReaderGivesWhatTheGeneralReaderGives() throws {
    let folder = try TemporaryFolder()
    let (classes, _) = try makeCommune(in: folder)
    let store = try #require(try folder.results.readOnlyStore(for: Commune.muongKim))
    func toTheMillisecond(_ attempts: [Attempt]) -> [Attempt] {
      func rounded(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
      }
      return attempts.map { attempt in
        var attempt = attempt
        attempt.startedAt = rounded(attempt.startedAt)
        attempt.endedAt = attempt.endedAt.map(rounded)
        for index in attempt.answers.indices {
          attempt.answers[index].answeredAt = rounded(attempt.answers[index].answeredAt)
        }
        return attempt
      }
    }
    let all = toTheMillisecond(try store.allAttempts())
    #expect(all.count == 12)
    #expect(all.allSatisfy { $0.answers.map(\.position) == $0.answers.map(\.position).sorted() })
    #expect(toTheMillisecond(try store.attempts(classID: nil)) == all)
    for id in classes {
      #expect(toTheMillisecond(try store.attempts(classID: id)) == all.filter { $0.classID == id })
    }
    #expect(
      toTheMillisecond(try store.attempts(classID: nil, quizIDs: ["gd.post"]))
        == all.filter { $0.quizID == "gd.post" })
    let from = all[4].startedAt
    let before = all[9].startedAt
    #expect(
      toTheMillisecond(try store.attempts(classID: classes[0], startedFrom: from, startedBefore: before))
        == all.filter { $0.classID == classes[0] && $0.startedAt >= from && $0.startedAt < before })
  }

  @Test func aValueKeptInTheWrongFormIsNamedNotReadAsZero() throws {
    let folder = try TemporaryFolder()
    let (classes, path) = try makeCommune(in: folder)
    let writer = try DatabaseQueue(path: path)
    try writer.write { db in
      try db.execute(sql: "DROP TRIGGER answers_are_kept_before_update")
      try db.execute(sql: "UPDATE answers SET score = 'nhiều' WHERE position = 3")
    }
    try writer.close()
    let store = try #require(try folder.results.readOnlyStore(for: Commune.muongKim))
    #expect(throws: GradebookError.damaged(path: path, details: "answers.score is 'nhiều', not a number")) {
      try store.attempts(classID: classes[0])
    }
    let fixer = try DatabaseQueue(path: path)
    try fixer.write { db in
      try db.execute(sql: "UPDATE answers SET score = 1 WHERE position = 3")
      try db.execute(
        sql: "UPDATE attempts SET started_at = 'hôm qua' WHERE class_id = ?",
        arguments: [classes[0].uuidString])
    }
    try fixer.close()
    #expect(
      throws: GradebookError.damaged(
        path: path, details: "attempts.started_at is not a time (YYYY-MM-DD HH:MM:SS.SSS)")
    ) { try store.attempts(classID: classes[0]) }
  }

  @Test func canonicalUUIDTextParsesAsFoundationParsesIt() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<500 {
      let id = UUID()
      let text = Bool.random(using: &generator) ? id.uuidString : id.uuidString.lowercased()
      let parsed = Array(text.utf8).withUnsafeBufferPointer { UUID(canonicalText: $0) }
      #expect(parsed == id)
    }
    for text in [
      "", "E621E1F8-C36C-495A-93FC-0C247A3E6E5", "E621E1F8-C36C-495A-93FC-0C247A3E6E5FF",
      "E621E1F8C36C-495A-93FC-0C247A3E6E5F0", "G621E1F8-C36C-495A-93FC-0C247A3E6E5F",
      "E621E1F8-C36C-495A-93FC_0C247A3E6E5F", "{621E1F8-C36C-495A-93FC-0C247A3E6E5}",
    ] {
      let parsed = Array(text.utf8).withUnsafeBufferPointer { UUID(canonicalText: $0) }
      #expect(parsed == nil, "\(text)")
      #expect(UUID(uuidString: text) == nil, "\(text)")
    }
  }
}

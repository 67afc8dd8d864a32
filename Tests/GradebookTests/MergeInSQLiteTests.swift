import Curriculum
import Foundation
import GRDB
import PapiTrainTesting
import Testing

@testable import Gradebook

/// Merge copies attempts and answers inside SQLite when a file is in the form papi-train writes,
/// and row by row through Swift otherwise. Both must give the same destination, row for row.
@Suite struct MergeInSQLiteTests {
  /// A laptop with 4 officials × 6 attempts of 5 questions: finished, abandoned, in progress,
  /// some on the same start time; Vietnamese responses; one response not in NFC.
  func busyLaptop(_ folder: TemporaryFolder, name: String = "laptop") throws -> (CommuneStore, [Attempt]) {
    let results = ResultsDirectory(url: folder.url.appendingPathComponent(name))
    let training = try results.saveClass(
      TrainingClass(
        trainer: "Nguyễn Thị Hằng", date: "2025-09-12", place: "Hội trường xã",
        communeCodes: [Commune.muongKim, Commune.khoenOn]))
    let store = try results.store(for: Commune.muongKim)
    var attempts: [Attempt] = []
    let names = ["Lò Văn Thắng", "Hoàng Thị Mai", "Lường Thị Hoa", "Tòng Văn Hùng"]
    for (officialIndex, name) in names.enumerated() {
      let official = try store.addOfficial(
        name: name, position: "chairman", createdAt: Date(timeIntervalSince1970: 1_760_000_000))
      for index in 0..<6 {
        // Attempts 0 and 1 of every official start at the same moment: ordered by id.
        let start = Date(timeIntervalSince1970: 1_760_000_000 + Double(max(index, 1) * 1_000 + officialIndex))
        let attempt = try store.startAttempt(
          Attempt(
            officialID: official.id, quizID: "grassroots-democracy.final", courseID: "grassroots-democracy",
            courseVersion: "2025.1", classID: index % 2 == 0 ? training.id : nil,
            seed: UInt64.max - UInt64(index), questionIDs: (1...5).map { QuestionID("gd.q\($0 + index)") },
            startedAt: start))
        let answered = index == 5 ? 2 : 5
        for question in 0..<answered {
          try store.record(
            answer(
              attempt, question, response: question == 2 ? "Hội đồng nhân dân xã" : "{\"choice\":\"b\"}",
              score: Double((question + index) % 3) / 2,
              at: start.addingTimeInterval(Double(question) * 13.371)))
        }
        switch index {
        case 0, 1, 2: try store.finishAttempt(attempt.id, score: 2.5, maxScore: 5, at: start + 120)
        case 3: try store.abandonAttempt(attempt.id, at: start + 60)
        default: break
        }
        attempts.append(attempt)
      }
    }
    // What another program might have stored: a response in decomposed form (NFD).
    let decomposed = "Ủy ban nhân dân".decomposedStringWithCanonicalMapping
    #expect(decomposed.unicodeScalars.count > "Ủy ban nhân dân".unicodeScalars.count)
    try store.database.write { db in
      try db.execute(
        sql: """
          INSERT INTO answers (attempt_id, question_id, position, response, score, correct, time_taken, answered_at)
          VALUES (?, ?, 4, ?, 1, 1, 3.5, '2025-10-09 08:00:00.250')
          """, arguments: [attempts[5].id.uuidString, attempts[5].questionIDs[4].rawValue, decomposed])
    }
    return (store, attempts)
  }

  /// Every row of every table in insertion order, sums and bit numbers included.
  func everyRow(_ store: CommuneStore) throws -> [String: [String]] {
    try store.database.read { db in
      var tables: [String: [String]] = [:]
      for table in ["officials", "classes", "class_communes", "attempts", "answers", "official_bits"] {
        tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\($0)" }
      }
      tables["answer_sums"] = try Row.fetchAll(
        db, sql: "SELECT * FROM answer_sums ORDER BY question_id, bucket"
      ).map { "\($0)" }
      return tables
    }
  }

  /// Merges `input` into `store` twice over: once as merge does, once forced through the
  /// row-by-row path with the attempts read from `source`.
  func mergeBothWays(
    _ input: String, source: CommuneStore, into fast: CommuneStore, and slow: CommuneStore
  ) throws -> (MergeOutcome, MergeOutcome) {
    let first = try Snapshot.read(path: input) { snapshot in
      guard case .copiedInSQLite = snapshot.attempts else {
        Issue.record("not merged inside SQLite")
        return MergeOutcome.skippedDestination(commune: snapshot.commune)
      }
      return try fast.merge(snapshot)
    }
    let second = try Snapshot.read(path: input) { snapshot in
      var rows = snapshot
      rows.attempts = .rows(try source.allAttempts())
      return try slow.merge(rows)
    }
    return (first, second)
  }

  @Test func aBusyFileMergedInSQLiteGivesRowForRowWhatTheRowByRowMergeGives() throws {
    let folder = try TemporaryFolder()
    let (laptop, attempts) = try busyLaptop(folder)
    let fast = try ResultsDirectory(url: folder.url.appendingPathComponent("fast")).store(
      for: Commune.muongKim)
    let slow = try ResultsDirectory(url: folder.url.appendingPathComponent("slow")).store(
      for: Commune.muongKim)
    // A namesake already at the province.
    for store in [fast, slow] {
      try store.addOfficial(
        name: "lo van thang", position: "vice-chairman",
        id: OfficialID("00000000-0000-0000-0000-000000000001")!,
        createdAt: Date(timeIntervalSince1970: 1_750_000_000))
    }

    let (inSQLite, rowByRow) = try mergeBothWays(laptop.fileURL.path, source: laptop, into: fast, and: slow)
    #expect(inSQLite == rowByRow)
    guard case .merged(_, let added, let conflicts, let duplicates) = inSQLite else {
      Issue.record("not merged: \(inSQLite)")
      return
    }
    #expect(added.officials == 4 && added.classes == 1 && added.attempts == 24 && added.attemptsUpdated == 0)
    #expect(added.answers == 4 * (5 * 5 + 2) + 1)
    #expect(conflicts.isEmpty)
    #expect(duplicates.map { $0.count } == [2])
    #expect(try everyRow(fast) == everyRow(slow))

    // The decomposed response is stored in NFC, as record(_:) would have stored it.
    let stored = try #require(try fast.attempt(id: attempts[5].id)?.answers.last?.response)
    #expect(
      stored.unicodeScalars.elementsEqual(
        "Ủy ban nhân dân".precomposedStringWithCanonicalMapping.unicodeScalars))
    // Everything else as the laptop has it, byte for byte.
    let merged = try everyRow(fast)
    let original = try everyRow(laptop)
    #expect(merged["attempts"]?.sorted() == original["attempts"]?.sorted())
    #expect(merged["classes"]?.sorted() == original["classes"]?.sorted())
    #expect(merged["answers"]?.count == original["answers"]?.count)
  }

  @Test func aFileMergedOverWhatTheDestinationHasGivesTheSameConflictsAndRowsBothWays() throws {
    let folder = try TemporaryFolder()
    let (laptop, attempts) = try busyLaptop(folder)
    // The province has the laptop's roster and some of its attempts, further along or not.
    let seed = try ResultsDirectory(url: folder.url.appendingPathComponent("fast")).store(
      for: Commune.muongKim)
    for official in try laptop.officials() {
      try seed.addOfficial(
        name: official.name, position: official.position, id: official.id, createdAt: official.createdAt)
    }
    // Attempt 0 (finished on the laptop): here in progress with 2 of its answers, one different.
    // Attempt 1: here with another seed under the same id. Attempt 2: finished with another score.
    // Attempt 5 (in progress on the laptop): here finished.
    let copies: [(Int, UInt64)] = [
      (0, attempts[0].seed), (1, 7), (2, attempts[2].seed), (5, attempts[5].seed),
    ]
    for (index, seedValue) in copies {
      let theirs = attempts[index]
      _ = try seed.startAttempt(
        Attempt(
          id: theirs.id, officialID: theirs.officialID, quizID: theirs.quizID, courseID: theirs.courseID,
          courseVersion: theirs.courseVersion, seed: seedValue, questionIDs: theirs.questionIDs,
          startedAt: theirs.startedAt))
    }
    let laptopAnswers = try #require(try laptop.attempt(id: attempts[0].id)?.answers)
    try seed.record(laptopAnswers[0])
    var different = laptopAnswers[1]
    different.response = "{\"choice\":\"d\"}"
    try seed.record(different)
    try seed.finishAttempt(
      attempts[2].id, score: 4, maxScore: 5, at: Date(timeIntervalSince1970: 1_760_100_000))
    try seed.finishAttempt(
      attempts[5].id, score: 1, maxScore: 5, at: Date(timeIntervalSince1970: 1_760_100_000))
    _ = try seed.database.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    let slowFolder = folder.url.appendingPathComponent("slow")
    try FileManager.default.createDirectory(at: slowFolder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: seed.fileURL, to: slowFolder.appendingPathComponent(seed.fileURL.lastPathComponent))
    let slow = try ResultsDirectory(url: slowFolder).store(for: Commune.muongKim)

    let (inSQLite, rowByRow) = try mergeBothWays(laptop.fileURL.path, source: laptop, into: seed, and: slow)
    #expect(inSQLite == rowByRow)
    guard case .merged(_, let added, let conflicts, _) = inSQLite else {
      Issue.record("not merged: \(inSQLite)")
      return
    }
    #expect(added.officials == 0 && added.attempts == 20 && added.attemptsUpdated == 1)
    // Attempt 0: 3 answers added (one already here, one different); attempt 1 skipped;
    // attempt 2: all 5 added; attempt 5: its 3 added to the attempt finished here.
    #expect(added.answers == 4 * (5 * 5 + 2) + 1 - 2 - 5)
    // In the order of the attempts (started_at, id), as the row-by-row merge reports them.
    #expect(
      Set(conflicts) == [
        .answer(attempt: attempts[0].id, question: attempts[0].questionIDs[1]), .attempt(attempts[1].id),
        .attempt(attempts[2].id),
      ])
    #expect(conflicts.count == 3)
    #expect(try everyRow(seed) == everyRow(slow))
    #expect(try seed.attempt(id: attempts[0].id)?.status == .finished)
    #expect(try seed.attempt(id: attempts[5].id)?.status == .finished)
    #expect(try seed.attempt(id: attempts[1].id)?.answers.isEmpty == true)

    // Idempotent: the same file again adds nothing and finds the same conflicts.
    let again = ResultsMerger(destination: ResultsDirectory(url: folder.url.appendingPathComponent("fast")))
      .mergeFile(at: laptop.fileURL.path)
    #expect(
      again
        == .merged(
          commune: Commune.muongKim, added: MergeCounts(), conflicts: conflicts, possibleDuplicates: []))
  }

  /// A file holding what papi-train never writes (a lowercase id, a seed with a leading zero, a
  /// timestamp without milliseconds) is merged row by row: stored as the row-by-row merge always
  /// stored it.
  @Test func aFileNotInPapiTrainsFormIsMergedRowByRowAsBefore() throws {
    let folder = try TemporaryFolder()
    let (laptop, attempts) = try busyLaptop(folder)
    let lowercase = attempts[0].id.uuidString.lowercased()
    try laptop.database.write { db in
      try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
      try db.execute(
        sql: "UPDATE attempts SET id = ?, seed = '0042', started_at = '2025-10-09 08:00:00' WHERE id = ?",
        arguments: [lowercase, attempts[0].id.uuidString])
      // Answers are never updated: the trigger that says so steps aside for this test.
      try db.execute(sql: "DROP TRIGGER answers_are_kept_before_update")
      try db.execute(
        sql: "UPDATE answers SET attempt_id = ? WHERE attempt_id = ?",
        arguments: [lowercase, attempts[0].id.uuidString])
      // ...and is put back exactly: merge refuses a file whose schema is not exactly its version's.
      try db.execute(
        sql: """
          CREATE TRIGGER answers_are_kept_before_update BEFORE UPDATE ON answers BEGIN
            SELECT RAISE(ABORT, 'papi-train keeps every answer as given: answers are never changed');
          END
          """)
    }
    try Snapshot.read(path: laptop.fileURL.path) { snapshot in
      guard case .rows = snapshot.attempts else {
        Issue.record("merged inside SQLite")
        return
      }
    }
    let report = ResultsMerger(destination: folder.results).merge(paths: [laptop.fileURL.path])
    #expect(report.totals[Commune.muongKim]?.attempts == 24)
    let merged = try folder.results.store(for: Commune.muongKim)
    let row = try merged.database.read { db in
      try Row.fetchOne(db, sql: "SELECT id, seed, started_at FROM attempts WHERE seed = '42'")
    }
    #expect(row?["id"] == attempts[0].id.uuidString)  // upper case, as uuidString writes it
    #expect(row?["started_at"] == "2025-10-09 08:00:00.000")
    #expect(try merged.attempt(id: attempts[0].id)?.answers.count == 5)
  }

  @Test func anAnswerWithANegativeScoreIsRefusedAsBefore() throws {
    let folder = try TemporaryFolder()
    let (laptop, attempts) = try busyLaptop(folder)
    try laptop.database.write { db in
      try db.execute(
        sql: """
          INSERT INTO answers (attempt_id, question_id, position, response, score, correct, time_taken, answered_at)
          VALUES (?, ?, 3, 'x', -1, 0, 3.5, '2025-10-09 08:00:00.250')
          """, arguments: [attempts[5].id.uuidString, attempts[5].questionIDs[3].rawValue])
    }
    let outcome = ResultsMerger(destination: folder.results).mergeFile(at: laptop.fileURL.path)
    // Refused by the rules every row from outside keeps, naming the file, the table and the column.
    guard case .refused(.invalidRows(let path, let problems)) = outcome else {
      Issue.record("not refused: \(outcome)")
      return
    }
    #expect(path == laptop.fileURL.path)
    #expect(problems.map(\.column) == ["score"] && problems.map(\.table) == ["answers"])
    #expect(try folder.results.store(for: Commune.muongKim).officials().isEmpty)  // rolled back
  }
}

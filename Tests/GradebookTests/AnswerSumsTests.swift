import Curriculum
import Foundation
import GRDB
import PapiTrainTesting
import Testing

@testable import Gradebook

/// `answer_sums`, kept by a trigger as answers are stored, must give what reading every answer
/// gives, and stand in for it only where it can.
@Suite struct AnswerSumsTests {
  /// Questions gd.q1 ... gd.q6, three of them under two keys.
  let keys: [QuestionID: [String]] = [
    "gd.q1": ["D1"], "gd.q2": ["D1", "D1.2"], "gd.q3": ["D2"], "gd.q4": ["D2", "D1.2"], "gd.q5": ["D3"],
    "gd.q6": ["D3", "D1"],
  ]

  /// Officials answering on different days with different marks, one through `record` and two
  /// through a bulk import, and one on the roster who never answered.
  private func fillCommune(_ results: ResultsDirectory, answersEach: Int = 6) throws {
    let store = try results.store(for: Commune.muongKim)
    let day = 86_400.0
    let (_, attempt) = try startQuiz(in: store, name: "Lò Văn Thắng", count: answersEach)
    for index in 0..<answersEach {
      try store.record(
        answer(
          attempt, index, score: [1, 0, 0.5, 1, 1, 0][index % 6],
          at: Date(timeIntervalSince1970: 1_750_000_000 + Double(index) * 37 * day)))
    }
    try store.addOfficial(name: "Hà Thị Dung", position: "chairman")
    var officials: [Official] = []
    var attempts: [Attempt] = []
    for number in 0..<2 {
      let official = Official(
        id: OfficialID(), name: "Cán bộ \(number)", position: "land-officer", communeCode: Commune.muongKim,
        createdAt: Date(timeIntervalSince1970: 1_700_000_000))
      officials.append(official)
      let id = AttemptID()
      let questions = (1...answersEach).map { QuestionID("gd.q\($0)") }
      let answers = questions.indices.map { index in
        Answer(
          attemptID: id, questionID: questions[index], position: index, response: "x",
          score: Double((index + number) % 3) / 2, isCorrect: (index + number) % 3 == 2, timeTaken: 4,
          answeredAt: Date(timeIntervalSince1970: 1_720_000_000 + Double(index * (number + 1)) * 11 * day))
      }
      attempts.append(
        Attempt(
          id: id, officialID: official.id, quizID: "grassroots-democracy.final",
          courseID: "grassroots-democracy",
          courseVersion: "2025.1", classID: nil, seed: 1, questionIDs: questions,
          startedAt: Date(timeIntervalSince1970: 1_720_000_000), endedAt: nil, score: nil, maxScore: nil,
          status: .inProgress, answers: answers))
    }
    _ = try store.bulkImport(officials: officials, attempts: attempts)
    try store.database.close()
  }

  private func sums(
    _ results: ResultsDirectory, stored: Bool, selection: AnswerSelection = .all
  ) throws -> WeightedAnswerScan.CommuneSums {
    let scan = WeightedAnswerScan(
      keysByQuestion: keys, halfLifeDays: 90, selection: selection, usesStoredSums: stored)
    return try #require(try scan.map(results, workers: 1) { $0 }.first?.result.get())
  }

  private func expectSame(_ stored: WeightedAnswerScan.CommuneSums, _ scanned: WeightedAnswerScan.CommuneSums)
  {
    #expect(stored.rosterSize == scanned.rosterSize)
    #expect(stored.sums.map(\.key) == scanned.sums.map(\.key))
    for (a, b) in zip(stored.sums, scanned.sums) {
      #expect(a.answers == b.answers, "\(a.key)")
      #expect(a.officials == b.officials, "\(a.key)")
      for (x, y) in [(a.sumE, b.sumE), (a.sumSquaredE, b.sumSquaredE), (a.sumMarkedE, b.sumMarkedE)] {
        #expect(abs(x - y) <= 1e-9 * max(abs(y), 1), "\(a.key): \(x) vs \(y)")
      }
    }
  }

  @Test func theStoredSumsAreWhatReadingEveryAnswerGives() throws {
    let folder = try TemporaryFolder()
    try fillCommune(folder.results)
    let stored = try sums(folder.results, stored: true)
    let scanned = try sums(folder.results, stored: false)
    #expect(scanned.sums.first { $0.key == "D1" }?.answers == 9)
    #expect(scanned.sums.first { $0.key == "D1" }?.officials == 3)
    expectSame(stored, scanned)
  }

  @Test func theStoredSumsAreReallyWhatIsRead() throws {
    // Tamper with the sums (never done by papi-train) to see which path a scan takes.
    let folder = try TemporaryFolder()
    try fillCommune(folder.results)
    let queue = try DatabaseQueue(path: folder.results.fileURL(for: Commune.muongKim).path)
    try queue.write { db in try db.execute(sql: "UPDATE answer_sums SET answers = answers + 100") }
    try queue.close()
    #expect(try sums(folder.results, stored: true).sums.first { $0.key == "D3" }?.answers == 206)
    #expect(try sums(folder.results, stored: false).sums.first { $0.key == "D3" }?.answers == 6)
    // A selection the sums cannot answer reads the answers.
    let selection = AnswerSelection(quizIDs: ["grassroots-democracy.final"])
    #expect(
      try sums(folder.results, stored: true, selection: selection).sums.first { $0.key == "D3" }?.answers == 6
    )
  }

  @Test func anAsOfBeforeTheLastAnswerReadsTheAnswersAndALaterOneTheSums() throws {
    let folder = try TemporaryFolder()
    try fillCommune(folder.results)
    let early = AnswerSelection(until: Date(timeIntervalSince1970: 1_740_000_000))
    let partial = try sums(folder.results, stored: true, selection: early)
    expectSame(partial, try sums(folder.results, stored: false, selection: early))
    #expect(
      partial.sums.reduce(0) { $0 + $1.answers }
        < (try sums(folder.results, stored: false)).sums.reduce(0) { $0 + $1.answers })
    let late = AnswerSelection(until: Date(timeIntervalSince1970: 1_900_000_000))
    expectSame(
      try sums(folder.results, stored: true, selection: late), try sums(folder.results, stored: false))
  }

  @Test func aFileOfTheSecondVersionGetsItsSumsWhenItIsMigrated() throws {
    let folder = try TemporaryFolder()
    let results = folder.results
    try FileManager.default.createDirectory(at: results.url, withIntermediateDirectories: true)
    let path = results.fileURL(for: Commune.muongKim).path
    try makeOlderFile(at: path, version: 2) { db in
      for official in 0..<70 {  // more than one bucket of 62
        let officialID = UUID().uuidString
        let attemptID = UUID().uuidString
        try db.execute(
          sql: """
            INSERT INTO officials (id, name, position, commune_code, created_at)
            VALUES (?, ?, 'chairman', '03637', '2025-08-01 08:00:00.000')
            """, arguments: [officialID, "Cán bộ \(official)"])
        try db.execute(
          sql: """
            INSERT INTO attempts (id, official_id, quiz_id, course_id, course_version, started_at, seed,
              question_ids, status) VALUES (?, ?, 'q', 'c', '1', '2025-08-01 08:05:00.000', '1', '[]', 'finished')
            """, arguments: [attemptID, officialID])
        for question in 1...(1 + official % 6) {
          try db.execute(
            sql: "INSERT INTO answers VALUES (?, ?, ?, 'x', ?, 0, 3.5, ?)",
            arguments: [
              attemptID, "gd.q\(question)", question, Double(official % 3) / 2,
              "2025-0\(1 + official % 9)-1\(question) 10:00:00.000",
            ])
        }
      }
    }
    _ = try results.store(for: Commune.muongKim)
    let stored = try sums(results, stored: true)
    #expect(stored.sums.first { $0.key == "D1" }?.officials == 70)
    expectSame(stored, try sums(results, stored: false))
  }

  @Test func storedAnswersCannotBeChangedOrDeleted() throws {
    let folder = try TemporaryFolder()
    try fillCommune(folder.results)
    let queue = try DatabaseQueue(path: folder.results.fileURL(for: Commune.muongKim).path)
    defer { try? queue.close() }
    for sql in ["UPDATE answers SET score = 1", "DELETE FROM answers", "DELETE FROM attempts"] {
      #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { db in try db.execute(sql: sql) } }
    }
    #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answers") } == 18)
  }
}

/// The direct split of stored question lists agrees with `JSONDecoder` on every kind of list.
@Suite struct QuestionListTests {
  @Test(
    arguments: [
      [], ["gd.q1"], ["gd.q1", "gd.q2", "oss-q-10"], [""], ["a", ""], ["câu 1", "x"], ["a\",\"b"],
      ["a/b", "c\\d"],
      ["a, b", "c"], ["\"", "]"],
    ] as [[String]])
  func aListReadsBackAsItWasWritten(list: [String]) throws {
    let text = try CommuneStore.encodeList(list)
    #expect(try CommuneStore.decodeList(text) == list)
    #expect(try JSONDecoder().decode([String].self, from: Data(text.utf8)) == list)
  }

  @Test func listsWrittenByOtherToolsStillRead() throws {
    #expect(try CommuneStore.decodeList(#"[ "a", "b" ]"#) == ["a", "b"])
    #expect(try CommuneStore.decodeList(#"["\u0061"]"#) == ["a"])
    #expect(throws: (any Error).self) { try CommuneStore.decodeList("[") }
  }
}

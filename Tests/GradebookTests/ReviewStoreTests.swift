import Curriculum
import Foundation
import GRDB
import PapiTrainTesting
import Testing
import Units

@testable import Gradebook

/// Reviews have their own record (`review_log`, `review_cards`), travel through merge, and are
/// never counted as quiz attempts; files from before keep their review "attempts" out of sight.
@Suite struct ReviewStoreTests {
  let start = Date(timeIntervalSince1970: 1_796_112_000)  // 2026-12-01 08:00 UTC
  func day(_ n: Double) -> Date { start.addingTimeInterval(n * 86_400) }

  func review(
    _ official: Official, _ question: QuestionID, at moment: Date, reps: Int, stability: Double = 2.3,
    grade: Int = 3
  ) -> ReviewLogEntry {
    ReviewLogEntry(
      card: ReviewCard(
        officialID: official.id, questionID: question, stability: stability, difficulty: 2.1,
        due: moment.addingTimeInterval(stability.rounded() * 86_400), lastReview: moment, reps: reps,
        lapses: 0),
      grade: grade, elapsedDays: reps == 1 ? 0 : 2, response: "{\"truth\":false}", score: grade == 1 ? 0 : 1,
      timeTaken: 7)
  }

  @Test func aReviewIsLoggedOnceAndLeavesItsCardAndNoAttempt() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    let official = try store.addOfficial(name: "Lò Thị Mai", position: "chairman")
    let first = review(official, "gd-q-001", at: day(0), reps: 1)
    try store.recordReview(first)
    try store.recordReview(first)
    let second = review(official, "gd-q-001", at: day(2), reps: 2, stability: 6.1)
    try store.recordReview(second)
    #expect(try store.reviewLog(officialID: official.id) == [first, second])
    #expect(try store.reviewCards(officialID: official.id) == [second.card])
    #expect(try store.attempts(officialID: official.id).isEmpty)
    // The log is kept as given, from sqlite3 too.
    #expect(try sqlite3(store.fileURL, "UPDATE review_log SET grade = 1").contains("never changed"))
    #expect(try sqlite3(store.fileURL, "DELETE FROM review_log").contains("never deleted"))
    #expect(try sqlite3(store.fileURL, "SELECT count(*) FROM review_log") == "2")
  }

  @Test func aRosterMergeMovesReviewsToTheEntryKeptAndTheirCardsFollow() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    let twice = try store.addOfficial(name: "Lò Thi Mai", position: "chairman")
    let kept = try store.addOfficial(name: "Lò Thị Mai", position: "chairman")
    try store.recordReview(review(twice, "gd-q-001", at: day(4), reps: 1, stability: 9))
    try store.recordReview(review(kept, "gd-q-001", at: day(1), reps: 1))
    try store.recordReview(review(twice, "gd-q-002", at: day(2), reps: 1))
    _ = try store.mergeOfficial(twice.id, into: kept.id, by: "Nguyễn Thị Hằng", at: day(5))
    #expect(try store.reviewLog(officialID: kept.id).count == 3)
    let cards = try store.reviewCards(officialID: kept.id)
    #expect(cards.count == 2)
    #expect(cards.first { $0.questionID == "gd-q-001" }?.lastReview == day(4))
    #expect(try store.reviewCards(officialID: twice.id).isEmpty)
    // Someone with reviews is not removed from the roster (their reviews would be lost).
    let other = try store.addOfficial(name: "Hoàng Văn Nam", position: "chairman")
    try store.recordReview(review(other, "gd-q-003", at: day(1), reps: 1))
    _ = try? store.removeOfficial(other.id, by: "Nguyễn Thị Hằng", at: day(6))
    #expect(try store.reviewLog(officialID: other.id).count == 1)
  }

  @Test func aBadReviewIsRefusedAndTheRulesSayWhy() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    let official = try store.addOfficial(name: "Lò Thị Mai", position: "chairman")
    var bad = review(official, "gd-q-001", at: day(0), reps: 1)
    bad.grade = 7
    #expect(throws: GradebookError.self) { try store.recordReview(bad) }
    #expect(ResultsRules().problems(in: bad).map(\.column) == ["grade"])
    #expect(ResultsRules().problems(in: review(official, "q", at: day(0), reps: 1)).isEmpty)
  }

  /// A version 3 file whose official took a quiz and two reviews stored as `#review` attempts.
  func makeFileWithReviewAttempts(at path: String) throws -> OfficialID {
    let officialID = OfficialID()
    try makeOlderFile(at: path, version: 3) { db in
      try db.execute(
        sql:
          "INSERT INTO officials (id, name, position, commune_code, created_at, name_key) VALUES (?, ?, ?, ?, ?, ?)",
        arguments: [
          officialID.uuidString, "Lò Thị Lan", "chairman", "03637", "2026-10-01 08:00:00.000", "lo thi lan",
        ])
      for (index, quiz) in ["gd-pretest", "grassroots-democracy#review", "grassroots-democracy#review"]
        .enumerated()
      {
        let attemptID = UUID().uuidString
        let moment = "2026-10-0\(index + 1) 08:00:00.000"
        try db.execute(
          sql: """
            INSERT INTO attempts (id, official_id, quiz_id, course_id, course_version, started_at, ended_at, seed,
              question_ids, score, max_score, status)
            VALUES (?, ?, ?, 'grassroots-democracy', '1', ?, ?, '7', '["gd-q-001","gd-q-002"]', 1.0, 2.0, 'finished')
            """, arguments: [attemptID, officialID.uuidString, quiz, moment, moment])
        for (position, question) in ["gd-q-001", "gd-q-002"].enumerated() {
          try db.execute(
            sql: """
              INSERT INTO answers (attempt_id, question_id, position, response, score, correct, time_taken, answered_at)
              VALUES (?, ?, ?, '"a"', ?, ?, 5.0, ?)
              """,
            arguments: [attemptID, question, position, Double(position), position, moment])
        }
      }
    }
    return officialID
  }

  @Test func anOlderFileKeepsItsReviewAttemptsButNoFigureCountsThem() throws {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(at: folder.results.url, withIntermediateDirectories: true)
    let path = folder.results.fileURL(for: Commune.muongKim).path
    let officialID = try makeFileWithReviewAttempts(at: path)
    #expect(try sqlite3(URL(fileURLWithPath: path), "SELECT sum(answers) FROM answer_sums") == "6")

    let store = try folder.results.store(for: Commune.muongKim)
    #expect(try store.schemaVersion() == Schema.latestVersion)
    // Still in the file, as they were.
    #expect(try sqlite3(store.fileURL, "SELECT count(*) FROM attempts WHERE quiz_id LIKE '%#review'") == "2")
    // Never read as attempts, answers or sums.
    #expect(try store.attempts(officialID: officialID).map(\.quizID) == ["gd-pretest"])
    #expect(try store.allAttempts().map(\.quizID) == ["gd-pretest"])
    #expect(try store.answerRows().map(\.quizID) == ["gd-pretest", "gd-pretest"])
    #expect(try store.attempts(classID: nil).map(\.quizID) == ["gd-pretest"])
    #expect(try sqlite3(store.fileURL, "SELECT sum(answers) FROM answer_sums") == "2")
    #expect(try store.reviewLog(officialID: officialID).isEmpty)

    // The stored sums agree with a scan of every answer.
    let scan = WeightedAnswerScan(keysByQuestion: ["gd-q-001": ["D1"], "gd-q-002": ["D1"]], halfLifeDays: 90)
    var full = scan
    full.usesStoredSums = false
    let stored = try #require(try scan.map(folder.results) { $0 }.first?.result.get())
    let scanned = try #require(try full.map(folder.results) { $0 }.first?.result.get())
    #expect(stored.sums.map(\.answers) == [2] && scanned.sums.map(\.answers) == [2])
    #expect(stored.facts.trainedOfficials == 1)
  }

  @Test func reviewsTravelThroughMergeOnceAndCardsFollowTheLatestReviewInAnyOrder() throws {
    let folder = try TemporaryFolder()
    let laptop = try ResultsDirectory(url: folder.appending("laptop")).store(for: Commune.muongKim)
    let official = try laptop.addOfficial(name: "Lò Thị Mai", position: "chairman")
    try laptop.recordReview(review(official, "gd-q-001", at: day(0), reps: 1))
    // The same official reviewed the same question later on another machine.
    let other = try ResultsDirectory(url: folder.appending("other")).store(for: Commune.muongKim)
    try other.merge(path: laptop.fileURL.path)
    let later = review(official, "gd-q-001", at: day(3), reps: 2, stability: 8)
    try other.recordReview(later)
    try laptop.recordReview(review(official, "gd-q-002", at: day(1), reps: 1, grade: 1))

    for order in [[laptop, other], [other, laptop]] {
      let central = ResultsDirectory(url: folder.appending("central-\(order[0] === laptop)"))
      let merger = ResultsMerger(destination: central)
      let first = merger.merge(paths: order.map(\.fileURL.path))
      #expect(first.totals[Commune.muongKim]?.reviews == 3, "\(first)")
      let again = merger.merge(paths: order.map(\.fileURL.path))
      #expect(again.totals[Commune.muongKim]?.isEmpty == true, "\(again)")
      let store = try central.store(for: Commune.muongKim)
      let cards = try store.reviewCards(officialID: official.id)
      #expect(cards.first { $0.questionID == "gd-q-001" } == later.card)
      #expect(try cards.count == 2 && store.reviewLog(officialID: official.id).count == 3)
      #expect(try store.attempts(officialID: official.id).isEmpty)
    }
  }
}

extension CommuneStore {
  /// Merges one file into this store's folder, failing the test when it is refused.
  fileprivate func merge(path: String) throws {
    let outcome = ResultsMerger(destination: ResultsDirectory(url: fileURL.deletingLastPathComponent()))
      .mergeFile(at: path)
    guard case .merged = outcome else { throw FixtureError("not merged: \(outcome)") }
  }
}

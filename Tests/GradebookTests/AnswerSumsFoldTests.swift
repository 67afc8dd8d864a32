import Curriculum
import Foundation
import GRDB
import PapiTrainTesting
import Testing

@testable import Gradebook

/// Merge keeps `answer_sums` by folding the new answers once (AnswerSumsFold) with its trigger
/// dropped for the insert: afterwards the destination's schema is exactly its version's, the
/// trigger keeps summing what the shell records, and a merge that fails leaves the trigger there.
@Suite struct AnswerSumsFoldTests {
  func sums(_ store: CommuneStore, _ question: String) throws -> Int {
    try store.database.read { db in
      try Int.fetchOne(
        db, sql: "SELECT COALESCE(sum(answers), 0) FROM answer_sums WHERE question_id = ?",
        arguments: [question])
        ?? 0
    }
  }

  func triggerSQL(_ store: CommuneStore) throws -> String? {
    try store.database.read { db in
      try String.fetchOne(
        db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
        arguments: [Schema.answerSumsTrigger])
    }
  }

  @Test func afterAMergeTheTriggerIsBackAndKeepsSumming() throws {
    let folder = try TemporaryFolder()
    let (laptop, attempts) = try MergeInSQLiteTests().busyLaptop(folder)
    let province = ResultsDirectory(url: folder.url.appendingPathComponent("province"))
    let store = try province.store(for: Commune.muongKim)
    let trigger = try #require(try triggerSQL(store))
    let outcome = ResultsMerger(destination: province).mergeFile(at: laptop.fileURL.path)
    guard case .merged = outcome else {
      Issue.record("not merged: \(outcome)")
      return
    }
    #expect(try triggerSQL(store) == trigger)
    #expect(
      try store.database.read { try SchemaObject.differences($0, version: Schema.latestVersion) }.isEmpty)
    // Every answer merged is summed, and the next one the shell records too.
    let question = attempts[5].questionIDs[3].rawValue
    let stored = { (question: String) in
      try store.database.read { db in
        try Int.fetchOne(db, sql: "SELECT count(*) FROM answers WHERE question_id = ?", arguments: [question])
          ?? 0
      }
    }
    let before = try stored(question)
    #expect(before > 0)
    #expect(try sums(store, question) == before)
    try store.record(
      Answer(
        attemptID: attempts[5].id, questionID: QuestionID(question), position: 3, response: "b", score: 1,
        isCorrect: true,
        timeTaken: 2, answeredAt: Date(timeIntervalSince1970: 1_760_010_000)))
    #expect(try stored(question) == before + 1)
    #expect(try sums(store, question) == before + 1)
    let counted = try store.database.read { db in
      try Int.fetchOne(db, sql: "SELECT sum(answers) FROM answer_sums")
    }
    let all = try store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM answers") }
    #expect(counted == all)
  }

  @Test func aMergeThatFailsLeavesTheTriggerInPlace() throws {
    let folder = try TemporaryFolder()
    let store = try ResultsDirectory(url: folder.url.appendingPathComponent("province")).store(
      for: Commune.muongKim)
    let before = try #require(try triggerSQL(store))
    // The fold's work fails inside the merge's transaction: everything is rolled back.
    #expect(throws: (any Error).self) {
      try store.database.write { db in
        let fold = try #require(try AnswerSumsFold.suspendingTrigger(in: db))
        #expect(
          try String.fetchOne(
            db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
            arguments: [Schema.answerSumsTrigger]) == nil)
        try db.execute(sql: "INSERT INTO answers (attempt_id) VALUES ('no such attempt')")
        try fold.finish(db)
      }
    }
    #expect(try triggerSQL(store) == before)
  }
}

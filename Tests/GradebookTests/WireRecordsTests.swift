import Curriculum
import Foundation
import GRDB
import PapiTrainTesting
import Testing
import Units

@testable import Gradebook
@testable import SyncProtocol

/// A sync batch carries every column of a results file's officials, attempts and answers, field
/// for field: a column added to the store (or a field to its records) and forgotten in
/// SyncProtocol's Wire types fails here.
@Suite struct WireRecordsTests {
  /// Columns the store keeps for itself, made again from the others on every machine.
  static let storeOnly: [String: Set<String>] = ["officials": ["nameKey"]]

  /// Record fields a batch carries in another place or under another name: an attempt's answers
  /// travel as the batch's own list; an answer's `isCorrect` is the column `correct`.
  static let recordOnly: Set<String> = ["answers"]
  static let renamed = ["isCorrect": "correct"]

  static let officialID = OfficialID()
  static let attemptID = AttemptID()

  static let wireOfficial = WireOfficial(
    id: "o", name: "Lò Văn Minh", position: "chairman", communeCode: "03637", createdAt: "t")
  static let wireAttempt = WireAttempt(
    id: "a", officialID: "o", quizID: "q", courseID: "c", courseVersion: "1", classID: "k", seed: "1",
    questionIDs: ["gd.q1"], startedAt: "t", endedAt: "t", score: 1, maxScore: 1, status: "finished")
  static let wireAnswer = WireAnswer(
    attemptID: "a", questionID: "gd.q1", position: 0, response: "A", score: 1, correct: true, timeTaken: 2,
    answeredAt: "t")

  /// The keys a Wire value is encoded with (the samples above set every optional field).
  static func keys(_ value: some Encodable) throws -> Set<String> {
    let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any]
    return Set(try #require(object).keys)
  }

  /// The record's stored properties, named as the wire names them.
  static func fields(_ record: Any) -> Set<String> {
    Set(Mirror(reflecting: record).children.compactMap(\.label).map { renamed[$0] ?? $0 })
      .subtracting(recordOnly)
  }

  /// `commune_code` → `communeCode`, `question_ids` → `questionIDs`.
  static func wireName(_ column: String) -> String {
    let parts = column.split(separator: "_").map(String.init)
    let tail = parts.dropFirst().map { part in
      switch part {
      case "id": "ID"
      case "ids": "IDs"
      default: part.prefix(1).uppercased() + part.dropFirst()
      }
    }
    return ([parts[0]] + tail).joined()
  }

  /// The columns of `table` in a results file made by this version, named as the wire names them.
  static func columns(_ table: String) throws -> Set<String> {
    let folder = try TemporaryFolder()
    let results = ResultsDirectory(url: folder.url.appendingPathComponent("Results"))
    let code = try CommuneCode("03637")
    _ = try results.store(for: code)
    let queue = try DatabaseQueue(path: results.fileURL(for: code).path)
    defer { try? queue.close() }
    let names = try queue.read { db in try db.columns(in: table).map(\.name) }
    return Set(names.map(wireName)).subtracting(storeOnly[table] ?? [])
  }

  @Test func officialsCarryEveryColumnAndField() throws {
    let keys = try Self.keys(Self.wireOfficial)
    #expect(keys == (try Self.columns("officials")))
    let official = Official(
      id: Self.officialID, name: "x", position: "chairman", communeCode: try CommuneCode("03637"),
      createdAt: Date())
    #expect(keys == Self.fields(official))
  }

  @Test func attemptsCarryEveryColumnAndField() throws {
    let keys = try Self.keys(Self.wireAttempt)
    #expect(keys == (try Self.columns("attempts")))
    let attempt = Attempt(
      id: Self.attemptID, officialID: Self.officialID, quizID: "q", courseID: "c", courseVersion: "1",
      classID: nil, seed: 1, questionIDs: [], startedAt: Date(), endedAt: nil, score: nil, maxScore: nil,
      status: .inProgress, answers: [])
    #expect(keys == Self.fields(attempt))
  }

  @Test func answersCarryEveryColumnAndField() throws {
    let keys = try Self.keys(Self.wireAnswer)
    #expect(keys == (try Self.columns("answers")))
    let answer = Answer(
      attemptID: Self.attemptID, questionID: QuestionID("gd.q1"), position: 0, response: "A", score: 1,
      isCorrect: true, timeTaken: 2, answeredAt: Date())
    #expect(keys == Self.fields(answer))
  }

  @Test func columnNamesBecomeWireNames() {
    #expect(Self.wireName("commune_code") == "communeCode")
    #expect(Self.wireName("question_ids") == "questionIDs")
    #expect(Self.wireName("official_id") == "officialID")
    #expect(Self.wireName("status") == "status")
  }
}

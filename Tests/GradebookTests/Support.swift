import Curriculum
import Foundation
import GRDB
import PapiTrainTesting
import Testing
import Units

@testable import Gradebook

extension TemporaryFolder {
  /// The results folder inside it.
  var results: ResultsDirectory { ResultsDirectory(url: url.appendingPathComponent("Results")) }
}

enum Fixture {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Fixtures")
  static let repositoryRoot = Repository.root

  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: folder.appendingPathComponent(name))
  }

  static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}

/// The commune codes the tests use: real codes from the shipped Lai Châu sample.
enum Commune {
  static let muongKim = try! CommuneCode("03637")
  static let khoenOn = try! CommuneCode("03640")
}

/// A results file at `path` as an older papi-train wrote it: the schema only up to `version`, its
/// `meta` naming commune 03637, and whatever `rows` writes into it.
func makeOlderFile(at path: String, version: Int, rows: (Database) throws -> Void) throws {
  let queue = try DatabaseQueue(path: path)
  try Schema.migrator.migrate(queue, upTo: Schema.migrationIdentifiers[version - 1])
  try queue.write { db in
    try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('commune_code', '03637')")
    try rows(db)
  }
  try queue.close()
}

/// Every row of every table, as text, for comparing two databases' contents.
func dump(_ path: String) throws -> [String: [String]] {
  let queue = try DatabaseQueue(path: path)
  defer { try? queue.close() }
  return try queue.read { db in
    var tables: [String: [String]] = [:]
    for table in ["officials", "classes", "class_communes", "attempts", "answers"] {
      tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\($0)" }.sorted()
    }
    return tables
  }
}

/// The bytes of a file and of its `-wal` and `-shm` companions, if any.
func fileState(_ path: String) -> [String: Data?] {
  var state: [String: Data?] = [:]
  for suffix in ["", "-wal", "-shm"] {
    state[suffix] = FileManager.default.contents(atPath: path + suffix)
  }
  return state
}

/// A quiz of `count` questions started by a new official.
func startQuiz(
  in store: CommuneStore, name: String = "Lò Văn Thắng", count: Int = 5, seed: UInt64 = 42,
  at date: Date = Date(timeIntervalSince1970: 1_760_000_000)
) throws -> (Official, Attempt) {
  let official = try store.addOfficial(name: name, position: "chairman", createdAt: date)
  let attempt = try store.startAttempt(
    Attempt(
      officialID: official.id, quizID: "grassroots-democracy.final", courseID: "grassroots-democracy",
      courseVersion: "2025.1", seed: seed, questionIDs: (1...count).map { QuestionID("gd.q\($0)") },
      startedAt: date))
  return (official, attempt)
}

func answer(
  _ attempt: Attempt, _ index: Int, response: String = "{\"choice\":\"b\"}", score: Double = 1,
  at date: Date = Date(timeIntervalSince1970: 1_760_000_100)
) -> Answer {
  Answer(
    attemptID: attempt.id, questionID: attempt.questionIDs[index], position: index, response: response,
    score: score, isCorrect: score >= 1, timeTaken: 12.5, answeredAt: date)
}

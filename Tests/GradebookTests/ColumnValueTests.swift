import Assessment
import Curriculum
import Foundation
import GRDB
import Testing
import Units

@testable import Gradebook

/// The rules checked on plain values (``ColumnValue``: what a record or a batch carries) give
/// the verdicts and problems the rules checked on a file's rows give: a list of ids as the JSON
/// text a file stores, and records whose one bad value makes the same problem as the row a file
/// holds for them.
@Suite struct ColumnValueTests {
  static let idList = ColumnRule.idList(maximumCount: 1_000, maximumBytes: 200)

  /// A list of ids near the rule's edges: empty, a thousand or one more, ids of 200 bytes or
  /// one more in Vietnamese letters (two and three bytes), quotes, backslashes, control
  /// characters other than NUL.
  static func ids(_ generator: inout SeededGenerator) -> [String] {
    func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &generator)] }
    let count = pick([0, 1, 3, 999, 1_000, 1_001])
    // No NUL: SQLite's `json_each` cuts a text at one (the file's check then counts fewer bytes).
    let pieces = ["a", "ư", "ệ", "\"", "\\", "\u{1}", "\u{1F}", "\n", "/", "gd.q1"]
    return (0..<count).map { _ in
      var id = ""
      let bytes = pick([5, 198, 199, 200, 201, 202])
      while id.utf8.count < bytes { id += pick(pieces) }
      return id
    }
  }

  @Test func aListKeepsTheIDRuleExactlyWhenItsJSONTextDoes() throws {
    let queue = try DatabaseQueue(configuration: UntrustedResultsFile.configuration(readonly: false))
    var generator = SeededGenerator(seed: 44)
    var accepted = 0
    try queue.read { db in
      for _ in 0..<300 {
        let ids = Self.ids(&generator)
        let json = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
        let sql = try Self.idList.sqlAccepts(json, in: db)
        #expect(Self.idList.accepts(.list(ids)) == sql, "\(ids.count) ids")
        #expect(Self.idList.accepts(.text(json)) == sql)
        #expect(Self.idList.accepts(json.databaseValue) == sql)
        if sql == true { accepted += 1 }
      }
    }
    #expect(accepted > 30 && accepted < 270, "\(accepted)")
    #expect(!Self.idList.accepts(.text("[1]")) && !Self.idList.accepts(.text("{}")))
    #expect(!Self.idList.accepts(.integer(1)) && !ColumnRule.uuid.accepts(.list([])))
  }

  static let commune = try! CommuneCode("03637")
  static let moment = Date(timeIntervalSince1970: 1_754_035_200)  // 2025-08-01
  static let official = Official(
    id: OfficialID(rawValue: UUID()), name: "Lò Thị Hằng", position: "chairman", communeCode: commune,
    createdAt: moment)
  static let attempt = Attempt(
    id: AttemptID(rawValue: UUID()), officialID: official.id, quizID: "gd.quiz", courseID: "gd",
    courseVersion: "1.0", classID: nil, seed: 7, questionIDs: [QuestionID("gd.q1"), QuestionID("gd.q2")],
    startedAt: moment, endedAt: moment.addingTimeInterval(600), score: 1, maxScore: 2, status: .finished,
    answers: [])
  static let answer = Answer(
    attemptID: attempt.id, questionID: QuestionID("gd.q1"), position: 0, response: "a", score: 1,
    isCorrect: true, timeTaken: 3.5, answeredAt: moment.addingTimeInterval(60))

  static let long = String(repeating: "ệ", count: 67)  // 201 bytes
  static let y1999 = Date(timeIntervalSince1970: 946_684_799)  // 1999-12-31 23:59:59
  static let y2200 = Date(timeIntervalSince1970: 7_258_118_400)  // 2200-01-01

  /// `base` unchanged (no column at fault), then once per change, named by the column it spoils.
  static func variants<Record>(of base: Record, _ changes: [(String, (inout Record) -> Void)])
    -> [(String?, Record)]
  {
    [(nil, base)]
      + changes.map { column, change in
        var record = base
        change(&record)
        return (column, record)
      }
  }

  @Test func aBadRecordHasTheProblemItsRowHasInAFile() throws {
    let officials = Self.variants(
      of: Self.official,
      [
        ("name", { $0.name = String(repeating: "ư", count: 201) }),
        ("position", { $0.position = String(repeating: "x", count: 401) }),
        ("created_at", { $0.createdAt = Self.y1999 }),
      ])
    let attempts = Self.variants(
      of: Self.attempt,
      [
        ("quiz_id", { $0.quizID = Self.long }), ("course_id", { $0.courseID = "" }),
        ("course_version", { $0.courseVersion = Self.long }),
        ("started_at", { $0.startedAt = Self.y1999 }), ("ended_at", { $0.endedAt = Self.y2200 }),
        ("question_ids", { $0.questionIDs = (0...1_000).map { QuestionID("q\($0)") } }),
        ("question_ids", { $0.questionIDs = [QuestionID("gd.q1"), QuestionID(Self.long)] }),
        ("score", { $0.score = 1_001 }), ("max_score", { $0.maxScore = -1 }),
      ])
    let answers = Self.variants(
      of: Self.answer,
      [
        ("question_id", { $0.questionID = QuestionID(Self.long) }),
        ("position", { $0.position = 1_000 }),
        ("response", { $0.response = String(repeating: "x", count: 65_537) }),
        ("score", { $0.score = 1.5 }), ("time_taken", { $0.timeTaken = -1 }),
        ("answered_at", { $0.answeredAt = Self.y2200 }),
      ])
    let rules = ResultsRules()
    for (column, official) in officials {
      let file = try Self.fileProblems(official: official)
      #expect(file == Self.brief(rules.problems(in: official)), "officials.\(column ?? "none")")
      #expect(file.map(\.column) == (column.map { [$0] } ?? []))
    }
    for (column, attempt) in attempts {
      let file = try Self.fileProblems(attempt: attempt)
      #expect(file == Self.brief(rules.problems(in: attempt)), "attempts.\(column ?? "none")")
      #expect(file.map(\.column) == (column.map { [$0] } ?? []))
    }
    for (column, answer) in answers {
      let file = try Self.fileProblems(answer: answer)
      #expect(file == Self.brief(rules.problems(in: answer)), "answers.\(column ?? "none")")
      #expect(file.map(\.column) == (column.map { [$0] } ?? []))
    }
  }

  struct Brief: Hashable {
    var table: String
    var column: String
    var rule: ColumnRule?
  }

  static func brief(_ problems: [RowProblem]) -> [Brief] {
    problems.map { Brief(table: $0.table, column: $0.column, rule: $0.rule) }
  }

  /// The problems the file check finds in a results file holding an official, an attempt of
  /// theirs and an answer of it.
  static func fileProblems(
    official: Official = official, attempt: Attempt = attempt, answer: Answer = answer
  ) throws -> [Brief] {
    let queue = try DatabaseQueue(configuration: UntrustedResultsFile.configuration(readonly: false))
    try Schema.migrator.migrate(queue)
    return try queue.write { db in
      try StoredOfficial(official).insert(db)
      try StoredAttempt(attempt).insert(db)
      try StoredAnswer(answer).insert(db)
      return brief(try ResultsRules().problems(in: db))
    }
  }
}

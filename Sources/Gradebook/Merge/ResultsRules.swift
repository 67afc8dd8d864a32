import Foundation
internal import GRDB
import Toolkit
import Units
import VietnameseText

/// What a value of one column of a results table must be, for a row that comes from outside (a
/// results file handed over, a batch a commune machine sends): the one set of rules both are
/// checked against. A file's rows are checked inside SQLite (`sqlViolation(_:)`, on a connection
/// with CSQLiteGuard's `papi_uuid`, `papi_timestamp` and `papi_day`), records in
/// Swift (`ResultsRules/problems(in:)-(Answer)`); the two faces are built from these cases.
public enum ColumnRule: Sendable, Hashable {
  /// A UUID as text, either case.
  case uuid
  /// Text of at most `maximumBytes` UTF-8 bytes, not empty when `nonEmpty`.
  case text(maximumBytes: Int, nonEmpty: Bool)
  /// A moment as papi-train stores it: `yyyy-MM-dd HH:mm:ss` with optional `.SSS`, a real day,
  /// between `earliest` and `latest` (`yyyy-MM-dd`).
  case timestamp(earliest: String, latest: String)
  /// A day, exactly `yyyy-MM-dd` (Toolkit's `Day`).
  case day
  /// A finite number within the range.
  case number(ClosedRange<Double>)
  /// An integer within the range.
  case integer(ClosedRange<Int64>)
  /// 0 or 1.
  case boolean
  /// One of these texts.
  case oneOf([String])
  /// A seed: decimal digits that fit in 64 bits.
  case decimalUInt64
  /// A JSON list of at most `maximumCount` texts of at most `maximumBytes` bytes each.
  case idList(maximumCount: Int, maximumBytes: Int)
  /// An administrative code: digits only (`UnitCode`).
  case unitCode
  /// A class code as written (`LC-2612-A`), or empty for a class stored before codes.
  case classCode
}

/// One column of a results table and its rule.
public struct ColumnSpec: Sendable, Hashable {
  public var name: String
  public var isNullable: Bool
  public var rule: ColumnRule

  public init(_ name: String, _ rule: ColumnRule, nullable: Bool = false) {
    self.name = name
    self.rule = rule
    self.isNullable = nullable
  }
}

/// A value that breaks a rule: which table, which row, which column, and the rule.
public struct RowProblem: Sendable, Hashable {
  /// The table (`answers`, ...).
  public var table: String
  /// The row: its `rowid` in a file, its place in a batch.
  public var row: Int64
  /// The column, or `""` for a reference to a missing row.
  public var column: String
  /// What the value should have been; nil when the row refers to a row that is not there.
  public var rule: ColumnRule?

  public init(table: String, row: Int64, column: String, rule: ColumnRule?) {
    self.table = table
    self.row = row
    self.column = column
    self.rule = rule
  }
}

/// The rules of every table merge reads, with limits a results file from outside must keep.
public struct ResultsRules: Sendable, Hashable {
  /// The longest name, position, trainer or place, in UTF-8 bytes.
  public var maximumNameBytes = 400
  /// The longest id (quiz, course, question, version), in UTF-8 bytes.
  public var maximumIDBytes = 200
  /// The longest response, in UTF-8 bytes.
  public var maximumResponseBytes = 65_536
  /// The most questions in one attempt.
  public var maximumQuestions = 1_000
  /// The longest time spent on one question, in seconds (a year).
  public var maximumSecondsPerAnswer = 31_622_400.0
  /// The longest review interval, in days (a hundred years: FSRS's own limit).
  public var maximumIntervalDays = 36_500
  /// The most reviews of one question by one official.
  public var maximumReviews = 100_000
  /// The first and last day a timestamp may fall on.
  public var earliestDay = "2000-01-01"
  public var latestDay = "2199-12-31"

  /// The rules with papi-train's limits.
  public init() {}

  /// The tables merge reads, in the order they are checked, each with its columns.
  public var tables: [(name: String, columns: [ColumnSpec])] {
    let name = ColumnRule.text(maximumBytes: maximumNameBytes, nonEmpty: true)
    let id = ColumnRule.text(maximumBytes: maximumIDBytes, nonEmpty: true)
    let moment = ColumnRule.timestamp(earliest: earliestDay, latest: latestDay)
    let optionalID = ColumnRule.text(maximumBytes: maximumIDBytes, nonEmpty: false)
    return [
      (
        "officials",
        [
          ColumnSpec("id", .uuid), ColumnSpec("name", name), ColumnSpec("position", name),
          ColumnSpec("commune_code", .unitCode), ColumnSpec("created_at", moment),
        ]
      ),
      (
        "classes",
        [
          ColumnSpec("id", .uuid), ColumnSpec("trainer", name), ColumnSpec("date", .day),
          ColumnSpec("place", name), ColumnSpec("code", .classCode),
          ColumnSpec("title", .text(maximumBytes: maximumNameBytes, nonEmpty: false)),
          ColumnSpec("end_date", .day), ColumnSpec("pretest_quiz_id", optionalID),
          ColumnSpec("posttest_quiz_id", optionalID), ColumnSpec("closed_at", moment, nullable: true),
          ColumnSpec("updated_at", moment),
        ]
      ),
      ("class_communes", [ColumnSpec("class_id", .uuid), ColumnSpec("commune_code", .unitCode)]),
      (
        "class_members",
        [ColumnSpec("class_id", .uuid), ColumnSpec("official_id", .uuid), ColumnSpec("joined_at", moment)]
      ),
      (
        "roster_changes",
        [
          ColumnSpec("id", .uuid), ColumnSpec("kind", .oneOf(RosterChange.Kind.allCases.map(\.rawValue))),
          ColumnSpec("official_id", .uuid), ColumnSpec("kept_id", .uuid, nullable: true),
          ColumnSpec("old_name", name),
          ColumnSpec("new_name", .text(maximumBytes: maximumNameBytes, nonEmpty: false)),
          ColumnSpec("changed_by", .text(maximumBytes: maximumNameBytes, nonEmpty: false)),
          ColumnSpec("changed_at", moment),
        ]
      ),
      (
        "attempts",
        [
          ColumnSpec("id", .uuid), ColumnSpec("official_id", .uuid), ColumnSpec("quiz_id", id),
          ColumnSpec("course_id", id),
          ColumnSpec("course_version", .text(maximumBytes: maximumIDBytes, nonEmpty: false)),
          ColumnSpec("class_id", .uuid, nullable: true), ColumnSpec("started_at", moment),
          ColumnSpec("ended_at", moment, nullable: true), ColumnSpec("seed", .decimalUInt64),
          ColumnSpec("question_ids", .idList(maximumCount: maximumQuestions, maximumBytes: maximumIDBytes)),
          ColumnSpec("score", .number(0...Double(maximumQuestions)), nullable: true),
          ColumnSpec("max_score", .number(0...Double(maximumQuestions)), nullable: true),
          ColumnSpec("status", .oneOf(AttemptStatus.allCases.map(\.rawValue))),
        ]
      ),
      (
        "answers",
        [
          ColumnSpec("attempt_id", .uuid), ColumnSpec("question_id", id),
          ColumnSpec("position", .integer(0...Int64(maximumQuestions - 1))),
          ColumnSpec("response", .text(maximumBytes: maximumResponseBytes, nonEmpty: false)),
          ColumnSpec("score", .number(0...1)), ColumnSpec("correct", .boolean),
          ColumnSpec("time_taken", .number(0...maximumSecondsPerAnswer)), ColumnSpec("answered_at", moment),
        ]
      ),
      ("review_cards", [ColumnSpec("official_id", .uuid), ColumnSpec("question_id", id)] + cardColumns),
      (
        "review_log",
        [
          ColumnSpec("id", .uuid), ColumnSpec("official_id", .uuid), ColumnSpec("question_id", id),
          ColumnSpec("reviewed_at", moment), ColumnSpec("grade", .integer(1...4)),
          ColumnSpec("elapsed_days", .integer(0...Int64(maximumIntervalDays))),
          ColumnSpec("response", .text(maximumBytes: maximumResponseBytes, nonEmpty: false)),
          ColumnSpec("score", .number(0...1)), ColumnSpec("time_taken", .number(0...maximumSecondsPerAnswer)),
        ] + cardColumns.filter { $0.name != "last_review" }
      ),
    ]
  }

  /// The columns of an FSRS card, in `review_cards` and after each review in `review_log`.
  private var cardColumns: [ColumnSpec] {
    let moment = ColumnRule.timestamp(earliest: earliestDay, latest: latestDay)
    return [
      ColumnSpec("stability", .number(0.001...1_000_000)),
      ColumnSpec("difficulty", .number(1...10)), ColumnSpec("due", moment), ColumnSpec("last_review", moment),
      ColumnSpec("reps", .integer(1...Int64(maximumReviews))),
      ColumnSpec("lapses", .integer(0...Int64(maximumReviews))),
      ColumnSpec("state", .oneOf(ReviewState.allCases.map(\.rawValue))),
    ]
  }

  func columns(of table: String) -> [ColumnSpec] { tables.first { $0.name == table }?.columns ?? [] }
}

// MARK: - Records in Swift (a batch sent by a commune machine)

extension ResultsRules {
  /// What breaks the rules in `official`, as it would be stored (row 0): name and position in
  /// NFC.
  public func problems(in official: Official) -> [RowProblem] {
    problems(
      in: [
        "id": .text(official.id.uuidString), "name": .text(official.name.nfc),
        "position": .text(official.position.nfc), "commune_code": .text(official.communeCode.rawValue),
        "created_at": .moment(official.createdAt),
      ], table: "officials")
  }

  /// What breaks the rules in `attempt` (its answers aside), as it would be stored: the seed as
  /// decimal text, the question ids as the list a JSON text would hold.
  public func problems(in attempt: Attempt) -> [RowProblem] {
    problems(
      in: [
        "id": .text(attempt.id.uuidString), "official_id": .text(attempt.officialID.uuidString),
        "quiz_id": .text(attempt.quizID), "course_id": .text(attempt.courseID),
        "course_version": .text(attempt.courseVersion),
        "class_id": attempt.classID.map { .text($0.uuidString) } ?? .null,
        "started_at": .moment(attempt.startedAt),
        "ended_at": attempt.endedAt.map(ColumnValue.moment) ?? .null,
        "seed": .text(String(attempt.seed)), "question_ids": .list(attempt.questionIDs.map(\.rawValue)),
        "score": attempt.score.map(ColumnValue.real) ?? .null,
        "max_score": attempt.maxScore.map(ColumnValue.real) ?? .null,
        "status": .text(attempt.status.rawValue),
      ], table: "attempts")
  }

  /// What breaks the rules in `review`, as `review_log` would store it.
  public func problems(in review: ReviewLogEntry) -> [RowProblem] {
    let card = review.card
    let values: [String: DatabaseValue] = [
      "id": review.id.uuidString.databaseValue, "official_id": card.officialID.uuidString.databaseValue,
      "question_id": card.questionID.rawValue.databaseValue, "reviewed_at": card.lastReview.databaseValue,
      "grade": review.grade.databaseValue, "elapsed_days": review.elapsedDays.databaseValue,
      "response": review.response.databaseValue, "score": review.score.databaseValue,
      "time_taken": review.timeTaken.databaseValue, "stability": card.stability.databaseValue,
      "difficulty": card.difficulty.databaseValue, "due": card.due.databaseValue,
      "reps": card.reps.databaseValue,
      "lapses": card.lapses.databaseValue, "state": card.state.rawValue.databaseValue,
    ]
    return problems(values, table: "review_log")
  }

  /// What breaks the rules in `answer`, as it would be stored.
  public func problems(in answer: Answer) -> [RowProblem] {
    problems(
      in: [
        "attempt_id": .text(answer.attemptID.uuidString), "question_id": .text(answer.questionID.rawValue),
        "position": .integer(Int64(answer.position)), "response": .text(answer.response),
        "score": .real(answer.score), "correct": .integer(answer.isCorrect ? 1 : 0),
        "time_taken": .real(answer.timeTaken), "answered_at": .moment(answer.answeredAt),
      ], table: "answers")
  }

  /// What breaks the rules in `trainingClass`, as `classes` would store it, and in each of its
  /// communes as `class_communes` would.
  public func problems(in trainingClass: TrainingClass) -> [RowProblem] {
    let values: [String: DatabaseValue] = [
      "id": trainingClass.id.uuidString.databaseValue,
      "code": (trainingClass.code?.rawValue ?? "").databaseValue, "title": trainingClass.title.databaseValue,
      "trainer": trainingClass.trainer.databaseValue, "date": trainingClass.date.databaseValue,
      "end_date": trainingClass.endDate.databaseValue, "place": trainingClass.place.databaseValue,
      "pretest_quiz_id": (trainingClass.pretestQuizID ?? "").databaseValue,
      "posttest_quiz_id": (trainingClass.posttestQuizID ?? "").databaseValue,
      "closed_at": trainingClass.closedAt?.databaseValue ?? .null,
      "updated_at": trainingClass.updatedAt.databaseValue,
    ]
    return problems(values, table: "classes")
      + trainingClass.communeCodes.flatMap { code in
        problems(
          [
            "class_id": trainingClass.id.uuidString.databaseValue,
            "commune_code": code.rawValue.databaseValue,
          ],
          table: "class_communes")
      }
  }

  /// What breaks the rules in `member`, as `class_members` would store it.
  public func problems(in member: ClassMember) -> [RowProblem] {
    problems(
      [
        "class_id": member.classID.uuidString.databaseValue,
        "official_id": member.officialID.uuidString.databaseValue, "joined_at": member.joinedAt.databaseValue,
      ], table: "class_members")
  }

  /// What breaks the rules in `change`, as `roster_changes` would store it.
  public func problems(in change: RosterChange) -> [RowProblem] {
    problems(
      [
        "id": change.id.uuidString.databaseValue, "kind": change.kind.rawValue.databaseValue,
        "official_id": change.officialID.uuidString.databaseValue,
        "kept_id": change.keptID?.uuidString.databaseValue ?? .null, "old_name": change.oldName.databaseValue,
        "new_name": change.newName.databaseValue, "changed_by": change.changedBy.databaseValue,
        "changed_at": change.changedAt.databaseValue,
      ], table: "roster_changes")
  }

  /// What breaks the rules in a row of `table` whose columns hold `values` (a column missing is
  /// null), as it would be stored (row 0).
  public func problems(in values: [String: ColumnValue], table: String) -> [RowProblem] {
    problems(table: table) { spec in
      let value = values[spec.name] ?? .null
      return value == .null ? spec.isNullable : spec.rule.accepts(value)
    }
  }

  private func problems(_ values: [String: DatabaseValue], table: String) -> [RowProblem] {
    problems(table: table) { spec in
      let value = values[spec.name] ?? .null
      return value.isNull ? spec.isNullable : spec.rule.accepts(value)
    }
  }

  private func problems(table: String, keeps: (ColumnSpec) -> Bool) -> [RowProblem] {
    columns(of: table).compactMap { spec in
      keeps(spec) ? nil : RowProblem(table: table, row: 0, column: spec.name, rule: spec.rule)
    }
  }
}

extension ColumnRule {
  /// 36 bytes: hex digits, either case, with `-` at bytes 9, 14, 19 and 24 (Foundation's
  /// `UUID(uuidString:)` also reads a space or a sign where a digit belongs).
  static func isUUID(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 36 else { return false }
    for (index, byte) in bytes.enumerated() {
      let ok =
        [8, 13, 18, 23].contains(index)
        ? byte == 0x2D
        : (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
      guard ok else { return false }
    }
    return true
  }

  /// `yyyy-MM-dd HH:mm:ss` or `yyyy-MM-dd HH:mm:ss.SSS`, on a day that exists.
  static func isTimestamp(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 19 || bytes.count == 23, Day(String(decoding: bytes[0..<10], as: UTF8.self)) != nil
    else { return false }
    for (index, byte) in bytes.enumerated().dropFirst(10) {
      let expected: Bool =
        switch index {
        case 10: byte == 0x20
        case 13, 16: byte == 0x3A
        case 19: byte == 0x2E
        default: (0x30...0x39).contains(byte)
        }
      guard expected else { return false }
    }
    let hour = Int(bytes[11] - 0x30) * 10 + Int(bytes[12] - 0x30)
    return hour <= 23 && bytes[14] <= 0x35 && bytes[17] <= 0x35
  }

  /// An SQL expression, true when the value of column `c` breaks the rule (nulls aside): the
  /// SQLite face of `accepts(_:)`.
  func sqlViolation(_ c: String) -> String {
    "NOT (" + sqlAcceptance(c) + ")"
  }

  private func sqlAcceptance(_ c: String) -> String {
    switch self {
    case .uuid:
      // CSQLiteGuard's byte checks: a GLOB over 32 character classes and date arithmetic on
      // every row were most of a merge's time.
      return "papi_uuid(\(c), 0)"
    case .text(let maximum, let nonEmpty):
      return "typeof(\(c)) = 'text' AND length(CAST(\(c) AS BLOB)) <= \(maximum)"
        + (nonEmpty ? " AND \(c) <> ''" : "")
    case .timestamp(let earliest, let latest):
      return "papi_timestamp(\(c), '\(earliest)', '\(latest)', 0)"
    case .day:
      return "papi_day(\(c))"
    case .number(let range):
      return
        "typeof(\(c)) IN ('real', 'integer') AND \(c) BETWEEN \(range.lowerBound) AND \(range.upperBound)"
    case .integer(let range):
      return "typeof(\(c)) = 'integer' AND \(c) BETWEEN \(range.lowerBound) AND \(range.upperBound)"
    case .boolean: return "typeof(\(c)) = 'integer' AND \(c) IN (0, 1)"
    case .oneOf(let values):
      return "typeof(\(c)) = 'text' AND \(c) IN (" + values.map { "'\($0)'" }.joined(separator: ", ") + ")"
    case .decimalUInt64:
      let significant = "ltrim(\(c), '0')"
      return """
        typeof(\(c)) = 'text' AND length(\(c)) BETWEEN 1 AND 40 AND \(c) NOT GLOB '*[^0-9]*'
        AND (length(\(significant)) < 20 OR (length(\(significant)) = 20 AND \(significant) <= '18446744073709551615'))
        """
    case .idList(let count, let bytes):
      return """
        typeof(\(c)) = 'text' AND json_valid(\(c)) AND json_type(\(c)) = 'array'
        AND json_array_length(\(c)) <= \(count)
        AND NOT EXISTS (SELECT 1 FROM json_each(\(c)) WHERE type <> 'text' OR length(CAST(value AS BLOB)) > \(bytes))
        """
    case .unitCode:
      return "typeof(\(c)) = 'text' AND length(\(c)) BETWEEN 1 AND \(UnitCode.maximumLength)"
        + " AND \(c) NOT GLOB '*[^0-9]*'"
    case .classCode:
      let digit = "[0-9]"
      let letters = "[A-HJ-NP-Z]"
      return
        "typeof(\(c)) = 'text' AND (\(c) = '' OR \(c) GLOB '[A-Z][A-Z]-\(digit)\(digit)\(digit)\(digit)-\(letters)'"
        + " OR \(c) GLOB '[A-Z][A-Z]-\(digit)\(digit)\(digit)\(digit)-\(letters)\(letters)')"
    }
  }
}

// MARK: - A file's rows, inside SQLite

extension ResultsRules {
  /// The first rows (at most `limit`) of the file open on `db` that break a rule, table by
  /// table present, each with the first column it breaks; then rows whose reference leads nowhere
  /// (`PRAGMA foreign_key_check`). One pass over each table.
  func problems(in db: Database, limit: Int = 5) throws -> [RowProblem] {
    var found: [RowProblem] = []
    for (table, allColumns) in tables where found.count < limit {
      // An older version lacks some tables and columns; what it has keeps the rules.
      guard try db.tableExists(table) else { continue }
      let present = Set(try db.columns(in: table).map(\.name))
      let columns = allColumns.filter { present.contains($0.name) }
      let violations = columns.map { spec in
        spec.isNullable
          ? "(\(spec.name) IS NOT NULL AND \(spec.rule.sqlViolation(spec.name)))"
          : "(\(spec.name) IS NULL OR \(spec.rule.sqlViolation(spec.name)))"
      }
      let which = zip(violations, columns.indices).map { "WHEN \($0) THEN \($1)" }.joined(separator: " ")
      let rows = try Row.fetchAll(
        db,
        sql: "SELECT rowid, CASE \(which) END AS broken FROM \(table) WHERE "
          + violations.joined(separator: " OR ") + " LIMIT \(limit - found.count)")
      for row in rows {
        let index = (row["broken"] as Int?) ?? 0
        let spec = columns[min(max(index, 0), columns.count - 1)]
        found.append(
          RowProblem(table: table, row: (row["rowid"] as Int64?) ?? 0, column: spec.name, rule: spec.rule))
      }
    }
    guard found.isEmpty else { return found }
    let dangling = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").prefix(limit)
    return dangling.map { row in
      RowProblem(
        table: (row[0] as String?) ?? "?", row: (row[1] as Int64?) ?? 0, column: "", rule: nil)
    }
  }
}

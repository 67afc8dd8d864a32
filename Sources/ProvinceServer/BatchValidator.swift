import Curriculum
import Foundation
import Gradebook
import SyncProtocol
import Units

/// A batch that passed every check, as Gradebook's records, ready to store.
public struct ValidatedBatch: Sendable, Hashable {
  public var id: UUID
  public var province: String
  public var cursorFrom: Int64
  public var cursorTo: Int64
  public var officials: [Official]
  public var classes: [TrainingClass] = []
  public var members: [ClassMember] = []
  public var changes: [RosterChange] = []
  public var attempts: [Attempt]
  public var answers: [Answer]
}

/// Checks a batch from a commune machine exactly as an untrusted results file's rows are checked:
/// Gradebook's ``ResultsRules`` on every official, attempt and answer (types, ranges, lengths,
/// days and moments), every reference inside the batch, and every quiz and question against the
/// courses. One bad row refuses the whole batch, with the rows at fault.
public struct BatchValidator: Sendable {
  public var rules = ResultsRules()
  public var content: KnownContent
  /// The most problems reported.
  public var reportLimit = 20

  public init(content: KnownContent) { self.content = content }

  /// The batch as records, or the problems that refuse it.
  public func validate(_ batch: SyncBatch, commune: CommuneCode, province: String) -> Result<
    ValidatedBatch, APIError
  > {
    var problems = Problems(limit: reportLimit)
    if batch.format != SyncBatch.format { problems.add("batch", 0, "format", "papi-train.sync-batch/1") }
    let id = WireID.uuid(batch.batchID)
    if id == nil { problems.add("batch", 0, "batchID", "uuid") }
    if batch.commune != commune.rawValue { problems.add("batch", 0, "commune", commune.rawValue) }
    if batch.cursorFrom < 0 || batch.cursorTo < batch.cursorFrom {
      problems.add("batch", 0, "cursorTo", "cursorFrom ≤ cursorTo")
    }
    if batch.answers.count > SyncBatch.maximumAnswers {
      problems.add("batch", 0, "answers", "at most \(SyncBatch.maximumAnswers)")
    }
    for (table, count) in [
      ("officials", batch.officials.count), ("classes", batch.classes.count),
      ("classMembers", batch.classMembers.count), ("rosterChanges", batch.rosterChanges.count),
      ("attempts", batch.attempts.count),
    ] where count > SyncBatch.maximumRecords {
      problems.add("batch", 0, table, "at most \(SyncBatch.maximumRecords)")
    }
    let officials = batch.officials.enumerated().compactMap {
      official($1, row: $0, commune: commune, &problems)
    }
    let classes = batch.classes.enumerated().compactMap {
      trainingClass($1, row: $0, commune: commune, &problems)
    }
    let members = batch.classMembers.enumerated().compactMap { member($1, row: $0, &problems) }
    let changes = batch.rosterChanges.enumerated().compactMap { change($1, row: $0, &problems) }
    let attempts = batch.attempts.enumerated().compactMap { attempt($1, row: $0, &problems) }
    let answers = batch.answers.enumerated().compactMap { answer($1, row: $0, &problems) }
    // References are checked once every row is whole, so a row number names the row sent.
    if problems.count == 0 {
      checkReferences(officials: officials, attempts: attempts, answers: answers, &problems)
      checkClassReferences(
        officials: officials, classes: classes, members: members, attempts: attempts, &problems)
    }
    guard problems.list.isEmpty, let id else {
      let message = ServerMessage.badBatch(problems.count)
      return .failure(
        APIError(
          code: "invalid-batch", message: message.text(in: .vietnamese),
          messageEnglish: message.text(in: .english),
          problems: problems.list))
    }
    return .success(
      ValidatedBatch(
        id: id, province: province, cursorFrom: batch.cursorFrom, cursorTo: batch.cursorTo,
        officials: officials, classes: classes, members: members, changes: changes,
        attempts: attempts, answers: answers))
  }

  private func official(_ wire: WireOfficial, row: Int, commune: CommuneCode, _ problems: inout Problems)
    -> Official?
  {
    let before = problems.count
    let id = WireID.uuid(wire.id)
    let created = WireTime.date(wire.createdAt)
    if id == nil { problems.add("officials", row, "id", "uuid") }
    if created == nil { problems.add("officials", row, "created_at", "yyyy-MM-dd HH:mm:ss.SSS") }
    for (column, text) in [("name", wire.name), ("position", wire.position)] where Self.hasNUL(text) {
      problems.add("officials", row, column, Self.noNUL)
    }
    if wire.communeCode != commune.rawValue {
      problems.add("officials", row, "commune_code", commune.rawValue)
    }
    guard let id, let created, problems.count == before else { return nil }
    let official = Official(
      id: OfficialID(rawValue: id), name: wire.name, position: wire.position, communeCode: commune,
      createdAt: created)
    problems.add(rules.problems(in: official), row: row)
    return problems.count == before ? official : nil
  }

  private func attempt(_ wire: WireAttempt, row: Int, _ problems: inout Problems) -> Attempt? {
    let before = problems.count
    let id = WireID.uuid(wire.id)
    let official = WireID.uuid(wire.officialID)
    let classID = wire.classID.map { WireID.uuid($0) }
    let started = WireTime.date(wire.startedAt)
    let ended = wire.endedAt.map { WireTime.date($0) }
    let seed = UInt64(wire.seed)
    let status = AttemptStatus(rawValue: wire.status)
    for (ok, column, rule) in [
      (id != nil, "id", "uuid"), (official != nil, "official_id", "uuid"),
      (classID != .some(nil), "class_id", "uuid"),
      (started != nil, "started_at", "yyyy-MM-dd HH:mm:ss.SSS"),
      (ended != .some(nil), "ended_at", "yyyy-MM-dd HH:mm:ss.SSS"), (seed != nil, "seed", "0…2⁶⁴−1"),
      (status != nil, "status", "in-progress | finished | abandoned"),
    ] where !ok {
      problems.add("attempts", row, column, rule)
    }
    for (column, text) in [("course_version", wire.courseVersion), ("quiz_id", wire.quizID)]
    where Self.hasNUL(text) {
      problems.add("attempts", row, column, Self.noNUL)
    }
    if !content.knows(quiz: wire.quizID, of: wire.courseID) {
      problems.add("attempts", row, "quiz_id", "known quiz")
    }
    if Self.hasNUL(wire.courseVersion) { problems.add("attempts", row, "course_version", Self.noNUL) }
    if let unknown = wire.questionIDs.first(where: { !content.knows(question: $0) }) {
      problems.add("attempts", row, "question_ids", "known question (\(unknown.prefix(80)))")
    }
    guard let id, let official, let started, let seed, let status, problems.count == before else {
      return nil
    }
    let attempt = Attempt(
      id: AttemptID(rawValue: id), officialID: OfficialID(rawValue: official), quizID: wire.quizID,
      courseID: wire.courseID, courseVersion: wire.courseVersion,
      classID: classID.flatMap { $0 }.map { ClassID(rawValue: $0) },
      seed: seed, questionIDs: wire.questionIDs.map { QuestionID($0) }, startedAt: started,
      endedAt: ended.flatMap { $0 },
      score: wire.score, maxScore: wire.maxScore, status: status, answers: [])
    problems.add(rules.problems(in: attempt), row: row)
    return problems.count == before ? attempt : nil
  }

  private func answer(_ wire: WireAnswer, row: Int, _ problems: inout Problems) -> Answer? {
    let before = problems.count
    let attempt = WireID.uuid(wire.attemptID)
    let answered = WireTime.date(wire.answeredAt)
    if attempt == nil { problems.add("answers", row, "attempt_id", "uuid") }
    if answered == nil { problems.add("answers", row, "answered_at", "yyyy-MM-dd HH:mm:ss.SSS") }
    if !content.knows(question: wire.questionID) {
      problems.add("answers", row, "question_id", "known question")
    }
    if Self.hasNUL(wire.response) { problems.add("answers", row, "response", Self.noNUL) }
    guard let attempt, let answered, problems.count == before else { return nil }
    let answer = Answer(
      attemptID: AttemptID(rawValue: attempt), questionID: QuestionID(wire.questionID),
      position: wire.position,
      response: wire.response, score: wire.score, isCorrect: wire.correct, timeTaken: wire.timeTaken,
      answeredAt: answered)
    problems.add(rules.problems(in: answer), row: row)
    return problems.count == before ? answer : nil
  }

  /// PostgreSQL's text holds no NUL character (SQLite's does): refused rather than failing the store.
  static func hasNUL(_ text: String) -> Bool { text.utf8.contains(0) }
  static let noNUL = "text without NUL characters"

  /// Every attempt's official and every answer's attempt are in the batch; an answer's question
  /// is one of its attempt's questions.
  private func checkReferences(
    officials: [Official], attempts: [Attempt], answers: [Answer], _ problems: inout Problems
  ) {
    let officialIDs = Set(officials.map(\.id))
    let attemptsByID = Dictionary(attempts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for (row, attempt) in attempts.enumerated() where !officialIDs.contains(attempt.officialID) {
      problems.add("attempts", row, "official_id", "an official of the batch")
    }
    for (row, answer) in answers.enumerated() {
      guard let attempt = attemptsByID[answer.attemptID] else {
        problems.add("answers", row, "attempt_id", "an attempt of the batch")
        continue
      }
      if !attempt.questionIDs.contains(answer.questionID) {
        problems.add("answers", row, "question_id", "one of the attempt's questions")
      }
    }
  }
}

/// The problems found so far, the first `limit` kept.
struct Problems {
  var limit: Int
  var list: [APIError.Problem] = []
  var count = 0

  init(limit: Int) { self.limit = limit }

  mutating func add(_ table: String, _ row: Int, _ column: String, _ reason: String) {
    count += 1
    if list.count < limit {
      list.append(APIError.Problem(table: table, row: row, column: column, reason: reason))
    }
  }

  mutating func add(_ found: [RowProblem], row: Int) {
    for problem in found {
      add(problem.table, row, problem.column, problem.rule.map { "\($0)" } ?? "reference")
    }
  }
}

import Curriculum
import Foundation
internal import GRDB
import Units
import VietnameseText

// The rows of a results file as GRDB records: each reads one row into the gradebook's public
// record and writes it back, column by column. They are internal, so GRDB stays out of
// Gradebook's API; the hot paths (the export reader, merge inside SQLite, `answer_sums`, bulk
// import) keep their hand-written SQL.

/// A row of `officials`.
struct StoredOfficial: FetchableRecord, PersistableRecord {
  static let databaseTableName = "officials"

  enum Columns {
    static let id = Column("id")
    static let name = Column("name")
    static let nameKey = Column("name_key")
    static let position = Column("position")
    static let communeCode = Column("commune_code")
    static let createdAt = Column("created_at")
  }

  var official: Official

  init(_ official: Official) {
    self.official = official
  }

  init(row: Row) throws {
    official = Official(
      id: OfficialID(rawValue: try CommuneStore.uuid(row[Columns.id])), name: row[Columns.name],
      position: row[Columns.position], communeCode: try CommuneCode(row[Columns.communeCode]),
      createdAt: row[Columns.createdAt])
  }

  /// Name and position in NFC, and the name's search key beside it.
  func encode(to container: inout PersistenceContainer) throws {
    container[Columns.id] = official.id.uuidString
    container[Columns.name] = official.name.nfc
    container[Columns.nameKey] = Schema.nameKey(official.name)
    container[Columns.position] = official.position.nfc
    container[Columns.communeCode] = official.communeCode.rawValue
    container[Columns.createdAt] = official.createdAt
  }
}

/// A row of `classes` (its communes are rows of `class_communes`).
struct StoredClass: FetchableRecord {
  static let databaseTableName = "classes"

  enum Columns {
    static let id = Column("id")
    static let code = Column("code")
    static let title = Column("title")
    static let trainer = Column("trainer")
    static let date = Column("date")
    static let endDate = Column("end_date")
    static let place = Column("place")
    static let pretest = Column("pretest_quiz_id")
    static let posttest = Column("posttest_quiz_id")
    static let closedAt = Column("closed_at")
    static let updatedAt = Column("updated_at")
  }

  var trainingClass: TrainingClass

  init(row: Row) throws {
    let code: String = row[Columns.code]
    let pretest: String = row[Columns.pretest]
    let posttest: String = row[Columns.posttest]
    let endDate: String = row[Columns.endDate]
    let date: String = row[Columns.date]
    trainingClass = TrainingClass(
      id: ClassID(rawValue: try CommuneStore.uuid(row[Columns.id])), code: ClassCode(code),
      title: row[Columns.title], trainer: row[Columns.trainer], date: date,
      endDate: endDate.isEmpty ? date : endDate, place: row[Columns.place], communeCodes: [],
      pretestQuizID: pretest.isEmpty ? nil : pretest, posttestQuizID: posttest.isEmpty ? nil : posttest,
      closedAt: row[Columns.closedAt], updatedAt: (row[Columns.updatedAt] as Date?) ?? .distantPast)
  }

  /// The row's values, in column order of ``CommuneStore/classColumns``.
  static func values(_ saved: TrainingClass) -> StatementArguments {
    [
      saved.id.uuidString, saved.code?.rawValue ?? "", saved.title.nfc, saved.trainer.nfc, saved.date,
      saved.endDate, saved.place.nfc, saved.pretestQuizID ?? "", saved.posttestQuizID ?? "", saved.closedAt,
      saved.updatedAt,
    ]
  }
}

/// A row of `attempts` (its answers are rows of `answers`).
struct StoredAttempt: FetchableRecord, PersistableRecord {
  static let databaseTableName = "attempts"

  enum Columns {
    static let id = Column("id")
    static let officialID = Column("official_id")
    static let quizID = Column("quiz_id")
    static let courseID = Column("course_id")
    static let courseVersion = Column("course_version")
    static let classID = Column("class_id")
    static let startedAt = Column("started_at")
    static let endedAt = Column("ended_at")
    static let seed = Column("seed")
    static let questionIDs = Column("question_ids")
    static let score = Column("score")
    static let maxScore = Column("max_score")
    static let status = Column("status")
  }

  var attempt: Attempt

  init(_ attempt: Attempt) {
    self.attempt = attempt
  }

  init(row: Row) throws {
    let seedText: String = row[Columns.seed]
    guard let seed = UInt64(seedText) else {
      throw GradebookError.database(path: "", message: "attempt seed '\(seedText)' is not a number")
    }
    let classID: String? = row[Columns.classID]
    attempt = Attempt(
      id: AttemptID(rawValue: try CommuneStore.uuid(row[Columns.id])),
      officialID: OfficialID(rawValue: try CommuneStore.uuid(row[Columns.officialID])),
      quizID: row[Columns.quizID], courseID: row[Columns.courseID], courseVersion: row[Columns.courseVersion],
      classID: try classID.map { ClassID(rawValue: try CommuneStore.uuid($0)) }, seed: seed,
      questionIDs: try CommuneStore.decodeQuestionIDs(row[Columns.questionIDs]),
      startedAt: row[Columns.startedAt],
      endedAt: row[Columns.endedAt], score: row[Columns.score], maxScore: row[Columns.maxScore],
      status: AttemptStatus(rawValue: row[Columns.status]) ?? .abandoned, answers: [])
  }

  /// The seed as decimal text and the question ids as a JSON list (its answers are not written).
  func encode(to container: inout PersistenceContainer) throws {
    container[Columns.id] = attempt.id.uuidString
    container[Columns.officialID] = attempt.officialID.uuidString
    container[Columns.quizID] = attempt.quizID
    container[Columns.courseID] = attempt.courseID
    container[Columns.courseVersion] = attempt.courseVersion
    container[Columns.classID] = attempt.classID?.uuidString
    container[Columns.startedAt] = attempt.startedAt
    container[Columns.endedAt] = attempt.endedAt
    container[Columns.seed] = String(attempt.seed)
    container[Columns.questionIDs] = try CommuneStore.encodeList(attempt.questionIDs)
    container[Columns.score] = attempt.score
    container[Columns.maxScore] = attempt.maxScore
    container[Columns.status] = attempt.status.rawValue
  }
}

/// A row of `answers`.
struct StoredAnswer: FetchableRecord, PersistableRecord {
  static let databaseTableName = "answers"

  enum Columns {
    static let attemptID = Column("attempt_id")
    static let questionID = Column("question_id")
    static let position = Column("position")
    static let response = Column("response")
    static let score = Column("score")
    static let correct = Column("correct")
    static let timeTaken = Column("time_taken")
    static let answeredAt = Column("answered_at")
  }

  var answer: Answer

  init(_ answer: Answer) {
    self.answer = answer
  }

  init(row: Row) throws {
    answer = Answer(
      attemptID: AttemptID(rawValue: try CommuneStore.uuid(row[Columns.attemptID])),
      questionID: QuestionID(row[Columns.questionID] as String), position: row[Columns.position],
      response: row[Columns.response],
      score: row[Columns.score], isCorrect: row[Columns.correct], timeTaken: row[Columns.timeTaken],
      answeredAt: row[Columns.answeredAt])
  }

  func encode(to container: inout PersistenceContainer) throws {
    container[Columns.attemptID] = answer.attemptID.uuidString
    container[Columns.questionID] = answer.questionID.rawValue
    container[Columns.position] = answer.position
    container[Columns.response] = answer.response
    container[Columns.score] = answer.score
    container[Columns.correct] = answer.isCorrect
    container[Columns.timeTaken] = answer.timeTaken
    container[Columns.answeredAt] = answer.answeredAt
  }
}

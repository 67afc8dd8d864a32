import Curriculum
import Foundation
import Units

/// An official on a commune's roster.
public struct Official: Sendable, Hashable, Identifiable {
  /// A stable id, the same on every machine the official's results travel to.
  public var id: OfficialID
  /// The name as typed, in NFC.
  public var name: String
  /// A position id from `Courses/positions.yaml` (`chairman`, `one-stop-staff`, ...).
  public var position: String
  /// The commune whose roster this is.
  public var communeCode: CommuneCode
  /// When the official was added to the roster (on whichever machine).
  public var createdAt: Date

  /// An official as stored; use ``CommuneStore/addOfficial(name:position:id:createdAt:)`` to add one.
  public init(id: OfficialID, name: String, position: String, communeCode: CommuneCode, createdAt: Date) {
    self.id = id
    self.name = name
    self.position = position
    self.communeCode = communeCode
    self.createdAt = createdAt
  }
}

/// A training class: a title, a trainer, the days and place it is held, the communes whose
/// officials attend, and the quizzes that are its pre-test and post-test.
///
/// A class is stored in the results file of each of its communes, under the same id, so it
/// travels with the files and through merge; the officials who joined it are kept in their own
/// commune's file. An edit (closing it too) sets ``updatedAt``: when two files hold different
/// versions of one class, merge keeps the one edited last.
public struct TrainingClass: Sendable, Hashable, Identifiable {
  /// A stable id, the same in every commune file the class is stored in.
  public var id: ClassID
  /// The short code officials type (`LC-2612-A`); nil for a class stored before codes existed.
  public var code: ClassCode?
  /// What the class is called ("Tập huấn một cửa, đợt 2"); empty for an older class.
  public var title: String
  /// Who teaches it.
  public var trainer: String
  /// The first day, as an ISO 8601 calendar date (`2025-09-12`).
  public var date: String
  /// The last day (the first day for a one-day class).
  public var endDate: String
  /// Where it is held.
  public var place: String
  /// The communes whose officials attend, in code order.
  public var communeCodes: [CommuneCode]
  /// The quiz taken at the start, and the one taken at the end, when set.
  public var pretestQuizID: String?
  public var posttestQuizID: String?
  /// When the trainer closed it; nil while it is open (officials can join it).
  public var closedAt: Date?
  /// When it was created or last changed, on whichever machine.
  public var updatedAt: Date

  /// A class; its days are checked when it is saved.
  public init(
    id: ClassID = ClassID(), code: ClassCode? = nil, title: String = "", trainer: String, date: String,
    endDate: String? = nil, place: String, communeCodes: [CommuneCode], pretestQuizID: String? = nil,
    posttestQuizID: String? = nil, closedAt: Date? = nil, updatedAt: Date = Date()
  ) {
    self.id = id
    self.code = code
    self.title = title
    self.trainer = trainer
    self.date = date
    self.endDate = endDate ?? date
    self.place = place
    self.communeCodes = communeCodes
    self.pretestQuizID = pretestQuizID
    self.posttestQuizID = posttestQuizID
    self.closedAt = closedAt
    self.updatedAt = updatedAt
  }

  /// Whether officials can still join it.
  public var isOpen: Bool { closedAt == nil }

  /// The code when it has one, else the id: how a person is shown the class.
  public var label: String { code?.rawValue ?? id.uuidString }

  /// Whether two versions of the class say the same (their edit times aside).
  func sameContent(as other: TrainingClass) -> Bool {
    var mine = self
    var theirs = other
    mine.updatedAt = .distantPast
    theirs.updatedAt = .distantPast
    mine.communeCodes = []
    theirs.communeCodes = []
    return mine == theirs
  }
}

/// An official who joined a class, and when.
public struct ClassMember: Sendable, Hashable {
  public var classID: ClassID
  public var officialID: OfficialID
  public var joinedAt: Date

  public init(classID: ClassID, officialID: OfficialID, joinedAt: Date) {
    self.classID = classID
    self.officialID = officialID
    self.joinedAt = joinedAt
  }
}

/// Where an attempt stands.
public enum AttemptStatus: String, Sendable, Hashable, CaseIterable {
  /// Started and not yet finished: it can be resumed.
  case inProgress = "in-progress"
  /// Every question answered and the score recorded.
  case finished
  /// Given up before the end; its answers are kept.
  case abandoned

  /// How far along the attempt is; merge keeps the furthest state of an attempt seen twice.
  var rank: Int {
    switch self {
    case .inProgress: 0
    case .abandoned: 1
    case .finished: 2
    }
  }
}

/// One answer, as stored: committed on its own the moment it is recorded.
public struct Answer: Sendable, Hashable {
  /// The attempt it belongs to.
  public var attemptID: AttemptID
  /// The question answered; one of the attempt's questions.
  public var questionID: QuestionID
  /// The question's place in the quiz, from 0.
  public var position: Int
  /// The response as text: typed text as is, structured responses as JSON. Stored in NFC.
  public var response: String
  /// The mark, partial credit included (0...1 for the scoring rules of Courses/README.md).
  public var score: Double
  /// Whether the answer earned full marks.
  public var isCorrect: Bool
  /// Seconds from showing the question to the answer.
  public var timeTaken: Double
  public var answeredAt: Date

  /// An answer to record with ``CommuneStore/record(_:)``.
  public init(
    attemptID: AttemptID, questionID: QuestionID, position: Int, response: String, score: Double,
    isCorrect: Bool,
    timeTaken: Double, answeredAt: Date
  ) {
    self.attemptID = attemptID
    self.questionID = questionID
    self.position = position
    self.response = response
    self.score = score
    self.isCorrect = isCorrect
    self.timeTaken = timeTaken
    self.answeredAt = answeredAt
  }
}

/// An attempt at a quiz with the answers recorded so far, in quiz order.
public struct Attempt: Sendable, Hashable, Identifiable {
  /// A stable id for the attempt, the same on every machine its results travel to.
  public var id: AttemptID
  /// The official taking it; they must be on the commune's roster.
  public var officialID: OfficialID
  /// The quiz, course and course version, as the curriculum names them.
  public var quizID: String
  public var courseID: String
  public var courseVersion: String
  /// The training session the attempt is taken in, if any; it must be stored in the same commune.
  public var classID: ClassID?
  /// The seed that shuffled the quiz: the same seed draws the same quiz again.
  public var seed: UInt64
  /// The question ids in the order asked.
  public var questionIDs: [QuestionID]
  public var startedAt: Date
  /// When it was finished or abandoned.
  public var endedAt: Date?
  /// The total mark, once finished.
  public var score: Double?
  /// The highest total mark possible, once finished.
  public var maxScore: Double?
  /// In progress, finished or abandoned.
  public var status: AttemptStatus
  /// The answers recorded, ordered by their position in the quiz.
  public var answers: [Answer]

  /// An attempt as stored; the store makes these.
  public init(
    id: AttemptID, officialID: OfficialID, quizID: String, courseID: String, courseVersion: String,
    classID: ClassID?,
    seed: UInt64, questionIDs: [QuestionID], startedAt: Date, endedAt: Date?, score: Double?,
    maxScore: Double?,
    status: AttemptStatus, answers: [Answer]
  ) {
    self.id = id
    self.officialID = officialID
    self.quizID = quizID
    self.courseID = courseID
    self.courseVersion = courseVersion
    self.classID = classID
    self.seed = seed
    self.questionIDs = questionIDs
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.score = score
    self.maxScore = maxScore
    self.status = status
    self.answers = answers
  }

  /// What the shell knows when an official starts a quiz: an attempt in progress with nothing
  /// answered yet, for ``CommuneStore/startAttempt(_:)``.
  public init(
    id: AttemptID = AttemptID(), officialID: OfficialID, quizID: String, courseID: String,
    courseVersion: String, classID: ClassID? = nil, seed: UInt64, questionIDs: [QuestionID], startedAt: Date
  ) {
    self.init(
      id: id, officialID: officialID, quizID: quizID, courseID: courseID, courseVersion: courseVersion,
      classID: classID, seed: seed, questionIDs: questionIDs, startedAt: startedAt, endedAt: nil, score: nil,
      maxScore: nil, status: .inProgress, answers: [])
  }

  /// The questions not answered yet, in quiz order: where a resumed attempt carries on.
  public var unansweredQuestionIDs: [QuestionID] {
    let answered = Set(answers.map(\.questionID))
    return questionIDs.filter { !answered.contains($0) }
  }
}

import Foundation
import Toolkit

/// An official as a batch carries it (the columns of a results file's `officials`).
///
/// A batch's rows (`WireOfficial`, `WireAttempt`, `WireAnswer`, `WireClass`, `WireClassMember`,
/// `WireRosterChange`) are made from the store's records (`WireOfficial(official)`, on the
/// commune machine) or decoded (on the server), never field by field: they have no public
/// memberwise initialiser, so a field cannot be forgotten in one place.
public struct WireOfficial: Sendable, Hashable, Codable {
  public var id: String
  public var name: String
  public var position: String
  public var communeCode: String
  public var createdAt: String
}

/// An attempt as a batch carries it, without its answers.
public struct WireAttempt: Sendable, Hashable, Codable {
  public var id: String
  public var officialID: String
  public var quizID: String
  public var courseID: String
  public var courseVersion: String
  public var classID: String?
  /// Decimal digits: a seed takes all 64 bits.
  public var seed: String
  public var questionIDs: [String]
  public var startedAt: String
  public var endedAt: String?
  public var score: Double?
  public var maxScore: Double?
  public var status: String
}

/// An answer as a batch carries it.
public struct WireAnswer: Sendable, Hashable, Codable {
  public var attemptID: String
  public var questionID: String
  public var position: Int
  public var response: String
  public var score: Double
  public var correct: Bool
  public var timeTaken: Double
  public var answeredAt: String
}

/// One batch a commune machine pushes: answers in the order its results file stored them (rows
/// after `cursorFrom` up to `cursorTo`), with the attempts and officials they belong to, and
/// attempts and officials whose state the server lacks. Stored in one transaction, or not at all.
public struct SyncBatch: Sendable, Hashable, Codable {
  public static let format = "papi-train.sync-batch/1"
  /// The most answers one batch may carry.
  public static let maximumAnswers = 2_000
  /// The most attempts or officials one batch may carry.
  public static let maximumRecords = 2_000
  /// The largest body the server reads.
  public static let maximumBodyBytes = 16 * 1_024 * 1_024

  public var format: String
  /// The batch's id: a batch sent again is acknowledged again, and adds nothing.
  public var batchID: String
  /// The commune whose results these are: the commune the machine was enrolled for.
  public var commune: String
  /// The answers are the results file's rows after `cursorFrom`, up to and including `cursorTo`.
  public var cursorFrom: Int64
  public var cursorTo: Int64
  public var officials: [WireOfficial]
  /// Classes the server lacks or holds in an older state, and every class an attempt of the
  /// batch was taken in.
  public var classes: [WireClass]
  /// Officials who joined a class, each of a class of the batch or one the server holds.
  public var classMembers: [WireClassMember]
  /// Roster entries removed, renamed or merged on the machine, applied on the server.
  public var rosterChanges: [WireRosterChange]
  public var attempts: [WireAttempt]
  public var answers: [WireAnswer]

  public init(
    batchID: String, commune: String, cursorFrom: Int64, cursorTo: Int64, officials: [WireOfficial],
    classes: [WireClass] = [], classMembers: [WireClassMember] = [], rosterChanges: [WireRosterChange] = [],
    attempts: [WireAttempt], answers: [WireAnswer]
  ) {
    self.format = Self.format
    self.batchID = batchID
    self.commune = commune
    self.cursorFrom = cursorFrom
    self.cursorTo = cursorTo
    self.officials = officials
    self.classes = classes
    self.classMembers = classMembers
    self.rosterChanges = rosterChanges
    self.attempts = attempts
    self.answers = answers
  }

  private enum CodingKeys: String, CodingKey {
    case format, batchID, commune, cursorFrom, cursorTo, officials, classes, classMembers, rosterChanges
    case attempts, answers
  }

  /// Reads a batch; one from a machine that does not send classes and roster changes yet has
  /// none.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    format = try container.decode(String.self, forKey: .format)
    batchID = try container.decode(String.self, forKey: .batchID)
    commune = try container.decode(String.self, forKey: .commune)
    cursorFrom = try container.decode(Int64.self, forKey: .cursorFrom)
    cursorTo = try container.decode(Int64.self, forKey: .cursorTo)
    officials = try container.decode([WireOfficial].self, forKey: .officials)
    classes = try container.decodeIfPresent([WireClass].self, forKey: .classes) ?? []
    classMembers = try container.decodeIfPresent([WireClassMember].self, forKey: .classMembers) ?? []
    rosterChanges = try container.decodeIfPresent([WireRosterChange].self, forKey: .rosterChanges) ?? []
    attempts = try container.decode([WireAttempt].self, forKey: .attempts)
    answers = try container.decode([WireAnswer].self, forKey: .answers)
  }
}

/// The server's acknowledgement of a stored batch.
public struct BatchAcknowledgement: Sendable, Hashable, Codable {
  public var batchID: String
  /// The device's cursor now: the last answer row the server holds.
  public var cursor: Int64
  /// What this batch added (zero for a batch stored before).
  public var officialsAdded: Int
  public var attemptsAdded: Int
  public var answersAdded: Int
  /// Whether the batch had been stored before (sent again after a cut connection).
  public var duplicate: Bool

  public init(
    batchID: String, cursor: Int64, officialsAdded: Int, attemptsAdded: Int, answersAdded: Int,
    duplicate: Bool
  ) {
    self.batchID = batchID
    self.cursor = cursor
    self.officialsAdded = officialsAdded
    self.attemptsAdded = attemptsAdded
    self.answersAdded = answersAdded
    self.duplicate = duplicate
  }
}

/// What the server holds of a device's commune: where the answers stand, and the state of each
/// attempt and official, so the machine sends only what is missing or further along.
public struct SyncState: Sendable, Hashable, Codable {
  public var commune: String
  /// The last answer row of this device's results file the server acknowledged (0: none).
  public var cursor: Int64
  /// Attempt id (upper-case UUID) to status.
  public var attempts: [String: String]
  /// Official ids (upper-case UUIDs).
  public var officials: [String]
  /// Class id (upper-case UUID) to when the server's copy was last changed
  /// (`yyyy-MM-dd HH:mm:ss.SSS`): a class changed later on the machine is sent again.
  public var classes: [String: String]
  /// Memberships the server holds, `CLASS/OFFICIAL` (upper-case UUIDs).
  public var classMembers: [String]
  /// Ids of the roster changes the server holds (upper-case UUIDs).
  public var rosterChanges: [String]
  /// The province leaders' decisions on the commune's classes, the latest for each class.
  public var reviews: [WireClassReview]

  public init(
    commune: String, cursor: Int64, attempts: [String: String], officials: [String],
    classes: [String: String] = [:], classMembers: [String] = [], rosterChanges: [String] = [],
    reviews: [WireClassReview] = []
  ) {
    self.commune = commune
    self.cursor = cursor
    self.attempts = attempts
    self.officials = officials
    self.classes = classes
    self.classMembers = classMembers
    self.rosterChanges = rosterChanges
    self.reviews = reviews
  }

  private enum CodingKeys: String, CodingKey {
    case commune, cursor, attempts, officials, classes, classMembers, rosterChanges, reviews
  }

  /// Reads a state; one from a server without classes holds none.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    commune = try container.decode(String.self, forKey: .commune)
    cursor = try container.decode(Int64.self, forKey: .cursor)
    attempts = try container.decode([String: String].self, forKey: .attempts)
    officials = try container.decode([String].self, forKey: .officials)
    classes = try container.decodeIfPresent([String: String].self, forKey: .classes) ?? [:]
    classMembers = try container.decodeIfPresent([String].self, forKey: .classMembers) ?? []
    rosterChanges = try container.decodeIfPresent([String].self, forKey: .rosterChanges) ?? []
    reviews = try container.decodeIfPresent([WireClassReview].self, forKey: .reviews) ?? []
  }
}

/// A refusal: a stable code, the reason in both languages, and for a batch the rows at fault.
public struct APIError: Sendable, Hashable, Codable, Error {
  public struct Problem: Sendable, Hashable, Codable {
    public var table: String
    public var row: Int
    public var column: String
    public var reason: String

    public init(table: String, row: Int, column: String, reason: String) {
      self.table = table
      self.row = row
      self.column = column
      self.reason = reason
    }
  }

  public var code: String
  public var message: String
  public var messageEnglish: String
  public var problems: [Problem]

  public init(code: String, message: String, messageEnglish: String, problems: [Problem] = []) {
    self.code = code
    self.message = message
    self.messageEnglish = messageEnglish
    self.problems = problems
  }
}

/// Moments as results files store them: `yyyy-MM-dd HH:mm:ss.SSS` in UTC.
public enum WireTime {
  /// The text of `date`, to the millisecond (written digit by digit, no format string).
  public static func text(_ date: Date) -> String {
    let milliseconds = Int64((date.timeIntervalSince1970 * 1_000).rounded())
    let (days, into) = Day.split(millisecondsSince1970: milliseconds)
    return Day(daysSince1970: Int(days)).description + clock(Int(into))
  }

  /// ` HH:mm:ss.SSS` of `milliseconds` into a day.
  static func clock(_ milliseconds: Int) -> String {
    String(unsafeUninitializedCapacity: 13) { buffer in
      func put(_ value: Int, through end: Int, width: Int) {
        var value = value
        for index in stride(from: end, to: end - width, by: -1) {
          buffer[index] = UInt8(0x30 + value % 10)
          value /= 10
        }
      }
      buffer[0] = 0x20
      put(milliseconds / 3_600_000, through: 2, width: 2)
      buffer[3] = 0x3A
      put(milliseconds / 60_000 % 60, through: 5, width: 2)
      buffer[6] = 0x3A
      put(milliseconds / 1_000 % 60, through: 8, width: 2)
      buffer[9] = 0x2E
      put(milliseconds % 1_000, through: 12, width: 3)
      return 13
    }
  }

  /// The moment `text` names (`yyyy-MM-dd HH:mm:ss` with optional `.SSS`, a real day), or nil.
  public static func date(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count == 19 || bytes.count == 23,
      let day = Day(String(decoding: bytes[0..<10], as: UTF8.self))
    else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        guard (0x30...0x39).contains(bytes[index]) else { return nil }
        value = value * 10 + Int(bytes[index] - 0x30)
      }
      return value
    }
    guard bytes[10] == 0x20, bytes[13] == 0x3A, bytes[16] == 0x3A,
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
      hour <= 23, minute <= 59, second <= 59
    else { return nil }
    var millisecond = 0
    if bytes.count == 23 {
      guard bytes[19] == 0x2E, let value = number(20..<23) else { return nil }
      millisecond = value
    }
    let milliseconds =
      (Int64(day.daysSince1970) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)) * 1_000
      + Int64(millisecond)
    return Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
  }
}

/// A training class as a batch carries it (the columns of a results file's `classes`, with its
/// communes).
public struct WireClass: Sendable, Hashable, Codable {
  public var id: String
  /// `LC-2612-A`, or empty for a class made before codes existed.
  public var code: String
  public var title: String
  public var trainer: String
  /// The first and last days, `yyyy-MM-dd`.
  public var date: String
  public var endDate: String
  public var place: String
  public var communeCodes: [String]
  public var pretestQuizID: String?
  public var posttestQuizID: String?
  /// When the trainer closed it; nil while it is open.
  public var closedAt: String?
  /// When it was made or last changed: the server keeps the copy changed last.
  public var updatedAt: String
}

/// An official who joined a class.
public struct WireClassMember: Sendable, Hashable, Codable {
  public var classID: String
  public var officialID: String
  public var joinedAt: String

  /// `CLASS/OFFICIAL`, how the sync state lists memberships.
  public var key: String { classID.uppercased() + "/" + officialID.uppercased() }
}

/// An entry of the roster's audit record: removed, renamed, or merged into `keptID`.
public struct WireRosterChange: Sendable, Hashable, Codable {
  public var id: String
  /// `remove`, `rename` or `merge`.
  public var kind: String
  public var officialID: String
  public var keptID: String?
  public var oldName: String
  public var newName: String
  public var changedBy: String
  public var changedAt: String
}

/// A province leader's decision on a class's results, as the server returns it on sync.
public struct WireClassReview: Sendable, Hashable, Codable {
  public var classID: String
  /// `approved`, or `returned` (sent back to the trainer with a note).
  public var decision: String
  public var note: String
  /// When the leader decided, `yyyy-MM-dd HH:mm:ss.SSS` in UTC.
  public var decidedAt: String
  /// Who decided (the leader's name as the server knows it).
  public var leader: String

  public init(classID: String, decision: String, note: String, decidedAt: String, leader: String) {
    self.classID = classID
    self.decision = decision
    self.note = note
    self.decidedAt = decidedAt
    self.leader = leader
  }
}

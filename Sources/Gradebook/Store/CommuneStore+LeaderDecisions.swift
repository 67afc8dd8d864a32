import Foundation
internal import GRDB

/// A province leader's decision on a class's results, as the province server returned it on
/// sync: approved, or returned to the trainer with a note saying what to correct.
public struct LeaderDecision: Sendable, Hashable {
  /// What the leader decided.
  public enum Verdict: String, Sendable, Hashable, CaseIterable {
    case approved
    case returned
  }

  public var classID: ClassID
  public var verdict: Verdict
  /// Why the results were returned (empty when approved without a note).
  public var note: String
  /// The leader, as the server names them.
  public var leader: String
  public var decidedAt: Date

  public init(classID: ClassID, verdict: Verdict, note: String, leader: String, decidedAt: Date) {
    self.classID = classID
    self.verdict = verdict
    self.note = note
    self.leader = leader
    self.decidedAt = decidedAt
  }
}

extension CommuneStore {
  /// Keeps the decisions on classes stored in this file (others are left out), each replacing
  /// an earlier one on its class; returns those the file did not hold yet (new or changed), in
  /// the order given: what the trainer has not been told.
  @discardableResult
  public func saveLeaderDecisions(_ decisions: [LeaderDecision], receivedAt: Date = Date()) throws
    -> [LeaderDecision]
  {
    try write { db in
      try decisions.filter { decision in
        try db.execute(
          sql: """
            INSERT INTO class_reviews (class_id, decision, note, leader, decided_at, received_at)
            SELECT id, ?, ?, ?, ?, ? FROM classes WHERE id = ?
            ON CONFLICT (class_id) DO UPDATE SET decision = excluded.decision, note = excluded.note,
              leader = excluded.leader, decided_at = excluded.decided_at, received_at = excluded.received_at
            WHERE excluded.decided_at > class_reviews.decided_at
              OR (excluded.decided_at = class_reviews.decided_at
                AND (excluded.decision, excluded.note, excluded.leader)
                  IS NOT (class_reviews.decision, class_reviews.note, class_reviews.leader))
            """,
          arguments: [
            decision.verdict.rawValue, decision.note, decision.leader, decision.decidedAt, receivedAt,
            decision.classID.uuidString,
          ])
        return db.changesCount > 0
      }
    }
  }

  /// The latest decision on each class of this file that has one.
  public func leaderDecisions() throws -> [ClassID: LeaderDecision] {
    try read { db in
      let rows = try Row.fetchAll(
        db, sql: "SELECT class_id, decision, note, leader, decided_at FROM class_reviews")
      var decisions: [ClassID: LeaderDecision] = [:]
      for row in rows {
        guard let verdict = LeaderDecision.Verdict(rawValue: row["decision"]) else { continue }
        let id = ClassID(rawValue: try Self.uuid(row["class_id"]))
        decisions[id] = LeaderDecision(
          classID: id, verdict: verdict, note: row["note"], leader: row["leader"],
          decidedAt: row["decided_at"])
      }
      return decisions
    }
  }
}

extension ResultsDirectory {
  /// The latest decision on each class, over every commune's file of the folder (a class of
  /// several communes may have reached the trainer through any of them).
  public func leaderDecisions() throws -> [ClassID: LeaderDecision] {
    var latest: [ClassID: LeaderDecision] = [:]
    for code in try communeCodes() {
      guard let store = try readOnlyStore(for: code) else { continue }
      for (id, decision) in try store.leaderDecisions()
      where latest[id].map({ decision.decidedAt > $0.decidedAt }) ?? true {
        latest[id] = decision
      }
    }
    return latest
  }
}

import Foundation
import Gradebook
import SyncProtocol
import Toolkit
import Units

/// The province leaders' decisions on the commune's classes, as a sync receives them: checked
/// as anything from another machine is (one bad row refuses them all, naming the row and the
/// column, and nothing is kept), kept in the commune's file, and told to the trainer once.
enum DecisionsReceived {
  /// The longest note and leader's name kept, in bytes of UTF-8.
  static let maximumNoteBytes = 4_000
  static let maximumLeaderBytes = 400

  /// The reviews as decisions, or the first row at fault.
  static func decisions(_ reviews: [WireClassReview]) throws -> [LeaderDecision] {
    try reviews.enumerated().map { row, review in
      func refuse(_ column: String) -> SyncMessage { .badDecision(row: row, column: column) }
      guard let id = UUID(uuidString: review.classID) else { throw refuse("classID") }
      guard let verdict = LeaderDecision.Verdict(rawValue: review.decision) else {
        throw refuse("decision")
      }
      guard let decided = WireTime.date(review.decidedAt) else {
        throw refuse("decidedAt")
      }
      let note = review.note.replacingOccurrences(of: "\r\n", with: "\n")
      guard note.utf8.count <= maximumNoteBytes, isPrintable(note, allowingLines: true) else {
        throw refuse("note")
      }
      guard review.leader.utf8.count <= maximumLeaderBytes, !review.leader.isEmpty,
        isPrintable(review.leader, allowingLines: false)
      else { throw refuse("leader") }
      return LeaderDecision(
        classID: ClassID(rawValue: id), verdict: verdict, note: note, leader: review.leader,
        decidedAt: decided)
    }
  }

  /// Text without control characters (which could steer the trainer's terminal), but for line
  /// feeds and tabs in a note.
  static func isPrintable(_ text: String, allowingLines: Bool) -> Bool {
    text.unicodeScalars.allSatisfy { scalar in
      if allowingLines, scalar == "\n" || scalar == "\t" { return true }
      return !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }
  }

  /// Keeps the decisions on classes of `commune`'s file and returns what to tell the trainer of
  /// those it did not hold yet.
  static func keep(_ reviews: [WireClassReview], in results: ResultsDirectory, commune: CommuneCode) throws
    -> [SyncMessage]
  {
    guard !reviews.isEmpty else { return [] }
    let decisions = try decisions(reviews)
    let store = try results.store(for: commune)
    return try store.saveLeaderDecisions(decisions).map { decision in
      let found = try store.trainingClass(id: decision.classID)
      let code = found?.label ?? decision.classID.uuidString
      let day = Day(decision.decidedAt).description
      switch decision.verdict {
      case .approved:
        return .classApproved(code: code, title: found?.title ?? "", leader: decision.leader, day: day)
      case .returned:
        return .classReturned(
          code: code, title: found?.title ?? "", leader: decision.leader, day: day, note: decision.note)
      }
    }
  }
}

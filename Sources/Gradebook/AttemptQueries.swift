import Foundation
internal import GRDB
import VietnameseText

extension CommuneStore {
  /// The attempts an export selects, oldest first, with their answers: those taken in `classID`
  /// (any class when nil), at one of `quizIDs` (any quiz when empty), started in
  /// `[startedFrom, startedBefore)`. The conditions are applied in SQL, so a class's export does
  /// not read the commune's other attempts.
  public func attempts(
    classID: UUID?, quizIDs: Set<String> = [], startedFrom: Date? = nil, startedBefore: Date? = nil
  ) throws -> [Attempt] {
    var clauses = ["1"]
    var arguments: [String] = []
    if let classID {
      clauses.append("a.class_id = ?")
      arguments.append(classID.uuidString)
    }
    if !quizIDs.isEmpty {
      clauses.append("a.quiz_id IN (\(Array(repeating: "?", count: quizIDs.count).joined(separator: ", ")))")
      arguments += quizIDs.sorted().map(\.nfc)
    }
    // Timestamps are stored as "YYYY-MM-DD HH:MM:SS.SSS" in UTC, so text order is time order.
    for (bound, operation) in [(startedFrom, ">="), (startedBefore, "<")] {
      guard let bound else { continue }
      clauses.append("a.started_at \(operation) ?")
      arguments.append(String.fromDatabaseValue(bound.databaseValue) ?? "")
    }
    return try read { db in try Self.attempts(db, where: clauses.joined(separator: " AND "), arguments) }
  }
}

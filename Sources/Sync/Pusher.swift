import Foundation
import Gradebook
import SyncProtocol
import Units

/// Pushes what the server lacks of one commune's results file: first the attempts, officials,
/// classes, class memberships and roster changes it lacks or holds in an earlier state (the
/// roster changes applied there: renames, removals, merges; an attempt with answers still to
/// send is left to travel with them), then every answer after the server's cursor with its
/// attempt, in its latest state, in batches, each acknowledged before the next. A push cut anywhere resumes from the server's
/// cursor: nothing is lost and, every record having a stable id, nothing is doubled.
public struct Pusher: Sendable {
  public let connection: SyncConnection
  public let store: CommuneStore
  /// Answers per batch: as many as the server takes in one (fewer round trips, and the
  /// server's sums triggers fire once a batch). `PAPI_SYNC_BATCH_SIZE` sets fewer.
  public var batchSize = SyncBatch.maximumAnswers
  /// Attempts per batch of attempt states.
  public var attemptBatchSize = 500

  public init(connection: SyncConnection, store: CommuneStore) {
    self.connection = connection
    self.store = store
  }

  /// How far a push has come: records sent of the total.
  public struct Progress: Sendable, Hashable {
    public var done: Int
    public var total: Int
  }

  /// What a push sent, and what the server said of the commune's classes.
  public struct Summary: Sendable, Hashable {
    public var answers = 0
    public var attempts = 0
    public var officials = 0
    public var classes = 0
    public var rosterChanges = 0
    public var batches = 0
    /// Records the server lacked when the push began (0: it had everything).
    public var pending = 0
    /// The province leaders' decisions on the commune's classes, as the server holds them.
    public var reviews: [WireClassReview] = []
  }

  /// Pushes everything the server lacks, calling `progress` after each batch.
  public func run(progress: @Sendable (Progress) -> Void = { _ in }) async throws -> Summary {
    let state = try await connection.state()
    let (_, lastRow) = try store.answerCount(after: 0)
    // A cursor beyond the file's last row: the file was replaced; start again (nothing doubles).
    var cursor = state.cursor > lastRow ? 0 : state.cursor
    let roster = Dictionary(
      try store.officials().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let classes = Dictionary(try store.classes().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var pending = try PendingRecords(
      store: store, state: state, cursor: cursor, roster: roster, classes: classes)
    var summary = Summary()
    summary.reviews = state.reviews
    summary.pending = try store.answerCount(after: cursor).count + pending.count
    var done = 0
    progress(Progress(done: 0, total: summary.pending))
    // Attempt states, roster entries, classes, memberships and roster changes the server lacks.
    while let slice = pending.take(attemptBatchSize) {
      let records = BatchRecords(
        attempts: try store.attemptHeaders(ids: slice.attempts), members: slice.members,
        changes: slice.changes,
        officials: slice.officials, classes: slice.classes, roster: roster, known: classes)
      _ = try await connection.push(batch(records, answers: [], from: cursor, to: cursor))
      summary.add(records)
      done += slice.count
      progress(Progress(done: min(done, summary.pending), total: summary.pending))
    }
    // Answers after the cursor, with the attempts, officials and classes they belong to.
    while case (let numbered, let records)? = try answers(after: cursor, roster: roster, classes: classes) {
      let last = numbered.last?.row ?? cursor
      let acknowledgement = try await connection.push(
        batch(records, answers: numbered.map(\.answer), from: cursor, to: last))
      cursor = max(last, acknowledgement.cursor)
      summary.add(records)
      summary.answers += numbered.count
      done += numbered.count
      progress(Progress(done: min(done, summary.pending), total: summary.pending))
    }
    return summary
  }

  /// The batch a push sends of the answers after row `cursor` (at most ``batchSize``), with the
  /// attempts, officials and classes they belong to; nil when there are none.
  public func answerBatch(after cursor: Int64) throws -> SyncBatch? {
    let roster = Dictionary(
      try store.officials().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let classes = Dictionary(try store.classes().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    guard case (let numbered, let records)? = try answers(after: cursor, roster: roster, classes: classes)
    else {
      return nil
    }
    return batch(records, answers: numbered.map(\.answer), from: cursor, to: numbered.last?.row ?? cursor)
  }

  private func answers(
    after cursor: Int64, roster: [OfficialID: Official], classes: [ClassID: TrainingClass]
  ) throws -> ([NumberedAnswer], BatchRecords)? {
    let numbered = try store.answers(after: cursor, limit: batchSize)
    guard !numbered.isEmpty else { return nil }
    let attempts = try store.attemptHeaders(ids: numbered.map(\.answer.attemptID))
    return (numbered, BatchRecords(attempts: attempts, roster: roster, known: classes))
  }

  private func batch(_ records: BatchRecords, answers: [Answer], from: Int64, to: Int64) -> SyncBatch {
    SyncBatch(
      batchID: UUID().uuidString, commune: store.communeCode.rawValue, cursorFrom: from, cursorTo: to,
      officials: records.officials.map(WireOfficial.init), classes: records.classes.map(WireClass.init),
      classMembers: records.members.map(WireClassMember.init),
      rosterChanges: records.changes.map(WireRosterChange.init),
      attempts: records.attempts.map(WireAttempt.init),
      answers: answers.map(WireAnswer.init))
  }
}

extension Pusher.Summary {
  /// Counts what a batch carried.
  mutating func add(_ records: BatchRecords) {
    attempts += records.attempts.count
    officials += records.officials.count
    classes += records.classes.count
    rosterChanges += records.changes.count
    batches += 1
  }
}

import Foundation
import Gradebook
import SyncProtocol
import Units

/// Pushes what the server lacks of one commune's results file: first the attempts and officials
/// it lacks or holds in an earlier state, then every answer after the server's cursor, in
/// batches, each acknowledged before the next. A push cut anywhere resumes from the server's
/// cursor: nothing is lost and, every record having a stable id, nothing is doubled.
public struct Pusher: Sendable {
  public let connection: SyncConnection
  public let store: CommuneStore
  /// Answers per batch.
  public var batchSize = 1_000
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

  /// What a push sent.
  public struct Summary: Sendable, Hashable {
    public var answers = 0
    public var attempts = 0
    public var officials = 0
    public var batches = 0
    /// Records the server lacked when the push began (0: it had everything).
    public var pending = 0
  }

  /// Pushes everything the server lacks, calling `progress` after each batch.
  public func run(progress: @Sendable (Progress) -> Void = { _ in }) async throws -> Summary {
    let state = try await connection.state()
    let (_, lastRow) = try store.answerCount(after: 0)
    // A cursor beyond the file's last row: the file was replaced; start again (nothing doubles).
    var cursor = state.cursor > lastRow ? 0 : state.cursor
    let officials = Dictionary(
      try store.officials().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let knownOfficials = Set(state.officials.map { $0.uppercased() })
    let behind = try store.attemptStatuses().filter { local in
      let held = state.attempts[local.id.uuidString].flatMap(AttemptStatus.init(rawValue:))
      return held.map { local.status.progress > $0.progress } ?? true
    }.map(\.id)
    let rosterOnly = officials.values.filter { !knownOfficials.contains($0.id.uuidString) }
    let answersPending = try store.answerCount(after: cursor).count
    var summary = Summary()
    summary.pending = answersPending + behind.count + rosterOnly.count
    var done = 0
    progress(Progress(done: 0, total: summary.pending))
    // Attempt states and officials the server lacks.
    var extraOfficials = rosterOnly.sorted { $0.id.uuidString < $1.id.uuidString }
    for start in stride(from: 0, to: max(behind.count, extraOfficials.isEmpty ? 0 : 1), by: attemptBatchSize)
    {
      let attempts = try store.attemptHeaders(
        ids: Array(behind[start..<min(start + attemptBatchSize, behind.count)]))
      let batchOfficials = Self.officials(of: attempts, in: officials, plus: extraOfficials)
      extraOfficials = []
      _ = try await send(attempts: attempts, officials: batchOfficials, answers: [], from: cursor, to: cursor)
      summary.attempts += attempts.count
      summary.officials += batchOfficials.count
      summary.batches += 1
      done += attempts.count + batchOfficials.count
      progress(Progress(done: min(done, summary.pending), total: summary.pending))
    }
    // Answers after the cursor, with the attempts and officials they belong to.
    while true {
      let numbered = try store.answers(after: cursor, limit: batchSize)
      guard let last = numbered.last?.row else { break }
      let attempts = try store.attemptHeaders(ids: numbered.map(\.answer.attemptID))
      let batchOfficials = Self.officials(of: attempts, in: officials, plus: [])
      let acknowledgement = try await send(
        attempts: attempts, officials: batchOfficials, answers: numbered.map(\.answer), from: cursor, to: last
      )
      cursor = max(last, acknowledgement.cursor)
      summary.answers += numbered.count
      summary.batches += 1
      done += numbered.count
      progress(Progress(done: min(done, summary.pending), total: summary.pending))
    }
    return summary
  }

  /// The officials of `attempts` (from `roster`), after `extra`, each once.
  public static func officials(
    of attempts: [Attempt], in roster: [OfficialID: Official], plus extra: [Official]
  )
    -> [Official]
  {
    var seen = Set(extra.map(\.id))
    var result = extra
    for attempt in attempts where !seen.contains(attempt.officialID) {
      seen.insert(attempt.officialID)
      if let official = roster[attempt.officialID] { result.append(official) }
    }
    return result
  }

  private func send(attempts: [Attempt], officials: [Official], answers: [Answer], from: Int64, to: Int64)
    async throws -> BatchAcknowledgement
  {
    let batch = SyncBatch(
      batchID: UUID().uuidString, commune: store.communeCode.rawValue, cursorFrom: from, cursorTo: to,
      officials: officials.map(WireOfficial.init), attempts: attempts.map(WireAttempt.init),
      answers: answers.map(WireAnswer.init))
    return try await connection.push(batch)
  }
}

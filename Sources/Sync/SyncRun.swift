import Access
import Dispatch
import Foundation
import Gradebook
import Localization
import SyncProtocol
import Synchronization
import Units

#if canImport(Glibc)
  import Glibc
#endif

/// The entry points of `papi-train sync`: enrolling this machine, and pushing its commune's
/// results. Runs to completion on its own tasks; Ctrl-C cancels cleanly (the batch in flight is
/// either stored whole or not at all, and the next sync carries on from the server's cursor).
public enum SyncRun {
  /// What a push reports while it runs, and when it waits to try again.
  public struct Observer: Sendable {
    public var progress: @Sendable (Pusher.Progress, _ elapsed: Double) -> Void
    public var retry: @Sendable (Double, String) -> Void

    public init(
      progress: @escaping @Sendable (Pusher.Progress, Double) -> Void,
      retry: @escaping @Sendable (Double, String) -> Void
    ) {
      self.progress = progress
      self.retry = retry
    }
  }

  /// Enrols this machine with `server` using the one-time `code`, and keeps the settings.
  public static func enrol(server text: String, code: String, environment: [String: String]) async throws
    -> SyncMessage
  {
    let server = try SyncConnection.serverURL(text)
    let key = try MachineKey.loadOrCreate(at: MachineKey.defaultURL(environment: environment))
    var connection = SyncConnection(server: server, key: key)
    connection.tries = 3
    let response = try await connection.enrol(code: code, machine: FileSignature.hostName)
    let settings = SyncSettings(
      server: server.absoluteString, commune: response.commune, province: response.province,
      enrolledAt: response.enrolledAt)
    try settings.save(to: SyncSettings.url(environment: environment))
    return .enrolled(server: settings.server, commune: settings.commune)
  }

  /// Pushes what the server lacks of this machine's commune in `results`.
  public static func push(results: ResultsDirectory, environment: [String: String], observer: Observer)
    async throws -> SyncMessage
  {
    guard let settings = try SyncSettings.load(from: SyncSettings.url(environment: environment)) else {
      throw SyncMessage.notEnrolled
    }
    let commune = try CommuneCode(settings.commune)
    guard let store = try results.readOnlyStore(for: commune) else {
      throw SyncMessage.noResults(commune: commune.rawValue)
    }
    let key = try MachineKey.loadOrCreate(at: MachineKey.defaultURL(environment: environment))
    var connection = SyncConnection(server: try SyncConnection.serverURL(settings.server), key: key)
    connection.onRetry = observer.retry
    if let tries = environment["PAPI_SYNC_TRIES"].flatMap(Int.init), tries > 0 { connection.tries = tries }
    let started = ContinuousClock.now
    var pusher = Pusher(connection: connection, store: store)
    if let size = environment["PAPI_SYNC_BATCH_SIZE"].flatMap(Int.init),
      (1...SyncBatch.maximumAnswers).contains(size)
    {
      pusher.batchSize = size
    }
    let summary = try await pusher.run { progress in
      let elapsed = started.duration(to: .now)
      observer.progress(
        progress, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    let decisions = try DecisionsReceived.keep(summary.reviews, in: results, commune: commune)
    guard summary.pending > 0 else {
      return .several([.nothingToSend(commune: commune.rawValue)] + decisions)
    }
    let elapsed = started.duration(to: .now)
    let sent = SyncMessage.sent(
      answers: summary.answers, attempts: summary.attempts, officials: summary.officials,
      batches: summary.batches,
      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    return .several([sent] + decisions)
  }

  /// Runs `work` to the end from synchronous code; SIGINT (Ctrl-C) cancels it, and then
  /// ``SyncMessage/stopped`` is thrown.
  public static func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let outcome = Mutex<Result<T, any Error>?>(nil)
    let finished = DispatchSemaphore(value: 0)
    let task = Task {
      let result: Result<T, any Error>
      do { result = .success(try await work()) } catch { result = .failure(error) }
      outcome.withLock { $0 = result }
      finished.signal()
    }
    signal(SIGINT, SIG_IGN)
    let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    interrupt.setEventHandler { task.cancel() }
    interrupt.resume()
    finished.wait()
    interrupt.cancel()
    signal(SIGINT, SIG_DFL)
    guard let result = outcome.withLock({ $0 }) else { throw SyncMessage.stopped }
    if task.isCancelled, case .failure = result { throw SyncMessage.stopped }
    return try result.get()
  }

  /// A progress line: done of total and, once a batch has gone, the time left at the rate so far.
  public static func progressLine(_ progress: Pusher.Progress, elapsed: Double, in language: Language)
    -> String
  {
    let left: Int? =
      progress.done > 0 && progress.total > progress.done
      ? Int((elapsed / Double(progress.done) * Double(progress.total - progress.done)).rounded(.up)) : nil
    return SyncMessage.progress(done: progress.done, total: progress.total, secondsLeft: left).text(
      in: language)
  }
}

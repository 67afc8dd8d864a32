import Logging
import PostgresNIO

extension PostgresClient {
  /// Runs `body` in one transaction on a connection of the pool: committed when `body` returns,
  /// rolled back when it throws, and its error rethrown as it was thrown (PostgresNIO's
  /// `withTransaction` wraps it in a `PostgresTransactionError`).
  func transaction<Result: Sendable>(
    logger: Logger, isolation: isolated (any Actor)? = #isolation,
    _ body: (PostgresConnection) async throws -> Result
  ) async throws -> Result {
    try await withConnection(isolation: isolation) { connection in
      try await connection.transaction(logger: logger, isolation: isolation, body)
    }
  }
}

extension PostgresConnection {
  /// Runs `body` in one transaction on this connection; see
  /// ``PostgresClient/transaction(logger:isolation:_:)``.
  ///
  /// A session that PostgreSQL ended (a restart, `pg_terminate_backend`) is not sent a `ROLLBACK`:
  /// PostgreSQL rolled its transaction back as it ended it, and a query written to a connection
  /// that has just closed may never be answered (PostgresNIO 1.33 loses it once the channel's
  /// handlers are gone), which would hold the request, and the pool's connection, for good.
  func transaction<Result: Sendable>(
    logger: Logger, isolation: isolated (any Actor)? = #isolation,
    _ body: (PostgresConnection) async throws -> Result
  ) async throws -> Result {
    try await query("BEGIN", logger: logger)
    let value: Result
    do {
      value = try await body(self)
    } catch {
      if !isClosed && !Self.endsTheSession(error) {
        _ = try? await query("ROLLBACK", logger: logger)
      }
      throw error
    }
    try await query("COMMIT", logger: logger)
    return value
  }

  /// Whether `error` means the session is gone: the connection closed, or PostgreSQL ended it
  /// (an error of severity `FATAL` or `PANIC`).
  static func endsTheSession(_ error: any Error) -> Bool {
    guard let error = error as? PSQLError else { return false }
    switch error.code {
    case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown, .poolClosed:
      return true
    case .server:
      let severity = error.serverInfo?[.severity] ?? ""
      return severity == "FATAL" || severity == "PANIC"
    default:
      return false
    }
  }
}

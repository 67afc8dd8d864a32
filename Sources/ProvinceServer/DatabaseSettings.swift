import Foundation
import NIOSSL
import PostgresNIO

/// Where the server's PostgreSQL is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, with
/// `?sslmode=require` for TLS to the database, or `?host=/run/postgresql` for a Unix socket.
public struct DatabaseSettings: Sendable, Hashable {
  public var host: String
  public var port: Int
  public var socketFolder: String?
  public var user: String
  public var password: String?
  public var database: String
  public var requireTLS: Bool

  /// The environment variable read when `--database-url` is not given.
  public static let environmentVariable = "PAPI_DATABASE_URL"

  /// Reads a database URL; throws ``ServerMessage/badDatabaseURL(_:)``.
  public init(url text: String) throws {
    guard let components = URLComponents(string: text),
      ["postgres", "postgresql"].contains(components.scheme ?? ""),
      let user = components.user, !user.isEmpty
    else { throw ServerMessage.badDatabaseURL(Self.redacted(text)) }
    let database = String(components.path.drop { $0 == "/" })
    guard !database.isEmpty else { throw ServerMessage.badDatabaseURL(Self.redacted(text)) }
    self.user = user
    self.password = components.password
    self.database = database
    self.host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
    self.port = components.port ?? 5432
    let query = components.queryItems ?? []
    self.socketFolder = query.first { $0.name == "host" }?.value
    self.requireTLS = query.first { $0.name == "sslmode" }?.value == "require"
  }

  /// The URL with the password hidden, for logs and messages.
  public static func redacted(_ text: String) -> String {
    guard var components = URLComponents(string: text), components.password != nil else { return text }
    components.password = "***"
    return components.string ?? "***"
  }

  /// The client's configuration.
  var clientConfiguration: PostgresClient.Configuration {
    var configuration: PostgresClient.Configuration
    if let socketPath {
      configuration = PostgresClient.Configuration(
        unixSocketPath: socketPath, username: user, password: password, database: database)
    } else {
      configuration = PostgresClient.Configuration(
        host: host, port: port, username: user, password: password, database: database,
        tls: requireTLS ? .require(.makeClientConfiguration()) : .disable)
    }
    configuration.options.connectTimeout = .seconds(Self.connectSeconds)
    configuration.options.maximumConnections = 16
    configuration.options.additionalStartupParameters = Self.startupParameters
    return configuration
  }

  /// The configuration of one connection outside the client's pool, with the pool's settings.
  func connectionConfiguration() throws -> PostgresConnection.Configuration {
    let tls: PostgresConnection.Configuration.TLS =
      requireTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable
    var configuration =
      socketPath.map { path in
        PostgresConnection.Configuration(
          unixSocketPath: path, username: user, password: password, database: database)
      }
      ?? PostgresConnection.Configuration(
        host: host, port: port, username: user, password: password, database: database, tls: tls)
    configuration.options.connectTimeout = .seconds(Self.connectSeconds)
    configuration.options.additionalStartupParameters = Self.startupParameters
    return configuration
  }

  /// The server's socket in `socketFolder`, if the URL named one.
  private var socketPath: String? { socketFolder.map { $0 + "/.s.PGSQL.\(port)" } }

  private static let connectSeconds: Int64 = 5

  /// Whatever happens to a request, no session may sit in a transaction holding its locks for
  /// longer than this: PostgreSQL ends it (and rolls it back), so other batches go on.
  private static let startupParameters = [("idle_in_transaction_session_timeout", "60s")]
}

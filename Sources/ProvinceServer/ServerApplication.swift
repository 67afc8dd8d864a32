import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import ServiceLifecycle

/// The province server: its routes over a repository, run with its PostgreSQL client as one
/// service group that stops gracefully on SIGTERM and SIGINT.
public enum ServerApplication {
  /// Runs the server until it is told to stop. Migrates the database first; prints one line
  /// `papi-server listening on URL` to standard output once it accepts connections.
  public static func run(_ settings: ServerSettings, logger: Logger) async throws {
    let library = try settings.loadCourses()
    let client = PostgresClient(
      configuration: settings.database.clientConfiguration, backgroundLogger: logger)
    let repository = ProvinceRepository(client: client, logger: logger)
    let content = PublishedContent(
      validator: BatchValidator(content: KnownContent(library: library)), repository: repository,
      coursesPath: settings.coursesPath)
    let routes = Routes(repository: repository, content: content, logger: logger)
    let scheme = settings.tls == nil ? "http" : "https"
    var application = Application(
      router: routes.router(),
      server: try serverBuilder(settings),
      configuration: ApplicationConfiguration(
        address: .hostname(settings.host, port: settings.port), serverName: "papi-server"),
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? settings.port
        let address = "\(scheme)://\(settings.host):\(port)"
        logger.info("listening", metadata: ["address": "\(address)"])
        FileHandle.standardOutput.write(Data("papi-server listening on \(address)\n".utf8))
      },
      logger: logger)
    application.beforeServerStarts {
      try await Migrations.migrate(client, logger: logger)
    }
    let sweeper = NonceSweeper(repository: repository)
    let group = ServiceGroup(
      configuration: ServiceGroupConfiguration(
        services: [
          .init(service: client),
          .init(service: application),
          .init(service: sweeper),
        ],
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: logger))
    try await group.run()
  }

  static func serverBuilder(_ settings: ServerSettings) throws -> HTTPServerBuilder {
    guard let tls = settings.tls else { return .http1() }
    let certificates = try NIOSSLCertificate.fromPEMFile(tls.certificate).map {
      NIOSSLCertificateSource.certificate($0)
    }
    let key = try NIOSSLPrivateKey(file: tls.key, format: .pem)
    let configuration = TLSConfiguration.makeServerConfiguration(
      certificateChain: certificates, privateKey: .privateKey(key))
    return try .tls(.http1(), tlsConfiguration: configuration)
  }

  /// Runs `body` with a running client for the database: for the commands that are not `serve`.
  public static func withDatabase<Result: Sendable>(
    _ database: DatabaseSettings, logger: Logger, migrate: Bool = true,
    _ body: @Sendable (ProvinceRepository) async throws -> Result
  ) async throws -> Result {
    let client = PostgresClient(configuration: database.clientConfiguration, backgroundLogger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await client.run() }
      defer { group.cancelAll() }
      if migrate { try await Migrations.migrate(client, logger: logger) }
      return try await body(ProvinceRepository(client: client, logger: logger))
    }
  }
}

/// Forgets expired request nonces once a minute.
struct NonceSweeper: Service {
  let repository: ProvinceRepository

  func run() async throws {
    while !Task.isCancelled && !Task.isShuttingDownGracefully {
      try? await repository.sweepNonces()
      try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(60)) }
    }
  }
}

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
///
/// A graceful stop lets requests in flight finish, but never waits for ever: a client that sent
/// half a request and went quiet, a handler waiting on an unreachable database, or a migration
/// waiting for the database at start would otherwise hold the server up for good (it seemed to
/// ignore SIGTERM). So requests get ``shutdownGrace`` to finish before they are cancelled, an
/// HTTP connection that stays silent for ``idleTimeout`` in the middle of a request is closed, and
/// the start-up migration and the nonce sweep stop at once.
public enum ServerApplication {
  /// How long requests in flight may take to finish after SIGTERM before they are cut.
  public static let shutdownGrace: Duration = .seconds(10)
  /// How long a connection may stay silent before it is closed (while idle, or part of the way
  /// through a request).
  public static let idleTimeout: TimeAmount = .seconds(60)

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
    let router = routes.router()
    let units = try settings.loadUnits()
    WebRoutes(
      repository: repository, units: units, secureCookies: settings.tls != nil, logger: logger,
      readinessReports: WebReadiness(
        readiness: ProvinceReadiness(
          client: client, database: settings.database, library: library, units: units, logger: logger),
        provinceScores: settings.provinceScoresPath)
    ).add(to: router)
    var application = Application(
      router: router,
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
    application.beforeServerStarts { try await migrateUnlessStopped(client, logger: logger) }
    let sweeper = NonceSweeper(repository: repository)
    var configuration = ServiceGroupConfiguration(
      services: [
        .init(service: client),
        .init(service: application),
        .init(service: sweeper),
      ],
      gracefulShutdownSignals: [.sigterm, .sigint],
      logger: logger)
    configuration.maximumGracefulShutdownDuration = shutdownGrace
    try await ServiceGroup(configuration: configuration).run()
  }

  /// Migrates the database, waiting for it as long as it is away, unless the server is told to
  /// stop meanwhile.
  static func migrateUnlessStopped(_ client: PostgresClient, logger: Logger) async throws {
    let applied: [Int] = try await cancelWhenGracefulShutdown {
      try await Migrations.migrate(client, logger: logger)
    }
    logger.debug("migrations applied", metadata: ["versions": "\(applied)"])
  }

  static func serverBuilder(_ settings: ServerSettings) throws -> HTTPServerBuilder {
    let http = HTTPServerBuilder.http1(configuration: .init(idleTimeout: idleTimeout))
    guard let tls = settings.tls else { return http }
    let certificates = try NIOSSLCertificate.fromPEMFile(tls.certificate).map {
      NIOSSLCertificateSource.certificate($0)
    }
    let key = try NIOSSLPrivateKey(file: tls.key, format: .pem)
    let configuration = TLSConfiguration.makeServerConfiguration(
      certificateChain: certificates, privateKey: .privateKey(key))
    return try .tls(http, tlsConfiguration: configuration)
  }

  /// Runs `body` with a running client for the database: for the commands that are not `serve`.
  public static func withDatabase<Result: Sendable>(
    _ database: DatabaseSettings, logger: Logger, migrate: Bool = true,
    _ body: @Sendable (ProvinceRepository) async throws -> Result
  ) async throws -> Result {
    let client = PostgresClient(configuration: database.clientConfiguration, backgroundLogger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
      // The first query waits until the client's run() has begun (it marks itself running before
      // it first suspends); a query leased before that logs a warning on the command's output.
      let (running, runStarts) = AsyncStream<Void>.makeStream()
      group.addTask {
        runStarts.finish()
        await client.run()
      }
      defer { group.cancelAll() }
      for await _ in running {}
      if migrate { try await Migrations.migrate(client, logger: logger) }
      return try await body(ProvinceRepository(client: client, logger: logger))
    }
  }
}

/// Forgets expired request nonces once a minute; stops at once when told to, even in the middle
/// of a sweep waiting for the database.
struct NonceSweeper: Service {
  let repository: ProvinceRepository

  func run() async throws {
    try? await cancelWhenGracefulShutdown {
      while !Task.isCancelled {
        try? await repository.sweepNonces()
        try await Task.sleep(for: .seconds(60))
      }
    }
  }
}

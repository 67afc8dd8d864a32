import ArgumentParser
import Foundation
import Localization
import Logging
import ProvinceServer
import ResultsAnalysis
import TerminalUI
import Toolkit
import Units

/// papi-server: the province server. Parses arguments and wires; the work is ProvinceServer's.
@main
struct PapiServer: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "papi-server",
    abstract: "Máy chủ tỉnh của papi-train / the province server of papi-train",
    subcommands: [
      Serve.self, Migrate.self, Enrol.self, Devices.self, Readiness.self, Leaders.self, Courses.self,
    ])
}

/// Options every command that opens the database shares.
struct DatabaseOptions: ParsableArguments {
  @Option(help: "postgres://USER@HOST:PORT/DATABASE (else PAPI_DATABASE_URL)")
  var databaseURL: String?

  @Option(help: "Log level: trace, debug, info, notice, warning, error")
  var logLevel = "info"

  func settings() throws -> DatabaseSettings {
    guard let url = databaseURL ?? ProcessInfo.processInfo.environment[DatabaseSettings.environmentVariable]
    else {
      throw ServerMessage.noDatabaseURL
    }
    return try DatabaseSettings(url: url)
  }

  func logger() -> Logger {
    LoggingSystem.bootstrap(StreamLogHandler.standardError)
    var logger = Logger(label: "papi-server")
    logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
    return logger
  }
}

/// Where the publishing key's private half is: commands that make or use the key share it.
struct PublishingKeyOptions: ParsableArguments {
  @Option(
    name: .customLong("publishing-key"),
    help: "The publishing key's private half (default: $XDG_DATA_HOME/papi-server/publishing-key)")
  var path: String?

  var file: PublishingKeyFile { PublishingKeyFile(path: path) }
}

/// The language of messages: PAPI_LANG=en for English.
var language: Language { ProcessInfo.processInfo.environment["PAPI_LANG"] == "en" ? .english : .vietnamese }

/// Prints a message, or exits 1 with it.
func report(_ work: () async throws -> Void) async throws {
  do { try await work() } catch let message as any LocalizedMessage {
    FileHandle.standardError.write(Data(("papi-server: " + message.text(in: language) + "\n").utf8))
    throw ExitCode.failure
  }
}

struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Phục vụ / serve the API")

  @OptionGroup var database: DatabaseOptions
  @Option(help: "Address to listen on") var host = "127.0.0.1"
  @Option(help: "Port (0: any free port)") var port = 8080
  @Option(help: "TLS certificate chain (PEM)") var tlsCert: String?
  @Option(help: "TLS private key (PEM)") var tlsKey: String?
  @Option(help: "The province's courses") var courses = "Courses"
  @Option(help: "The administrative units list (the leaders' pages name every commune)")
  var units = UnitHierarchy.defaultPath
  @Option(help: "A folder of the provinces' PAPI scores, CODE.csv (the readiness page's priorities)")
  var provinceScores: String?

  func validate() throws {
    if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
  }

  func run() async throws {
    let logger = database.logger()
    try await report {
      let settings = ServerSettings(
        host: host, port: port, tls: tlsCert.flatMap { certificate in tlsKey.map { (certificate, $0) } },
        database: try database.settings(), coursesPath: courses,
        unitsPath: units, provinceScoresPath: provinceScores)
      try await ServerApplication.run(settings, logger: logger)
    }
  }
}

struct Migrate: AsyncParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Cập nhật cơ sở dữ liệu / migrate the database")
  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    let logger = database.logger()
    try await report {
      let applied = try await ServerApplication.withDatabase(
        try database.settings(), logger: logger, migrate: false
      ) {
        try await Migrations.migrate($0.client, logger: logger)
      }
      print(
        (applied.isEmpty ? ServerMessage.upToDate(Migrations.latestVersion) : .migrated(applied)).text(
          in: language))
    }
  }
}

struct Enrol: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Tạo mã đăng ký máy cho một xã / make a one-time enrolment code for a commune")
  @OptionGroup var database: DatabaseOptions
  @Option(help: "The commune's code") var commune: String
  @Option(help: "Hours the code stays valid") var hours = 24
  @Option(help: "The administrative units list") var units = UnitHierarchy.defaultPath
  @OptionGroup var publishingKey: PublishingKeyOptions

  func run() async throws {
    let logger = database.logger()
    try await report {
      let enrolment = try CommuneEnrolment(communeText: commune, unitsPath: units)
      let expires = Date().addingTimeInterval(Double(max(1, min(hours, 24 * 30))) * 3_600)
      let keyFile = publishingKey.file
      let code = try await ServerApplication.withDatabase(try database.settings(), logger: logger) {
        // The machine learns the publishing key at enrolment: the province has one first.
        _ = try await keyFile.publicKey(in: $0)
        return try await enrolment.createCode(in: $0, expiresAt: expires)
      }
      print(
        ServerMessage.enrolmentCode(
          code: code, commune: enrolment.commune.rawValue, name: enrolment.name,
          expires: expires.formatted(.iso8601)
        ).text(in: language))
    }
  }
}

struct Devices: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Các máy đã đăng ký / enrolled machines", subcommands: [List.self, Revoke.self])

  struct List: AsyncParsableCommand {
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
      let logger = database.logger()
      try await report {
        let devices = try await ServerApplication.withDatabase(try database.settings(), logger: logger) {
          try await $0.devices()
        }
        if devices.isEmpty { print(ServerMessage.noDevices.text(in: language)) }
        for device in devices { print(device.listing.text(in: language)) }
      }
    }
  }

  struct Revoke: AsyncParsableCommand {
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The key, or its first 8 characters or more") var key: String

    func run() async throws {
      let logger = database.logger()
      try await report {
        let device = try await ServerApplication.withDatabase(try database.settings(), logger: logger) {
          try await $0.revoke(key)
        }
        print(
          ServerMessage.revoked(key: device.machine.publicKey, commune: device.machine.commune.rawValue).text(
            in: language))
      }
    }
  }
}

// MARK: - Readiness

/// `papi-server readiness --province CODE`: the province's readiness computed in the database,
/// as `papi-train report readiness` shows it (or its JSON document), or the SQL it runs as a
/// psql script.
struct Readiness: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Mức sẵn sàng của tỉnh, tính trong cơ sở dữ liệu / the province's readiness, computed in SQL")

  @OptionGroup var database: DatabaseOptions
  @Option(help: "The province's code") var province: String
  @Flag(help: "Only the results of classes a leader approved") var approvedOnly = false
  @Option(help: "As of this day (YYYY-MM-DD): recency from its end, later answers left out") var asOf: String?
  @Option(help: "The province's courses") var courses = "Courses"
  @Option(help: "The administrative units list") var units = UnitHierarchy.defaultPath
  @Flag(help: "Print papi-train.readiness/1 JSON") var json = false
  @Flag(help: "Print the SQL it runs, with its values, as a psql script") var sql = false

  func run() async throws {
    let logger = database.logger()
    try await report {
      let settings = ServerSettings(
        host: "", port: 0, tls: nil, database: try database.settings(), coursesPath: courses)
      let library = try settings.loadCourses()
      let unitList = try ReadinessReport.units(path: units, explicit: units != UnitHierarchy.defaultPath)
      guard let code = try? UnitCode(province) else { throw ReportMessage.unknownUnit(province) }
      let options = ProvinceReadiness.Options(asOf: try asOf.map(ReportRequest.day), language: language)
      let output = try await ServerApplication.withDatabase(settings.database, logger: logger) { repository in
        let readiness = ProvinceReadiness(
          client: repository.client, database: settings.database, library: library, units: unitList,
          logger: logger)
        if sql {
          return try await readiness.psqlScript(province: code, approvedOnly: approvedOnly, options: options)
        }
        let report = try await readiness.report(province: code, approvedOnly: approvedOnly, options: options)
        if json { return try report.json() }
        return report.terminalLines(style: .standardOutput()).joined(separator: "\n")
      }
      print(output)
    }
  }
}

// MARK: - Course versions published to the communes (docs/course-versions.md)

/// `papi-server courses publish|list|key`: the course versions the province publishes to its
/// communes, signed with the publishing key the server keeps.
struct Courses: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Công bố phiên bản khoá học cho các xã / publish course versions to the communes",
    subcommands: [Publish.self, List.self, Key.self])

  struct Publish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Kiểm tra, đóng gói, ký và công bố một thư mục khoá học / lint, pack, sign and publish a course folder"
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The course folder (its course.yaml and files)") var folder: String
    @Option(help: "The province's courses, which the new version must load over") var courses = "Courses"
    @Option(help: "The taxonomy (default: found above the folder, as lint finds it)") var taxonomy: String?
    @OptionGroup var publishingKey: PublishingKeyOptions

    func run() async throws {
      let logger = database.logger()
      let publication = CoursePublication(folder: folder, coursesPath: courses, taxonomyPath: taxonomy)
      let keyFile = publishingKey.file
      try await reportCourses {
        try await ServerApplication.withDatabase(try database.settings(), logger: logger) {
          try await publication.publish(in: $0, keyFile: keyFile)
        }
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Các phiên bản đã công bố / the published versions")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
      let logger = database.logger()
      try await reportCourses {
        let published = try await ServerApplication.withDatabase(try database.settings(), logger: logger) {
          try await $0.publishedCourses()
        }
        guard !published.isEmpty else { return [CoursePublicationMessage.nonePublished] }
        return published.map {
          CoursePublicationMessage.listed(
            course: $0.course, version: $0.version, publishedAt: $0.publishedAt, keyID: $0.keyID,
            current: $0.current)
        }
      }
    }
  }

  struct Key: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Khoá công bố của tỉnh / the province's publishing key (public half)")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var publishingKey: PublishingKeyOptions

    func run() async throws {
      let logger = database.logger()
      let keyFile = publishingKey.file
      try await reportCourses {
        try await ServerApplication.withDatabase(try database.settings(), logger: logger) {
          try await CoursePublication.keyLines(in: $0, keyFile: keyFile)
        }
      }
    }
  }
}

/// Prints the messages `work` returns, one a line; a refusal it throws (lint's errors, a package
/// refusal, a server message) goes to standard error and the command exits 1.
func reportCourses(_ work: () async throws -> [any LocalizedMessage]) async throws {
  do {
    for message in try await work() { print(message.text(in: language)) }
  } catch let message as any LocalizedMessage & Error {
    FileHandle.standardError.write(Data(("papi-server: " + message.text(in: language) + "\n").utf8))
    throw ExitCode.failure
  }
}

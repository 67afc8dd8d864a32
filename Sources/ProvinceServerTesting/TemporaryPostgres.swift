import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A throwaway PostgreSQL cluster for tests: `initdb` in a new temporary folder, the server on a
/// free port of the loopback interface with its Unix socket in that folder, stopped and the
/// folder removed by ``stop()``. PostgreSQL refuses to run as root, so under root the folder is
/// given to the `postgres` account and every PostgreSQL program runs through `runuser`.
///
/// ```swift
/// let cluster = try TemporaryPostgres.start()
/// defer { cluster.stop() }
/// let url = try cluster.createDatabase()  // postgres://papi@127.0.0.1:PORT/test_…
/// ```
public final class TemporaryPostgres: Sendable {
  /// The folder holding the cluster (`data/`), its log and its socket.
  public let folder: URL
  /// The TCP port on 127.0.0.1.
  public let port: Int
  /// The superuser every test connects as (trust authentication on loopback only).
  public static let user = "papi"
  private let stopped = Mutex(false)

  /// PostgreSQL's programs: Debian's version 15, else whatever `pg_config --bindir` names.
  public static let binaries: URL = {
    for candidate in [
      "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin",
    ]
    where FileManager.default.isExecutableFile(atPath: candidate + "/initdb") {
      return URL(fileURLWithPath: candidate)
    }
    return URL(fileURLWithPath: "/usr/bin")
  }()

  /// Whether PostgreSQL's server programs are installed (scripts/install-prerequisites installs
  /// them).
  public static var isInstalled: Bool {
    FileManager.default.isExecutableFile(atPath: binaries.appendingPathComponent("initdb").path)
  }

  private init(folder: URL, port: Int) {
    self.folder = folder
    self.port = port
  }

  /// The cluster's data folder.
  public var dataFolder: URL { folder.appendingPathComponent("data") }
  /// The server's log.
  public var logFile: URL { folder.appendingPathComponent("server.log") }

  /// A URL for database `name` on this cluster.
  public func url(database name: String = "postgres") -> String {
    "postgres://\(Self.user)@127.0.0.1:\(port)/\(name)"
  }

  /// Creates a cluster in a new temporary folder and starts it.
  public static func start() throws -> TemporaryPostgres {
    guard isInstalled else {
      throw ClusterError("PostgreSQL is not installed (run scripts/install-prerequisites)")
    }
    removeAbandonedClusters()
    let folder = URL(fileURLWithPath: NSTemporaryDirectory())
      .appendingPathComponent("papi-pg-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("\(getpid())\n".utf8).write(to: folder.appendingPathComponent("owner.pid"))
    try giveToServerAccount(folder)
    let cluster = TemporaryPostgres(folder: folder, port: try freePort())
    do {
      try cluster.run(
        "initdb", "-D", cluster.dataFolder.path, "-U", user, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8",
        "--no-sync")
      try cluster.startServer()
    } catch {
      cluster.stop()
      throw error
    }
    return cluster
  }

  /// Starts the server of a stopped cluster (``kill()``, ``stopServer()``), on the same port.
  public func startServer() throws {
    let options = [
      "-p \(port)", "-k \(folder.path)", "-c listen_addresses=127.0.0.1", "-c fsync=off",
      "-c full_page_writes=off", "-c max_connections=200", "-c shared_buffers=32MB",
    ].joined(separator: " ")
    try run("pg_ctl", "-D", dataFolder.path, "-l", logFile.path, "-o", options, "-w", "-t", "60", "start")
  }

  /// Stops the server (fast shutdown: open sessions are cut) and keeps the cluster.
  public func stopServer() throws {
    try run("pg_ctl", "-D", dataFolder.path, "-m", "fast", "-w", "stop")
  }

  /// Creates a new empty database and returns its URL.
  public func createDatabase(_ name: String = "test_" + UUID().uuidString.prefix(12).lowercased())
    throws -> String
  {
    try psql("postgres", "CREATE DATABASE \"\(name)\"")
    return url(database: name)
  }

  /// Runs `sql` through `psql` on `database`, returning what it printed (unaligned, tuples only).
  @discardableResult
  public func psql(_ database: String, _ sql: String) throws -> String {
    try run(
      "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", folder.path, "-p", String(port), "-U",
      Self.user, "-d", database, "-c", sql)
  }

  /// Stops the server and removes the folder; safe to call twice.
  public func stop() {
    let already = stopped.withLock { value in
      defer { value = true }
      return value
    }
    guard !already else { return }
    _ = try? run("pg_ctl", "-D", dataFolder.path, "-m", "immediate", "-w", "stop")
    try? FileManager.default.removeItem(at: folder)
  }

  deinit { stop() }

  // MARK: - Running PostgreSQL's programs

  @discardableResult
  func run(_ program: String, _ arguments: String...) throws -> String {
    try Self.run(program, arguments)
  }

  static var isRoot: Bool { geteuid() == 0 }

  static func run(_ program: String, _ arguments: [String]) throws -> String {
    let path = binaries.appendingPathComponent(program).path
    // As root, from the root folder: the `postgres` account may not enter the folder the tests
    // run in (a checkout in a private folder), and psql would say so on every run, into the
    // output read back.
    let argv =
      isRoot
      ? ["/usr/bin/env", "--chdir=/", "/usr/sbin/runuser", "-u", "postgres", "--", path] + arguments
      : [path] + arguments
    // posix_spawn and waitpid, output to a file: Foundation's Process learns that its child ended
    // when a socket it shares is closed, and the server `pg_ctl start` leaves running keeps it open.
    let outputPath = NSTemporaryDirectory() + "papi-pg-output-\(UUID().uuidString)"
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var environment = ProcessInfo.processInfo.environment
    environment["LC_ALL"] = "C.UTF-8"
    environment["PGCONNECT_TIMEOUT"] = "10"
    let cArguments = argv.map { strdup($0) } + [nil]
    let cEnvironment = environment.map { strdup("\($0)=\($1)") } + [nil]
    defer {
      for pointer in cArguments { free(pointer) }
      for pointer in cEnvironment { free(pointer) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, cEnvironment)
    guard spawned == 0 else { throw ClusterError("cannot run \(argv[0]): errno \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    let exited = (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0
    guard exited else {
      throw ClusterError("\(program) \(arguments.joined(separator: " ")) failed: \(text)")
    }
    return text
  }

  /// Under root, hands `folder` to the `postgres` account.
  static func giveToServerAccount(_ folder: URL) throws {
    guard isRoot else { return }
    guard let account = getpwnam("postgres") else {
      throw ClusterError("no `postgres` account to run PostgreSQL as (install the postgresql package)")
    }
    guard chown(folder.path, account.pointee.pw_uid, account.pointee.pw_gid) == 0 else {
      throw ClusterError("cannot give \(folder.path) to postgres: errno \(errno)")
    }
  }

  /// A port on 127.0.0.1 that nothing listens on now.
  static func freePort() throws -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw ClusterError("socket: errno \(errno)") }
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else { throw ClusterError("bind: errno \(errno)") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
    }
    guard named == 0 else { throw ClusterError("getsockname: errno \(errno)") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// Clusters left behind by a test process that died before stopping them: stopped and removed.
  static func removeAbandonedClusters() {
    let temporary = URL(fileURLWithPath: NSTemporaryDirectory())
    let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
    for name in names where name.hasPrefix("papi-pg-") {
      let folder = temporary.appendingPathComponent(name)
      guard let text = try? String(contentsOf: folder.appendingPathComponent("owner.pid"), encoding: .utf8),
        let owner = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)),
        kill(owner, 0) != 0, errno == ESRCH
      else { continue }
      _ = try? run(
        "pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
      try? FileManager.default.removeItem(at: folder)
    }
  }
}

/// A cluster that would not start or answer, with what PostgreSQL printed.
public struct ClusterError: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

extension TemporaryPostgres {
  private static let sharedCluster = Mutex<TemporaryPostgres?>(nil)

  /// One cluster for the whole test process, started on first use and stopped when the process
  /// exits; each test makes its own database on it (``createDatabase(_:)``). Tests that stop or
  /// restart the server start a cluster of their own instead.
  public static func shared() throws -> TemporaryPostgres {
    try sharedCluster.withLock { cluster in
      if let cluster { return cluster }
      let started = try start()
      cluster = started
      atexit { TemporaryPostgres.stopShared() }
      return started
    }
  }

  static func stopShared() { sharedCluster.withLock { $0?.stop() } }
}

extension TemporaryPostgres {
  /// Starts `psql` running `sql` on `database` in the background (to hold a lock while a test
  /// does something else); end it with ``terminateSessions(running:in:)``.
  public func psqlInBackground(_ database: String, _ sql: String) throws -> Process {
    let process = Process()
    let path = Self.binaries.appendingPathComponent("psql").path
    let arguments = [
      "-X", "-q", "-h", folder.path, "-p", String(port), "-U", Self.user, "-d", database, "-c", sql,
    ]
    if Self.isRoot {
      process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
      process.arguments = ["-u", "postgres", "--", path] + arguments
    } else {
      process.executableURL = URL(fileURLWithPath: path)
      process.arguments = arguments
    }
    process.currentDirectoryURL = URL(fileURLWithPath: "/")
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Ends every other session of `database` whose query contains `text`.
  public func terminateSessions(running text: String, in database: String) throws {
    try psql(
      database,
      """
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND position('\(text)' in query) > 0
      """)
  }

  /// Waits until `count` (a query of one number) is above zero in `database`; false after
  /// `seconds`.
  public func waitUntil(_ count: String, in database: String, seconds: Double = 30) throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      let found = try psql(database, count)
      if (Int(found.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0 { return true }
      Thread.sleep(forTimeInterval: 0.1)
    }
    return false
  }

  /// Waits until some session of `database` holds `table` locked in `mode` (as `pg_locks` names
  /// it, such as `ShareLock`); false after `seconds`.
  public func waitForLock(on table: String, mode: String, in database: String, seconds: Double = 30) throws
    -> Bool
  {
    try waitUntil(
      "SELECT count(*) FROM pg_locks WHERE relation = '\(table)'::regclass AND mode = '\(mode)' AND granted",
      in: database, seconds: seconds)
  }

  /// Waits until some session of `database` waits for a lock on `table`; false after `seconds`.
  public func waitForLockWait(on table: String, in database: String, seconds: Double = 30) throws -> Bool {
    try waitUntil(
      "SELECT count(*) FROM pg_locks WHERE relation = '\(table)'::regclass AND NOT granted",
      in: database, seconds: seconds)
  }
}

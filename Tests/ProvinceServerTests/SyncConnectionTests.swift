import Access
import Foundation
import PapiTrainTesting
import ProvinceServerTesting
import Sync
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The sync client's HTTP (libcurl on a thread of its own) against a server that takes the
/// connection and never answers: cancelling stops it promptly, and waiting costs no CPU.
@Suite struct SyncConnectionTests {
  @Test func aRequestToAServerThatNeverAnswersStopsPromptlyWhenItsTaskIsCancelled() async throws {
    let listener = try SilentListener()
    let folder = try TemporaryFolder("papi-silent-server")
    var connection = SyncConnection(
      server: listener.url, key: try MachineKey.loadOrCreate(at: URL(fileURLWithPath: folder.path("key"))))
    // One try: a refused connection would end the request before the cancel, and fail below.
    connection.tries = 1
    let client = connection
    let task = Task { try await client.state() }
    try await listener.waitForClient(seconds: 10)
    try await Task.sleep(for: .milliseconds(500))
    let cancelled = ContinuousClock.now
    task.cancel()
    let result = await task.result
    switch result {
    case .success: Issue.record("a server that never answers gave a state")
    case .failure(let error): #expect(error is CancellationError, "\(error)")
    }
    // Timed by the server's side (the client closing the connection), not by when the test's
    // task resumes: a whole test run can keep Swift's pool busy for seconds.
    let closed = try await listener.waitForClientToClose(seconds: 10)
    #expect(
      cancelled.duration(to: closed) < .milliseconds(2_500), "closed \(cancelled.duration(to: closed)) after")
  }

  @Test func papiTrainWaitingOnAServerThatNeverAnswersUsesLittleCPUAndStopsOnCtrlC() throws {
    let listener = try SilentListener()
    let folder = try TemporaryFolder("papi-silent-machine")
    let process = Process()
    process.executableURL = PapiTrainProcess.productsDirectory.appendingPathComponent("papi-train")
    process.arguments = ["sync", "enrol", listener.url.absoluteString, "ABCD-EFGH-JKMN", "--lang", "en"]
    process.environment = PapiTrainProcess.environment([
      "XDG_DATA_HOME": folder.path("data"), "XDG_CONFIG_HOME": folder.path("config"),
    ])
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    // Started, key made, request sent: from here on it only waits.
    Thread.sleep(forTimeInterval: 1)
    let before = try cpuSeconds(of: process.processIdentifier)
    Thread.sleep(forTimeInterval: 2)
    let after = try cpuSeconds(of: process.processIdentifier)
    #expect(process.isRunning, "still waiting for the server")
    #expect(after - before < 0.3, "used \(after - before) s of CPU in 2 s of waiting")

    kill(process.processIdentifier, SIGINT)
    let interrupted = Date()
    while process.isRunning && Date().timeIntervalSince(interrupted) < 5 {
      Thread.sleep(forTimeInterval: 0.05)
    }
    #expect(!process.isRunning, "stopped within 5 s of Ctrl-C")
    #expect(Date().timeIntervalSince(interrupted) < 2.5)
    process.waitUntilExit()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus != 0)
    #expect(printed.contains("Stopped"), "\(printed)")
  }

  @Test(.enabled(if: serverTestsCanRun)) func syncOverTLSTrustsTheCertificateAuthorityGivenAndNoOther() throws
  {
    let folder = try TemporaryFolder("papi-sync-tls")
    let openssl = Process()
    openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    openssl.arguments = [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
      "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", folder.path("key.pem"),
      "-out", folder.path("cert.pem"),
    ]
    openssl.standardError = FileHandle.nullDevice
    try openssl.run()
    openssl.waitUntilExit()
    let province = try Province()
    province.server.kill9()
    province.server = try ServerProcess.start(
      databaseURL: province.databaseURL,
      extra: ["--tls-cert", folder.path("cert.pem"), "--tls-key", folder.path("key.pem")])
    #expect(province.server.url.hasPrefix("https://"))
    let code = try province.enrolmentCode()

    // Verification is on: a certificate no authority the machine trusts signed is refused.
    let refused = try PapiTrainProcess.run(
      ["sync", "enrol", province.server.url, code, "--lang", "en"], environment: province.environment)
    #expect(refused.status != 0)
    #expect(refused.error.contains("certificate"), "\(refused.output) \(refused.error)")

    // With its authority given as curl reads it, the same code enrols the machine.
    let trusting = province.environment.merging(["CURL_CA_BUNDLE": folder.path("cert.pem")]) { $1 }
    let enrolled = try PapiTrainProcess.run(
      ["sync", "enrol", province.server.url, code, "--lang", "en"], environment: trusting)
    #expect(enrolled.status == 0, "\(enrolled.output) \(enrolled.error)")
    #expect(try province.count("SELECT count(*) FROM devices") == 1)
  }

  /// User and system CPU seconds of a running process, from /proc.
  private func cpuSeconds(of pid: Int32) throws -> Double {
    let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
    guard let end = stat.lastIndex(of: ")") else { throw FixtureError("no /proc/\(pid)/stat") }
    let fields = stat[stat.index(after: end)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
      throw FixtureError("bad /proc/\(pid)/stat: \(stat)")
    }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }
}

/// A TCP listener on loopback that never answers: it accepts the first connection and reads the
/// request, writes nothing, and notes when the client closes its end.
final class SilentListener: Sendable {
  let descriptor: Int32
  let port: UInt16
  private let moments = ConnectionMoments()

  init() throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw FixtureError("socket: \(errno)") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
        bind(descriptor, address, length) == 0 && listen(descriptor, 16) == 0
          && getsockname(descriptor, address, &length) == 0
      }
    }
    guard bound else {
      close(descriptor)
      throw FixtureError("bind/listen: \(errno)")
    }
    self.descriptor = descriptor
    port = UInt16(bigEndian: address.sin_port)
    let moments = moments
    Thread.detachNewThread {
      let connection = accept(descriptor, nil, nil)
      guard connection >= 0 else { return }
      moments.note(accepted: .now)
      var buffer = [UInt8](repeating: 0, count: 4_096)
      while read(connection, &buffer, buffer.count) > 0 {}
      moments.note(closed: .now)
      close(connection)
    }
  }

  // shutdown wakes the thread still waiting in accept.
  deinit {
    shutdown(descriptor, Int32(SHUT_RDWR))
    close(descriptor)
  }

  var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

  /// Waits up to `seconds` for a client to connect.
  func waitForClient(seconds: Int) async throws {
    _ = try await wait(seconds: seconds, "no client connected") { $0.accepted }
  }

  /// When the client closed the connection, waiting up to `seconds` for it.
  func waitForClientToClose(seconds: Int) async throws -> ContinuousClock.Instant {
    try await wait(seconds: seconds, "the client kept the connection open") { $0.closed }
  }

  private func wait(
    seconds: Int, _ failure: String, _ moment: (ConnectionMoments.Value) -> ContinuousClock.Instant?
  ) async throws -> ContinuousClock.Instant {
    for _ in 0..<(seconds * 20) {
      if let found = moment(moments.value) { return found }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw FixtureError("\(failure) for \(seconds) s")
  }
}

/// When the listener's one connection was accepted and when its client closed it, set from the
/// listener's thread.
final class ConnectionMoments: Sendable {
  struct Value: Sendable {
    var accepted: ContinuousClock.Instant?
    var closed: ContinuousClock.Instant?
  }

  private let state = Mutex(Value())
  func note(accepted moment: ContinuousClock.Instant) { state.withLock { $0.accepted = moment } }
  func note(closed moment: ContinuousClock.Instant) { state.withLock { $0.closed = moment } }
  var value: Value { state.withLock { $0 } }
}

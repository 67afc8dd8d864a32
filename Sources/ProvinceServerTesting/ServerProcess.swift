import Foundation
import PapiTrainTesting
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The built `papi-server` binary serving on a free port of the loopback interface, as a
/// province would run it; stopped (SIGTERM) or killed (SIGKILL) by the test.
public final class ServerProcess: Sendable {
  /// `http://127.0.0.1:PORT` (https with TLS).
  public let url: String
  private let process: Process
  private let log: URL

  private init(url: String, process: Process, log: URL) {
    self.url = url
    self.process = process
    self.log = log
  }

  /// The built papi-server.
  public static var binary: URL { PapiTrainProcess.productsDirectory.appendingPathComponent("papi-server") }

  /// Starts `papi-server serve` on `databaseURL` with the shipped courses; returns once
  /// it listens. `port` 0 takes any free port; `extra` adds arguments (TLS).
  public static func start(databaseURL: String, port: Int = 0, extra: [String] = []) throws -> ServerProcess {
    let log = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
      "papi-server-\(UUID().uuidString.prefix(8)).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let process = Process()
    process.executableURL = binary
    process.arguments =
      [
        "serve", "--host", "127.0.0.1", "--port", String(port), "--database-url", databaseURL, "--courses",
        Repository.courses.path,
      ] + extra
    process.currentDirectoryURL = Repository.root
    // Its course cache and key files in the test run's folders, never the developer's.
    process.environment = PapiTrainProcess.environment([:])
    let output = Pipe()
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: log)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let found = Mutex<String?>(nil)
    let ready = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      var buffer = Data()
      while true {
        let chunk = output.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        buffer.append(chunk)
        let text = String(decoding: buffer, as: UTF8.self)
        if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("papi-server listening on ") })
        {
          found.withLock { $0 = String(line.dropFirst("papi-server listening on ".count)) }
          ready.signal()
          break
        }
      }
      ready.signal()
    }
    _ = ready.wait(timeout: .now() + 60)
    guard let url = found.withLock({ $0 }) else {
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      throw ClusterError("papi-server did not start: \(text.suffix(2_000))")
    }
    return ServerProcess(url: url, process: process, log: log)
  }

  /// What the server logged so far.
  public var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

  public var isRunning: Bool { process.isRunning }

  /// SIGTERM, then waits up to `grace` seconds for a graceful exit and returns its status; a
  /// server still running then is killed (SIGKILL) and -1 returned, so a test of the graceful exit
  /// fails instead of hanging the whole test run.
  @discardableResult
  public func stop(grace: TimeInterval = 20) -> Int32 {
    if process.isRunning {
      kill(process.processIdentifier, SIGTERM)
      let deadline = Date().addingTimeInterval(grace)
      while process.isRunning, Date() < deadline { usleep(50_000) }
      if process.isRunning {
        kill9()
        try? FileManager.default.removeItem(at: log)
        return -1
      }
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: log)
    return process.terminationStatus
  }

  /// SIGKILL: the server dies wherever it is.
  public func kill9() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }
}

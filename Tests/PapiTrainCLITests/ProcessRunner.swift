import Foundation

/// Runs the built `papi-train` binary as a user would, capturing its output and exit status.
struct PapiTrainProcess {
  struct Result {
    var status: Int32
    var output: String
    var error: String
  }

  /// The folder SwiftPM builds products into: where the test bundle itself lives.
  static let productsDirectory: URL = {
    let candidates =
      [Bundle.main.bundleURL] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
    for candidate in candidates
    where FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("papi-train").path) {
      return candidate
    }
    return Bundle.main.bundleURL
  }()

  /// The repository root, for the shipped Courses/ and the test fixtures.
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The environment `papi-train` runs in under test: this one without PAPI_LANG and colour,
  /// with `extra` on top.
  static func environment(_ extra: [String: String]) -> [String: String] {
    var merged = ProcessInfo.processInfo.environment
    merged["PAPI_LANG"] = nil
    merged["NO_COLOR"] = "1"
    merged.merge(extra) { $1 }
    return merged
  }

  static func run(
    _ arguments: [String], input: String = "", environment: [String: String] = [:],
    in directory: URL = repositoryRoot
  ) throws -> Result {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent("papi-train")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = Self.environment(environment)
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    // Drain standard error on another thread while reading standard output, so a child that
    // fills one pipe cannot block on it while we wait on the other.
    let errorBox = DataBox()
    let drained = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      errorBox.data = stderr.fileHandleForReading.readDataToEndOfFile()
      drained.signal()
    }
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    drained.wait()
    let error = errorBox.data
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
      error: String(decoding: error, as: UTF8.self))
  }
}

/// A place one thread writes and another reads after a semaphore, so no lock is needed.
private final class DataBox: @unchecked Sendable {
  var data = Data()
}

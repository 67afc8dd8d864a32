import Foundation
import Synchronization

/// Runs the built `papi-train` binary as a user would, capturing its output and exit status.
public enum PapiTrainProcess {
  /// What a run printed and how it ended.
  public struct Result: Sendable {
    public var status: Int32
    public var output: String
    public var error: String
  }

  /// The folder SwiftPM builds products into: where the test bundle itself lives.
  public static let productsDirectory: URL = {
    let candidates =
      [Bundle.main.bundleURL] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
    for candidate in candidates
    where FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("papi-train").path) {
      return candidate
    }
    return Bundle.main.bundleURL
  }()

  /// The repository root, for the shipped Courses/ and the test fixtures.
  public static var repositoryRoot: URL { Repository.root }

  /// The environment `papi-train` runs in under test: this one without PAPI_LANG and colour,
  /// with `extra` on top.
  public static func environment(_ extra: [String: String]) -> [String: String] {
    var merged = ProcessInfo.processInfo.environment
    merged["PAPI_LANG"] = nil
    merged["NO_COLOR"] = "1"
    // Trainer and leader commands ask for a passphrase: tests run as a trainer-and-leader of a
    // machine set up once per run (AccessTests check refusal with their own settings).
    merged["XDG_CONFIG_HOME"] = TestAccess.configHome.path
    merged["PAPI_PASSPHRASE"] = TestAccess.passphrase
    // Caches (loaded courses, scan sums) in a folder of this test run, not the user's.
    merged["XDG_CACHE_HOME"] = cacheHome.path
    // State (the merge audit log, the shell's history) in a folder of this test run too.
    merged["XDG_STATE_HOME"] = cacheHome.path + "-state"
    // Data (the machine's signing key, pulled courses, the certificate register) too, and a home
    // folder of the run's own, so that nothing falls back to the user's.
    merged["XDG_DATA_HOME"] = cacheHome.path + "-data"
    merged["HOME"] = cacheHome.path + "-home"
    merged.merge(extra) { $1 }
    return merged
  }

  /// The cache folder of this test run.
  public static let cacheHome = FileManager.default.temporaryDirectory.appendingPathComponent(
    "papi-cache-\(UUID().uuidString)")

  /// Runs the built `product` (papi-train unless said) with `arguments` in `directory`, in the
  /// test run's folders with `environment` added, `input` on its standard input.
  public static func run(
    _ arguments: [String], input: String = "", environment: [String: String] = [:],
    in directory: URL = repositoryRoot, product: String = "papi-train"
  ) throws -> Result {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent(product)
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
    let errorData = Mutex(Data())
    let drained = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      let data = stderr.fileHandleForReading.readDataToEndOfFile()
      errorData.withLock { $0 = data }
      drained.signal()
    }
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    drained.wait()
    let error = errorData.withLock { $0 }
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
      error: String(decoding: error, as: UTF8.self))
  }
}

import Access
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
    // Trainer and leader commands ask for a passphrase: tests run as a trainer-and-leader of a
    // machine set up once per run (AccessTests check refusal with their own settings).
    merged["XDG_CONFIG_HOME"] = TestAccess.configHome.path
    merged["PAPI_PASSPHRASE"] = TestAccess.passphrase
    // Caches (loaded courses, scan sums) in a folder of this test run, not the user's.
    merged["XDG_CACHE_HOME"] = cacheHome.path
    merged.merge(extra) { $1 }
    return merged
  }

  /// The cache folder of this test run.
  static let cacheHome = FileManager.default.temporaryDirectory.appendingPathComponent(
    "papi-cache-\(UUID().uuidString)")

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

/// A machine with trainer and leader passphrases, for the tests that run trainer commands.
enum TestAccess {
  static let passphrase = "mật khẩu thử nghiệm"

  /// A config folder holding access.json; cheap scrypt cost, as the file records its own.
  static let configHome: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "papi-access-\(UUID().uuidString)")
    let store = AccessStore(url: folder.appendingPathComponent("papi-train/access.json"))
    do {
      let hash = try PassphraseHash(passphrase: passphrase, rounds: 1 << 10)
      try store.update { contents in
        contents.passphrases[Role.trainer.rawValue] = hash
        contents.passphrases[Role.leader.rawValue] = hash
      }
    } catch {
      fatalError("cannot set up test access: \(error)")
    }
    return folder
  }()
}

import Foundation
import Units

/// The folder of results files, one per commune: `Results/03637.sqlite`.
///
/// The folder is, in order of precedence: the `--results DIR` option, the `PAPI_RESULTS`
/// environment variable, `Results` in the current folder.
public struct ResultsDirectory: Sendable, Hashable {
  /// The folder used when neither the option nor the environment names one.
  public static let defaultPath = "Results"
  /// The environment variable that names the folder.
  public static let environmentVariable = "PAPI_RESULTS"
  /// The extension of results files.
  public static let fileExtension = "sqlite"

  /// The folder.
  public let url: URL
  /// The files already checked as files from outside, which reports and exports then read
  /// without checking them again (nil: every file is checked each time it is read).
  public let checkedFiles: CheckedFiles?

  /// The folder at `url`, each file checked each time it is read.
  public init(url: URL) {
    self.url = url.standardizedFileURL
    self.checkedFiles = nil
  }

  private init(url: URL, checkedFiles: CheckedFiles?) {
    self.url = url
    self.checkedFiles = checkedFiles
  }

  /// The same folder, read through `checkedFiles`: a file found there unchanged since it was
  /// checked is read without checking it again.
  public func remembering(_ checkedFiles: CheckedFiles?) -> ResultsDirectory {
    ResultsDirectory(url: url, checkedFiles: checkedFiles)
  }

  /// Two folders are the same folder, whatever list of checked files they read through.
  public static func == (lhs: ResultsDirectory, rhs: ResultsDirectory) -> Bool { lhs.url == rhs.url }

  public func hash(into hasher: inout Hasher) { hasher.combine(url) }

  /// The folder named by `option` (from `--results`), else by `PAPI_RESULTS`, else `Results`.
  public init(option: String?, environment: [String: String]) {
    let path = [option, environment[Self.environmentVariable]].compactMap { $0 }.first { !$0.isEmpty }
    self.init(url: URL(fileURLWithPath: path ?? Self.defaultPath))
  }

  /// The results file of a commune (which may not exist yet).
  public func fileURL(for commune: CommuneCode) -> URL {
    url.appendingPathComponent("\(commune.rawValue).\(Self.fileExtension)")
  }

  /// Opens the results of `commune`, creating the folder and the file when missing.
  public func store(for commune: CommuneCode) throws -> CommuneStore {
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw GradebookError.fileSystem(path: url.path, message: error.localizedDescription)
    }
    return try CommuneStore(communeCode: commune, fileURL: fileURL(for: commune))
  }

  /// Opens the results of `commune` for writing, creating neither the folder nor the file until
  /// the first write when `creatingFileOnFirstWrite` (the shell: choosing a commune and leaving
  /// leaves no empty file behind to show up in reports).
  public func store(for commune: CommuneCode, creatingFileOnFirstWrite: Bool) throws -> CommuneStore {
    guard creatingFileOnFirstWrite else { return try store(for: commune) }
    return try CommuneStore(creatingOnFirstWrite: commune, fileURL: fileURL(for: commune))
  }

  /// Opens the results of `commune` for reading only, if it has a file: nothing is created, and
  /// the file is not changed (a file at an older schema is migrated first, as any opening would).
  /// What reports and exports read with: it opens faster than ``store(for:)`` and never writes.
  /// Methods that write throw ``GradebookError/notWritten(path:details:)``.
  public func readOnlyStore(for commune: CommuneCode) throws -> CommuneStore? {
    let file = fileURL(for: commune)
    guard FileManager.default.fileExists(atPath: file.path) else { return nil }
    return try CommuneStore(readingCommune: commune, fileURL: file)
  }

  /// Opens the results of `commune` for reading only, as ``readOnlyStore(for:)`` does, after
  /// checking the file as one from outside (``UntrustedResultsFile``: regular file, size, `-wal`,
  /// exact schema, integrity, every row): what reports read a folder a leader was sent with. A
  /// file that fails a check is refused with an error naming it; nil when there is no file. A
  /// file ``checkedFiles`` holds as checked, unchanged since, is opened without the checks.
  public func checkedReadOnlyStore(
    for commune: CommuneCode, limits: UntrustedResultsFile.Limits = .init()
  ) throws -> CommuneStore? {
    let file = fileURL(for: commune)
    guard FileManager.default.fileExists(atPath: file.path) else { return nil }
    if let checkedFiles, let entry = checkedFiles.entry(for: file.path, checks: limits.fingerprint) {
      let store = try readOnlyStore(for: commune)
      if checkedFiles.stillMatches(entry, path: file.path) { return store }
    }
    try UntrustedResultsFile.withCheckedCopy(
      of: file.path, limits: limits, purpose: "report", remembering: checkedFiles
    ) { _ in }
    return try readOnlyStore(for: commune)
  }

  /// The communes that have a results file here, in code order.
  public func communeCodes() throws -> [CommuneCode] {
    guard FileManager.default.fileExists(atPath: url.path) else { return [] }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: url.path)
    } catch {
      throw GradebookError.fileSystem(path: url.path, message: error.localizedDescription)
    }
    return names.compactMap { name in
      guard name.hasSuffix(".\(Self.fileExtension)") else { return nil }
      return try? CommuneCode(String(name.dropLast(Self.fileExtension.count + 1)))
    }.sorted()
  }

  /// Stores a training class in the file of each of its communes (creating files as needed).
  @discardableResult
  public func saveClass(_ trainingClass: TrainingClass) throws -> TrainingClass {
    let saved = try CommuneStore.validated(trainingClass)
    guard !saved.communeCodes.isEmpty else { throw GradebookError.emptyField("communes") }
    var stored = saved
    for code in saved.communeCodes {
      stored = try store(for: code).saveClass(saved)
    }
    return stored
  }
}

import Access
import ArgumentParser
import Curriculum
import Foundation
import Gradebook
import Localization
import ResultsAnalysis
import Shell
import TerminalUI
import Units
import UserFolders

/// `papi-train shell` (the default): the interactive shell for officials, on the shipped Courses/,
/// the commune list in AdministrativeUnits/ and the results in Results/.
public struct ShellLaunch {
  /// What the command line chose instead of asking.
  public var commune: String?, official: String?, seed: UInt64?, classCode: String?
  /// Minutes before an unused trainer session locks.
  public var trainerIdle: Double

  public init(commune: String?, official: String?, seed: UInt64?, classCode: String?, trainerIdle: Double) {
    (self.commune, self.official, self.seed) = (commune, official, seed)
    (self.classCode, self.trainerIdle) = (classCode, trainerIdle)
  }

  /// Runs the shell over the courses at `courses`; exits with its status.
  public func run(courses: String, results: ResultsOption, units: UnitsOption, language: Language) throws {
    let library = try loadCourses(courses, language: language)
    let hierarchy = try reportingErrors(in: language) { try UnitHierarchy.load(path: units.path) }
    let directory = results.directory
    let trainingClass = try classCode.map { code in
      try reportingErrors(in: language) { try directory.findClass(code) }
    }
    let desk = ClassDesk(directory: directory, units: hierarchy, library: library, language: language)
    var configuration = self.configuration(
      library: library, communes: hierarchy.communeEntries(), directory: directory, language: language)
    configuration.trainingClass = trainingClass
    configuration.classLines = { code, language, width in
      var shown = desk
      shown.language = language
      shown.width = width
      return try shown.show(code)
    }
    configuration.findClass = { try directory.findClass($0) }
    let output = StandardOutput()
    let session = ShellSession(
      configuration: configuration, reader: reader(configuration.terminal, output: output), output: output)
    let status = session.run()
    if status != 0 { throw ExitCode(status) }
  }

  /// The courses (with the versions pulled from the province replacing the shipped ones), or
  /// exit 1 with their problems. The first start after a course change shows its prompt while
  /// the courses are cached.
  func loadCourses(_ courses: String, language: Language) throws -> CourseLibrary {
    var cache = CurriculumCache.default(environment: ProcessInfo.processInfo.environment)
    cache.writesInBackground = true
    defer { CurriculumCache.waitForWrites() }
    let pulled = CurriculumLoader.pulledCoursesURL(environment: ProcessInfo.processInfo.environment).path
    let loaded = CurriculumLoader().load(path: courses, pulledCourses: pulled, cache: cache)
    guard let library = loaded.library, loaded.errors.isEmpty else {
      for diagnostic in loaded.errors.prefix(20) { printToStandardError(diagnostic.formatted(in: language)) }
      printError(CLIMessage.coursesInvalid(courses).text(in: language), in: language)
      throw ExitCode(1)
    }
    return library
  }

  /// GNU readline on a terminal, plain lines from a pipe.
  func reader(_ terminal: Terminal, output: StandardOutput) -> any LineReader {
    guard terminal.isInteractive else { return PlainLineReader(output: output) }
    return ReadlineLineReader(
      historyURL: UserFolder.state.url(environment: ProcessInfo.processInfo.environment)
        .appendingPathComponent("history"))
  }

  /// The session's configuration: the courses and communes, the results folder, the seeds (the
  /// one given, then the ones after it) and the trainer's passphrase through this computer's gate.
  func configuration(
    library: CourseLibrary, communes: [CommuneEntry], directory: ResultsDirectory, language: Language
  ) -> ShellSession.Configuration {
    let gate = accessGate()
    var nextSeed = seed
    return ShellSession.Configuration(
      library: library, communes: communes,
      openStore: { try directory.store(for: $0.code, creatingFileOnFirstWrite: true) },
      language: language, terminal: Terminal.current(), commune: commune, official: official,
      now: ShellClock.fromEnvironment(ProcessInfo.processInfo.environment),
      makeSeed: {
        if let given = nextSeed {
          nextSeed = given &+ 1
          return given
        }
        return UInt64.random(in: .min ... .max)
      },
      checkTrainerPassphrase: { passphrase, language in
        switch (try? gate.check(passphrase, for: .trainer)) ?? .notConfigured(.trainer) {
        case .granted: return .granted
        case .denied(let wait): return .denied(AccessMessage.wrong(wait).text(in: language))
        case .locked(let wait): return .denied(AccessError.locked(wait: wait).text(in: language))
        case .notConfigured(let role):
          return .notConfigured(AccessMessage.notConfigured(role).text(in: language))
        }
      },
      trainerConfigured: {
        if case .notConfigured = (try? gate.check("", for: .trainer, probeOnly: true))
          ?? .notConfigured(.trainer)
        {
          return false
        }
        return true
      }, trainerIdleLimit: max(trainerIdle, 0) * 60)
  }
}

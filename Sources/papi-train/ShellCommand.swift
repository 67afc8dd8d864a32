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
struct ShellCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shell",
    abstract: "Học bài và làm bài kiểm tra / read lessons and take quizzes (the default command).",
    discussion: """
      Uses GNU readline on a terminal (history, Tab completion, Ctrl-C, Ctrl-D) and reads plain lines
      when standard input is not a terminal, so a script can drive a whole session.
      """
  )

  @Option(name: .long, help: "The Courses/ folder.")
  var courses: String = "Courses"

  @OptionGroup var results: ResultsOption

  @OptionGroup var units: UnitsOption

  @Option(name: .long, help: "Pick this commune (code or name) instead of asking.")
  var commune: String?

  @Option(name: .long, help: "Sign in as this official (full name) instead of asking.")
  var official: String?

  @Option(name: .long, help: "Shuffle quizzes with this seed (a class can share one order).")
  var seed: UInt64?

  @Option(name: .customLong("class"), help: "Vào lớp này / join this class (its code, e.g. LC-2612-A).")
  var classCode: String?

  @Option(
    name: .customLong("trainer-idle"),
    help: "Phút không dùng trước khi phiên giảng viên khoá / minutes before an unused trainer session locks.")
  var trainerIdle: Double = 10

  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    let language = languageOption.language
    // The first start after a course change shows its prompt while the courses are cached.
    var cache = CurriculumCache.default(environment: ProcessInfo.processInfo.environment)
    cache.writesInBackground = true
    defer { CurriculumCache.waitForWrites() }
    // Course versions pulled from the province replace the shipped ones (see CoursePublishing).
    let pulled = CurriculumLoader.pulledCoursesURL(environment: ProcessInfo.processInfo.environment).path
    let loaded = CurriculumLoader().load(path: courses, pulledCourses: pulled, cache: cache)
    guard let library = loaded.library, loaded.errors.isEmpty else {
      for diagnostic in loaded.errors.prefix(20) {
        FileHandle.standardError.write(Data((diagnostic.formatted(in: language) + "\n").utf8))
      }
      printError(CLIMessage.coursesInvalid(courses).text(in: language), in: language)
      throw ExitCode(1)
    }
    let hierarchy = try reportingErrors(in: language) { try UnitHierarchy.load(path: units.path) }
    let directory = results.directory
    let trainingClass = try classCode.map { code in
      try reportingErrors(in: language) { try directory.findClass(code) }
    }
    let desk = ClassDesk(directory: directory, units: hierarchy, library: library, language: language)
    let gate = AccessGate(store: .default(environment: ProcessInfo.processInfo.environment))
    let terminal = Terminal.current()
    let output = StandardOutput()
    let reader: any LineReader =
      terminal.isInteractive
      ? ReadlineLineReader(
        historyURL: UserFolder.state.url(environment: ProcessInfo.processInfo.environment)
          .appendingPathComponent("history"))
      : PlainLineReader(output: output)
    var nextSeed = seed
    var configuration = ShellSession.Configuration(
      library: library, communes: hierarchy.communeEntries(),
      openStore: { try directory.store(for: $0.code, creatingFileOnFirstWrite: true) },
      language: language, terminal: terminal,
      commune: commune, official: official,
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
    configuration.trainingClass = trainingClass
    configuration.classLines = { code, language, width in
      var shown = desk
      shown.language = language
      shown.width = width
      return try shown.show(code)
    }
    configuration.findClass = { try directory.findClass($0) }
    let session = ShellSession(configuration: configuration, reader: reader, output: output)
    let status = session.run()
    if status != 0 { throw ExitCode(status) }
  }
}

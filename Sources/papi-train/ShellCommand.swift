import ArgumentParser
import PapiTrainCLI

/// `papi-train shell` (the default): the interactive shell for officials.
struct ShellCommand: ParsableCommand {
  static let configuration = CommandConfiguration(.shell, name: "shell")

  @Option(name: .long, help: .help(.coursesFolder)) var courses: String = "Courses"
  @OptionGroup var results: ResultsOption
  @OptionGroup var units: UnitsOption
  @Option(name: .long, help: .help(.shellCommune)) var commune: String?
  @Option(name: .long, help: .help(.shellOfficial)) var official: String?
  @Option(name: .long, help: .help(.shellSeed)) var seed: UInt64?
  @Option(name: .customLong("class"), help: .help(.shellClass)) var classCode: String?
  @Option(name: .customLong("trainer-idle"), help: .help(.trainerIdle)) var trainerIdle: Double = 10
  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    let launch = ShellLaunch(
      commune: commune, official: official, seed: seed, classCode: classCode, trainerIdle: trainerIdle)
    try launch.run(courses: courses, results: results, units: units, language: languageOption.language)
  }
}

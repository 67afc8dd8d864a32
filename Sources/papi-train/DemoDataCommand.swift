import ArgumentParser
import PapiTrainCLI

/// `papi-train demo-data`: a generated province to look at, kept apart from real results.
struct DemoDataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(.demoData, name: "demo-data")

  @Option(name: .long, help: .help(.demoResults)) var results: String = "Demo/Results"
  @Option(name: .long, help: .help(.demoCommunes)) var communes: Int?
  @Option(name: .long, help: .help(.demoOfficials)) var officials: Int = 25
  @Option(name: .long, help: .help(.demoAttempts)) var attempts: Int = 12
  @Option(name: .long, help: .help(.demoCommunesPerClass)) var communesPerClass: Int = 4
  @Option(name: .long, help: .help(.demoSeed)) var seed: UInt64 = 1
  @Option(name: .long, help: .help(.demoWorkers)) var workers: Int?
  @Option(name: .long, help: .help(.demoUnitsOut)) var unitsOut: String?
  @OptionGroup var coursesOption: CoursesOption
  @OptionGroup var unitsOption: UnitsOption
  @OptionGroup var languageOption: LanguageOption

  var sizes: DemoSizes {
    DemoSizes(
      communes: communes, officials: officials, attempts: attempts, communesPerClass: communesPerClass,
      workers: workers)
  }

  func validate() throws { try sizes.validate() }

  func run() throws {
    try sizes.generate(
      seed: seed, results: results, unitsOut: unitsOut, courses: coursesOption, units: unitsOption,
      language: languageOption.language)
  }
}

import ArgumentParser
import PapiTrainCLI

/// `papi-train units import|list`: the administrative-unit list.
struct UnitsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    .units, name: "units", subcommands: [Import.self, List.self])

  /// `papi-train units import FILE`.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(.unitsImport)

    @Argument(help: .help(.statisticsFile)) var file: String
    @Option(name: .long, help: .help(.unitsOutput)) var output: String?
    @Flag(name: .long, help: .help(.unitsReplace)) var replace = false
    @OptionGroup var unitsOption: UnitsOption
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      try unitsOption.importList(file, output: output, replace: replace, language: languageOption.language)
    }
  }

  /// `papi-train units list [--province CODE]`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(.unitsList)

    @Option(name: .long, help: .help(.province)) var province: String?
    @OptionGroup var unitsOption: UnitsOption
    @OptionGroup var languageOption: LanguageOption

    func run() throws { try unitsOption.list(province: province, language: languageOption.language) }
  }
}

import ArgumentParser
import PapiTrainCLI

/// `papi-train lint [PATH]`: checks course files and prints every problem compiler-style.
struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(.lint, name: "lint")

  @Argument(help: .help(.lintPath)) var path: String = "Courses"
  @Flag(name: .long, help: .help(.lintCoverage)) var coverage = false
  @Flag(name: .long, help: .help(.lintSources)) var sources = false
  @Option(name: .long, help: .help(.lintTaxonomy)) var taxonomy: String?
  @Flag(name: .long, help: .help(.lintStrict)) var strict = false
  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    try LintRun(coverage: coverage, sources: sources, strict: strict).run(
      path: path, taxonomy: taxonomy, language: languageOption.language)
  }
}

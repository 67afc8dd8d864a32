import ArgumentParser
import Curriculum
import Localization
import TerminalUI
import Units

/// `papi-train lint [PATH]`: checks course files and prints every problem compiler-style.
struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Kiểm tra các tệp khoá học / check course files.",
    discussion: """
      Prints every problem as file:line:column: error|warning: message and exits 1 if there is an error.
      PATH is a Courses/ folder or a single course folder (default: Courses).
      """
  )

  @Argument(help: "The Courses/ folder or one course folder.")
  var path: String = "Courses"

  @Flag(name: .long, help: "Also print how many lessons and questions serve each PAPI (sub-)dimension.")
  var coverage = false

  @Flag(
    name: .long, help: "Also print each legal document of the registry, its status and how often it is cited."
  )
  var sources = false

  @Option(name: .long, help: "The taxonomy file (default: papi-taxonomy.yaml in PATH or a folder above).")
  var taxonomy: String?

  @Flag(name: .long, help: "Treat warnings as errors (exit 1 on any warning).")
  var strict = false

  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    let language = languageOption.language
    let loaded = CurriculumLoader().load(path: path, taxonomyPath: taxonomy)
    printLines(loaded.diagnostics.map { $0.formatted(in: language) })
    if coverage, let library = loaded.library {
      let coverage = CoverageReport(library: library).table(in: language)
      let table = TextTable([coverage.header] + coverage.rows, alignments: [.left, .left, .right, .right])
      let lines = table.lines
      printLines([coverage.heading, lines[0], table.rule()] + lines.dropFirst() + [coverage.gaps])
    }
    if sources, let library = loaded.library {
      printSources(SourceUsageReport(library: library), in: language)
    }
    let courses = loaded.library?.courses ?? []
    print(
      LintMessage.summary(
        courses: courses.count, lessons: courses.reduce(0) { $0 + $1.lessons.count },
        questions: courses.reduce(0) { $0 + $1.questions.count }, errors: loaded.errors.count,
        warnings: loaded.warnings.count
      ).text(in: language))
    if !loaded.errors.isEmpty || (strict && !loaded.warnings.isEmpty) {
      throw ExitCode(1)
    }
  }

  private func printSources(_ report: SourceUsageReport, in language: Language) {
    guard let sources = report.table(in: language) else {
      return print(LintMessage.noRegistry.text(in: language))
    }
    let table = TextTable(
      [sources.header] + sources.rows, alignments: [.left, .left, .left, .right, .right])
    let lines = table.lines
    printLines(
      [sources.heading, lines[0], table.rule()] + lines.dropFirst() + (sources.legend.map { [$0] } ?? []))
  }
}

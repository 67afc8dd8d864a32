import ArgumentParser
import PapiTrainCLI
import ResultsExport

/// `papi-train export`: a class's (or communes', or a period's) results as files a trainer hands
/// in: an Excel workbook, CSV files, or the `papi-train.export/2` JSON document.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(.export, name: "export")

  @OptionGroup var source: ClassResultsOptions
  @Option(name: .long, help: .help(.exportQuizzes)) var quiz: [String] = []
  @Option(name: .long, help: .help(.exportFormat)) var format: ExportFormat?
  @Option(name: [.short, .long], help: .help(.exportOutput)) var output: String
  @Option(name: .long, help: .help(.exportTable)) var table: ExportTable?
  @Flag(name: .long, help: .help(.exportForce)) var force = false
  @Flag(name: .long, help: .help(.exportPlain)) var plain = false

  func run() throws {
    try source.export(
      output: output, quizzes: quiz, format: format, table: table, force: force, plain: plain)
  }
}

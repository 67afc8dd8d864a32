import ArgumentParser
import Curriculum
import Foundation
import Localization
import ResultsExport
import Toolkit
import Units

extension ExportTable: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

/// `papi-train export`: a class's (or communes', or a period's) results as files a trainer hands
/// in: an Excel workbook, CSV files, or the `papi-train.export/2` JSON document.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Xuất kết quả lớp học / export class results to XLSX, CSV or JSON.",
    discussion: """
      Chooses attempts by --class, --commune (repeatable), --from/--to (days, inclusive) and --quiz, \
      combined with "and". XLSX has seven sheets (scores per official, every answer as shown, item \
      statistics, per-option counts, quizzes, who needs help, how to read it); CSV writes one file per \
      table (OUTPUT-scores.csv, -answers.csv, ...), or the one --table names at OUTPUT; JSON follows \
      docs/export-schema.json. \
      An existing file is never replaced without --force.
      """)

  @OptionGroup var resultsOption: ResultsOption
  @OptionGroup var coursesOption: CoursesOption
  @OptionGroup var unitsOption: UnitsOption
  @OptionGroup var languageOption: LanguageOption

  @OptionGroup var selection: ClassSelectionOptions

  @Option(name: .long, help: "Chỉ bài kiểm tra này, có thể lặp lại / only this quiz (repeatable).")
  var quiz: [String] = []

  @Option(name: .long, help: "csv, xlsx or json (default: from the output file's extension).")
  var format: ExportFormat?

  @Option(name: [.short, .long], help: "Tệp ghi ra / the file to write.")
  var output: String

  @Option(
    name: .long,
    help: "Chỉ một bảng / only one table: scores, answers, items, options, quizzes, needs-help or guide.")
  var table: ExportTable?

  @Flag(name: .long, help: "Ghi đè tệp đã có / replace existing files.")
  var force = false

  @Flag(name: .long, help: "CSV không có BOM / CSV without the byte-order mark, for other tools.")
  var plain = false

  func run() throws {
    let language = languageOption.language
    try reportingErrors(in: language) {
      // The courses (not results) load while the passphrase is typed and checked.
      let courses = coursesOption.courses
      let loading = BackgroundValue {
        CurriculumLoader().load(
          path: courses, cache: .default(environment: ProcessInfo.processInfo.environment))
      }
      // Class results are for trainers: the passphrase before any results are read.
      try requireRole(.trainer, language: language)
      let request = ExportRequest(
        output: output, classID: selection.classID, communes: selection.commune, from: selection.from,
        to: selection.to, quizIDs: quiz,
        format: format,
        table: table, force: force, plain: plain)
      let messages = try request.run(
        loaded: loading.value, courses: courses, directory: resultsOption.directory,
        unitsPath: unitsOption.path, language: language)
      for refusal in messages where refusal.isRefusal { printError(refusal.text(in: language), in: language) }
      printLines(messages.filter { !$0.isRefusal }.map { $0.text(in: language) })
      // Everything is written and said (exit flushes the output). Freeing a class's answers one by
      // one takes a tenth of a second the system does at once when the process ends. A refused
      // file makes the status 1 (the other communes are exported).
      Foundation.exit(messages.contains(where: \.isRefusal) ? EXIT_FAILURE : EXIT_SUCCESS)
    }
  }
}

import ArgumentParser
import Curriculum
import Foundation
import ResultsExport

/// `papi-train report needs-help`: officials whose post-test is below the pass mark or whose
/// score fell, with the lessons to reread.
struct NeedsHelpReport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "needs-help",
    abstract: "Cán bộ cần hỗ trợ / officials below the pass mark or whose score fell, with lessons to reread."
  )

  @OptionGroup var resultsOption: ResultsOption
  @OptionGroup var coursesOption: CoursesOption
  @OptionGroup var unitsOption: UnitsOption
  @OptionGroup var languageOption: LanguageOption

  @OptionGroup var selection: ClassSelectionOptions

  func run() throws {
    let language = languageOption.language
    try reportingErrors(in: language) {
      try requireRole(.trainer, language: language)
      let courses = coursesOption.courses
      let loaded = CurriculumLoader().load(
        path: courses, cache: .default(environment: ProcessInfo.processInfo.environment))
      let request = ExportRequest(
        output: "", classID: selection.classID, communes: selection.commune, from: selection.from,
        to: selection.to)
      let report = try request.needsHelpLines(
        loaded: loaded, courses: courses, directory: resultsOption.directory, unitsPath: unitsOption.path,
        language: language)
      for refusal in report.leftOut { printError(refusal.text(in: language), in: language) }
      printLines(report.lines)
      if !report.leftOut.isEmpty { throw ExitCode(1) }
    }
  }
}

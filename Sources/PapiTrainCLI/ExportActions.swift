import ArgumentParser
import Curriculum
import Foundation
import Localization
import ResultsExport
import Toolkit

extension ExportTable: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

/// What `export` and `report needs-help` read: the results, courses and units, and which of a
/// class's results (`--class`, `--commune`, `--from`, `--to`).
public struct ClassResultsOptions: ParsableArguments {
  @OptionGroup var folders: FolderOptions
  @OptionGroup var selection: ClassSelectionOptions

  public init() {}

  /// The request for what the selection chooses, written to `output`.
  func request(output: String = "") -> ExportRequest {
    ExportRequest(
      output: output, classID: selection.classID, communes: selection.commune, from: selection.from,
      to: selection.to)
  }

  /// `export`: the chosen results (of `quizzes` only, when named) written to `output`, after the
  /// trainer passphrase.
  public func export(
    output: String, quizzes: [String], format: ExportFormat?, table: ExportTable?, force: Bool, plain: Bool
  ) throws {
    let language = folders.language
    try reportingErrors(in: language) {
      // The courses (not results) load while the passphrase is typed and checked.
      let courses = folders.coursesOption.courses
      let loading = BackgroundValue { CoursesOption.load(courses) }
      // Class results are for trainers. The passphrase is asked for first; its check (scrypt, a
      // tenth of a second of one core) runs while the results are read, and nothing is made of
      // them, written or shown before it says the passphrase is right: a wrong one ends the
      // export with the same error, having written nothing (the files checked meanwhile are
      // remembered only after it).
      let admission = try Admission(.trainer, language: language)
      let directory = folders.resultsOption.directory
      directory.checkedFiles?.hold()
      var request = self.request(output: output)
      (request.quizIDs, request.format, request.table) = (quizzes, format, table)
      (request.force, request.plain) = (force, plain)
      let messages: [ExportMessage]
      do {
        messages = try request.run(
          loaded: loading.value, courses: folders.coursesOption.courses, directory: directory,
          unitsPath: folders.unitsOption.path, language: language, admitted: admission.verdict)
      } catch {
        // A wrong passphrase is what is said, whatever else went wrong.
        try admission.verdict()
        directory.checkedFiles?.release()
        throw error
      }
      try admission.verdict()
      directory.checkedFiles?.release()
      for refusal in messages where refusal.isRefusal { printError(refusal.text(in: language), in: language) }
      printLines(messages.filter { !$0.isRefusal }.map { $0.text(in: language) })
      // Everything is written and said (exit flushes the output). Freeing a class's answers one by
      // one takes a tenth of a second the system does at once when the process ends. A refused
      // file makes the status 1 (the other communes are exported).
      Foundation.exit(messages.contains(where: \.isRefusal) ? EXIT_FAILURE : EXIT_SUCCESS)
    }
  }

  /// `report needs-help`: the officials of the selection who need help, and what to reread.
  public func needsHelp() throws {
    let language = folders.language
    try reportingErrors(in: language) {
      try requireRole(.trainer, language: language)
      let report = try request().needsHelpLines(
        loaded: folders.coursesOption.load(), courses: folders.coursesOption.courses,
        directory: folders.resultsOption.directory,
        unitsPath: folders.unitsOption.path, language: language)
      for refusal in report.leftOut { printError(refusal.text(in: language), in: language) }
      printLines(report.lines)
      if !report.leftOut.isEmpty { throw ExitCode(1) }
    }
  }
}

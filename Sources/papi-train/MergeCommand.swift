import Access
import ArgumentParser
import Foundation
import Gradebook
import Localization
import Units

/// `papi-train merge FILE|DIR...`: brings results files from other machines into the results folder.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Gộp kết quả từ máy khác / merge results files from other machines.",
    discussion: """
      Each FILE is a commune's results file (03637.sqlite); a DIR stands for the .sqlite files in it.
      Merging is keyed by stable ids, so merging the same file twice adds nothing. Inputs are only
      read, never changed: each is checked as untrusted input (a regular file, size, exact schema,
      integrity, every row) on a private copy, and a bad file is refused by name while the others
      are merged. --require-signature also refuses files not signed (FILE.sig) by a machine enrolled
      with `papi-train keys enrol` for the file's commune. Every file is recorded in
      $XDG_STATE_HOME/papi-train/merge-audit.jsonl. Exits 1 if a file was refused.
      """
  )

  @Argument(help: "Results files or folders of results files.")
  var paths: [String]

  @Flag(name: .long, help: "Chỉ gộp tệp do máy tin cậy ký / only merge files signed by an enrolled machine.")
  var requireSignature = false

  @OptionGroup var resultsOption: ResultsOption
  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    let language = languageOption.language
    try requireRole(.trainer, language: language)
    let destination = resultsOption.directory
    let environment = ProcessInfo.processInfo.environment
    let merger = ResultsMerger(
      destination: destination, requiredSigners: requireSignature ? .default(environment: environment) : nil,
      auditLog: .default(environment: environment))
    let report = merger.merge(paths: paths)
    let (lines, refusals) = report.messages(destination: destination.url.path)
    for refusal in refusals { printError(refusal.text(in: language), in: language) }
    printLines(lines.map { $0.text(in: language) })
    if report.hasRefusals { throw ExitCode(1) }
  }
}

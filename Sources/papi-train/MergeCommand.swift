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
      read, never changed. Exits 1 if a file was refused (not a results file, damaged, or newer).
      """
  )

  @Argument(help: "Results files or folders of results files.")
  var paths: [String]

  @OptionGroup var resultsOption: ResultsOption
  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    let language = languageOption.language
    try requireRole(.trainer, language: language)
    let destination = resultsOption.directory
    let report = ResultsMerger(destination: destination).merge(paths: paths)
    let (lines, refusals) = report.messages(destination: destination.url.path)
    for refusal in refusals { printError(refusal.text(in: language), in: language) }
    printLines(lines.map { $0.text(in: language) })
    if report.hasRefusals { throw ExitCode(1) }
  }
}

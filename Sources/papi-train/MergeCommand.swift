import ArgumentParser
import PapiTrainCLI

/// `papi-train merge FILE|DIR...`: brings results files from other machines into the results folder.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(.merge, name: "merge")

  @Argument(help: .help(.mergePaths)) var paths: [String]
  @Flag(name: .long, help: .help(.requireSignature)) var requireSignature = false
  @OptionGroup var resultsOption: ResultsOption
  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    try resultsOption.merge(paths, requireSignature: requireSignature, language: languageOption.language)
  }
}

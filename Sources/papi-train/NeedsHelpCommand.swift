import ArgumentParser
import PapiTrainCLI

/// `papi-train report needs-help`: officials whose post-test is below the pass mark or whose
/// score fell, with the lessons to reread.
struct NeedsHelpReport: ParsableCommand {
  static let configuration = CommandConfiguration(.needsHelp, name: "needs-help")

  @OptionGroup var source: ClassResultsOptions

  func run() throws { try source.needsHelp() }
}

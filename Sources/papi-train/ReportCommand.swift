import ArgumentParser
import PapiTrainCLI
import ResultsAnalysis

/// `papi-train report readiness|collection|weak|gain|items|needs-help`: what the results say, for
/// leaders and trainers.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    .report, name: "report",
    subcommands: [Readiness.self, Collection.self, Weak.self, Gain.self, Items.self, NeedsHelpReport.self])

  /// `papi-train report readiness`: every commune on every dimension.
  struct Readiness: ParsableCommand {
    static let configuration = CommandConfiguration(.readiness)

    @OptionGroup var scope: ReadinessScopeOptions
    @Option(name: .long, help: .help(.reportCommunes)) var commune: [String] = []
    @Option(name: .long, help: .help(.dimensions)) var dimension: [String] = []
    @Option(name: .long, help: .help(.sort)) var sort: ReadinessRequest.Order = .weakest
    @Option(name: .long, help: .help(.limit)) var limit: Int?
    @Option(name: .long, help: .help(.provinceScores)) var provinceScores: String?
    @Option(name: .long, help: .help(.html)) var html: String?
    @Flag(name: .long, help: .help(.readinessJSON)) var json = false
    @Flag(name: .long, help: .help(.noColor)) var noColor = false

    func run() throws {
      let request = ReadinessRequest(
        communes: commune, dimensions: dimension, order: sort, limit: limit, provinceScores: provinceScores)
      try scope.readiness(request, json: json, html: html, noColor: noColor)
    }
  }

  /// `papi-train report collection`: which communes have sent results, and which have not since a day.
  struct Collection: ParsableCommand {
    static let configuration = CommandConfiguration(.collection)

    @OptionGroup var scope: ReadinessScopeOptions
    @Option(name: .long, help: .help(.since)) var since: String?

    func run() throws { try scope.collection(since: since) }
  }

  /// `papi-train report weak`: weak areas of an official, a commune or a class.
  struct Weak: ParsableCommand {
    static let configuration = CommandConfiguration(.weak)

    @OptionGroup var report: GroupReportOptions

    func run() throws { try report.run(.weak) }
  }

  /// `papi-train report gain`: pre-test against post-test.
  struct Gain: ParsableCommand {
    static let configuration = CommandConfiguration(.gain)

    @OptionGroup var report: GroupReportOptions

    func run() throws { try report.run(.gain) }
  }

  /// `papi-train report items`: Moodle's item statistics per quiz.
  struct Items: ParsableCommand {
    static let configuration = CommandConfiguration(.items)

    @OptionGroup var report: GroupReportOptions
    @Option(name: .long, help: .help(.quiz)) var quiz: String?

    func run() throws { try report.run(.items, quiz: quiz) }
  }
}

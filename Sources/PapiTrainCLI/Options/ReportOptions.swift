import Access
import ArgumentParser
import Foundation
import Gradebook
import Localization
import ResultsAnalysis
import TerminalUI
import Toolkit
import Units

extension ReadinessRequest.Order: ExpressibleByArgument {}

/// Where a report reads from and what it selects: shared by every `report` subcommand.
public struct ReportSource: ParsableArguments {
  @OptionGroup var resultsOption: ResultsOption
  @OptionGroup var languageOption: LanguageOption

  @Option(name: .long, help: .help(.coursesFolder))
  var courses: String = "Courses"

  @Option(name: .customLong("class"), help: .help(.reportClass))
  var classID: String?

  @Option(name: .long, help: .help(.from))
  var from: String?

  @Option(name: .long, help: .help(.to))
  var to: String?

  @Option(name: .long, help: .help(.asOf))
  var asOf: String?

  @Option(name: .long, help: .help(.threshold))
  var threshold: Double = 0.7

  @Option(name: .long, help: .help(.courseVersion))
  var courseVersion: String?

  @Flag(name: .long, help: .help(.noCache))
  var noCache = false

  public init() {}

  var language: Language { languageOption.language }

  /// The cache of per-file sums ($XDG_CACHE_HOME/papi-train), unless --no-cache.
  var cache: ScanCache? {
    noCache
      ? nil
      : ScanCache.default(for: resultsOption.directory, environment: ProcessInfo.processInfo.environment)
  }

  func context() throws -> ReportContext {
    try ReportRequest(
      courses: courses, classID: classID, from: from, to: to, asOf: asOf, threshold: threshold,
      courseVersion: courseVersion
    )
    .context(environment: ProcessInfo.processInfo.environment, directory: resultsOption.directory)
  }
}

/// What `report readiness` and `report collection` share: where the results and the units are,
/// and `--in`.
public struct ReadinessScopeOptions: ParsableArguments {
  @OptionGroup var source: ReportSource
  @OptionGroup var unitsOption: UnitsOption

  @Option(name: .customLong("in"), help: .help(.within))
  var within: String?

  public init() {}

  /// `report readiness`: the report as JSON, an HTML dashboard, or a table; exits 1 when some
  /// commune's results could not be read.
  public func readiness(_ request: ReadinessRequest, json: Bool, html: String?, noColor: Bool) throws {
    let language = source.language
    try requireRole(.leader, language: language)
    try reportingErrors(in: language) {
      let report = try self.report(request)
      if json { print(try report.json()) }
      if let html {
        try report.writeDashboard(to: html, directory: source.resultsOption.directory, cache: source.cache)
        if !json { print(ReportMessage.wrote(html).text(in: language)) }
      }
      guard !json, html == nil else { return }
      printLines(report.terminalLines(style: .standardOutput(noColor: noColor)))
      if !report.failures.isEmpty { throw ExitCode(1) }
    }
  }

  /// `report collection`: which communes sent results, and which have not since `since`.
  public func collection(since: String?) throws {
    let language = source.language
    try requireRole(.leader, language: language)
    try reportingErrors(in: language) {
      let day = try since.map(ReportRequest.day)
      let report = try self.report(ReadinessRequest(order: .code))
      printLines(report.collectionLines(since: day))
      if !report.failures.isEmpty { throw ExitCode(1) }
    }
  }

  /// The readiness report of `request` under `--in`; the communes whose results could not be read
  /// are said on standard error.
  func report(_ request: ReadinessRequest) throws -> ReadinessReport {
    var request = request
    request.within = within
    let language = source.language
    let report = try ReadinessReport(
      request: request, context: try source.context(), directory: source.resultsOption.directory,
      units: try ReadinessReport.units(path: unitsOption.path, explicit: unitsOption.isExplicit),
      cache: source.cache, usesStoredSums: !source.noCache, language: language)
    for failure in report.failures { printError(failure.text(in: language), in: language) }
    return report
  }
}

/// What the three group reports (weak, gain, items) share: whose answers (`--commune CODE
/// [--official NAME|ID]` or the source's `--class ID`), and where from.
public struct GroupReportOptions: ParsableArguments {
  @Option(name: .long, help: .help(.groupCommune))
  var commune: String?

  @OptionGroup var unitsOption: UnitsOption

  @Option(name: .long, help: .help(.official))
  var official: String?

  @Flag(name: .long, help: .help(.groupJSON))
  var json = false

  @OptionGroup var source: ReportSource

  public init() {}

  /// Runs one of the three group reports.
  public func run(_ kind: GroupReport.Kind, quiz: String? = nil) throws {
    let language = source.language
    try requireRole(.trainer, language: language)
    try reportingErrors(in: language) {
      var request = GroupReportRequest(commune: commune, official: official, quiz: quiz)
      request.units = try ReadinessReport.units(path: unitsOption.path, explicit: unitsOption.isExplicit)
      let report = try GroupReport(
        request: request, trainingClass: source.classID, context: try source.context(),
        directory: source.resultsOption.directory, language: language)
      printLines(json ? [try report.json()] : report.lines(kind, width: Terminal.current().width))
    }
  }
}

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

/// `papi-train report readiness|weak|gain|items`: what the results say, for leaders and trainers.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract:
      "Báo cáo kết quả / reports: readiness per commune, results received, weak areas, gain, item statistics, who needs help.",
    subcommands: [Readiness.self, Collection.self, Weak.self, Gain.self, Items.self, NeedsHelpReport.self]
  )

  /// `papi-train report readiness`: every commune on every dimension.
  struct Readiness: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mức sẵn sàng theo xã và chỉ số / readiness per commune and dimension.",
      discussion: """
        Readiness = 1 + 9 × mastery on PAPI's 1-10 scale, coloured in fixed bands (the weak line, 70% = 7.3,
        is a boundary); "—" marks insufficient data (under 20 answers or 3 officials). Every commune of the
        units list is listed, with what it has sent, and the province row averages every commune of the
        province. Sorted weakest first by default. --html writes a self-contained dashboard; --json prints
        papi-train.readiness/1.
        """)

    @OptionGroup var scope: ReadinessScopeOptions

    @Option(
      name: .long,
      help:
        "Chỉ xã này, mã hoặc tên (kèm biểu đồ) / only this commune, code or name, with its bar chart (repeatable)."
    )
    var commune: [String] = []

    @Option(name: .long, help: "Chỉ các chỉ số này, ví dụ D5 / only these dimensions (repeatable).")
    var dimension: [String] = []

    @Option(name: .long, help: "weakest (default), strongest, name or code.")
    var sort: ReadinessRequest.Order = .weakest

    @Option(name: .long, help: "Chỉ N xã đầu / only the first N communes.")
    var limit: Int?

    @Option(
      name: .long, help: "Điểm PAPI của tỉnh (CSV: D1,5.1) / the province's PAPI scores, for priorities.")
    var provinceScores: String?

    @Option(name: .long, help: "Ghi bảng điều khiển HTML vào tệp / write the HTML dashboard to this file.")
    var html: String?

    @Flag(name: .long, help: "In JSON (papi-train.readiness/1) / print JSON.")
    var json = false

    @Flag(name: .long, help: "Không tô màu / no colours (as NO_COLOR does).")
    var noColor = false

    func run() throws {
      let language = scope.language
      try requireRole(.leader, language: language)
      try reportingErrors(in: language) {
        let report = try scope.report(
          ReadinessRequest(
            communes: commune, dimensions: dimension, order: sort, limit: limit,
            provinceScores: provinceScores))
        if json { print(try report.json()) }
        if let html {
          try report.writeDashboard(
            to: html, directory: scope.source.resultsOption.directory, cache: scope.source.cache)
          if !json { print(ReportMessage.wrote(html).text(in: language)) }
        }
        guard !json, html == nil else { return }
        printLines(report.terminalLines(style: .standardOutput(noColor: noColor)))
        if !report.failures.isEmpty { throw ExitCode(1) }
      }
    }
  }

  /// `papi-train report collection`: which communes have sent results, and which have not since a day.
  struct Collection: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Tình hình gửi kết quả / which communes have sent results, and which have not since a day.")

    @OptionGroup var scope: ReadinessScopeOptions

    @Option(
      name: .long,
      help: "Chỉ các xã chưa gửi gì từ ngày này (YYYY-MM-DD) / only communes silent since this day.")
    var since: String?

    func run() throws {
      let language = scope.language
      try requireRole(.leader, language: language)
      try reportingErrors(in: language) {
        let day = try since.map(ReportRequest.day)
        let report = try scope.report(ReadinessRequest(order: .code))
        printLines(report.collectionLines(since: day))
        if !report.failures.isEmpty { throw ExitCode(1) }
      }
    }
  }

  /// `papi-train report weak`: weak areas of an official, a commune or a class.
  struct Weak: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Nội dung yếu / weak areas of an official, a commune or a class, with what to study.")

    @OptionGroup var report: GroupReportOptions

    func run() throws { try report.run(.weak) }
  }

  /// `papi-train report gain`: pre-test against post-test.
  struct Gain: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Tiến bộ trước/sau khoá học / learning gain, pre-test against post-test.")

    @OptionGroup var report: GroupReportOptions

    func run() throws { try report.run(.gain) }
  }

  /// `papi-train report items`: Moodle's item statistics per quiz.
  struct Items: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Thống kê câu hỏi / item statistics per quiz (facility, discrimination, Cronbach's alpha).")

    @OptionGroup var report: GroupReportOptions

    @Option(name: .long, help: "Chỉ bài kiểm tra này / only this quiz.")
    var quiz: String?

    func run() throws { try report.run(.items, quiz: quiz) }
  }
}

/// What the three group reports (weak, gain, items) share: whose answers, and where from.
struct GroupReportOptions: ParsableArguments {
  @OptionGroup var scope: GroupScopeOptions
  @OptionGroup var source: ReportSource

  /// Runs one of the three group reports.
  func run(_ kind: GroupReport.Kind, quiz: String? = nil) throws {
    try scope.run(kind, source: source, quiz: quiz)
  }
}

/// What `report readiness` and `report collection` share: where the results and the units are,
/// and `--in`.
struct ReadinessScopeOptions: ParsableArguments {
  @OptionGroup var source: ReportSource
  @OptionGroup var unitsOption: UnitsOption

  @Option(
    name: .customLong("in"), help: "Chỉ các xã thuộc tỉnh/huyện mã này / only communes under this unit.")
  var within: String?

  var language: Language { source.languageOption.language }

  /// The readiness report of `request` under `--in`; the communes whose results could not be read
  /// are said on standard error.
  func report(_ request: ReadinessRequest) throws -> ReadinessReport {
    var request = request
    request.within = within
    let report = try ReadinessReport(
      request: request, context: try source.context(), directory: source.resultsOption.directory,
      units: try ReadinessReport.units(path: unitsOption.path, explicit: unitsOption.isExplicit),
      cache: source.cache, usesStoredSums: !source.noCache, language: language)
    for failure in report.failures { printError(failure.text(in: language), in: language) }
    return report
  }
}

/// Where a report reads from and what it selects: shared by every `report` subcommand.
struct ReportSource: ParsableArguments {
  @OptionGroup var resultsOption: ResultsOption
  @OptionGroup var languageOption: LanguageOption

  @Option(name: .long, help: "Thư mục khoá học / the Courses folder (default: Courses).")
  var courses: String = "Courses"

  @Option(
    name: .customLong("class"), help: "Chỉ lớp tập huấn này (mã) / only this training class's attempts.")
  var classID: String?

  @Option(name: .long, help: "Từ ngày / from this date (YYYY-MM-DD, inclusive).")
  var from: String?

  @Option(name: .long, help: "Đến ngày / to this date (YYYY-MM-DD, inclusive).")
  var to: String?

  @Option(name: .long, help: "Tính đến ngày / as of this date, for recency weighting (default: today).")
  var asOf: String?

  @Option(name: .long, help: "Ngưỡng yếu / the weak threshold, 0-1 (default 0.7).")
  var threshold: Double = 0.7

  @Flag(
    name: .long,
    help:
      "Đọc lại mọi câu trả lời, không dùng bộ đệm / read every answer again, without the cache or the sums each file keeps."
  )
  var noCache = false

  /// The cache of per-file sums ($XDG_CACHE_HOME/papi-train), unless --no-cache.
  var cache: ScanCache? {
    noCache
      ? nil
      : ScanCache.default(for: resultsOption.directory, environment: ProcessInfo.processInfo.environment)
  }

  func context() throws -> ReportContext {
    try ReportRequest(
      courses: courses, classID: classID, from: from, to: to, asOf: asOf, threshold: threshold
    )
    .context(environment: ProcessInfo.processInfo.environment, directory: resultsOption.directory)
  }
}

/// `--commune CODE [--official NAME|ID]` (or the source's `--class ID`): whose answers a group
/// report covers.
struct GroupScopeOptions: ParsableArguments {
  @Option(name: .long, help: "Xã (mã hoặc tên) / the commune's code or name.")
  var commune: String?

  @OptionGroup var unitsOption: UnitsOption

  @Option(name: .long, help: "Một cán bộ của xã (tên hoặc mã) / one official of the commune (name or id).")
  var official: String?

  @Flag(name: .long, help: "In JSON (papi-train.group/1) / print JSON.")
  var json = false

  /// Runs one of the three group reports.
  func run(_ kind: GroupReport.Kind, source: ReportSource, quiz: String? = nil) throws {
    let language = source.languageOption.language
    try requireRole(.trainer, language: language)
    try reportingErrors(in: language) {
      var request = GroupReportRequest(commune: commune, official: official, quiz: quiz)
      request.units = try ReadinessReport.units(path: unitsOption.path, explicit: unitsOption.isExplicit)
      let report = try GroupReport(
        request: request,
        trainingClass: source.classID, context: try source.context(),
        directory: source.resultsOption.directory,
        language: language)
      printLines(json ? [try report.json()] : report.lines(kind, width: Terminal.current().width))
    }
  }
}

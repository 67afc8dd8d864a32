import Access
import ArgumentParser
import Curriculum
import Foundation
import Gradebook
import Insight
import Localization
import Reporting
import ResultsAnalysis
import Units
import VietnameseText

/// `papi-train report readiness|weak|gain|items`: what the results say, for leaders and trainers.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Báo cáo kết quả / reports: readiness per commune, weak areas, gain, item statistics.",
    subcommands: [Readiness.self, Weak.self, Gain.self, Items.self]
  )

  /// `papi-train report readiness`: every commune on every dimension.
  struct Readiness: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mức sẵn sàng theo xã và chỉ số / readiness per commune and dimension.",
      discussion: """
        Readiness = 1 + 9 × mastery on PAPI's 1-10 scale, shown with the share of the commune's officials
        assessed (coverage); "—" marks insufficient data (under 20 answers or 3 officials). Sorted weakest
        first by default. --html writes a self-contained dashboard; --json prints papi-train.readiness/1.
        """)

    @OptionGroup var source: ReportSource
    @OptionGroup var unitsOption: UnitsOption

    @Option(
      name: .customLong("in"), help: "Chỉ các xã thuộc tỉnh/huyện mã này / only communes under this unit.")
    var within: String?

    @Option(
      name: .long, help: "Chỉ xã này (kèm biểu đồ) / only this commune, with its bar chart (repeatable).")
    var commune: [String] = []

    @Option(name: .long, help: "Chỉ các chỉ số này, ví dụ D5 / only these dimensions (repeatable).")
    var dimension: [String] = []

    @Option(name: .long, help: "weakest (default), strongest, name or code.")
    var sort: SortOrder = .weakest

    @Option(name: .long, help: "Chỉ N xã đầu / only the first N communes.")
    var limit: Int?

    @Option(
      name: .long, help: "Điểm PAPI của tỉnh (CSV: D1,5.1) / the province's PAPI scores, for priorities.")
    var provinceScores: String?

    @Option(name: .long, help: "Ghi bảng điều khiển HTML vào tệp / write the HTML dashboard to this file.")
    var html: String?

    @Flag(name: .long, help: "In JSON (papi-train.readiness/1) / print JSON.")
    var json = false

    @Flag(name: .long, help: "Không tô màu / no colours.")
    var noColor = false

    enum SortOrder: String, ExpressibleByArgument, CaseIterable {
      case weakest, strongest, name, code
    }

    func run() throws {
      let language = source.languageOption.language
      try requireRole(.leader, language: language)
      try reportingErrors(in: language) {
        let context = try source.context()
        let taxonomy = context.index.library.taxonomy
        for code in dimension where !taxonomy.dimensions.contains(where: { $0.code == code.uppercased() }) {
          throw ReportMessage.unknownDimension(code, known: taxonomy.dimensions.map(\.code))
        }
        let shownDimensions = dimension.isEmpty ? nil : dimension.map { $0.uppercased() }
        // Names come from the units file; without one (none shipped beside the results) communes
        // show their codes, but a file named on purpose must load.
        let explicitUnits =
          unitsOption.units != nil || ProcessInfo.processInfo.environment["PAPI_UNITS"] != nil
        let units =
          explicitUnits || FileManager.default.fileExists(atPath: unitsOption.path)
          ? try UnitHierarchy.load(path: unitsOption.path) : nil
        let communeCodes = try commune.map { try CommuneCode($0) }
        let survey = try ReadinessSurvey.run(
          directory: source.resultsOption.directory, index: context.index, units: units,
          communes: communeCodes.isEmpty ? nil : communeCodes, selection: context.selection,
          reference: context.reference, cache: source.cache, usesStoredSums: !source.noCache)
        if let within, units?.unit(try UnitCode(within)) == nil {
          throw ReportMessage.unknownUnit(within)
        }
        let rows = ordered(
          survey.communes.filter { within == nil || $0.parentCodes.contains(within!) }, shownDimensions)
        let priorities = try provinceScores.map { path in
          let scores = try ProvinceScores.read(path: path, taxonomy: taxonomy)
          return rankPriorities(
            provinceScores: scores.scores, readiness: ReadinessSurvey.averages(of: rows, taxonomy: taxonomy),
            scale: taxonomy.scale)
        }
        for failure in survey.failures {
          printError(
            ReportMessage.unreadable(failure.communeCode, "\(failure.error)").text(in: language), in: language
          )
        }
        if json {
          let document = ReportDocuments.Readiness(
            survey: survey, communes: rows, library: context.index.library, rule: .group,
            threshold: context.threshold,
            priorities: priorities, language: language, asOf: context.generated, generatedAt: Date())
          print(String(decoding: try ReportDocuments.encoder.encode(document), as: UTF8.self))
        }
        let title = ReportMessage.dashboardTitle(units: units, within: within).text(in: language)
        if let html {
          var trends = try ReadinessSurvey.trend(
            directory: source.resultsOption.directory, index: context.index,
            communes: communeCodes.isEmpty ? nil : communeCodes, selection: context.selection,
            grouping: .month, reference: context.reference, cache: source.cache
          ).map { (label: $0.group, mastery: $0.mastery) }
          let classes = try classLabels(source.resultsOption.directory)
          if classes.count > 1 {
            trends += try ReadinessSurvey.trend(
              directory: source.resultsOption.directory, index: context.index,
              communes: communeCodes.isEmpty ? nil : communeCodes, selection: context.selection,
              grouping: .trainingClass, reference: context.reference, cache: source.cache
            ).compactMap { point in classes[point.group].map { (label: $0, mastery: point.mastery) } }
          }
          let data = DashboardData(
            survey: survey, communes: rows, dimensions: shownDimensions, library: context.index.library,
            trends: trends,
            priorities: priorities ?? [], title: title, language: language, generated: context.generated)
          try write(DashboardRenderer().render(data), to: html)
          if !json { print(ReportMessage.wrote(html).text(in: language)) }
        }
        guard !json, html == nil else { return }
        let data = DashboardData(
          survey: survey, communes: rows, dimensions: shownDimensions, library: context.index.library,
          priorities: priorities ?? [], title: title, language: language, generated: context.generated)
        printTerminal(data, rows: rows, taxonomy: taxonomy, context: context, language: language)
        if survey.failures.isEmpty == false { throw ExitCode(1) }
      }
    }

    private func printTerminal(
      _ data: DashboardData, rows: [ReadinessSurvey.Commune], taxonomy: Taxonomy, context: ReportContext,
      language: Language
    ) {
      let view = TerminalReadiness(useColor: !noColor && isatty(STDOUT_FILENO) == 1)
      print(data.title)
      print(ReportMessage.asOf(context.generated).text(in: language))
      guard !rows.isEmpty else {
        print(ReportMessage.noCommunes.text(in: language))
        return
      }
      for line in view.table(data) { print(line) }
      print(ReportMessage.legend.text(in: language))
      if !commune.isEmpty {
        for row in data.communes {
          print("")
          print(([row.name] + row.parents).joined(separator: ", "))
          for line in view.bars(for: row, in: data) { print(line) }
        }
      }
      // The weak areas of the communes shown first (all of them when few), at most five each.
      let shown = data.dimensions.map(\.code)
      for row in rows.prefix(commune.isEmpty ? 10 : rows.count) {
        let codes = row.weakCodes.filter { code in shown.contains { taxonomy.code(code, fallsUnder: $0) } }
        guard !codes.isEmpty else { continue }
        let names = codes.prefix(5).map { "\($0) \(taxonomy.entry(for: $0)?.name.text(in: language) ?? "")" }
        print(ReportMessage.weakList(row.name, names + (codes.count > 5 ? ["…"] : [])).text(in: language))
      }
      if !data.priorities.isEmpty {
        print("")
        print(data.labels.priorities)
        var table = [
          [data.labels.dimension, data.labels.provinceScore, data.labels.readiness, data.labels.urgency]
        ]
        for priority in data.priorities {
          let name = taxonomy.entry(for: priority.code)?.name.text(in: language) ?? ""
          table.append([
            "\(priority.code) \(name)", String(format: "%.2f", priority.provinceScore),
            priority.readiness.map { String(format: "%.1f", $0) } ?? data.labels.insufficient,
            String(Int((priority.urgency * 100).rounded())),
          ])
        }
        for line in tableLines(table) { print(line) }
      }
    }

    /// Communes in the order asked: by the mean of the shown dimensions' scores (communes with no
    /// score at all last), by name or by code.
    private func ordered(_ rows: [ReadinessSurvey.Commune], _ shown: [String]?) -> [ReadinessSurvey.Commune] {
      func mean(_ row: ReadinessSurvey.Commune) -> Double? {
        let scores = row.readiness.dimensions.filter { shown?.contains($0.code) ?? true }.compactMap(\.score)
        return scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
      }
      let sorted: [ReadinessSurvey.Commune]
      switch sort {
      case .name:
        sorted = rows.sorted {
          ($0.name.matchKey(foldingDiacritics: true), $0.code) < (
            $1.name.matchKey(foldingDiacritics: true), $1.code
          )
        }
      case .code: sorted = rows.sorted { $0.code < $1.code }
      case .weakest, .strongest:
        let sign = sort == .weakest ? 1.0 : -1.0
        sorted = rows.sorted { a, b in
          switch (mean(a), mean(b)) {
          case (let x?, let y?): return (sign * x, a.code) < (sign * y, b.code)
          case (.some, nil): return true
          case (nil, .some): return false
          case (nil, nil): return a.code < b.code
          }
        }
      }
      return limit.map { Array(sorted.prefix(max(0, $0))) } ?? sorted
    }
  }

  /// `papi-train report weak`: weak areas of an official, a commune or a class.
  struct Weak: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Nội dung yếu / weak areas of an official, a commune or a class, with what to study.")

    @OptionGroup var scope: GroupScopeOptions
    @OptionGroup var source: ReportSource

    func run() throws {
      try GroupReport(scope: scope, source: source).run(.weak)
    }
  }

  /// `papi-train report gain`: pre-test against post-test.
  struct Gain: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Tiến bộ trước/sau khoá học / learning gain, pre-test against post-test.")

    @OptionGroup var scope: GroupScopeOptions
    @OptionGroup var source: ReportSource

    func run() throws {
      try GroupReport(scope: scope, source: source).run(.gain)
    }
  }

  /// `papi-train report items`: Moodle's item statistics per quiz.
  struct Items: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Thống kê câu hỏi / item statistics per quiz (facility, discrimination, Cronbach's alpha).")

    @OptionGroup var scope: GroupScopeOptions
    @OptionGroup var source: ReportSource

    @Option(name: .long, help: "Chỉ bài kiểm tra này / only this quiz.")
    var quiz: String?

    func run() throws {
      try GroupReport(scope: scope, source: source, quiz: quiz).run(.items)
    }
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
    let loaded = CurriculumLoader().load(
      path: courses, cache: .default(environment: ProcessInfo.processInfo.environment))
    guard let library = loaded.library else {
      throw ReportMessage.coursesUnreadable(
        courses, loaded.errors.prefix(3).map { $0.formatted(in: .english) })
    }
    guard (0...1).contains(threshold) else { throw ReportMessage.badThreshold(threshold) }
    var selection = AnswerSelection()
    if let classID {
      guard let id = ClassID(classID) else { throw ReportMessage.badClass(classID) }
      selection.classID = id
    }
    selection.from = try from.map { try Self.day($0) }
    selection.until = try to.map { try Self.day($0).addingTimeInterval(86_400) }
    if let start = selection.from, let end = selection.until, start >= end {
      throw ReportMessage.emptyPeriod(from ?? "", to ?? "")
    }
    let reference = try asOf.map { try Self.day($0).addingTimeInterval(86_400) } ?? Date()
    // As of a past day, what was answered later does not exist yet.
    if asOf != nil { selection.until = min(selection.until ?? reference, reference) }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd"
    let generated = formatter.string(from: asOf == nil ? reference : reference.addingTimeInterval(-1))
    return ReportContext(
      index: QuestionIndex(library: library), selection: selection, reference: reference,
      threshold: threshold,
      generated: generated)
  }

  /// Midnight UTC at the start of an ISO calendar date.
  static func day(_ text: String) throws -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    guard text.count == 10, let date = formatter.date(from: text) else { throw ReportMessage.badDate(text) }
    return date
  }
}

/// What every report computes with.
struct ReportContext {
  var index: QuestionIndex
  var selection: AnswerSelection
  var reference: Date
  var threshold: Double
  /// The as-of date, for titles.
  var generated: String
}

/// `--commune CODE [--official NAME|ID]` or `--class ID`: whose answers a group report covers.
struct GroupScopeOptions: ParsableArguments {
  @Option(name: .long, help: "Xã (mã) / the commune's code.")
  var commune: String?

  @Option(name: .long, help: "Một cán bộ của xã (tên hoặc mã) / one official of the commune (name or id).")
  var official: String?

  @Flag(name: .long, help: "In JSON (papi-train.group/1) / print JSON.")
  var json = false
}

/// The three group reports share reading, computing and printing.
struct GroupReport {
  enum Kind { case weak, gain, items }

  var scope: GroupScopeOptions
  var source: ReportSource
  var quiz: String?

  func run(_ kind: Kind) throws {
    let language = source.languageOption.language
    try requireRole(.trainer, language: language)
    try reportingErrors(in: language) {
      let context = try source.context()
      let directory = source.resultsOption.directory
      let (reportScope, label) = try resolve(directory, language: language)
      let rule: MasteryRule = scope.official == nil ? .group : .official
      var selection = context.selection
      if let quiz {
        guard context.index.library.courses.contains(where: { $0.quiz(quiz) != nil }) else {
          throw ReportMessage.unknownQuiz(quiz)
        }
        selection.quizIDs = [quiz]
      }
      let answers = try GroupInsight.rows(of: reportScope, in: directory, selection: selection)
      let insight = GroupInsight(
        answers: answers, index: context.index, rule: rule, reference: context.reference,
        threshold: context.threshold)
      var names: [String: String] = [:]
      for (commune, _) in answers {
        for official in try directory.readOnlyStore(for: CommuneCode(commune))?.officials() ?? [] {
          names[official.id.uuidString] = official.name
        }
      }
      if scope.json {
        let document = ReportDocuments.Group(
          insight: insight, scope: label, officialNames: names, library: context.index.library, rule: rule,
          threshold: context.threshold, language: language, asOf: context.generated, generatedAt: Date())
        print(String(decoding: try ReportDocuments.encoder.encode(document), as: UTF8.self))
        return
      }
      print(label)
      print(
        ReportMessage.basis(answers: insight.facts.count, officials: insight.officials).text(in: language))
      if insight.unknownQuestions > 0 {
        print(ReportMessage.unknownQuestions(insight.unknownQuestions).text(in: language))
      }
      let printer = GroupReportPrinter(
        insight: insight, library: context.index.library, language: language, threshold: context.threshold,
        names: names)
      switch kind {
      case .weak: printer.printWeak()
      case .gain: printer.printGain()
      case .items: printer.printItems()
      }
    }
  }

  private func resolve(_ directory: ResultsDirectory, language: Language) throws -> (ReportScope, String) {
    if let classID = source.classID {
      guard let id = ClassID(classID) else { throw ReportMessage.badClass(classID) }
      if scope.commune == nil {
        return (.trainingClass(id), ReportMessage.scopeClass(classID).text(in: language))
      }
    }
    guard let communeText = scope.commune else { throw ReportMessage.noScope }
    let code = try CommuneCode(communeText)
    guard let store = try directory.readOnlyStore(for: code) else {
      throw ReportMessage.noResults(code.rawValue)
    }
    guard let officialText = scope.official else {
      return (.commune(code), ReportMessage.scopeCommune(code.rawValue).text(in: language))
    }
    let officials = try store.officials()
    if let id = OfficialID(officialText), let official = officials.first(where: { $0.id == id }) {
      return (
        .official(code, official.id),
        ReportMessage.scopeOfficial(official.name, code.rawValue).text(in: language)
      )
    }
    let matches = try store.officials(named: officialText)
    guard let official = matches.first else {
      throw ReportMessage.unknownOfficial(officialText, code.rawValue)
    }
    guard matches.count == 1 else {
      throw ReportMessage.ambiguousOfficial(officialText, matches.map { "\($0.name) (\($0.id.uuidString))" })
    }
    return (
      .official(code, official.id),
      ReportMessage.scopeOfficial(official.name, code.rawValue).text(in: language)
    )
  }
}

/// The class labels of a results folder: class id → "2026-09-12 Phong Thổ".
func classLabels(_ directory: ResultsDirectory) throws -> [String: String] {
  var labels: [String: String] = [:]
  for code in try directory.communeCodes() {
    guard let store = try? directory.readOnlyStore(for: code) else { continue }
    for trainingClass in (try? store.classes()) ?? [] {
      labels[trainingClass.id.uuidString] = "\(trainingClass.date) \(trainingClass.place)"
    }
  }
  return labels
}

/// Writes text to a file through a temporary file and a rename, so a reader never sees half of it.
func write(_ text: String, to path: String) throws {
  let url = URL(fileURLWithPath: path)
  do {
    try Data(text.utf8).write(to: url, options: .atomic)
  } catch {
    throw ReportMessage.cannotWrite(path, error.localizedDescription)
  }
}

extension ProvinceScores {
  /// Reads the CSV at `path`, with errors that name the file and line.
  static func read(path: String, taxonomy: Taxonomy) throws -> ProvinceScores {
    guard let data = FileManager.default.contents(atPath: path) else { throw ReportMessage.cannotRead(path) }
    guard let text = String(data: data, encoding: .utf8) else { throw ReportMessage.notUTF8(path) }
    do {
      return try ProvinceScores(parsing: text, path: path, taxonomy: taxonomy)
    } catch let error as ParseError {
      throw ReportMessage.provinceScores(error)
    }
  }
}

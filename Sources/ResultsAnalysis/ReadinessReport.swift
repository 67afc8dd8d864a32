import Curriculum
import Foundation
import Gradebook
import Insight
import Localization
import Reporting
import TerminalUI
import Toolkit
import Units
import VietnameseText

/// What `report readiness` is asked for, beyond the shared ``ReportRequest``.
public struct ReadinessRequest: Sendable {
  /// How communes are ordered.
  public enum Order: String, Sendable, CaseIterable {
    /// By the mean of the shown dimensions' scores, weakest or strongest first (communes with no
    /// score at all last).
    case weakest, strongest
    /// By name (diacritics folded), or by code.
    case name, code
  }

  /// Only communes under this province or district.
  public var within: String?
  /// Only these communes (each then gets its bar chart).
  public var communes: [String]
  /// Only these dimensions (`D5`, any case).
  public var dimensions: [String]
  public var order: Order
  /// Only the first communes.
  public var limit: Int?
  /// The province's published PAPI scores (CSV), for priorities.
  public var provinceScores: String?

  public init(
    within: String? = nil, communes: [String] = [], dimensions: [String] = [], order: Order = .weakest,
    limit: Int? = nil, provinceScores: String? = nil
  ) {
    self.within = within
    self.communes = communes
    self.dimensions = dimensions
    self.order = order
    self.limit = limit
    self.provinceScores = provinceScores
  }
}

/// The readiness report: every commune (of the scope asked) against every dimension (shown), in
/// the order asked, with priorities when the province's scores are given. The JSON document, the
/// dashboard and the terminal view are drawn from it.
public struct ReadinessReport: Sendable {
  public var request: ReadinessRequest
  public var context: ReportContext
  public var survey: ReadinessSurvey
  /// The communes shown, in order.
  public var rows: [ReadinessSurvey.Commune]
  /// The dimensions shown (nil: all).
  public var shownDimensions: [String]?
  public var priorities: [Priority]?
  public var title: String
  public var language: Language

  /// The units file for names: one named on purpose (`explicit`) must load; without one, the
  /// default file is used when it exists, else communes show their codes.
  public static func units(path: String, explicit: Bool) throws -> UnitHierarchy? {
    explicit || FileManager.default.fileExists(atPath: path) ? try UnitHierarchy.load(path: path) : nil
  }

  /// Every commune of the province (or of the unit `--in` names) taken together, whichever are
  /// shown: the province row, its averages and how many communes sent results.
  public var province: [ReadinessSurvey.Commune]
  /// The name of what ``province`` covers.
  public var provinceName: String
  /// The communes asked for by name or code (`--commune`).
  public var chosen: [CommuneCode]

  /// Reads the results folder and works the report out.
  public init(
    request: ReadinessRequest, context: ReportContext, directory: ResultsDirectory, units: UnitHierarchy?,
    cache: ScanCache?, usesStoredSums: Bool, language: Language
  ) throws {
    let listing = try Self.listing(for: request, context: context, units: units)
    let survey = try ReadinessSurvey.run(
      directory: directory, index: context.index, units: units, listing: listing,
      selection: context.selection, reference: context.reference, cache: cache, usesStoredSums: usesStoredSums
    )
    try self.init(request: request, context: context, survey: survey, units: units, language: language)
  }

  /// Checks `request` (its dimensions, communes and unit) and gives the communes of the units
  /// list the report lists whether or not they sent anything: the survey is made over them.
  public static func listing(for request: ReadinessRequest, context: ReportContext, units: UnitHierarchy?)
    throws -> [CommuneCode]
  {
    let taxonomy = context.index.library.taxonomy
    for code in request.dimensions
    where !taxonomy.dimensions.contains(where: { $0.code == code.uppercased() }) {
      throw ReportMessage.unknownDimension(code, known: taxonomy.dimensions.map(\.code))
    }
    let chosen = try request.communes.map { try CommuneChoice.resolve($0, units: units) }
    if let within = request.within, units?.unit(try UnitCode(within)) == nil {
      throw ReportMessage.unknownUnit(within)
    }
    return Scope(within: request.within, chosen: chosen, units: units).listing
  }

  /// Works the report out from a survey already made (over results files, or by the province
  /// server over its database) of at least the communes ``listing(for:context:units:)`` gives.
  public init(
    request: ReadinessRequest, context: ReportContext, survey: ReadinessSurvey, units: UnitHierarchy?,
    language: Language
  ) throws {
    let taxonomy = context.index.library.taxonomy
    _ = try Self.listing(for: request, context: context, units: units)
    let chosen = try request.communes.map { try CommuneChoice.resolve($0, units: units) }
    let place = try request.within.flatMap { units?.unit(try UnitCode($0))?.name }
    let scope = Scope(within: request.within, chosen: chosen, units: units)
    let province = survey.communes.filter(scope.contains)
    let shown = request.dimensions.isEmpty ? nil : request.dimensions.map { $0.uppercased() }
    let chosenCodes = Set(chosen.map(\.rawValue))
    let rows = Self.ordered(
      chosen.isEmpty ? province : province.filter { chosenCodes.contains($0.code) }, shown: shown,
      request: request)
    self.priorities = try request.provinceScores.map { path in
      let scores = try ProvinceScores.read(path: path, taxonomy: taxonomy)
      return rankPriorities(
        provinceScores: scores.scores, readiness: ReadinessSurvey.averages(of: province, taxonomy: taxonomy),
        scale: taxonomy.scale)
    }
    self.request = request
    self.context = context
    self.survey = survey
    self.language = language
    self.rows = rows
    self.province = province
    self.chosen = chosen
    provinceName = place ?? scope.name ?? ReportMessage.provinceRow.text(in: language)
    shownDimensions = shown
    title = ReportMessage.dashboardTitle(place: place).text(in: language)
  }

  /// Which communes the province row covers: those under `--in`, else the provinces of the
  /// communes asked for, else everything (every commune of the units list and every results file).
  struct Scope {
    var parents: Set<String>
    var chosen: Set<String>
    var listing: [CommuneCode]
    var name: String?

    init(within: String?, chosen: [CommuneCode], units: UnitHierarchy?) {
      self.chosen = Set(chosen.map(\.rawValue))
      if let within {
        parents = [within]
      } else {
        parents = Set(
          chosen.compactMap { code in
            units?.ancestors(of: code.unitCode).last { $0.level == .province }?.code.rawValue
          })
      }
      let scopes = parents
      listing = (units?.communes ?? []).filter { unit in
        scopes.isEmpty || !scopes.isDisjoint(with: units?.ancestors(of: unit.code).map(\.code.rawValue) ?? [])
      }.compactMap(\.communeCode)
      let named = parents.sorted().compactMap { code in
        (try? UnitCode(code)).flatMap { units?.unit($0)?.name }
      }
      if named.count == 1 {
        name = named[0]
      } else if parents.isEmpty, let provinces = units?.provinces, provinces.count == 1 {
        name = provinces[0].name
      } else {
        name = nil
      }
    }

    func contains(_ row: ReadinessSurvey.Commune) -> Bool {
      parents.isEmpty || chosen.contains(row.code) || !parents.isDisjoint(with: row.parentCodes)
    }
  }

  /// The communes whose results file could not be read, each as a message.
  public var failures: [ReportMessage] {
    survey.failures.map { .unreadable($0.communeCode, $0.reason) }
  }

  /// `papi-train.readiness/1`.
  public func json(generatedAt: Date = Date()) throws -> String {
    var document = ReportDocuments.Readiness(
      survey: survey, communes: rows, library: context.index.library, rule: .group,
      threshold: context.threshold, priorities: priorities, language: language, asOf: context.generated,
      generatedAt: generatedAt)
    document.add(
      province: DashboardData.province(
        province, name: provinceName, taxonomy: context.index.library.taxonomy),
      rows: rows)
    return try ReportDocuments.text(of: document)
  }

  /// Writes the dashboard (``dashboard(directory:cache:)``) to `path` through Toolkit's
  /// ``AtomicFile``; throws ``ReportMessage/cannotWrite(_:_:)`` when it cannot be written.
  public func writeDashboard(to path: String, directory: ResultsDirectory, cache: ScanCache?) throws {
    let page = try dashboard(directory: directory, cache: cache)
    do {
      try AtomicFile.write(Data(page.utf8), to: URL(fileURLWithPath: path))
    } catch {
      throw ReportMessage.cannotWrite(path, error.reason)
    }
  }

  /// The self-contained HTML dashboard, with monthly trends and, when the folder holds several
  /// classes, one point per class.
  public func dashboard(directory: ResultsDirectory, cache: ScanCache?) throws -> String {
    let scope = chosen.isEmpty ? nil : chosen
    var trends = try ReadinessSurvey.trend(
      directory: directory, index: context.index, communes: scope, selection: context.selection,
      grouping: .month, reference: context.reference, cache: cache
    ).map { (label: $0.group, mastery: $0.mastery) }
    let classes = try classLabels(directory)
    let months = trends.count
    if classes.count > 1 {
      trends += try ReadinessSurvey.trend(
        directory: directory, index: context.index, communes: scope, selection: context.selection,
        grouping: .trainingClass, reference: context.reference, cache: cache
      ).compactMap { point in classes[point.group].map { (label: $0, mastery: point.mastery) } }
        // Classes in date order: their labels start with the day.
        .sorted { $0.label < $1.label }
    }
    var data = data(trends: trends)
    for index in data.trends.indices where index >= months { data.trends[index].isClass = true }
    return DashboardRenderer().render(data)
  }

  /// The dashboard's data, without trends unless given: every figure the terminal view, the
  /// HTML dashboard and the province server's readiness page show, computed once here.
  public func data(trends: [(label: String, mastery: MasteryReport)] = []) -> DashboardData {
    let taxonomy = context.index.library.taxonomy
    var data = DashboardData(
      survey: survey, communes: rows, dimensions: shownDimensions, library: context.index.library,
      trends: trends, priorities: priorities ?? [], title: title, language: language,
      generated: context.generated)
    let summary = DashboardData.province(province, name: provinceName, taxonomy: taxonomy)
    data.province = summary
    data.bands = ScoreBands(scale: taxonomy.scale, weakShare: context.threshold)
    data.labels.legend = ReportMessage.legend(weakLine: data.bands.weakLine, threshold: context.threshold)
      .text(in: language)
    data.labels.collectionLine = collectionSummary(summary).text(in: language)
    data.labels.dataPeriod = ReportMessage.dataPeriod(
      first: summary.firstReceived, last: summary.lastReceived, officials: summary.trainedOfficials,
      roster: summary.rosterOfficials
    ).text(in: language)
    return data
  }

  /// "Trained: 2 of 38 communes; ..." for the province row.
  func collectionSummary(_ summary: DashboardData.Province) -> ReportMessage {
    .collectionSummary(
      trained: summary.trained, someResults: summary.someResults, noResults: summary.noResults,
      communes: summary.communes, officials: summary.trainedOfficials, roster: summary.rosterOfficials)
  }

  /// Communes in the order asked, cut to the limit.
  static func ordered(_ rows: [ReadinessSurvey.Commune], shown: [String]?, request: ReadinessRequest)
    -> [ReadinessSurvey.Commune]
  {
    func mean(_ row: ReadinessSurvey.Commune) -> Double? {
      let scores = row.readiness.dimensions.filter { shown?.contains($0.code) ?? true }.compactMap(\.score)
      return scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
    }
    // Each row's sort key is worked out once, not at every comparison.
    let sorted: [ReadinessSurvey.Commune]
    switch request.order {
    case .name:
      sorted = rows.map { (key: $0.name.matchKey(foldingDiacritics: true), row: $0) }
        .sorted { ($0.key, $0.row.code) < ($1.key, $1.row.code) }.map(\.row)
    case .code: sorted = rows.sorted { $0.code < $1.code }
    case .weakest, .strongest:
      let sign = request.order == .weakest ? 1.0 : -1.0
      sorted = rows.map { (mean: mean($0), row: $0) }.sorted { a, b in
        switch (a.mean, b.mean) {
        case (let x?, let y?): return (sign * x, a.row.code) < (sign * y, b.row.code)
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a.row.code < b.row.code
        }
      }.map(\.row)
    }
    return request.limit.map { Array(sorted.prefix(max(0, $0))) } ?? sorted
  }
}

extension ReadinessReport {
  /// The terminal view: title, the table coloured in bands by `style`, the legend, bar charts for
  /// the communes asked for, the weak areas of the first communes and the priorities.
  public func terminalLines(style: Style) -> [String] {
    let data = data()
    let view = TerminalReadiness(style: style)
    var lines = [data.title, ReportMessage.asOf(context.generated).text(in: language)]
    guard !rows.isEmpty else { return lines + [ReportMessage.noCommunes.text(in: language)] }
    let wrapper = TextWrapper(width: 80)
    lines += view.table(data)
    lines += wrapper.wrap(data.labels.collectionLine, firstPrefix: "", restPrefix: "  ")
    lines += view.legend(data)
    lines += wrapper.wrap(data.labels.legend, firstPrefix: "", restPrefix: "  ")
    if !request.communes.isEmpty {
      for row in data.communes {
        lines += ["", ([row.name] + row.parents).joined(separator: ", ")]
        lines += view.bars(for: row, in: data)
      }
      let communes = data.province?.scoredCommunes.values.max() ?? 0
      lines.append(ReportMessage.averageMark(communes: communes).text(in: language))
    }
    lines += weakLines(shown: data.dimensions.map(\.code)).flatMap {
      wrapper.wrap($0, firstPrefix: "", restPrefix: "    ")
    }
    if !data.priorities.isEmpty { lines += ["", data.labels.priorities] + priorityTable(data) }
    return lines
  }

  /// The weak areas of the communes shown first (all of them when asked for by code, else ten),
  /// at most five each.
  private func weakLines(shown: [String]) -> [String] {
    let taxonomy = context.index.library.taxonomy
    return rows.prefix(request.communes.isEmpty ? 10 : rows.count).compactMap { row in
      let codes = row.weakCodes.filter { code in shown.contains { taxonomy.code(code, fallsUnder: $0) } }
      guard !codes.isEmpty else { return nil }
      let names = codes.prefix(5).map { "\($0) \(taxonomy.entry(for: $0)?.name.text(in: language) ?? "")" }
      return ReportMessage.weakList(row.name, names + (codes.count > 5 ? ["…"] : [])).text(in: language)
    }
  }

  private func priorityTable(_ data: DashboardData) -> [String] {
    let taxonomy = context.index.library.taxonomy
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
    return TextTable(table).lines
  }
}

import Curriculum
import Foundation
import Insight
import Localization
import Reporting

extension DashboardData {
  /// The dashboard (and terminal table) of a survey: the communes as given (already filtered and
  /// sorted), names in `language`, and trends and priorities when computed.
  public init(
    survey: ReadinessSurvey, communes: [ReadinessSurvey.Commune], dimensions codes: [String]? = nil,
    library: CourseLibrary, trends: [(label: String, mastery: MasteryReport)] = [],
    priorities: [Priority] = [],
    title: String, language: Language, generated: String
  ) {
    let taxonomy = library.taxonomy
    let positions = Dictionary(
      library.positions.map { ($0.id, $0.name.text(in: language)) }, uniquingKeysWith: { first, _ in first })
    var lessonTitles: [String: String] = [:]
    for course in library.courses {
      for lesson in course.lessons { lessonTitles[lesson.id] = lesson.title.text(in: language) }
    }
    let shown = taxonomy.dimensions.filter { codes?.contains($0.code) ?? true }
    let name = { (code: String) in taxonomy.entry(for: code)?.name.text(in: language) ?? code }
    let scaled = { (mastery: Mastery) -> Double? in
      mastery.isInsufficient ? nil : mastery.estimate.map { Readiness.scaled($0, onto: taxonomy.scale) }
    }
    self.init(
      title: title, generated: generated, scale: taxonomy.scale,
      dimensions: shown.map { Dimension(code: $0.code, name: $0.name.text(in: language)) },
      communes: communes.map { row in
        var scores: [String: Double?] = [:]
        var coverage: [String: Double] = [:]
        var officials: [String: Int] = [:]
        for readiness in row.readiness.dimensions {
          scores[readiness.code] = readiness.score
          coverage[readiness.code] = readiness.coverage
          officials[readiness.code] = readiness.assessedOfficials
        }
        let weak = row.weakAreas.filter { area in
          shown.contains { taxonomy.code(area.code, fallsUnder: $0.code) }
        }
        .prefix(6)
        var commune = Commune(
          code: row.code, name: row.name, parents: row.parents, scores: scores, coverage: coverage,
          weakAreas: weak.map { "\($0.code) \(name($0.code))" },
          weakDetails: weak.map { area in
            let lessons = area.lessons.prefix(3).map { lessonTitles[$0] ?? $0 }.joined(separator: "; ")
            let who = area.positions.prefix(2).map { positions[$0] ?? $0 }.joined(separator: ", ")
            return
              (language == .vietnamese
              ? "Bài: \(lessons) · Phụ trách: \(who)" : "Lessons: \(lessons) · Responsible: \(who)")
          }, total: codes == nil ? row.readiness.total : nil)
        commune.status = row.status
        commune.lastReceived = row.lastReceived
        commune.trainedOfficials = row.facts.trainedOfficials
        commune.rosterOfficials = row.rosterOfficials
        commune.officials = officials
        return commune
      },
      trends: trends.map { point in
        TrendPoint(
          label: point.label,
          scores: Dictionary(
            uniqueKeysWithValues: shown.map { ($0.code, point.mastery.byCode[$0.code].flatMap(scaled)) }))
      },
      priorities: priorities.map {
        PriorityRow(
          code: $0.code, provinceScore: $0.provinceScore, readiness: $0.readiness, urgency: $0.urgency)
      },
      labels: .catalogue(language))
  }

  /// The province row of every commune of `province` (whichever are shown), named `name`.
  static func province(
    _ province: [ReadinessSurvey.Commune], name: String, taxonomy: Taxonomy, rule: MasteryRule = .group
  ) -> Province {
    let pooled = ReadinessSurvey.pooled(province, taxonomy: taxonomy, rule: rule)
    var scored: [String: Int] = [:]
    var intervals: [String: PooledScore] = [:]
    let scaled = { (share: Double) in Readiness.scaled(share, onto: taxonomy.scale) }
    for dimension in taxonomy.dimensions {
      scored[dimension.code] =
        province.filter { row in
          row.readiness.dimensions.contains { $0.code == dimension.code && $0.score != nil }
        }.count
      let mastery = pooled.byCode[dimension.code] ?? rule.mastery(of: .empty)
      intervals[dimension.code] = PooledScore(
        score: mastery.isInsufficient ? nil : mastery.estimate.map(scaled), lower: scaled(mastery.lower),
        upper: scaled(mastery.upper), officials: mastery.officials, answers: mastery.answers)
    }
    return Province(
      name: name, communes: province.count, trained: province.filter { $0.status == .trained }.count,
      someResults: province.filter { $0.status == .someResults }.count,
      averages: ReadinessSurvey.averages(of: province, taxonomy: taxonomy), scoredCommunes: scored,
      pooled: intervals, trainedOfficials: province.map(\.facts.trainedOfficials).reduce(0, +),
      rosterOfficials: province.map(\.rosterOfficials).reduce(0, +),
      lastReceived: province.compactMap(\.lastReceived).max(),
      firstReceived: province.compactMap(\.firstReceived).min())
  }
}

extension DashboardData.Labels {
  /// The dashboard's words in `language`, the new ones from ``ReportMessage``.
  static func catalogue(_ language: Language) -> Self {
    var labels: Self = language == .vietnamese ? .vietnamese : .english
    labels.bandNames = (0..<4).map { ReportMessage.band($0).text(in: language) }
    labels.statusNames = DashboardData.CollectionStatus.allCases.map {
      ReportMessage.status($0).text(in: language)
    }
    labels.trainedColumn = ReportMessage.trainedColumn.text(in: language)
    labels.lastColumn = ReportMessage.lastColumn.text(in: language)
    labels.statusColumn = ReportMessage.statusColumn.text(in: language)
    labels.summary = ReportMessage.summaryHeading.text(in: language)
    labels.interval = ReportMessage.intervalLabel.text(in: language)
    labels.officials = ReportMessage.officialsWord.text(in: language)
    labels.profileLegend = ReportMessage.profileLegend.text(in: language)
    labels.cellOfficials = ReportMessage.cellOfficials.text(in: language)
    return labels
  }
}

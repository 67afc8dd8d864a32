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
        for readiness in row.readiness.dimensions {
          scores[readiness.code] = readiness.score
          coverage[readiness.code] = readiness.coverage
        }
        let weak = row.weakAreas.filter { area in
          shown.contains { taxonomy.code(area.code, fallsUnder: $0.code) }
        }
        .prefix(6)
        return Commune(
          code: row.code, name: row.name, parents: row.parents, scores: scores, coverage: coverage,
          weakAreas: weak.map { "\($0.code) \(name($0.code))" },
          weakDetails: weak.map { area in
            let lessons = area.lessons.prefix(3).joined(separator: ", ")
            let who = area.positions.prefix(2).map { positions[$0] ?? $0 }.joined(separator: ", ")
            return
              (language == .vietnamese
              ? "Bài: \(lessons) · Phụ trách: \(who)" : "Lessons: \(lessons) · Responsible: \(who)")
          }, total: codes == nil ? row.readiness.total : nil)
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
      labels: language == .vietnamese ? .vietnamese : .english)
  }
}

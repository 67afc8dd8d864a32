import Curriculum
import Foundation
import Insight
import Localization
import Reporting
import Toolkit

/// The JSON that `papi-train report ... --json` prints, for scripts and other systems. Every
/// document names its schema and version (`papi-train.readiness/1`); a field is only ever added
/// within a version, never renamed or removed. docs/report-json.md describes each field. The
/// documents are written, never read back, so they are only `Encodable`.
public enum ReportDocuments {
  /// A mastery figure as JSON: never a bare percentage, always with its interval, the data it
  /// rests on and the verdict.
  public struct MasteryFigure: Encodable, Sendable, Hashable {
    /// The figure as computed; its fields are the document's (`estimate` left out when there
    /// are no answers, `effectiveAnswers` to two decimals).
    public var mastery: Mastery
    /// `weak`, `possibly-weak`, `adequate` or `insufficient-data`, against the report's threshold.
    public var verdict: Mastery.Verdict

    public init(_ mastery: Mastery, threshold: Double) {
      self.mastery = mastery
      verdict = mastery.verdict(threshold: threshold)
    }

    enum CodingKeys: String, CodingKey {
      case estimate, lower, upper, answers, officials, effectiveAnswers, verdict
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encodeIfPresent(mastery.estimate, forKey: .estimate)
      try container.encode(mastery.lower, forKey: .lower)
      try container.encode(mastery.upper, forKey: .upper)
      try container.encode(mastery.answers, forKey: .answers)
      try container.encode(mastery.officials, forKey: .officials)
      try container.encode((mastery.effectiveAnswers * 100).rounded() / 100, forKey: .effectiveAnswers)
      try container.encode(verdict.rawValue, forKey: .verdict)
    }
  }

  /// A mastery figure for a PAPI code or a knowledge area, named.
  public struct CodeFigure: Encodable, Sendable, Hashable {
    public var code: String
    public var name: String
    public var mastery: MasteryFigure
  }

  /// Every dimension and sub-dimension, then every knowledge area (codes `area:<id>`), of a report.
  static func figures(
    _ report: MasteryReport, library: CourseLibrary, language: Language, threshold: Double
  ) -> (codes: [CodeFigure], areas: [CodeFigure]) {
    let taxonomy = library.taxonomy
    let codes = taxonomy.allCodes.compactMap { code in
      report.byCode[code].map {
        CodeFigure(
          code: code, name: taxonomy.entry(for: code)?.name.text(in: language) ?? code,
          mastery: MasteryFigure($0, threshold: threshold))
      }
    }
    var titles: [String: String] = [:]
    for course in library.courses {
      for area in course.areas { titles[area.id] = area.title.text(in: language) }
    }
    let areas = report.byArea.keys.sorted().map { id in
      CodeFigure(
        code: "area:" + id, name: titles[id] ?? id,
        mastery: MasteryFigure(report.byArea[id]!, threshold: threshold))
    }
    return (codes, areas)
  }

  /// The rules the figures were computed with.
  public struct Rules: Encodable, Sendable, Hashable {
    public var halfLifeDays: Double
    public var minimumAnswers: Int
    public var minimumOfficials: Int
    public var weakThreshold: Double
    public var scale: [Double]
    public var readiness: String

    public init(rule: MasteryRule, threshold: Double, scale: ClosedRange<Double>) {
      halfLifeDays = rule.halfLifeDays
      minimumAnswers = rule.minimumAnswers
      minimumOfficials = rule.minimumOfficials
      weakThreshold = threshold
      self.scale = [scale.lowerBound, scale.upperBound]
      readiness = "score = \(scale.lowerBound) + \(scale.upperBound - scale.lowerBound) × mastery"
    }
  }

  public struct DimensionName: Encodable, Sendable, Hashable {
    public var code: String
    public var name: String
  }

  /// `papi-train report readiness --json`.
  public struct Readiness: Encodable, Sendable {
    public static let schema = "papi-train.readiness/1"

    public struct Cell: Encodable, Sendable, Hashable {
      public var code: String
      /// nil when the data are insufficient.
      public var score: Double?
      public var coverage: Double
      public var assessedOfficials: Int
      public var rosterOfficials: Int
      public var mastery: MasteryFigure
    }

    public struct Commune: Encodable, Sendable {
      public var code: String
      public var name: String
      public var parents: [String]
      public var total: Double?
      public var dimensions: [Cell]
      public var weakCodes: [String]
      /// `trained`, `some-results` or `no-results` (since 1.1).
      public var status: String?
      /// The day of the latest answer received, `null` when none (since 1.1).
      public var lastReceived: String?
      /// Officials with a finished attempt, and officials on the roster (since 1.1).
      public var trainedOfficials: Int?
      public var rosterOfficials: Int?
    }

    /// Every commune of the province (or of `--in`), whichever are shown (since 1.1).
    public struct Province: Encodable, Sendable {
      public struct Dimension: Encodable, Sendable, Hashable {
        public var code: String
        /// Mean score over the communes with one (`null`: none has).
        public var average: Double?
        /// Communes behind ``average``.
        public var communes: Int
        /// The province's answers pooled: score, its 95% interval, officials and answers.
        public var score: Double?
        public var lower: Double
        public var upper: Double
        public var officials: Int
        public var answers: Int
      }

      public var name: String
      public var communes: Int
      public var trained: Int
      public var someResults: Int
      public var noResults: Int
      public var trainedOfficials: Int
      public var rosterOfficials: Int
      public var lastReceived: String?
      public var dimensions: [Dimension]
    }

    public struct PriorityRow: Encodable, Sendable, Hashable {
      public var code: String
      public var provinceScore: Double
      public var readiness: Double?
      public var urgency: Double
    }

    public struct Failure: Encodable, Sendable, Hashable {
      public var commune: String
      public var error: String
    }

    public var schema = Self.schema
    public var generatedAt: Date
    /// The day recency weights are computed for, `2026-11-01`.
    public var asOf: String
    public var rules: Rules
    public var dimensions: [DimensionName]
    public var communes: [Commune]
    /// Dimension code → mean readiness over the communes with enough data.
    public var averages: [String: Double?]
    public var priorities: [PriorityRow]?
    public var failures: [Failure]
    /// Every commune shown pooled as one group: mastery per dimension, sub-dimension and area.
    public var pooled: [CodeFigure]
    /// Every commune of the province, shown or not (since 1.1).
    public var province: Province?

    /// Adds what 1.1 brings: each commune's status and the province.
    mutating func add(province summary: DashboardData.Province, rows: [ReadinessSurvey.Commune]) {
      for (index, row) in rows.enumerated() where index < communes.count {
        communes[index].status = row.status.rawValue
        communes[index].lastReceived = row.lastReceived
        communes[index].trainedOfficials = row.facts.trainedOfficials
        communes[index].rosterOfficials = row.rosterOfficials
      }
      province = Province(
        name: summary.name, communes: summary.communes, trained: summary.trained,
        someResults: summary.someResults, noResults: summary.noResults,
        trainedOfficials: summary.trainedOfficials, rosterOfficials: summary.rosterOfficials,
        lastReceived: summary.lastReceived,
        dimensions: dimensions.map { dimension in
          let pooled = summary.pooled[dimension.code]
          return Province.Dimension(
            code: dimension.code, average: summary.averages[dimension.code] ?? nil,
            communes: summary.scoredCommunes[dimension.code] ?? 0, score: pooled?.score,
            lower: pooled?.lower ?? 0, upper: pooled?.upper ?? 0, officials: pooled?.officials ?? 0,
            answers: pooled?.answers ?? 0)
        })
    }

    public init(
      survey: ReadinessSurvey, communes: [ReadinessSurvey.Commune], library: CourseLibrary, rule: MasteryRule,
      threshold: Double, priorities: [Priority]?, language: Language, asOf: String, generatedAt: Date
    ) {
      let taxonomy = library.taxonomy
      self.generatedAt = generatedAt
      self.asOf = asOf
      rules = Rules(rule: rule, threshold: threshold, scale: taxonomy.scale)
      let pooledFigures = ReportDocuments.figures(
        ReadinessSurvey.pooled(communes, taxonomy: taxonomy, rule: rule), library: library,
        language: language,
        threshold: threshold)
      pooled = pooledFigures.codes + pooledFigures.areas
      dimensions = taxonomy.dimensions.map { DimensionName(code: $0.code, name: $0.name.text(in: language)) }
      self.communes = communes.map { row in
        Commune(
          code: row.code, name: row.name, parents: row.parents, total: row.readiness.total,
          dimensions: row.readiness.dimensions.map {
            Cell(
              code: $0.code, score: $0.score, coverage: $0.coverage, assessedOfficials: $0.assessedOfficials,
              rosterOfficials: $0.rosterOfficials, mastery: MasteryFigure($0.mastery, threshold: threshold))
          }, weakCodes: row.weakCodes)
      }
      averages = ReadinessSurvey.averages(of: communes, taxonomy: taxonomy)
      self.priorities = priorities?.map {
        PriorityRow(
          code: $0.code, provinceScore: $0.provinceScore, readiness: $0.readiness, urgency: $0.urgency)
      }
      failures = survey.failures.map { Failure(commune: $0.communeCode, error: $0.reason.text(in: .english)) }
    }
  }

  /// `papi-train report weak|gain|items --json`: one group's insight.
  public struct Group: Encodable, Sendable {
    public static let schema = "papi-train.group/1"

    public struct Weak: Encodable, Sendable, Hashable {
      public var code: String
      public var name: String
      public var mastery: MasteryFigure
      public var lessons: [String]
      public var questionsToReview: [QuestionID]
      public var positions: [String]
    }

    public struct Gain: Encodable, Sendable, Hashable {
      public var official: String
      public var course: String
      public var pre: Double
      public var post: Double
      public var normalized: Double?
    }

    public struct ItemRow: Encodable, Sendable, Hashable {
      public var question: QuestionID
      public var attempts: Int
      public var facility: Double
      public var standardDeviation: Double
      public var discriminationIndex: Double?
      public var discriminativeEfficiency: Double?
      public var flags: [String]
    }

    public struct Quiz: Encodable, Sendable, Hashable {
      public var quiz: String
      public var attempts: Int
      public var alpha: Double?
      public var errorRatio: Double?
      public var standardError: Double?
      public var items: [ItemRow]
    }

    public var schema = Self.schema
    public var generatedAt: Date
    public var asOf: String
    public var scope: String
    public var rules: Rules
    public var officials: Int
    public var answers: Int
    public var unknownQuestions: Int
    public var mastery: [CodeFigure]
    /// Mastery per knowledge area (codes `area:<id>`).
    public var areas: [CodeFigure]
    public var weakAreas: [Weak]
    public var gains: [Gain]
    public var meanGain: Gain?
    public var quizzes: [Quiz]

    public init(
      insight: GroupInsight, scope: String, officialNames: [String: String], library: CourseLibrary,
      rule: MasteryRule, threshold: Double, language: Language, asOf: String, generatedAt: Date
    ) {
      let taxonomy = library.taxonomy
      let name = { (code: String) in taxonomy.entry(for: code)?.name.text(in: language) ?? code }
      self.generatedAt = generatedAt
      self.asOf = asOf
      self.scope = scope
      rules = Rules(rule: rule, threshold: threshold, scale: taxonomy.scale)
      officials = insight.officials
      answers = insight.facts.count
      unknownQuestions = insight.unknownQuestions
      (mastery, areas) = ReportDocuments.figures(
        insight.mastery, library: library, language: language, threshold: threshold)
      weakAreas = insight.weakAreas.map {
        Weak(
          code: $0.code, name: name($0.code), mastery: .init($0.mastery, threshold: threshold),
          lessons: $0.lessons,
          questionsToReview: $0.questionsToReview, positions: $0.positions)
      }
      gains = insight.gains.map {
        Gain(
          official: officialNames[$0.officialID] ?? $0.officialID, course: $0.courseID, pre: $0.gain.pre,
          post: $0.gain.post, normalized: $0.gain.normalized)
      }
      meanGain = insight.meanGain.map {
        Gain(official: "", course: "", pre: $0.pre, post: $0.post, normalized: $0.normalized)
      }
      quizzes = insight.items.keys.sorted().map { quiz in
        let analysis = insight.items[quiz]!
        return Quiz(
          quiz: quiz, attempts: analysis.attempts, alpha: analysis.alpha, errorRatio: analysis.errorRatio,
          standardError: analysis.standardError,
          items: analysis.items.map {
            ItemRow(
              question: $0.questionID, attempts: $0.attempts, facility: $0.facility,
              standardDeviation: $0.standardDeviation, discriminationIndex: $0.discriminationIndex,
              discriminativeEfficiency: $0.discriminativeEfficiency, flags: $0.flags.map(\.rawValue))
          })
      }
    }
  }

  /// The text of `document`: what ``encoder`` writes (sorted keys, ISO 8601 dates,
  /// pretty-printed), written by Toolkit's ``PrettyJSON`` in a fraction of the time (a province's
  /// readiness is a thousand communes).
  public static func text(of document: some Encodable) throws -> String {
    try PrettyJSON.string(document)
  }

  /// The encoder every document is written with: sorted keys, ISO 8601 dates, pretty-printed.
  public static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
  }
}

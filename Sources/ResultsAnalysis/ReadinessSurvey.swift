import Curriculum
import Foundation
import Gradebook
import Insight
import Localization
import Reporting
import Toolkit
import Units

/// Readiness of every commune in a results folder, on every dimension, for leaders.
///
/// The answers are never loaded: each commune's file is reduced inside SQLite to recency-weighted
/// sums per official and PAPI code (``WeightedAnswerScan``), and each commune's sums to its
/// ``CommuneReadiness`` at once, so memory grows with the number of communes, not of answers.
public struct ReadinessSurvey: Sendable {
  /// One commune's row.
  public struct Commune: Sendable, Hashable {
    public var code: String
    /// The commune's name from the administrative units, or its code when not listed.
    public var name: String
    /// District (if any) and province names, nearest first.
    public var parents: [String]
    /// The codes of the units above it, nearest first.
    public var parentCodes: [String]
    public var readiness: CommuneReadiness
    /// Mastery on every dimension and sub-dimension, and every knowledge area.
    public var mastery: MasteryReport
    /// The sums behind it, to pool communes.
    public var tallies: CodeTallies
    /// Dimensions and sub-dimensions that are weak or possibly weak, weakest first, with the
    /// lessons that teach them and the positions responsible (no per-question list: the survey
    /// never reads single answers).
    public var weakAreas: [WeakArea]
    /// The codes of ``weakAreas``.
    public var weakCodes: [String] { weakAreas.map(\.code) }
    /// Officials on the roster.
    public var rosterOfficials: Int = 0
    /// The latest answer in the file and the officials with a finished attempt.
    public var facts = WeightedAnswerScan.FileFacts()

    /// No answer counted (no file, an empty file, or none in the period); enough answers for a
    /// score on at least one dimension (trained); or some answers, too few for any score.
    public var status: DashboardData.CollectionStatus {
      if readiness.dimensions.allSatisfy({ $0.mastery.answers == 0 }) { return .noResults }
      return readiness.dimensions.contains { $0.score != nil } ? .trained : .someResults
    }

    /// The day of the latest answer received, `2026-10-15` (UTC).
    public var lastReceived: String? { facts.lastAnswer.map { Day($0).description } }
    /// The day of the earliest answer received (UTC).
    public var firstReceived: String? { facts.firstAnswer.map { Day($0).description } }
  }

  /// A results file that could not be read, and why.
  public struct Failure: Sendable {
    public var communeCode: String
    public var error: any Error

    /// Why, in both languages: the error's own text (it names the file), when it has one.
    public var reason: LocalizedText {
      guard let message = error as? any LocalizedMessage else { return LocalizedText(vi: "\(error)") }
      return LocalizedText(vi: message.text(in: .vietnamese), en: message.text(in: .english))
    }
  }

  public var communes: [Commune]
  public var failures: [Failure]
  /// Every dimension's mean readiness over the communes with enough data (nil where none has).
  public var averages: [String: Double?]
  /// Mastery of all the answers read, pooled (the "province" as one group).
  public var pooled: MasteryReport
  public var reference: Date

  /// Surveys the communes of `directory` (or only `communes`).
  ///
  /// A file's sums come from the `cache` when the file is unchanged since they were stored there,
  /// else from the sums the file keeps as answers are stored (unless `usesStoredSums` is false,
  /// or the selection needs single answers), else from reading every answer.
  public static func run(
    directory: ResultsDirectory, index: QuestionIndex, units: UnitHierarchy?, communes: [CommuneCode]? = nil,
    listing: [CommuneCode] = [], selection: AnswerSelection = .all, reference: Date,
    rule: MasteryRule = .group,
    threshold: Double = 0.7, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    cache: ScanCache? = nil, usesStoredSums: Bool = true
  ) throws -> ReadinessSurvey {
    let scan = WeightedAnswerScan(
      keysByQuestion: index.scanKeys, halfLifeDays: rule.halfLifeDays, selection: selection,
      grouping: .commune, usesStoredSums: usesStoredSums)
    let results = try scan.map(directory, communes: communes, workers: workers, cache: cache) { $0 }
    var sums: [WeightedAnswerScan.CommuneSums] = []
    var failures: [Failure] = []
    for (code, result) in results {
      switch result {
      case .failure(let error): failures.append(Failure(communeCode: code.rawValue, error: error))
      case .success(let commune): sums.append(commune)
      }
    }
    // A commune whose file could not be read is said as such, not listed as having sent nothing.
    let unread = Set(failures.map(\.communeCode))
    var survey = ReadinessSurvey(
      sums: sums, index: index, units: units, listing: listing.filter { !unread.contains($0.rawValue) },
      reference: reference, rule: rule,
      threshold: threshold)
    survey.failures = failures
    return survey
  }

  /// Every dimension's mean readiness over those of `communes` with enough data on it (nil where
  /// none has): the "province average" a commune's profile is drawn against.
  public static func averages(of communes: [Commune], taxonomy: Taxonomy) -> [String: Double?] {
    var averages: [String: Double?] = [:]
    for dimension in taxonomy.dimensions {
      let scores = communes.compactMap { row in
        row.readiness.dimensions.first { $0.code == dimension.code }?.score
      }
      averages[dimension.code] = scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
    }
    return averages
  }

  /// Mastery of `communes` pooled as one group (a district, a province).
  public static func pooled(_ communes: [Commune], taxonomy: Taxonomy, rule: MasteryRule = .group)
    -> MasteryReport
  {
    MasteryReport(tallies: communes.map(\.tallies).reduce(CodeTallies(), +), taxonomy: taxonomy, rule: rule)
  }

  /// Readiness of all the communes together per group of a second scan: per month or per training
  /// class, for trends. Each point pools the answers of its period (or class).
  public static func trend(
    directory: ResultsDirectory, index: QuestionIndex, communes: [CommuneCode]? = nil,
    selection: AnswerSelection = .all, grouping: WeightedAnswerScan.Grouping, reference: Date,
    rule: MasteryRule = .group, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    cache: ScanCache? = nil
  ) throws -> [(group: String, mastery: MasteryReport)] {
    let taxonomy = index.library.taxonomy
    let scan = WeightedAnswerScan(
      keysByQuestion: index.scanKeys, halfLifeDays: rule.halfLifeDays, selection: selection,
      grouping: grouping)
    let results = try scan.map(directory, communes: communes, workers: workers, cache: cache) { sums in
      Dictionary(grouping: sums.sums, by: \.group).mapValues {
        QuestionIndex.tallies($0, at: reference, halfLifeDays: rule.halfLifeDays)
      }
    }
    var byGroup: [String: CodeTallies] = [:]
    for case (_, .success(let groups)) in results {
      byGroup.merge(groups, uniquingKeysWith: +)
    }
    return byGroup.sorted { $0.key < $1.key }.map {
      ($0.key, MasteryReport(tallies: $0.value, taxonomy: taxonomy, rule: rule))
    }
  }
}

extension ReadinessSurvey {
  /// The survey of communes whose sums were computed elsewhere (by ``WeightedAnswerScan`` over
  /// results files, or by the province server's SQL over the same answers): each commune's sums
  /// become its readiness, mastery and weak areas, seen from `reference`. The communes of
  /// `listing` without sums are listed with nothing received.
  public init(
    sums: [WeightedAnswerScan.CommuneSums], index: QuestionIndex, units: UnitHierarchy?,
    listing: [CommuneCode] = [], reference: Date, rule: MasteryRule = .group, threshold: Double = 0.7
  ) {
    let taxonomy = index.library.taxonomy
    let guide = StudyGuide(library: index.library)
    var rows: [Commune] = []
    var pooled = CodeTallies()
    for commune in sums {
      let code = commune.communeCode
      let tallies = QuestionIndex.tallies(commune.sums, at: reference, halfLifeDays: rule.halfLifeDays)
      let readiness = CommuneReadiness(
        communeCode: code.rawValue, tallies: tallies, rosterSize: commune.rosterSize, taxonomy: taxonomy,
        rule: rule)
      pooled += tallies
      let mastery = MasteryReport(tallies: tallies, taxonomy: taxonomy, rule: rule)
      let weak = Insight.weakAreas(
        in: mastery, facts: [], guide: guide, taxonomy: taxonomy, threshold: threshold)
      let ancestors = units?.ancestors(of: code.unitCode) ?? []
      rows.append(
        Commune(
          code: code.rawValue, name: units?.unit(code)?.name ?? code.rawValue, parents: ancestors.map(\.name),
          parentCodes: ancestors.map(\.code.rawValue), readiness: readiness, mastery: mastery,
          tallies: tallies,
          weakAreas: weak, rosterOfficials: commune.rosterSize, facts: commune.facts))
    }
    // The communes listed without sums: in the report, with nothing received.
    let read = Set(sums.map(\.communeCode))
    for code in listing where !read.contains(code) {
      let ancestors = units?.ancestors(of: code.unitCode) ?? []
      rows.append(
        Commune(
          code: code.rawValue, name: units?.unit(code)?.name ?? code.rawValue, parents: ancestors.map(\.name),
          parentCodes: ancestors.map(\.code.rawValue),
          readiness: CommuneReadiness(
            communeCode: code.rawValue, tallies: CodeTallies(), rosterSize: 0, taxonomy: taxonomy, rule: rule),
          mastery: MasteryReport(tallies: CodeTallies(), taxonomy: taxonomy, rule: rule),
          tallies: CodeTallies(),
          weakAreas: []))
    }
    rows.sort { $0.code < $1.code }
    self.init(
      communes: rows, failures: [], averages: Self.averages(of: rows, taxonomy: taxonomy),
      pooled: MasteryReport(tallies: pooled, taxonomy: taxonomy, rule: rule), reference: reference)
  }
}

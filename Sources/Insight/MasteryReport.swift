import Curriculum
import Foundation

/// The tallies of one group of answers (an official, a commune, a class, a province): per PAPI
/// code, an answer counting once for each code its question serves and once for each of their
/// dimensions, and per knowledge area.
public struct CodeTallies: Sendable, Hashable {
  public var byCode: [String: MasteryTally]
  public var byArea: [String: MasteryTally]

  public init(byCode: [String: MasteryTally] = [:], byArea: [String: MasteryTally] = [:]) {
    self.byCode = byCode
    self.byArea = byArea
  }

  /// The tallies of one official's answers (`officials` is 1 wherever there are answers).
  public init(officialFacts facts: [AnswerFact], taxonomy: Taxonomy, rule: MasteryRule, at reference: Date) {
    var byCode: [String: MasteryTally] = [:]
    var byArea: [String: MasteryTally] = [:]
    for fact in facts {
      let weight = rule.weight(of: fact.answeredAt, at: reference)
      for code in taxonomy.countedCodes(for: fact.papiCodes) {
        byCode[code, default: MasteryTally(officials: 1)].add(weight: weight, score: fact.score)
      }
      byArea[fact.area, default: MasteryTally(officials: 1)].add(weight: weight, score: fact.score)
    }
    self.init(byCode: byCode, byArea: byArea)
  }

  /// Per-official tallies of `facts`, keyed by official id.
  public static func perOfficial(
    _ facts: [AnswerFact], taxonomy: Taxonomy, rule: MasteryRule, at reference: Date
  ) -> [String: CodeTallies] {
    Dictionary(grouping: facts, by: \.officialID).mapValues {
      CodeTallies(officialFacts: $0, taxonomy: taxonomy, rule: rule, at: reference)
    }
  }

  /// The tallies of two groups with different officials.
  public static func + (lhs: CodeTallies, rhs: CodeTallies) -> CodeTallies {
    CodeTallies(
      byCode: lhs.byCode.merging(rhs.byCode, uniquingKeysWith: +),
      byArea: lhs.byArea.merging(rhs.byArea, uniquingKeysWith: +))
  }

  public static func += (lhs: inout CodeTallies, rhs: CodeTallies) { lhs = lhs + rhs }
}

extension Taxonomy {
  /// The codes an answer to a question tagged `tags` counts for: each known tag and its
  /// dimension, once each. Unknown tags count for nothing (lint reports them).
  public func countedCodes(for tags: [String]) -> Set<String> {
    var codes = Set<String>()
    for tag in tags {
      guard let entry = entry(for: tag) else { continue }
      codes.insert(tag)
      codes.insert(entry.dimension.code)
    }
    return codes
  }

  /// Every dimension and sub-dimension code, in taxonomy order.
  public var allCodes: [String] { dimensions.flatMap { [$0.code] + $0.subdimensions.map(\.code) } }
}

/// Mastery of one group of answers (an official, a commune, a class, a province) for every PAPI
/// dimension and sub-dimension, and for every knowledge area.
public struct MasteryReport: Sendable, Hashable {
  public var byCode: [String: Mastery]
  public var byArea: [String: Mastery]

  /// Mastery from the group's tallies; every code of the taxonomy gets an entry (insufficient
  /// data where nobody answered).
  public init(tallies: CodeTallies, taxonomy: Taxonomy, rule: MasteryRule) {
    var byCode: [String: Mastery] = [:]
    for code in taxonomy.allCodes { byCode[code] = rule.mastery(of: tallies.byCode[code] ?? .empty) }
    self.byCode = byCode
    self.byArea = tallies.byArea.mapValues { rule.mastery(of: $0) }
  }

  /// Groups `facts` by the codes they serve: an answer to a question tagged with a sub-dimension
  /// counts for it and for its dimension, once each.
  public init(facts: [AnswerFact], taxonomy: Taxonomy, rule: MasteryRule, at reference: Date) {
    // Officials in id order: sums in a fixed order give the same figures on every run.
    let tallies = CodeTallies.perOfficial(facts, taxonomy: taxonomy, rule: rule, at: reference)
      .sorted { $0.key < $1.key }.map(\.value).reduce(CodeTallies(), +)
    self.init(tallies: tallies, taxonomy: taxonomy, rule: rule)
  }
}

/// Readiness of a commune on one dimension, on PAPI's own scale.
public struct Readiness: Sendable, Hashable {
  public var code: String
  /// 1 + 9 × mastery, so 0% mastery is 1 and 100% is 10, like a PAPI dimension score (nil when
  /// the data are insufficient).
  public var score: Double?
  public var mastery: Mastery
  /// Officials of the commune assessed on this dimension, and officials on its roster.
  public var assessedOfficials: Int
  public var rosterOfficials: Int

  /// The share of the roster assessed on this dimension, 0 to 1.
  public var coverage: Double {
    rosterOfficials == 0 ? 0 : Double(assessedOfficials) / Double(rosterOfficials)
  }

  /// The rule that maps mastery onto the taxonomy's scale (1-10 for PAPI).
  public static func scaled(_ mastery: Double, onto scale: ClosedRange<Double>) -> Double {
    scale.lowerBound + (scale.upperBound - scale.lowerBound) * min(max(mastery, 0), 1)
  }
}

/// A commune's readiness on every dimension, and the total (8-80 for PAPI's eight dimensions).
public struct CommuneReadiness: Sendable, Hashable {
  public var communeCode: String
  public var dimensions: [Readiness]

  /// Readiness from the tallies of the commune's answers: a dimension's tally counts the
  /// distinct officials who answered on it, which is its coverage.
  public init(
    communeCode: String, tallies: CodeTallies, rosterSize: Int, taxonomy: Taxonomy, rule: MasteryRule = .group
  ) {
    self.communeCode = communeCode
    let report = MasteryReport(tallies: tallies, taxonomy: taxonomy, rule: rule)
    dimensions = taxonomy.dimensions.map { dimension in
      let mastery = report.byCode[dimension.code]!
      let assessed = tallies.byCode[dimension.code]?.officials ?? 0
      let score =
        mastery.isInsufficient ? nil : mastery.estimate.map { Readiness.scaled($0, onto: taxonomy.scale) }
      return Readiness(
        code: dimension.code, score: score, mastery: mastery, assessedOfficials: assessed,
        rosterOfficials: max(rosterSize, assessed))
    }
  }

  /// Readiness from the tallies of each official of the commune who answered anything.
  public init(
    communeCode: String, officials: [CodeTallies], rosterSize: Int, taxonomy: Taxonomy,
    rule: MasteryRule = .group
  ) {
    self.init(
      communeCode: communeCode, tallies: officials.reduce(CodeTallies(), +), rosterSize: rosterSize,
      taxonomy: taxonomy, rule: rule)
  }

  public init(
    communeCode: String, facts: [AnswerFact], rosterSize: Int, taxonomy: Taxonomy, rule: MasteryRule = .group,
    at reference: Date
  ) {
    self.init(
      communeCode: communeCode,
      officials: CodeTallies.perOfficial(facts, taxonomy: taxonomy, rule: rule, at: reference)
        .sorted { $0.key < $1.key }.map(\.value),
      rosterSize: rosterSize, taxonomy: taxonomy, rule: rule)
  }

  /// The sum over dimensions, or nil while any dimension lacks data (a partial total would
  /// mislead a comparison with the province's PAPI total).
  public var total: Double? {
    var sum = 0.0
    for readiness in dimensions {
      guard let score = readiness.score else { return nil }
      sum += score
    }
    return sum
  }
}

import Curriculum
import Foundation

/// Mastery of one group of answers (an official, a commune, a class, a province) for every PAPI
/// dimension and sub-dimension, and for every knowledge area.
public struct MasteryReport: Sendable, Hashable {
  public var byCode: [String: Mastery]
  public var byArea: [String: Mastery]

  /// Groups `facts` by the codes they serve: an answer to a question tagged with a sub-dimension
  /// counts for it and for its dimension, once each.
  public init(facts: [AnswerFact], taxonomy: Taxonomy, rule: MasteryRule, at reference: Date) {
    var perCode: [String: [AnswerFact]] = [:]
    for fact in facts {
      var codes = Set<String>()
      for code in fact.papiCodes {
        guard let entry = taxonomy.entry(for: code) else { continue }
        codes.insert(code)
        codes.insert(entry.dimension.code)
      }
      for code in codes { perCode[code, default: []].append(fact) }
    }
    var byCode: [String: Mastery] = [:]
    for dimension in taxonomy.dimensions {
      for code in [dimension.code] + dimension.subdimensions.map(\.code) {
        byCode[code] = rule.mastery(of: perCode[code] ?? [], at: reference)
      }
    }
    self.byCode = byCode
    self.byArea = Dictionary(grouping: facts, by: \.area).mapValues { rule.mastery(of: $0, at: reference) }
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

  public init(
    communeCode: String, facts: [AnswerFact], rosterSize: Int, taxonomy: Taxonomy, rule: MasteryRule = .group,
    at reference: Date
  ) {
    self.communeCode = communeCode
    let report = MasteryReport(facts: facts, taxonomy: taxonomy, rule: rule, at: reference)
    dimensions = taxonomy.dimensions.map { dimension in
      let mastery = report.byCode[dimension.code]!
      let assessed = Set(
        facts.filter { fact in fact.papiCodes.contains { taxonomy.code($0, fallsUnder: dimension.code) } }
          .map(\.officialID)
      ).count
      let score =
        mastery.isInsufficient ? nil : mastery.estimate.map { Readiness.scaled($0, onto: taxonomy.scale) }
      return Readiness(
        code: dimension.code, score: score, mastery: mastery, assessedOfficials: assessed,
        rosterOfficials: max(rosterSize, assessed))
    }
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

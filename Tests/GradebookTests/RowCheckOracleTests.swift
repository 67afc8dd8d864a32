import Assessment
import Foundation
import GRDB
import Testing

@testable import Gradebook

/// The SQL face of `ResultsRules` (CSQLiteGuard's `papi_uuid`, `papi_timestamp`, `papi_day`, on
/// every row of a file from outside) says of every value what the Swift face (`accepts(_:)`) says:
/// thousands of seeded values near the edges (leap days, 23:59, lower-case hex, a space or a dash
/// where a hex digit belongs, a byte too many, another type) checked both ways. (It found that
/// the Swift face took Foundation's `UUID(uuidString:)`, which reads `"…-2549edd 9a36"` and
/// `"efa1de8c--55e-…"` as UUIDs.)
@Suite struct RowCheckOracleTests {
  static let rules: [ColumnRule] = [
    .uuid, .day, .timestamp(earliest: "2000-01-01", latest: "2199-12-31"),
    .timestamp(earliest: "2024-02-29", latest: "2024-03-01"),
  ]

  /// A value near what each rule accepts, or not.
  static func value(_ generator: inout SeededGenerator) -> DatabaseValue {
    func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &generator)] }
    switch Int.random(in: 0..<10, using: &generator) {
    case 0: return pick([42.databaseValue, 3.5.databaseValue, Data("2024-02-29".utf8).databaseValue])
    case 1, 2:
      var text = Array(UUID().uuidString)
      if Bool.random(using: &generator) { text = Array(String(text).lowercased()) }
      if Bool.random(using: &generator) {
        text[Int.random(in: 0..<text.count, using: &generator)] = pick(["g", "-", "0", "é", " ", "F", "a"])
      }
      if Int.random(in: 0..<8, using: &generator) == 0 { text.append("0") }
      return String(text).databaseValue
    default:
      let year = pick(["1999", "2000", "1900", "2024", "2023", "2100", "2199", "2200", "0000", "20x4"])
      let month = pick(["01", "02", "03", "04", "12", "13", "00", "2"])
      let day = pick(["01", "28", "29", "30", "31", "32", "00"])
      let time = pick([
        "", " 00:00:00", " 23:59:59", " 24:00:00", " 19:60:00", " 12:30:45.123", " 12:30:45.12", "T12:30:45",
        " 12:30:45.1234", " 09:05:07.000", " 9:05:07",
      ])
      return "\(year)-\(month)-\(day)\(time)".databaseValue
    }
  }

  @Test func theSQLFaceOfEveryRuleAgreesWithTheSwiftFace() throws {
    let queue = try DatabaseQueue(configuration: UntrustedResultsFile.configuration(readonly: false))
    var generator = SeededGenerator(seed: 31)
    var accepted = 0
    try queue.read { db in
      for _ in 0..<4_000 {
        let value = Self.value(&generator)
        for rule in Self.rules {
          let sql = try rule.sqlAccepts(value, in: db)
          #expect(sql == rule.accepts(value), "\(rule) \(value)")
          if rule.accepts(value) { accepted += 1 }
        }
      }
    }
    // Both answers are common: the values are near the edges, not all on one side.
    #expect(accepted > 400 && accepted < 12_000, "\(accepted)")
  }
}

extension ColumnRule {
  /// The verdict of the rule's SQL face on `value` in `db`: its violation, negated.
  func sqlAccepts(_ value: some DatabaseValueConvertible, in db: Database) throws -> Bool? {
    try Bool.fetchOne(db, sql: "SELECT NOT (\(sqlViolation(":v")))", arguments: ["v": value])
  }
}

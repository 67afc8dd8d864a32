import Foundation
internal import GRDB
import VietnameseText

extension CommuneStore {
  /// Adds the rows' officials in one transaction. A row whose name (case and spacing ignored)
  /// and position match an official already on the roster is not added again, so importing the
  /// same file twice adds nothing the second time. Rows without a name, or whose position does
  /// not map, are reported and skipped.
  public func importRoster(
    _ rows: [RosterRow], positions: PositionMatcher, at date: Date = Date()
  ) throws -> RosterImportReport {
    try write { db in
      var report = RosterImportReport()
      var present = Set(
        try Row.fetchAll(db, sql: "SELECT name, position FROM officials").map { row in
          Self.rosterKey(row["name"], row["position"])
        })
      for row in rows {
        guard !row.name.isEmpty else {
          report.skipped.append((row, .emptyName))
          continue
        }
        let position: String
        switch row.position.isEmpty ? .none : positions.match(row.position) {
        case .position(let id): position = id
        case .ambiguous(let ids):
          report.skipped.append((row, .ambiguousPosition(row.position, candidates: ids)))
          continue
        case .none:
          report.skipped.append((row, row.position.isEmpty ? .emptyPosition : .unknownPosition(row.position)))
          continue
        }
        let key = Self.rosterKey(row.name, position)
        if present.contains(key) {
          report.alreadyPresent.append(row)
          continue
        }
        let official = Official(
          id: OfficialID(), name: Self.clean(row.name), position: position, communeCode: communeCode,
          createdAt: date)
        try Self.insert(official, into: db)
        present.insert(key)
        report.added.append(official)
      }
      return report
    }
  }

  static func rosterKey(_ name: String, _ position: String) -> String {
    name.matchKey(foldingDiacritics: false) + "\u{1F}" + position
  }
}

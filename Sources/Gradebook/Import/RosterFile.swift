import Foundation
import Toolkit
import Units

/// One row of a roster file, as read.
public struct RosterRow: Sendable, Hashable {
  /// The row's line in the file (1-based), as a spreadsheet numbers it.
  public var line: Int
  /// The "Họ và tên" cell, in NFC with spaces collapsed.
  public var name: String
  /// The "Chức vụ" cell, as written.
  public var position: String
}

/// Why a roster row was not imported.
public enum RosterRowProblem: Sendable, Hashable {
  case emptyName
  case emptyPosition
  case unknownPosition(String)
  case ambiguousPosition(String, candidates: [String])
}

/// What importing a roster did.
public struct RosterImportReport: Sendable, Hashable {
  /// The officials added, in file order.
  public var added: [Official] = []
  /// Rows naming someone already on the roster with the same position (re-imports add nothing).
  public var alreadyPresent: [RosterRow] = []
  /// Rows that could not be imported, with the reason.
  public var skipped: [(row: RosterRow, problem: RosterRowProblem)] = []

  /// An empty report.
  public init() {}

  public static func == (lhs: RosterImportReport, rhs: RosterImportReport) -> Bool {
    lhs.added == rhs.added && lhs.alreadyPresent == rhs.alreadyPresent
      && lhs.skipped.map(\.row) == rhs.skipped.map(\.row)
      && lhs.skipped.map(\.problem) == rhs.skipped.map(\.problem)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(added)
    hasher.combine(alreadyPresent)
    for entry in skipped {
      hasher.combine(entry.row)
      hasher.combine(entry.problem)
    }
  }
}

/// Reads the list of officials a commune office keeps: a CSV (from Excel, UTF-8 with or
/// without a byte-order mark) with a "Họ và tên" column and a "Chức vụ" or "Chức danh" column;
/// other columns (STT, ngày sinh, ...) and title rows above the header are ignored.
public enum RosterFile {
  static let nameKeys = ["hovaten", "hoten", "hotencanbo", "hovatencanbo", "name", "fullname", "ten"]
  static let positionPrefixes = ["chucvu", "chucdanh", "position", "vitri"]

  /// The rows of the file, blank rows left out.
  public static func rows(from data: Data, path: String) throws -> [RosterRow] {
    let records = try readCSVRecords(data, path: path)
    for record in records.prefix(15) {
      let keys = record.fields.map(CSVReader.headerKey)
      guard let nameColumn = keys.firstIndex(where: nameKeys.contains),
        let positionColumn = keys.firstIndex(where: { key in positionPrefixes.contains { key.hasPrefix($0) } }
        )
      else { continue }
      return records.drop { $0.line <= record.line }.filter { !$0.isBlank }.map {
        RosterRow(line: $0.line, name: $0.field(nameColumn), position: $0.field(positionColumn))
      }
    }
    throw GradebookError.units(
      .invalidFile(path: path, line: 1, problem: .noHeader(expected: ["Họ và tên", "Chức vụ / Chức danh"])))
  }
}

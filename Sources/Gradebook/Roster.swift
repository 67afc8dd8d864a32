import Foundation
internal import GRDB
import Toolkit
import VietnameseText

/// A position as a roster may name it: its id (from `Courses/positions.yaml`) and its names.
public struct PositionName: Sendable, Hashable {
  public var id: String
  /// The names it goes by (Vietnamese, English, ...).
  public var names: [String]

  /// A position and its names.
  public init(id: String, names: [String]) {
    self.id = id
    self.names = names
  }
}

/// Maps what a commune office writes in a "Chức vụ" column onto position ids, ignoring case,
/// diacritics, punctuation, the usual filler ("Công chức", "UBND", "xã") and the usual
/// abbreviations ("PCT UBND", "VP-TK", "ĐC-XD-MT").
///
/// A text maps when its words are those of exactly one position's name, or a part (of two syllables
/// or more) of exactly one ("Một cửa", "Tư pháp"); anything else (another position such as "Chủ tịch Hội Nông dân", or a
/// text two positions share) does not map, and the row is reported rather than guessed.
public struct PositionMatcher: Sendable {
  /// How a text maps.
  public enum Match: Sendable, Hashable {
    case position(String)
    case ambiguous([String])
    case none
  }

  let positions: [(id: String, cores: [Set<String>])]

  /// A matcher for these positions (from `Courses/positions.yaml`).
  public init(positions: [PositionName]) {
    self.positions = positions.map { position in
      (position.id, ([position.id] + position.names).map(Self.core).filter { !$0.isEmpty })
    }
  }

  /// The position `text` names.
  public func match(_ text: String) -> Match {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    if let exact = positions.first(where: { $0.id == trimmed }) { return .position(exact.id) }
    let core = Self.core(text)
    guard !core.isEmpty else { return .none }
    let equal = positions.filter { $0.cores.contains(core) }.map(\.id)
    if equal.count == 1 { return .position(equal[0]) }
    if equal.count > 1 { return .ambiguous(equal) }
    guard core.count >= 2 else { return .none }
    let containing = positions.filter { $0.cores.contains { core.isSubset(of: $0) } }.map(\.id)
    if containing.count == 1 { return .position(containing[0]) }
    return containing.isEmpty ? .none : .ambiguous(containing)
  }

  static let abbreviations: [String: String] = [
    "ct": "chu tich", "pct": "pho chu tich", "vp": "van phong", "tk": "thong ke", "tp": "tu phap",
    "ht": "ho tich", "dc": "dia chinh", "xd": "xay dung", "mt": "moi truong", "tc": "tai chinh",
    "kt": "ke toan", "vh": "van hoa", "xh": "xa hoi",
  ]
  static let filler: Set<String> = [
    "cong", "chuc", "can", "bo", "xa", "phuong", "dac", "khu", "thi", "tran", "uy", "ban", "nhan", "dan",
    "ubnd", "va", "and", "of", "the", "officer", "staff", "commune", "s", "people", "committee",
  ]

  /// The words that identify a position name: folded, abbreviations spelt out, filler dropped.
  static func core(_ text: String) -> Set<String> {
    let folded = text.matchKey(foldingDiacritics: true)
    let words = folded.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
    let expanded = String(words).split(separator: " ").flatMap { word in
      (abbreviations[String(word)] ?? String(word)).split(separator: " ").map(String.init)
    }
    return Set(expanded.filter { !filler.contains($0) })
  }
}

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
    let records = try csvRecords(data, path: path)
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
    throw GradebookError.invalidFile(
      path: path, line: 1, problem: .noHeader(expected: ["Họ và tên", "Chức vụ / Chức danh"]))
  }
}

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
          id: UUID(), name: Self.clean(row.name), position: position, communeCode: communeCode,
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

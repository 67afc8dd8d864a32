import Foundation
import Localization
import Units
import VietnameseText

/// What a text typed for an official (a name, or a stored id) finds on a roster.
public enum OfficialMatch<Candidate> {
  case one(Candidate)
  /// Several officials go by that name (in roster order).
  case several([Candidate])
  case none
}

extension OfficialMatch: Sendable where Candidate: Sendable {}

/// Finding an official on a roster: the one rule of the shell, the reports and later the server.
/// A stored id (any case) finds its official; otherwise the name is compared with case, spacing
/// and diacritics ignored, so "nguyen thi  hoa" finds "Nguyễn Thị Hoa".
public enum OfficialLookup {
  /// The key names are compared by.
  public static func nameKey(_ name: String) -> String { name.matchKey(foldingDiacritics: true) }

  /// The officials of `roster` that `text` names, `id` and `name` reading a candidate's.
  public static func find<Candidate>(
    _ text: String, in roster: [Candidate], id: (Candidate) -> String, name: (Candidate) -> String
  ) -> OfficialMatch<Candidate> {
    let typed = text.nfc.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    if let found = roster.first(where: { id($0).caseInsensitiveCompare(typed) == .orderedSame }) {
      return .one(found)
    }
    let key = nameKey(typed)
    let matches = roster.filter { nameKey(name($0)) == key }
    switch matches.count {
    case 0: return .none
    case 1: return .one(matches[0])
    default: return .several(matches)
    }
  }
}

extension CommuneStore {
  /// The official `text` names (an id or a name) on this commune's roster.
  public func findOfficial(_ text: String) throws -> OfficialMatch<Official> {
    OfficialLookup.find(text, in: try officials(), id: \.id.uuidString, name: \.name)
  }

  /// Adds an official to the roster by the roster's rules: `position` is a position's id or one of
  /// its names (matched without diacritics or abbreviations), and a person already on the roster
  /// with that name (as typed, case and spacing aside) and position is not added twice.
  @discardableResult
  public func addToRoster(name: String, position: String, positions: [PositionName]) throws -> Official {
    let id: String
    switch PositionMatcher(positions: positions).match(position) {
    case .position(let found): id = found
    case .ambiguous(let candidates): throw RosterMessage.ambiguousPosition(position, candidates: candidates)
    case .none: throw RosterMessage.unknownPosition(position, known: positions.map(\.id))
    }
    let key = name.matchKey(foldingDiacritics: false)
    if let existing = try officials(named: name).first(where: {
      $0.position == id && $0.name.matchKey(foldingDiacritics: false) == key
    }) {
      throw RosterMessage.alreadyOnRoster(name: existing.name, position: id, commune: communeCode.rawValue)
    }
    return try addOfficial(name: name, position: id)
  }

  /// Imports the roster file at `path` (see ``RosterFile``).
  public func importRoster(file path: String, positions: [PositionName]) throws -> RosterImportReport {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw GradebookError.fileSystem(path: path, message: error.localizedDescription)
    }
    let rows = try RosterFile.rows(from: data, path: path)
    return try importRoster(rows, positions: PositionMatcher(positions: positions))
  }

  /// The roster as a table: a header, then each official's name, position (by its name in
  /// `positionNames`, else its id) and id.
  public func rosterTable(positionNames: [String: String], language: Language) throws -> [[String]] {
    var rows = [RosterMessage.columns.text(in: language).split(separator: "|").map(String.init)]
    for official in try officials() {
      rows.append([
        official.name, positionNames[official.position] ?? official.position, official.id.uuidString,
      ])
    }
    return rows
  }
}

/// Every message of the roster (`papi-train roster`), Vietnamese first.
public enum RosterMessage: Error, MessageCatalogue, Hashable {
  case columns
  case count(Int, commune: CommuneCode)
  case added(name: String, position: String, commune: CommuneCode)
  case imported(added: Int, present: Int)
  case skipped(RosterRow, RosterRowProblem)
  case unknownPosition(String, known: [String])
  case ambiguousPosition(String, candidates: [String])
  case alreadyOnRoster(name: String, position: String, commune: String)
  /// A code the units list (at the path) does not list as a commune.
  case unlistedCommune(String, units: String)

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .columns: return vi ? "Họ và tên|Chức vụ|Mã" : "Name|Position|Id"
    case .count(let count, let commune):
      return vi ? "\(count) cán bộ, xã \(commune)." : "\(count) officials, commune \(commune)."
    case .added(let name, let position, let commune):
      return vi
        ? "Đã thêm \(name) (\(position)) vào danh sách xã \(commune)."
        : "Added \(name) (\(position)) to the roster of commune \(commune)."
    case .imported(let added, let present):
      return vi
        ? "Đã thêm \(added) cán bộ; \(present) người đã có trong danh sách."
        : "Added \(added) officials; \(present) were already on the roster."
    case .skipped(let row, let problem): return Self.skipped(row, problem, vi: vi)
    case .unknownPosition(let text, let known):
      return vi
        ? "chức vụ '\(text)' không khớp vị trí nào; dùng một trong: \(known.joined(separator: ", "))"
        : "'\(text)' matches no position; use one of: \(known.joined(separator: ", "))"
    case .ambiguousPosition(let text, let candidates):
      return vi
        ? "chức vụ '\(text)' khớp nhiều vị trí: \(candidates.joined(separator: ", ")); hãy ghi rõ"
        : "'\(text)' matches several positions: \(candidates.joined(separator: ", ")); be more specific"
    case .alreadyOnRoster(let name, let position, let commune):
      return vi
        ? "\(name) (\(position)) đã có trong danh sách xã \(commune)"
        : "\(name) (\(position)) is already on the roster of commune \(commune)"
    case .unlistedCommune(let code, let units):
      return vi
        ? "mã '\(code)' không phải xã/phường nào trong danh mục đơn vị hành chính (\(units)); không thêm ai"
        : "'\(code)' is no commune in the units list (\(units)); nobody was added"
    }
  }

  /// One of every case, for the test that renders every message in both languages.
  public static var samples: [RosterMessage] {
    guard let commune = try? CommuneCode("03637") else { return [] }
    let row = RosterRow(line: 4, name: "Nguyễn Thị Hoa", position: "PCT UBND")
    return [
      .columns, .count(25, commune: commune),
      .added(name: "Nguyễn Thị Hoa", position: "chairman", commune: commune),
      .imported(added: 20, present: 5), .skipped(row, .emptyName), .skipped(row, .emptyPosition),
      .skipped(row, .unknownPosition("PCT")),
      .skipped(row, .ambiguousPosition("PCT", candidates: ["a", "b"])),
      .unknownPosition("x", known: ["chairman"]),
      .ambiguousPosition("PCT", candidates: ["vice-chairman-a", "b"]),
      .alreadyOnRoster(name: "Nguyễn Thị Hoa", position: "chairman", commune: "03637"),
      .unlistedCommune("12345678", units: "AdministrativeUnits/units.csv"),
    ]
  }

  private static func skipped(_ row: RosterRow, _ problem: RosterRowProblem, vi: Bool) -> String {
    switch problem {
    case .emptyName: return vi ? "thiếu họ và tên" : "no name"
    case .emptyPosition: return vi ? "\(row.name): thiếu chức vụ" : "\(row.name): no position"
    case .unknownPosition(let text):
      return vi
        ? "\(row.name): chức vụ '\(text)' không khớp vị trí nào trong positions.yaml"
        : "\(row.name): position '\(text)' matches nothing in positions.yaml"
    case .ambiguousPosition(let text, let candidates):
      return vi
        ? "\(row.name): chức vụ '\(text)' khớp nhiều vị trí (\(candidates.joined(separator: ", ")))"
        : "\(row.name): position '\(text)' matches several (\(candidates.joined(separator: ", ")))"
    }
  }
}

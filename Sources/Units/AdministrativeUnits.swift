import Foundation
import Toolkit
import VietnameseText

/// A tier of local government. Since 1 July 2025 there are two (province, commune); lists from
/// before that date have three.
public enum UnitLevel: String, Sendable, Hashable, CaseIterable, Comparable {
  case province
  case district
  case commune

  private var depth: Int {
    switch self {
    case .province: 0
    case .district: 1
    case .commune: 2
    }
  }

  public static func < (lhs: UnitLevel, rhs: UnitLevel) -> Bool { lhs.depth < rhs.depth }
}

/// A province, district or commune-level unit (commune, ward, special zone, township).
public struct AdministrativeUnit: Sendable, Hashable, Identifiable {
  /// Its administrative code.
  public var code: UnitCode
  /// Province, district or commune level.
  public var level: UnitLevel
  /// The full name, as the statistics office writes it ("Xã Mường Kim"), in NFC.
  public var name: String
  /// The kind of unit ("Tỉnh", "Thành phố", "Huyện", "Xã", "Phường", "Đặc khu", ...); may be empty.
  public var kind: String
  /// The unit above it: the province, or for a commune in a three-tier list its district.
  public var parentCode: UnitCode?

  /// The code.
  public var id: UnitCode { code }

  /// The code of a commune-level unit as a commune's (what names its results file); nil for a
  /// province or a district.
  public var communeCode: CommuneCode? { level == .commune ? CommuneCode(code) : nil }

  /// A unit; ``UnitHierarchy`` checks that its parent exists and sits above it.
  public init(code: UnitCode, level: UnitLevel, name: String, kind: String, parentCode: UnitCode?) {
    self.code = code
    self.level = level
    self.name = name
    self.kind = kind
    self.parentCode = parentCode
  }
}

/// The administrative-unit hierarchy, read from data: two tiers (province, commune) or three
/// (province, district, commune), or a mix. Nothing in the code assumes a district tier.
///
/// The data file (`AdministrativeUnits/units.csv`) is UTF-8 CSV with the columns
/// `level,code,name,kind,parent`: one row per unit, `level` one of `province`, `district`,
/// `commune`, `parent` the code of the unit above (empty for a province).
public struct UnitHierarchy: Sendable, Hashable {
  /// The data file used when neither `--units` nor `PAPI_UNITS` names one.
  public static let defaultPath = "AdministrativeUnits/units.csv"
  /// The environment variable that names the data file.
  public static let environmentVariable = "PAPI_UNITS"
  /// The columns of the data file, in the order they are written.
  public static let columns = ["level", "code", "name", "kind", "parent"]

  /// Every unit, provinces first, then each province's units in code order.
  public let units: [AdministrativeUnit]
  private let byCode: [UnitCode: AdministrativeUnit]
  private let childCodes: [UnitCode: [UnitCode]]

  /// A hierarchy from units in any order; throws ``UnitsError/several(_:)`` listing every
  /// unit whose parent is missing or of the wrong level, or whose code repeats.
  public init(units: [AdministrativeUnit]) throws {
    try self.init(units: units.map { ($0, 0) }, path: nil)
  }

  init(units input: [(unit: AdministrativeUnit, line: Int)], path: String?) throws {
    var problems: [UnitsError] = []
    var byCode: [UnitCode: AdministrativeUnit] = [:]
    var lines: [UnitCode: Int] = [:]
    func problem(_ line: Int, _ kind: UnitsError.FileProblem) {
      problems.append(.invalidFile(path: path ?? "units", line: line, problem: kind))
    }
    for (unit, line) in input {
      if let first = lines[unit.code] {
        problem(line, .duplicateCode(unit.code.rawValue, firstLine: first))
        continue
      }
      byCode[unit.code] = unit
      lines[unit.code] = line
    }
    for (unit, line) in input where lines[unit.code] == line {
      switch (unit.level, unit.parentCode.flatMap { byCode[$0] }) {
      case (.province, nil) where unit.parentCode == nil: break
      case (.province, _):
        problem(line, .wrongParentLevel(code: unit.code.rawValue, parent: unit.parentCode?.rawValue ?? ""))
      case (_, nil):
        problem(line, .unknownParent(code: unit.code.rawValue, parent: unit.parentCode?.rawValue ?? ""))
      case (.district, let parent?) where parent.level != .province,
        (.commune, let parent?) where parent.level == .commune:
        problem(line, .wrongParentLevel(code: unit.code.rawValue, parent: parent.code.rawValue))
      default: break
      }
    }
    if !problems.isEmpty { throw problems.count == 1 ? problems[0] : UnitsError.several(problems) }

    var children: [UnitCode: [UnitCode]] = [:]
    for unit in byCode.values {
      if let parent = unit.parentCode { children[parent, default: []].append(unit.code) }
    }
    for key in children.keys { children[key]?.sort() }
    var ordered: [AdministrativeUnit] = []
    func visit(_ code: UnitCode) {
      guard let unit = byCode[code] else { return }
      ordered.append(unit)
      for child in children[code] ?? [] { visit(child) }
    }
    for province in byCode.values.filter({ $0.level == .province }).map(\.code).sorted() { visit(province) }
    self.units = ordered
    self.byCode = byCode
    self.childCodes = children
  }

  /// Reads the data file at `path`; errors name the file and line.
  public static func load(path: String) throws -> UnitHierarchy {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw UnitsError.fileSystem(path: path, message: error.localizedDescription)
    }
    return try parse(data, path: path)
  }

  /// Reads the data-file format from `data`; `path` is used in messages.
  public static func parse(_ data: Data, path: String) throws -> UnitHierarchy {
    let records = try readCSVRecords(data, path: path).filter { !$0.isBlank }
    guard let header = records.first else {
      throw UnitsError.invalidFile(path: path, line: 1, problem: .empty)
    }
    let keys = header.fields.map(CSVReader.headerKey)
    let index = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let missing = columns.filter { index[$0] == nil }
    guard missing.isEmpty else {
      throw UnitsError.invalidFile(path: path, line: header.line, problem: .missingColumns(missing))
    }
    var units: [(AdministrativeUnit, Int)] = []
    var problems: [UnitsError] = []
    for record in records.dropFirst() {
      let levelText = record.field(index["level"])
      let codeText = record.field(index["code"])
      let parentText = record.field(index["parent"])
      let name = record.field(index["name"])
      guard let level = UnitLevel(rawValue: levelText.lowercased()) else {
        problems.append(.invalidFile(path: path, line: record.line, problem: .unknownLevel(levelText)))
        continue
      }
      guard let code = try? UnitCode(codeText) else {
        problems.append(
          .invalidFile(path: path, line: record.line, problem: .invalidCode(column: "code", value: codeText)))
        continue
      }
      guard !name.isEmpty else {
        problems.append(.invalidFile(path: path, line: record.line, problem: .emptyValue(column: "name")))
        continue
      }
      var parent: UnitCode?
      if !parentText.isEmpty {
        guard let parsed = try? UnitCode(parentText) else {
          problems.append(
            .invalidFile(
              path: path, line: record.line, problem: .invalidCode(column: "parent", value: parentText)))
          continue
        }
        parent = parsed
      }
      let unit = AdministrativeUnit(
        code: code, level: level, name: name, kind: record.field(index["kind"]), parentCode: parent)
      units.append((unit, record.line))
    }
    return try build(units, path: path, problems: problems)
  }

  /// The hierarchy of `units`, or one error listing `problems` and the hierarchy's own, by line.
  static func build(
    _ units: [(unit: AdministrativeUnit, line: Int)], path: String, problems: [UnitsError]
  ) throws -> UnitHierarchy {
    var problems = problems
    var hierarchy: UnitHierarchy?
    do {
      hierarchy = try UnitHierarchy(units: units, path: path)
    } catch UnitsError.several(let more) {
      problems += more
    } catch let error as UnitsError {
      problems.append(error)
    }
    guard let hierarchy, problems.isEmpty else {
      let sorted = problems.enumerated().sorted { a, b in
        func line(_ error: UnitsError) -> Int {
          if case .invalidFile(_, let line, _) = error { line } else { 0 }
        }
        return (line(a.element), a.offset) < (line(b.element), b.offset)
      }.map(\.element)
      throw sorted.count == 1 ? sorted[0] : UnitsError.several(sorted)
    }
    return hierarchy
  }

  /// The data file's text: a header and one row per unit, in ``units`` order.
  public func csvText() -> String {
    var lines = [Self.columns.joined(separator: ",")]
    for unit in units {
      lines.append(
        [unit.level.rawValue, unit.code.rawValue, unit.name, unit.kind, unit.parentCode?.rawValue ?? ""]
          .map(Self.csvField).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  // MARK: - Lookup

  /// The unit with this code, if listed.
  public func unit(_ code: UnitCode) -> AdministrativeUnit? { byCode[code] }

  /// The commune with this code, if listed.
  public func unit(_ commune: CommuneCode) -> AdministrativeUnit? { byCode[commune.unitCode] }

  /// The units directly under `code`, in code order.
  public func children(of code: UnitCode) -> [AdministrativeUnit] {
    (childCodes[code] ?? []).compactMap { byCode[$0] }
  }

  /// The units above `code`, nearest first (district if any, then province).
  public func ancestors(of code: UnitCode) -> [AdministrativeUnit] {
    var result: [AdministrativeUnit] = []
    var current = byCode[code]?.parentCode
    while let next = current, let unit = byCode[next], result.count < 3 {
      result.append(unit)
      current = unit.parentCode
    }
    return result
  }

  /// "Xã Mường Kim, Tỉnh Lai Châu": the unit's name followed by its ancestors'.
  public func fullName(of code: UnitCode) -> String? {
    guard let unit = byCode[code] else { return nil }
    return ([unit] + ancestors(of: code)).map(\.name).joined(separator: ", ")
  }

  /// "Xã Mường Kim, Tỉnh Lai Châu": the commune's name followed by its ancestors'.
  public func fullName(of commune: CommuneCode) -> String? { fullName(of: commune.unitCode) }

  /// The provinces, in code order.
  public var provinces: [AdministrativeUnit] { units.filter { $0.level == .province } }

  /// Every commune-level unit, grouped by province.
  public var communes: [AdministrativeUnit] { units.filter { $0.level == .commune } }

  /// The commune-level units under `code` (a province or district), at any depth.
  public func communes(in code: UnitCode) -> [AdministrativeUnit] {
    children(of: code).flatMap { $0.level == .commune ? [$0] : communes(in: $0.code) }
  }

  /// Whether any unit is a district: a list from before the 2025 arrangement.
  public var hasDistricts: Bool { units.contains { $0.level == .district } }

  /// Units whose code is `query` or whose name matches it, case, spacing and diacritics ignored
  /// ("muong kim" finds "Xã Mường Kim"), best first: exact code, exact name (with or without
  /// its kind), name prefix, word prefix, anywhere in the name. For the shell's completion.
  public func search(_ query: String, level: UnitLevel? = .commune) -> [AdministrativeUnit] {
    let key = query.matchKey(foldingDiacritics: true)
    let candidates = units.filter { level == nil || $0.level == level }
    guard !key.isEmpty else { return candidates }
    var ranked: [(rank: Int, unit: AdministrativeUnit)] = []
    for unit in candidates {
      let name = unit.name.matchKey(foldingDiacritics: true)
      let kind = unit.kind.matchKey(foldingDiacritics: true)
      let bare = !kind.isEmpty && name.hasPrefix(kind + " ") ? String(name.dropFirst(kind.count + 1)) : name
      let rank: Int? =
        if unit.code.rawValue == query.trimmingCharacters(in: .whitespaces) {
          0
        } else if name == key || bare == key { 1 } else if name.hasPrefix(key) || bare.hasPrefix(key) {
          2
        } else if name.split(separator: " ").contains(where: { $0.hasPrefix(key) }) {
          3
        } else if name.contains(key) { 4 } else { nil }
      if let rank { ranked.append((rank, unit)) }
    }
    return ranked.sorted { ($0.rank, $0.unit.code) < ($1.rank, $1.unit.code) }.map(\.unit)
  }
}

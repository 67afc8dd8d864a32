import Foundation
import Toolkit
import VietnameseText

/// Reads the list of administrative units as the statistics office publishes it
/// (danhmuchanhchinh.gso.gov.vn, "Xuất Excel", saved as CSV UTF-8):
///
/// ```
/// Tỉnh / Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp
/// Tỉnh Cao Bằng,04,Huyện Thạch An,053,Thị trấn Đông Khê,01786,Thị trấn
/// ```
///
/// The district columns are optional (lists after 1 July 2025 have none), and so is `Cấp`;
/// other columns (`Tên Tiếng Anh`, ...) are ignored. Header names are matched without case,
/// spacing, punctuation or diacritics, and the header may follow a few title rows. Codes that a
/// spreadsheet stripped of their leading zeros ("4" for "04") get them back: provinces have 2
/// digits, districts 3, communes 5.
public enum StatisticsOfficeList {
  struct Column {
    var label: String
    var keys: [String]
  }

  static let provinceName = Column(label: "Tỉnh / Thành Phố", keys: ["tinhthanhpho", "tinhthanh", "tinh"])
  static let provinceCode = Column(label: "Mã TP", keys: ["matp", "matinh"])
  static let districtName = Column(label: "Quận Huyện", keys: ["quanhuyen", "huyen"])
  static let districtCode = Column(label: "Mã QH", keys: ["maqh", "mahuyen"])
  static let communeName = Column(label: "Phường Xã", keys: ["phuongxa", "xaphuong", "xa"])
  static let communeCode = Column(label: "Mã PX", keys: ["mapx", "maxa"])
  static let communeKind = Column(label: "Cấp", keys: ["cap"])

  static let required = [provinceName, provinceCode, communeName, communeCode]

  /// Parses the list; every bad row is reported (file and line) in one ``UnitsError``.
  public static func parse(_ data: Data, path: String) throws -> UnitHierarchy {
    let records = try readCSVRecords(data, path: path)
    guard
      let headerIndex = records.prefix(15).firstIndex(where: { record in
        let keys = Set(record.fields.map(CSVReader.headerKey))
        return required.allSatisfy { column in column.keys.contains(where: keys.contains) }
      })
    else {
      throw UnitsError.invalidFile(
        path: path, line: 1, problem: .noHeader(expected: required.map(\.label)))
    }
    let header = records[headerIndex]
    let keys = header.fields.map(CSVReader.headerKey)
    func index(_ column: Column) -> Int? { column.keys.lazy.compactMap { keys.firstIndex(of: $0) }.first }
    let hasDistricts = index(districtName) != nil || index(districtCode) != nil
    if hasDistricts, index(districtName) == nil || index(districtCode) == nil {
      let missing = [districtName, districtCode].filter { index($0) == nil }.map(\.label)
      throw UnitsError.invalidFile(path: path, line: header.line, problem: .missingColumns(missing))
    }

    var problems: [UnitsError] = []
    var units: [(unit: AdministrativeUnit, line: Int)] = []
    var seen: [UnitCode: (unit: AdministrativeUnit, line: Int)] = [:]

    func code(_ record: CSVRecord, _ column: Column, width: Int) -> UnitCode? {
      let text = record.field(index(column))
      guard !text.isEmpty else {
        problems.append(
          .invalidFile(path: path, line: record.line, problem: .emptyValue(column: column.label)))
        return nil
      }
      guard UnitCode.isValid(text) else {
        problems.append(
          .invalidFile(
            path: path, line: record.line, problem: .invalidCode(column: column.label, value: text)))
        return nil
      }
      guard text.count <= width else {
        problems.append(
          .invalidFile(
            path: path, line: record.line,
            problem: .codeTooLong(column: column.label, value: text, width: width)))
        return nil
      }
      return try? UnitCode(String(repeating: "0", count: width - text.count) + text)
    }

    func name(_ record: CSVRecord, _ column: Column) -> String? {
      let text = record.field(index(column))
      if text.isEmpty {
        problems.append(
          .invalidFile(path: path, line: record.line, problem: .emptyValue(column: column.label)))
        return nil
      }
      return text
    }

    /// Adds a province or district the first time it is seen; later rows must agree with it.
    func register(_ unit: AdministrativeUnit, line: Int) {
      if let (known, knownLine) = seen[unit.code] {
        if known.name != unit.name {
          problems.append(
            .invalidFile(
              path: path, line: line,
              problem: .conflictingName(
                code: unit.code.rawValue, name: unit.name, otherName: known.name, otherLine: knownLine)))
        } else if known.parentCode != unit.parentCode || known.level != unit.level {
          problems.append(
            .invalidFile(path: path, line: line, problem: .conflictingParent(code: unit.code.rawValue)))
        }
        return
      }
      seen[unit.code] = (unit, line)
      units.append((unit, line))
    }

    for record in records[(headerIndex + 1)...] where !record.isBlank {
      let before = problems.count
      let provinceCode = code(record, provinceCode, width: 2)
      let provinceName = name(record, provinceName)
      var districtCode: UnitCode?
      var districtName: String?
      if hasDistricts {
        let districtText = record.field(index(self.districtCode)) + record.field(index(self.districtName))
        if !districtText.isEmpty {
          districtCode = code(record, self.districtCode, width: 3)
          districtName = name(record, self.districtName)
        }
      }
      let communeCode = code(record, communeCode, width: 5)
      let communeName = name(record, communeName)
      guard problems.count == before, let provinceCode, let provinceName, let communeCode, let communeName
      else { continue }

      register(
        AdministrativeUnit(
          code: provinceCode, level: .province, name: provinceName,
          kind: kind(of: provinceName, among: ["Thành phố", "Tỉnh"]), parentCode: nil),
        line: record.line)
      var parent = provinceCode
      if let districtCode, let districtName {
        register(
          AdministrativeUnit(
            code: districtCode, level: .district, name: districtName,
            kind: kind(of: districtName, among: ["Thành phố", "Thị xã", "Quận", "Huyện"]),
            parentCode: provinceCode),
          line: record.line)
        parent = districtCode
      }
      if let first = seen[communeCode] {
        problems.append(
          .invalidFile(
            path: path, line: record.line,
            problem: .duplicateCode(communeCode.rawValue, firstLine: first.line)))
        continue
      }
      let stated = record.field(index(communeKind))
      let commune = AdministrativeUnit(
        code: communeCode, level: .commune, name: communeName,
        kind: stated.isEmpty
          ? kind(of: communeName, among: ["Thị trấn", "Đặc khu", "Phường", "Xã"]) : stated,
        parentCode: parent)
      seen[communeCode] = (commune, record.line)
      units.append((commune, record.line))
    }
    if units.isEmpty && problems.isEmpty {
      throw UnitsError.invalidFile(path: path, line: header.line, problem: .empty)
    }
    return try UnitHierarchy.build(units, path: path, problems: problems)
  }

  /// The kind a name starts with ("Huyện Thạch An" → "Huyện"), compared without case or marks.
  static func kind(of name: String, among kinds: [String]) -> String {
    let key = name.matchKey(foldingDiacritics: true)
    return kinds.first { key.hasPrefix($0.matchKey(foldingDiacritics: true) + " ") } ?? ""
  }
}

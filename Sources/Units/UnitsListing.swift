import Foundation
import Localization
import Toolkit

extension UnitHierarchy {
  /// The province `text` names: a code, where a spreadsheet may have turned "04" into "4".
  public func province(_ text: String) throws -> AdministrativeUnit {
    let code = try UnitCode(text.count == 1 ? "0" + text : text)
    guard let unit = unit(code), unit.level == .province else { throw UnitsMessage.unknownProvince(text) }
    return unit
  }

  /// Every province with its count of commune-level units, as table rows.
  public func provinceRows(language: Language) -> [[String]] {
    provinces.map { unit in
      [
        unit.code.rawValue, unit.name,
        UnitsMessage.communeCount(communes(in: unit.code).count).text(in: language),
      ]
    }
  }

  /// A province's heading line ("12  Tỉnh Lai Châu  (96 đơn vị cấp xã)") and its units as table
  /// rows, each indented under its parent.
  public func provinceListing(_ province: AdministrativeUnit, language: Language) -> (
    heading: String, rows: [[String]]
  ) {
    let count = UnitsMessage.communeCount(communes(in: province.code).count).text(in: language)
    var rows: [[String]] = []
    func add(_ parent: UnitCode, depth: Int) {
      for child in children(of: parent) {
        rows.append([String(repeating: "  ", count: depth) + child.code.rawValue, child.name])
        add(child.code, depth: depth + 1)
      }
    }
    add(province.code, depth: 1)
    return ("\(province.code)  \(province.name)  (\(count))", rows)
  }
}

extension StatisticsOfficeList {
  /// Reads the statistics office's list at `path` and writes it as a units file at `destination`
  /// (through Toolkit's ``AtomicFile``; an existing file only with `replacing`). Nothing is
  /// written unless the whole list is sound.
  public static func importFile(atPath path: String, to destination: String, replacing: Bool) throws
    -> UnitsMessage
  {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw UnitsError.fileSystem(path: path, message: error.localizedDescription)
    }
    let units = try parse(data, path: path)
    if FileManager.default.fileExists(atPath: destination), !replacing {
      throw UnitsError.invalidFile(path: destination, line: 1, problem: .fileExists)
    }
    let url = URL(fileURLWithPath: destination)
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    } catch {
      throw UnitsError.fileSystem(path: destination, message: error.localizedDescription)
    }
    do {
      try AtomicFile.write(Data(units.csvText().utf8), to: url)
    } catch {
      throw UnitsError.fileSystem(path: destination, message: error.reason)
    }
    let count = { (level: UnitLevel) in units.units.filter { $0.level == level }.count }
    return .written(
      provinces: count(.province), districts: count(.district), communes: count(.commune), path: destination)
  }
}

/// Every message of the units commands (`papi-train units`), Vietnamese first.
public enum UnitsMessage: Error, MessageCatalogue, Hashable {
  case written(provinces: Int, districts: Int, communes: Int, path: String)
  case communeCount(Int)
  case unknownProvince(String)

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .written(let p, let d, let c, let path):
      if vi {
        return d > 0
          ? "Đã ghi \(p) tỉnh, \(d) huyện, \(c) xã vào \(path)." : "Đã ghi \(p) tỉnh, \(c) xã vào \(path)."
      }
      return d > 0
        ? "Wrote \(p) provinces, \(d) districts, \(c) communes to \(path)."
        : "Wrote \(p) provinces, \(c) communes to \(path)."
    case .communeCount(let count): return vi ? "\(count) đơn vị cấp xã" : "\(count) commune-level units"
    case .unknownProvince(let code):
      return vi
        ? "không có tỉnh mã \(code) trong danh mục" : "no province with code \(code) in the units file"
    }
  }

  /// One of every case, for the test that renders every message in both languages.
  public static let samples: [UnitsMessage] = [
    .written(provinces: 1, districts: 8, communes: 96, path: "units.csv"),
    .written(provinces: 1, districts: 0, communes: 96, path: "units.csv"), .communeCount(96),
    .unknownProvince("99"),
  ]
}

import ArgumentParser
import Foundation
import Gradebook
import Localization
import Units

/// `papi-train units import|list`: the administrative-unit list.
struct UnitsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "units",
    abstract: "Danh mục đơn vị hành chính / the administrative-unit list.",
    subcommands: [Import.self, List.self]
  )

  /// `papi-train units import FILE`.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Nhập danh mục của cơ quan thống kê / import the statistics office's list.",
      discussion: """
        FILE is the list exported from danhmuchanhchinh.gso.gov.vn and saved as CSV UTF-8, with the columns
        Tỉnh / Thành Phố, Mã TP, [Quận Huyện, Mã QH,] Phường Xã, Mã PX[, Cấp]. Every bad row is reported
        with its line and nothing is written unless the whole file is sound.
        """)

    @Argument(help: "The statistics office's list as CSV.")
    var file: String

    @Option(name: .long, help: "Where to write the units file (default: the --units file).")
    var output: String?

    @Flag(name: .long, help: "Overwrite the units file if it exists.")
    var replace = false

    @OptionGroup var unitsOption: UnitsOption
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      try reportingErrors(in: language) {
        let data: Data
        do {
          data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
          throw UnitsError.fileSystem(path: file, message: error.localizedDescription)
        }
        let units = try StatisticsOfficeList.parse(data, path: file)
        let destination = output ?? unitsOption.path
        if FileManager.default.fileExists(atPath: destination), !replace {
          throw UnitsError.invalidFile(path: destination, line: 1, problem: .fileExists)
        }
        do {
          let folder = URL(fileURLWithPath: destination).deletingLastPathComponent()
          try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
          try Data(units.csvText().utf8).write(to: URL(fileURLWithPath: destination), options: .atomic)
        } catch {
          throw UnitsError.fileSystem(path: destination, message: error.localizedDescription)
        }
        let count = { (level: UnitLevel) in units.units.filter { $0.level == level }.count }
        print(
          UnitsMessage.written(
            provinces: count(.province), districts: count(.district), communes: count(.commune),
            path: destination
          ).text(in: language))
      }
    }
  }

  /// `papi-train units list [--province CODE]`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Liệt kê đơn vị / list provinces, or one province's units.")

    @Option(name: .long, help: "Mã tỉnh / a province code: list its districts and communes.")
    var province: String?

    @OptionGroup var unitsOption: UnitsOption
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      try reportingErrors(in: language) {
        let units = try UnitHierarchy.load(path: unitsOption.path)
        guard let province else {
          let rows = units.provinces.map { unit in
            [
              unit.code.rawValue, unit.name,
              UnitsMessage.communeCount(units.communes(in: unit.code).count).text(in: language),
            ]
          }
          for line in tableLines(rows) { print(line) }
          return
        }
        // A spreadsheet may have turned "04" into "4".
        let code = try UnitCode(province.count == 1 ? "0" + province : province)
        guard let unit = units.unit(code), unit.level == .province else {
          throw GradebookCommandError.unknownProvince(province)
        }
        let count = UnitsMessage.communeCount(units.communes(in: code).count).text(in: language)
        print("\(unit.code)  \(unit.name)  (\(count))")
        var rows: [[String]] = []
        func add(_ parent: UnitCode, depth: Int) {
          for child in units.children(of: parent) {
            rows.append([String(repeating: "  ", count: depth) + child.code.rawValue, child.name])
            add(child.code, depth: depth + 1)
          }
        }
        add(code, depth: 1)
        for line in tableLines(rows) { print(line) }
      }
    }
  }
}

/// The units commands' messages.
enum UnitsMessage: LocalizedMessage {
  case written(provinces: Int, districts: Int, communes: Int, path: String)
  case communeCount(Int)

  func text(in language: Language) -> String {
    switch (self, language) {
    case (.written(let p, let d, let c, let path), .vietnamese):
      d > 0
        ? "Đã ghi \(p) tỉnh, \(d) huyện, \(c) xã vào \(path)." : "Đã ghi \(p) tỉnh, \(c) xã vào \(path)."
    case (.written(let p, let d, let c, let path), .english):
      d > 0
        ? "Wrote \(p) provinces, \(d) districts, \(c) communes to \(path)."
        : "Wrote \(p) provinces, \(c) communes to \(path)."
    case (.communeCount(let count), .vietnamese): "\(count) đơn vị cấp xã"
    case (.communeCount(let count), .english): "\(count) commune-level units"
    }
  }
}

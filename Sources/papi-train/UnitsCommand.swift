import ArgumentParser
import Foundation
import Gradebook
import Localization
import TerminalUI
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
        let written = try StatisticsOfficeList.importFile(
          atPath: file, to: output ?? unitsOption.path, replacing: replace)
        print(written.text(in: language))
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
        guard let province else { return printLines(TextTable(units.provinceRows(language: language)).lines) }
        let listing = units.provinceListing(try units.province(province), language: language)
        printLines([listing.heading] + TextTable(listing.rows).lines)
      }
    }
  }
}

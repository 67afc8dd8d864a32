import Localization
import TerminalUI
import Units

extension UnitsOption {
  /// `papi-train units import FILE`: the statistics office's list written as the units file (or
  /// `output`), only when the whole file is sound.
  public func importList(_ file: String, output: String?, replace: Bool, language: Language) throws {
    try reportingErrors(in: language) {
      let written = try StatisticsOfficeList.importFile(atPath: file, to: output ?? path, replacing: replace)
      print(written.text(in: language))
    }
  }

  /// `papi-train units list [--province CODE]`: the provinces, or one province's units.
  public func list(province: String?, language: Language) throws {
    try reportingErrors(in: language) {
      let units = try UnitHierarchy.load(path: path)
      guard let province else { return printLines(TextTable(units.provinceRows(language: language)).lines) }
      let listing = units.provinceListing(try units.province(province), language: language)
      printLines([listing.heading] + TextTable(listing.rows).lines)
    }
  }
}

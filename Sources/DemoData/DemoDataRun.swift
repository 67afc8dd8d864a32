import Curriculum
import Foundation
import Gradebook
import Toolkit
import Units

extension DemoProvince {
  /// What `papi-train demo-data` does: generates a province over `library` (sizes and seed as in ``DemoProvinceSpec``) into `directory` (which
  /// must hold no results), `workers` communes at a time, and when `unitsOut` is given writes there
  /// a units file naming every commune. `communes` of nil takes every commune of `units` (at
  /// least one). Returns the message that says what was written.
  public static func generate(
    library: CourseLibrary, units: UnitHierarchy?, communes: Int?, officialsPerCommune: Int,
    attemptsPerOfficial: Int, communesPerClass: Int, seed: UInt64, into directory: ResultsDirectory,
    workers: Int, unitsOut: String?
  ) throws -> DemoDataMessage {
    let known = units?.units.compactMap(\.communeCode) ?? []
    let spec = DemoProvinceSpec(
      communes: communes ?? max(known.count, 1), officialsPerCommune: officialsPerCommune,
      attemptsPerOfficial: attemptsPerOfficial, communesPerClass: communesPerClass, seed: seed)
    let province = try DemoProvince(library: library, spec: spec, knownCommunes: known)
    let counts = try province.write(to: directory, workers: workers)
    if let unitsOut {
      let text = try province.units(extending: units).csvText()
      do {
        try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: unitsOut))
      } catch {
        throw UnitsError.fileSystem(path: unitsOut, message: error.reason)
      }
    }
    return .written(
      communes: province.communeCodes.count, officials: counts.officials, attempts: counts.attempts,
      answers: counts.answers, folder: directory.url.path)
  }
}

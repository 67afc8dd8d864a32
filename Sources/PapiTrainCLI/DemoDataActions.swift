import ArgumentParser
import DemoData
import Foundation
import Gradebook
import Localization
import Units

/// The sizes of `papi-train demo-data`'s province, as given on the command line.
public struct DemoSizes: Sendable {
  public var communes: Int?, officials: Int, attempts: Int, communesPerClass: Int, workers: Int?

  public init(communes: Int?, officials: Int, attempts: Int, communesPerClass: Int, workers: Int?) {
    (self.communes, self.officials, self.attempts) = (communes, officials, attempts)
    (self.communesPerClass, self.workers) = (communesPerClass, workers)
  }

  /// Refuses a size under 1, naming its option.
  public func validate() throws {
    for (name, value) in [
      ("--communes", communes ?? 1), ("--officials", officials), ("--attempts", attempts),
      ("--communes-per-class", communesPerClass), ("--workers", workers ?? 1),
    ] where value < 1 {
      throw ValidationError("\(name) must be at least 1")
    }
  }
}

extension DemoSizes {
  /// `papi-train demo-data`: a province of these sizes generated into `results` (which must hold
  /// none) over the courses and units; `unitsOut` names every commune.
  public func generate(
    seed: UInt64, results: String, unitsOut: String?, courses coursesOption: CoursesOption,
    units unitsOption: UnitsOption, language: Language
  ) throws {
    let loaded = coursesOption.load()
    guard let library = loaded.library, loaded.isValid else {
      printError(CLIMessage.coursesInvalid(coursesOption.courses).text(in: language), in: language)
      throw ExitCode(1)
    }
    do {
      let written = try DemoProvince.generate(
        library: library, units: unitsOption.loadIfPresent(), communes: communes,
        officialsPerCommune: officials, attemptsPerOfficial: attempts, communesPerClass: communesPerClass,
        seed: seed,
        into: ResultsDirectory(url: URL(fileURLWithPath: results)),
        workers: workers ?? ProcessInfo.processInfo.activeProcessorCount, unitsOut: unitsOut)
      print(written.text(in: language))
    } catch let error as DemoDataError {
      printError(error.description, in: language)
      throw ExitCode(1)
    } catch let error as any LocalizedMessage & Error {
      printError(error.text(in: language), in: language)
      throw ExitCode(1)
    }
  }
}

import ArgumentParser
import Curriculum
import Foundation
import Gradebook
import Localization
import ResultsAnalysis
import Units

extension Language: ExpressibleByArgument {}

/// `--lang`, shared by every subcommand; PAPI_LANG in the environment is the default.
public struct LanguageOption: ParsableArguments {
  @Option(name: .long, help: .help(.lang))
  var lang: Language?

  public init() {}

  /// The language the user chose.
  public var language: Language {
    lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
  }
}

/// `--results DIR`: the results folder (default: $PAPI_RESULTS, else Results).
public struct ResultsOption: ParsableArguments {
  @Option(name: .long, help: .help(.results))
  var results: String?

  public init() {}

  /// The results folder named, or the default, read through the user's list of files already
  /// checked (`$XDG_CACHE_HOME/papi-train/checked-files`).
  public var directory: ResultsDirectory {
    let environment = ProcessInfo.processInfo.environment
    return ResultsDirectory(option: results, environment: environment)
      .remembering(CheckedFiles.default(environment: environment))
  }
}

/// `--units PATH`: the administrative-unit data file.
public struct UnitsOption: ParsableArguments {
  @Option(name: .long, help: .help(.units))
  var units: String?

  public init() {}

  /// The units file named (by the option or $PAPI_UNITS), or the default.
  public var path: String {
    [units, ProcessInfo.processInfo.environment[UnitHierarchy.environmentVariable]].compactMap { $0 }
      .first { !$0.isEmpty } ?? UnitHierarchy.defaultPath
  }

  /// Whether a units file was named (by the option or the environment), so it must load.
  public var isExplicit: Bool {
    units != nil || ProcessInfo.processInfo.environment[UnitHierarchy.environmentVariable] != nil
  }

  /// The units, when the file loads.
  func loadIfPresent() -> UnitHierarchy? { try? UnitHierarchy.load(path: path) }
}

/// `--commune CODE|NAME`: the commune whose roster or results a command works on, by its code or
/// by its name in the units file (as reports take it).
public struct CommuneOption: ParsableArguments {
  @Option(name: .long, help: .help(.commune))
  var commune: String

  @OptionGroup var unitsOption: UnitsOption

  public init() {}

  /// The commune's code: a code as given, a name looked up in the units file.
  public func code() throws -> CommuneCode {
    // A code needs no units file; a name is looked up in it (a file named must load).
    guard commune.contains(where: \.isLetter) else { return try CommuneChoice.resolve(commune, units: nil) }
    let units =
      unitsOption.isExplicit
      ? try UnitHierarchy.load(path: unitsOption.path) : try? UnitHierarchy.load(path: unitsOption.path)
    return try CommuneChoice.resolve(commune, units: units)
  }

  /// The commune's code, which the units list (it must load) lists as a commune: what makes a
  /// new roster, so that a code no list knows (`12345678`) never gets a results file.
  public func listedCode() throws -> CommuneCode {
    let units = try UnitHierarchy.load(path: unitsOption.path)
    let code = try CommuneChoice.resolve(commune, units: units)
    guard units.unit(code)?.communeCode != nil else {
      throw RosterMessage.unlistedCommune(code.rawValue, units: unitsOption.path)
    }
    return code
  }
}

/// `--courses DIR`: where the courses and `positions.yaml` are read from.
public struct CoursesOption: ParsableArguments {
  @Option(name: .long, help: .help(.courses))
  public var courses: String = "Courses"

  public init() {}

  /// The courses, through the course cache.
  public func load() -> LoadedCurriculum { Self.load(courses) }

  /// The courses at `path`, through the course cache.
  static func load(_ path: String) -> LoadedCurriculum {
    CurriculumLoader().load(path: path, cache: .default(environment: ProcessInfo.processInfo.environment))
  }

  /// The positions of the curriculum, with their Vietnamese and English names.
  func positions() throws -> [Position] {
    let loaded = load()
    guard let library = loaded.library, !library.positions.isEmpty else {
      throw CLIMessage.noPositions(
        courses: courses, details: loaded.errors.prefix(3).map { $0.formatted(in: .english) })
    }
    return library.positions
  }

  /// The positions as the roster's matcher knows them: id, Vietnamese and English names.
  func positionNames() throws -> [PositionName] {
    try positions().map { PositionName(id: $0.id, names: $0.allNames) }
  }
}

/// `--class`, `--commune` (repeatable), `--from` and `--to`: which of a class's results an export or
/// a trainer's list covers.
public struct ClassSelectionOptions: ParsableArguments {
  @Option(name: .customLong("class"), help: .help(.classID))
  var classID: String?

  @Option(name: .long, help: .help(.communes))
  var commune: [String] = []

  @Option(name: .long, help: .help(.from))
  var from: String?

  @Option(name: .long, help: .help(.to))
  var to: String?

  public init() {}
}

/// `--results`, `--courses`, `--units` and `--lang`: the folders and files a trainer's command
/// reads, and the language it speaks.
public struct FolderOptions: ParsableArguments {
  @OptionGroup var resultsOption: ResultsOption
  @OptionGroup var coursesOption: CoursesOption
  @OptionGroup var unitsOption: UnitsOption
  @OptionGroup var languageOption: LanguageOption

  public init() {}

  var language: Language { languageOption.language }
}

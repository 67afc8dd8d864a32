import ArgumentParser
import Curriculum
import Foundation
import Gradebook
import Localization
import ResultsAnalysis
import Units

/// `--results DIR`: the results folder (default: $PAPI_RESULTS, else Results).
struct ResultsOption: ParsableArguments {
  @Option(name: .long, help: "Thư mục kết quả / results folder (default: $PAPI_RESULTS, else Results).")
  var results: String?

  var directory: ResultsDirectory {
    ResultsDirectory(option: results, environment: ProcessInfo.processInfo.environment)
  }
}

/// `--units PATH`: the administrative-unit data file.
struct UnitsOption: ParsableArguments {
  @Option(
    name: .long,
    help:
      "Tệp danh mục đơn vị hành chính / units file (default: $PAPI_UNITS, else AdministrativeUnits/units.csv)."
  )
  var units: String?

  var path: String {
    [units, ProcessInfo.processInfo.environment[UnitHierarchy.environmentVariable]].compactMap { $0 }
      .first { !$0.isEmpty } ?? UnitHierarchy.defaultPath
  }

  /// Whether a units file was named (by the option or the environment), so it must load.
  var isExplicit: Bool {
    units != nil || ProcessInfo.processInfo.environment[UnitHierarchy.environmentVariable] != nil
  }
}

/// `--commune CODE|NAME`: the commune whose roster or results a command works on, by its code or
/// by its name in the units file (as reports take it).
struct CommuneOption: ParsableArguments {
  @Option(
    name: .long,
    help: "Mã hoặc tên xã / the commune's administrative code (e.g. 03637) or its name (e.g. \"Sìn Hồ\").")
  var commune: String

  @OptionGroup var unitsOption: UnitsOption

  func code() throws -> CommuneCode {
    // A code needs no units file; a name is looked up in it (a file named must load).
    guard commune.contains(where: \.isLetter) else { return try CommuneChoice.resolve(commune, units: nil) }
    let units =
      unitsOption.isExplicit
      ? try UnitHierarchy.load(path: unitsOption.path) : try? UnitHierarchy.load(path: unitsOption.path)
    return try CommuneChoice.resolve(commune, units: units)
  }

  /// The commune's code, which the units list (it must load) lists as a commune: what makes a
  /// new roster, so that a code no list knows (`12345678`) never gets a results file.
  func listedCode() throws -> CommuneCode {
    let units = try UnitHierarchy.load(path: unitsOption.path)
    let code = try CommuneChoice.resolve(commune, units: units)
    guard units.unit(code)?.communeCode != nil else {
      throw RosterMessage.unlistedCommune(code.rawValue, units: unitsOption.path)
    }
    return code
  }
}

/// `--courses DIR`: where `positions.yaml` is read from (beside the taxonomy).
struct CoursesOption: ParsableArguments {
  @Option(name: .long, help: "Thư mục khoá học / the Courses folder, for positions.yaml (default: Courses).")
  var courses: String = "Courses"

  /// The courses, through the course cache.
  func load() -> LoadedCurriculum {
    CurriculumLoader().load(path: courses, cache: .default(environment: ProcessInfo.processInfo.environment))
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

extension Language: ExpressibleByArgument {}

/// The `--lang` option shared by every subcommand; PAPI_LANG in the environment is the default.
struct LanguageOption: ParsableArguments {
  @Option(name: .long, help: "Ngôn ngữ / language: vi or en (default: $PAPI_LANG, else vi).")
  var lang: Language?

  var language: Language {
    lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
  }
}

/// Runs `body`, printing any error a user can cause to standard error in `language` and exiting 1.
func reportingErrors<T>(in language: Language, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as any LocalizedMessage & Error {
    printError(error.text(in: language), in: language)
    throw ExitCode(1)
  }
}

/// Writes `message` to standard error, after "lỗi: " or "error: ".
func printError(_ message: String, in language: Language) {
  let prefix = language == .vietnamese ? "lỗi: " : "error: "
  let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 + "\n" }
  FileHandle.standardError.write(Data(lines.joined().utf8))
}

/// Prints each line.
func printLines(_ lines: [String]) {
  for line in lines { print(line) }
}

/// The executable's own messages: about the folders it is given.
enum CLIMessage: Error, MessageCatalogue, Hashable {
  case noPositions(courses: String, details: [String])
  case coursesInvalid(String)

  func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .noPositions(let courses, let details):
      return
        ([
          vi
            ? "không đọc được danh sách chức vụ (positions.yaml) từ \(courses)"
            : "cannot read the positions (positions.yaml) from \(courses)"
        ] + details).joined(separator: "\n")
    case .coursesInvalid(let path):
      return vi
        ? "Các khoá học trong \(path) có lỗi; hãy chạy 'papi-train lint \(path)'."
        : "The courses in \(path) have errors; run 'papi-train lint \(path)'."
    }
  }

  static let samples: [CLIMessage] = [
    .noPositions(courses: "Courses", details: ["Courses/positions.yaml:1:1: x"]), .coursesInvalid("Courses"),
  ]
}

/// `--class`, `--commune` (repeatable), `--from` and `--to`: which of a class's results an export or
/// a trainer's list covers.
struct ClassSelectionOptions: ParsableArguments {
  @Option(name: .customLong("class"), help: "Lớp tập huấn (mã) / the training class's id.")
  var classID: String?

  @Option(name: .long, help: "Xã (mã), có thể lặp lại / a commune's code (repeatable).")
  var commune: [String] = []

  @Option(name: .long, help: "Từ ngày / from this day (YYYY-MM-DD, inclusive).")
  var from: String?

  @Option(name: .long, help: "Đến ngày / to this day (YYYY-MM-DD, inclusive).")
  var to: String?
}

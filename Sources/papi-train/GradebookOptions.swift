import ArgumentParser
import Curriculum
import Foundation
import Gradebook
import Localization
import Units
import VietnameseText

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
}

/// `--commune CODE`: the commune whose roster or results a command works on.
struct CommuneOption: ParsableArguments {
  @Option(name: .long, help: "Mã xã / the commune's administrative code, e.g. 03637.")
  var commune: String

  func code() throws -> CommuneCode { try CommuneCode(commune) }
}

/// `--courses DIR`: where `positions.yaml` is read from (beside the taxonomy).
struct CoursesOption: ParsableArguments {
  @Option(name: .long, help: "Thư mục khoá học / the Courses folder, for positions.yaml (default: Courses).")
  var courses: String = "Courses"

  /// The positions of the curriculum, with their Vietnamese and English names.
  func positions() throws -> [Position] {
    let loaded = CurriculumLoader().load(
      path: courses, cache: .default(environment: ProcessInfo.processInfo.environment))
    guard let library = loaded.library, !library.positions.isEmpty else {
      throw GradebookCommandError.noPositions(
        courses: courses, details: loaded.errors.prefix(3).map { $0.formatted(in: .english) })
    }
    return library.positions
  }
}

/// Errors of the gradebook commands that are not the gradebook's own.
enum GradebookCommandError: Error, LocalizedMessage {
  case noPositions(courses: String, details: [String])
  case unknownPosition(String, known: [String])
  case ambiguousPosition(String, candidates: [String])
  case alreadyOnRoster(name: String, position: String, commune: String)
  case unknownProvince(String)

  func text(in language: Language) -> String {
    switch (self, language) {
    case (.noPositions(let courses, let details), .vietnamese):
      (["không đọc được danh sách chức vụ (positions.yaml) từ \(courses)"] + details).joined(separator: "\n")
    case (.noPositions(let courses, let details), .english):
      (["cannot read the positions (positions.yaml) from \(courses)"] + details).joined(separator: "\n")
    case (.unknownPosition(let text, let known), .vietnamese):
      "chức vụ '\(text)' không khớp vị trí nào; dùng một trong: \(known.joined(separator: ", "))"
    case (.unknownPosition(let text, let known), .english):
      "'\(text)' matches no position; use one of: \(known.joined(separator: ", "))"
    case (.ambiguousPosition(let text, let candidates), .vietnamese):
      "chức vụ '\(text)' khớp nhiều vị trí: \(candidates.joined(separator: ", ")); hãy ghi rõ"
    case (.ambiguousPosition(let text, let candidates), .english):
      "'\(text)' matches several positions: \(candidates.joined(separator: ", ")); be more specific"
    case (.alreadyOnRoster(let name, let position, let commune), .vietnamese):
      "\(name) (\(position)) đã có trong danh sách xã \(commune)"
    case (.alreadyOnRoster(let name, let position, let commune), .english):
      "\(name) (\(position)) is already on the roster of commune \(commune)"
    case (.unknownProvince(let code), .vietnamese): "không có tỉnh mã \(code) trong danh mục"
    case (.unknownProvince(let code), .english): "no province with code \(code) in the units file"
    }
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

/// The positions as the roster's matcher knows them: id, Vietnamese and English names, and the
/// former (pre-2025) ids and titles each replaces.
func positionNames(_ positions: [Position]) -> [PositionName] {
  positions.map { PositionName(id: $0.id, names: $0.allNames) }
}

/// Lines of cells padded by display width, so Vietnamese lines up.
func tableLines(_ rows: [[String]]) -> [String] {
  guard let columns = rows.map(\.count).max() else { return [] }
  let widths = (0..<columns).map { column in
    rows.map { column < $0.count ? $0[column].displayWidth : 0 }.max() ?? 0
  }
  return rows.map { cells in
    cells.enumerated().map { index, cell in
      index == cells.count - 1 ? cell : cell.padded(toDisplayWidth: widths[index])
    }.joined(separator: "  ")
  }
}

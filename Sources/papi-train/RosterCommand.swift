import ArgumentParser
import Curriculum
import Foundation
import Gradebook
import Localization
import Units
import VietnameseText

/// `papi-train roster list|add|import`: the officials of a commune.
struct RosterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "roster",
    abstract: "Danh sách cán bộ của xã / a commune's roster of officials.",
    subcommands: [List.self, Add.self, Import.self]
  )

  /// `papi-train roster list --commune CODE`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Liệt kê cán bộ / list the officials of a commune.")

    @OptionGroup var communeOption: CommuneOption
    @OptionGroup var resultsOption: ResultsOption
    @OptionGroup var coursesOption: CoursesOption
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      try reportingErrors(in: language) {
        let code = try communeOption.code()
        let officials = try resultsOption.directory.readOnlyStore(for: code)?.officials() ?? []
        let names = Dictionary(
          ((try? coursesOption.positions()) ?? []).map { ($0.id, $0.name.text(in: language)) },
          uniquingKeysWith: { first, _ in first })
        var rows = [RosterMessage.columns.text(in: language).split(separator: "|").map(String.init)]
        for official in officials {
          rows.append([official.name, names[official.position] ?? official.position, official.id.uuidString])
        }
        if !officials.isEmpty {
          for line in tableLines(rows) { print(line) }
        }
        print(RosterMessage.count(officials.count, commune: code).text(in: language))
      }
    }
  }

  /// `papi-train roster add --commune CODE --position ID NAME`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Thêm một cán bộ / add an official.",
      discussion: "POSITION is an id from Courses/positions.yaml (chairman, ...) or its name.")

    @Argument(help: "Họ và tên / the official's full name.")
    var name: String

    @Option(name: .long, help: "Chức vụ / position id or name.")
    var position: String

    @OptionGroup var communeOption: CommuneOption
    @OptionGroup var resultsOption: ResultsOption
    @OptionGroup var coursesOption: CoursesOption
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      try reportingErrors(in: language) {
        let code = try communeOption.code()
        let positions = try coursesOption.positions()
        let id: String
        switch PositionMatcher(positions: positionNames(positions)).match(position) {
        case .position(let found): id = found
        case .ambiguous(let candidates):
          throw GradebookCommandError.ambiguousPosition(position, candidates: candidates)
        case .none: throw GradebookCommandError.unknownPosition(position, known: positions.map(\.id))
        }
        let store = try resultsOption.directory.store(for: code)
        let key = name.matchKey(foldingDiacritics: false)
        if let existing = try store.officials(named: name).first(where: {
          $0.position == id && $0.name.matchKey(foldingDiacritics: false) == key
        }) {
          throw GradebookCommandError.alreadyOnRoster(
            name: existing.name, position: id, commune: code.rawValue)
        }
        let official = try store.addOfficial(name: name, position: id)
        print(RosterMessage.added(official).text(in: language))
      }
    }
  }

  /// `papi-train roster import --commune CODE FILE`.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Nhập danh sách từ tệp CSV / import a roster from a CSV file.",
      discussion: """
        FILE is the list a commune office keeps, saved from Excel as CSV: a "Họ và tên" column and a
        "Chức vụ" or "Chức danh" column (other columns and title rows are ignored). Positions are matched
        to Courses/positions.yaml without diacritics. Officials already on the roster are not added
        again. Rows that cannot be imported are listed with their line; the exit status is then 1.
        """)

    @Argument(help: "The CSV file.")
    var file: String

    @OptionGroup var communeOption: CommuneOption
    @OptionGroup var resultsOption: ResultsOption
    @OptionGroup var coursesOption: CoursesOption
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      let report = try reportingErrors(in: language) {
        let code = try communeOption.code()
        let positions = try coursesOption.positions()
        let data: Data
        do {
          data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
          throw GradebookError.fileSystem(path: file, message: error.localizedDescription)
        }
        let rows = try RosterFile.rows(from: data, path: file)
        let store = try resultsOption.directory.store(for: code)
        return try store.importRoster(rows, positions: PositionMatcher(positions: positionNames(positions)))
      }
      print(
        RosterMessage.imported(added: report.added.count, present: report.alreadyPresent.count).text(
          in: language))
      for entry in report.skipped {
        printError(
          "\(file):\(entry.row.line): " + RosterMessage.skipped(entry.row, entry.problem).text(in: language),
          in: language)
      }
      if !report.skipped.isEmpty { throw ExitCode(1) }
    }
  }
}

/// The roster commands' messages.
enum RosterMessage: LocalizedMessage {
  case columns
  case count(Int, commune: CommuneCode)
  case added(Official)
  case imported(added: Int, present: Int)
  case skipped(RosterRow, RosterRowProblem)

  func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .columns: return vi ? "Họ và tên|Chức vụ|Mã" : "Name|Position|Id"
    case .count(let count, let commune):
      return vi ? "\(count) cán bộ, xã \(commune)." : "\(count) officials, commune \(commune)."
    case .added(let official):
      return vi
        ? "Đã thêm \(official.name) (\(official.position)) vào danh sách xã \(official.communeCode)."
        : "Added \(official.name) (\(official.position)) to the roster of commune \(official.communeCode)."
    case .imported(let added, let present):
      return vi
        ? "Đã thêm \(added) cán bộ; \(present) người đã có trong danh sách."
        : "Added \(added) officials; \(present) were already on the roster."
    case .skipped(let row, let problem):
      switch problem {
      case .emptyName: return vi ? "thiếu họ và tên" : "no name"
      case .emptyPosition: return vi ? "\(row.name): thiếu chức vụ" : "\(row.name): no position"
      case .unknownPosition(let text):
        return vi
          ? "\(row.name): chức vụ '\(text)' không khớp vị trí nào trong positions.yaml"
          : "\(row.name): position '\(text)' matches nothing in positions.yaml"
      case .ambiguousPosition(let text, let candidates):
        return vi
          ? "\(row.name): chức vụ '\(text)' khớp nhiều vị trí (\(candidates.joined(separator: ", ")))"
          : "\(row.name): position '\(text)' matches several (\(candidates.joined(separator: ", ")))"
      }
    }
  }
}

import ArgumentParser
import Foundation
import Gradebook
import Localization
import ResultsAnalysis
import TerminalUI
import Units

/// `papi-train roster list|add|import|remove|rename|merge|changes`: the officials of a commune.
struct RosterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "roster",
    abstract: "Danh sách cán bộ của xã / a commune's roster of officials.",
    subcommands: [
      List.self, Add.self, Import.self, Remove.self, Rename.self, Merge.self, Changes.self,
    ]
  )

  /// The options every roster command takes.
  struct Source: ParsableArguments {
    @OptionGroup var communeOption: CommuneOption
    @OptionGroup var resultsOption: ResultsOption
    @OptionGroup var coursesOption: CoursesOption
    @OptionGroup var languageOption: LanguageOption

    /// A trainer's change to the roster: the passphrase asked, the commune's store opened, and
    /// what `change` says it did printed in the user's language.
    func changeRoster(_ change: (CommuneStore) throws -> ClassMessage) throws {
      let language = languageOption.language
      try requireRole(.trainer, language: language)
      try reportingErrors(in: language) {
        let store = try resultsOption.directory.store(for: try communeOption.code())
        print(try change(store).text(in: language))
      }
    }
  }

  /// `papi-train roster list --commune CODE`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Liệt kê cán bộ / list the officials of a commune.")

    @OptionGroup var source: Source

    func run() throws {
      let language = source.languageOption.language
      try reportingErrors(in: language) {
        let code = try source.communeOption.code()
        let names = Dictionary(
          ((try? source.coursesOption.positions()) ?? []).map { ($0.id, $0.name.text(in: language)) },
          uniquingKeysWith: { first, _ in first })
        let rows =
          try source.resultsOption.directory.readOnlyStore(for: code)?.rosterTable(
            positionNames: names, language: language) ?? []
        if rows.count > 1 { printLines(TextTable(rows).lines) }
        print(RosterMessage.count(max(0, rows.count - 1), commune: code).text(in: language))
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

    @OptionGroup var source: Source

    func run() throws {
      let language = source.languageOption.language
      try reportingErrors(in: language) {
        let code = try source.communeOption.listedCode()
        let positions = try source.coursesOption.positionNames()
        let official = try source.resultsOption.directory.store(for: code).addToRoster(
          name: name, position: position, positions: positions)
        print(
          RosterMessage.added(name: official.name, position: official.position, commune: official.communeCode)
            .text(in: language))
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

    @OptionGroup var source: Source

    func run() throws {
      let language = source.languageOption.language
      let report = try reportingErrors(in: language) {
        let code = try source.communeOption.listedCode()
        let positions = try source.coursesOption.positionNames()
        return try source.resultsOption.directory.store(for: code).importRoster(
          file: file, positions: positions)
      }
      print(
        RosterMessage.imported(added: report.added.count, present: report.alreadyPresent.count).text(
          in: language))
      for entry in report.skipped {
        let problem = RosterMessage.skipped(entry.row, entry.problem).text(in: language)
        printError("\(file):\(entry.row.line): " + problem, in: language)
      }
      if !report.skipped.isEmpty { throw ExitCode(1) }
    }
  }

  /// Who makes a roster change, for its record: `--by`, else the computer's user.
  struct ChangeOptions: ParsableArguments {
    @Option(name: .long, help: "Người thay đổi / who makes the change (default: this computer's user).")
    var by: String?

    var who: String { by ?? ProcessInfo.processInfo.environment["USER"] ?? "?" }
  }

  /// `papi-train roster remove --commune CODE NAME|ID`.
  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Xoá một mục chưa làm bài / remove an entry with no attempts (a registration by mistake).")

    @Argument(help: "Họ tên hoặc mã / the official's name or id.") var official: String
    @OptionGroup var change: ChangeOptions
    @OptionGroup var source: Source

    func run() throws {
      try source.changeRoster { store in
        .removed(name: try store.removeFromRoster(official, by: change.who).oldName)
      }
    }
  }

  /// `papi-train roster rename --commune CODE NAME|ID NEW-NAME`.
  struct Rename: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Sửa tên / correct an entry's name.")

    @Argument(help: "Họ tên hoặc mã / the official's name or id.") var official: String
    @Argument(help: "Tên đúng / the right name.") var name: String
    @OptionGroup var change: ChangeOptions
    @OptionGroup var source: Source

    func run() throws {
      try source.changeRoster { store in
        let done = try store.renameOnRoster(official, to: name, by: change.who)
        return .renamed(old: done.oldName, new: done.newName)
      }
    }
  }

  /// `papi-train roster merge --commune CODE GOES KEPT`.
  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Gộp hai mục của một người / merge two entries of one person (attempts follow the kept one).")

    @Argument(help: "Mục bỏ (tên hoặc mã) / the entry that goes.") var official: String
    @Argument(help: "Mục giữ (tên hoặc mã) / the entry kept.") var kept: String
    @OptionGroup var change: ChangeOptions
    @OptionGroup var source: Source

    func run() throws {
      try source.changeRoster { store in
        let (done, moved) = try store.mergeOnRoster(official, into: kept, by: change.who)
        return .merged(name: done.oldName, into: done.newName, attempts: moved)
      }
    }
  }

  /// `papi-train roster changes --commune CODE`: the record of changes.
  struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Lịch sử thay đổi / the record of roster changes: who, when, what.")

    @OptionGroup var source: Source

    func run() throws {
      let language = source.languageOption.language
      try reportingErrors(in: language) {
        let code = try source.communeOption.code()
        let changes = try source.resultsOption.directory.readOnlyStore(for: code)?.rosterChanges() ?? []
        print(ClassMessage.changesHeader.text(in: language))
        printLines(changes.map { ClassMessage.line(for: $0, in: language) })
      }
    }
  }
}

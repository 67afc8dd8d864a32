import ArgumentParser
import Foundation
import Gradebook
import Localization
import ResultsAnalysis
import TerminalUI
import Units

/// The options every `papi-train roster` command takes, and what each does with them.
public struct RosterSource: ParsableArguments {
  @OptionGroup var communeOption: CommuneOption
  @OptionGroup var resultsOption: ResultsOption
  @OptionGroup var coursesOption: CoursesOption
  @OptionGroup var languageOption: LanguageOption

  public init() {}

  var language: Language { languageOption.language }

  /// `roster list`: the commune's officials as a table, and how many.
  public func list() throws {
    try reportingErrors(in: language) {
      let code = try communeOption.code()
      let names = Dictionary(
        ((try? coursesOption.positions()) ?? []).map { ($0.id, $0.name.text(in: language)) },
        uniquingKeysWith: { first, _ in first })
      let rows =
        try resultsOption.directory.readOnlyStore(for: code)?.rosterTable(
          positionNames: names, language: language) ?? []
      if rows.count > 1 { printLines(TextTable(rows).lines) }
      print(RosterMessage.count(max(0, rows.count - 1), commune: code).text(in: language))
    }
  }

  /// `roster add NAME --position P`.
  public func add(name: String, position: String) throws {
    try reportingErrors(in: language) {
      let official = try resultsOption.directory.store(for: try communeOption.listedCode()).addToRoster(
        name: name, position: position, positions: try coursesOption.positionNames())
      print(
        RosterMessage.added(name: official.name, position: official.position, commune: official.communeCode)
          .text(in: language))
    }
  }

  /// `roster import FILE`: every row it can, the others listed on standard error (exit 1).
  public func importRoster(file: String) throws {
    let report = try reportingErrors(in: language) {
      try resultsOption.directory.store(for: try communeOption.listedCode()).importRoster(
        file: file, positions: try coursesOption.positionNames())
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

  /// `roster remove|rename|merge`: a trainer's change to the roster: the passphrase asked, the
  /// commune's store opened, and what `change` says it did printed in the user's language.
  public func change(_ change: (CommuneStore) throws -> ClassMessage) throws {
    try requireRole(.trainer, language: language)
    try reportingErrors(in: language) {
      let store = try resultsOption.directory.store(for: try communeOption.code())
      print(try change(store).text(in: language))
    }
  }

  /// `roster changes`: the record of changes.
  public func changes() throws {
    try reportingErrors(in: language) {
      let code = try communeOption.code()
      let changes = try resultsOption.directory.readOnlyStore(for: code)?.rosterChanges() ?? []
      print(ClassMessage.changesHeader.text(in: language))
      printLines(changes.map { ClassMessage.line(for: $0, in: language) })
    }
  }
}

/// Who makes a roster change, for its record: `--by`, else the computer's user.
public struct RosterChangeOptions: ParsableArguments {
  @Option(name: .long, help: .help(.changedBy))
  var by: String?

  public init() {}

  /// The name recorded.
  public var who: String { by ?? ProcessInfo.processInfo.environment["USER"] ?? "?" }
}

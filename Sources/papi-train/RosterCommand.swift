import ArgumentParser
import PapiTrainCLI

/// `papi-train roster list|add|import|remove|rename|merge|changes`: the officials of a commune.
struct RosterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    .roster, name: "roster",
    subcommands: [List.self, Add.self, Import.self, Remove.self, Rename.self, Merge.self, Changes.self])

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(.rosterList)

    @OptionGroup var source: RosterSource

    func run() throws { try source.list() }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(.rosterAdd)

    @Argument(help: .help(.officialName)) var name: String
    @Option(name: .long, help: .help(.position)) var position: String
    @OptionGroup var source: RosterSource

    func run() throws { try source.add(name: name, position: position) }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(.rosterImport)

    @Argument(help: .help(.rosterFile)) var file: String
    @OptionGroup var source: RosterSource

    func run() throws { try source.importRoster(file: file) }
  }

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(.rosterRemove)

    @Argument(help: .help(.officialOrID)) var official: String
    @OptionGroup var change: RosterChangeOptions
    @OptionGroup var source: RosterSource

    func run() throws {
      try source.change { .removed(name: try $0.removeFromRoster(official, by: change.who).oldName) }
    }
  }

  struct Rename: ParsableCommand {
    static let configuration = CommandConfiguration(.rosterRename)

    @Argument(help: .help(.officialOrID)) var official: String
    @Argument(help: .help(.rightName)) var name: String
    @OptionGroup var change: RosterChangeOptions
    @OptionGroup var source: RosterSource

    func run() throws {
      try source.change { store in
        let done = try store.renameOnRoster(official, to: name, by: change.who)
        return .renamed(old: done.oldName, new: done.newName)
      }
    }
  }

  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(.rosterMerge)

    @Argument(help: .help(.entryThatGoes)) var official: String
    @Argument(help: .help(.entryKept)) var kept: String
    @OptionGroup var change: RosterChangeOptions
    @OptionGroup var source: RosterSource

    func run() throws {
      try source.change { store in
        let (done, moved) = try store.mergeOnRoster(official, into: kept, by: change.who)
        return .merged(name: done.oldName, into: done.newName, attempts: moved)
      }
    }
  }

  struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(.rosterChanges)

    @OptionGroup var source: RosterSource

    func run() throws { try source.changes() }
  }
}

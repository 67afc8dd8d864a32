import ArgumentParser
import PapiTrainCLI
import ResultsAnalysis

/// `papi-train class create|list|show|close`: a trainer's classes (needs the trainer passphrase).
struct ClassCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    .trainingClass, name: "class", subcommands: [Create.self, List.self, Show.self, Close.self])

  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(.classCreate)

    @Option(name: .long, help: .help(.classTitle)) var title: String
    @Option(name: .long, help: .help(.classTrainer)) var trainer: String
    @Option(name: .long, help: .help(.classPlace)) var place: String
    @Option(name: .long, help: .help(.classStart)) var start: String
    @Option(name: .long, help: .help(.classEnd)) var end: String?
    @Option(name: .long, help: .help(.classCommunes)) var commune: [String] = []
    @Option(name: .long, help: .help(.classPretest)) var pretest: String?
    @Option(name: .long, help: .help(.classPosttest)) var posttest: String?
    @OptionGroup var folders: FolderOptions

    func run() throws {
      let draft = ClassDesk.Draft(
        title: title, trainer: trainer, place: place, start: start, end: end, communes: commune,
        pretest: pretest, posttest: posttest)
      try folders.classDesk { try $0.create(draft).1 }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(.classList)

    @Flag(name: .long, help: .help(.classOpen)) var open = false
    @Flag(name: .long, help: .help(.classClosed)) var closed = false
    @Option(name: .long, help: .help(.classCommune)) var commune: String?
    @OptionGroup var folders: FolderOptions

    func run() throws {
      let filter: ClassDesk.Filter = open == closed ? .all : (open ? .open : .closed)
      try folders.classDesk { try $0.list(filter, commune: commune) }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(.classShow)

    @Argument(help: .help(.classCode)) var code: String
    @OptionGroup var folders: FolderOptions

    func run() throws { try folders.classDesk { try $0.show(code) } }
  }

  struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(.classClose)

    @Argument(help: .help(.classCodeOrID)) var code: String
    @OptionGroup var folders: FolderOptions

    func run() throws { try folders.classDesk { try $0.close(code) } }
  }
}

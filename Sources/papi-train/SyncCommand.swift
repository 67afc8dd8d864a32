import ArgumentParser
import PapiTrainCLI

/// `papi-train sync [enrol URL CODE]`: sends this commune's results to the province server.
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    .sync, name: "sync", subcommands: [Push.self, Enrol.self], defaultSubcommand: Push.self)

  struct Push: ParsableCommand {
    static let configuration = CommandConfiguration(.syncPush, name: "push")

    @OptionGroup var resultsOption: ResultsOption
    @OptionGroup var coursesOption: CoursesOption
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      try SyncActions.push(resultsOption, courses: coursesOption, language: languageOption.language)
    }
  }

  struct Enrol: ParsableCommand {
    static let configuration = CommandConfiguration(.syncEnrol)

    @Argument(help: .help(.serverURL)) var url: String
    @Argument(help: .help(.enrolmentCode)) var code: String
    @OptionGroup var languageOption: LanguageOption

    func run() throws { try SyncActions.enrol(server: url, code: code, language: languageOption.language) }
  }
}

import ArgumentParser
import PapiTrainCLI

/// `papi-train keys enrol|list|revoke`: the machines the province trusts to send results.
struct KeysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    .keys, name: "keys", subcommands: [Enrol.self, List.self, Revoke.self])

  struct Enrol: ParsableCommand {
    static let configuration = CommandConfiguration(.keysEnrol)

    @Argument(help: .help(.publicKeyFile)) var file: String
    @OptionGroup var communeOption: CommuneOption
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      try KeysActions.enrol(file: file, commune: communeOption, language: languageOption.language)
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(.keysList)

    @OptionGroup var languageOption: LanguageOption

    func run() throws { try KeysActions.list(language: languageOption.language) }
  }

  struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(.keysRevoke)

    @Argument(help: .help(.key)) var key: String
    @OptionGroup var languageOption: LanguageOption

    func run() throws { try KeysActions.revoke(key, language: languageOption.language) }
  }
}

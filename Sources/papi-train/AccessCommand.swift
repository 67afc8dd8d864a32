import Access
import ArgumentParser
import PapiTrainCLI

/// `papi-train access setup|status`: the trainer and leader passphrases of this computer.
struct AccessCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    .access, name: "access", subcommands: [Setup.self, Status.self])

  struct Setup: ParsableCommand {
    static let configuration = CommandConfiguration(.accessSetup)

    @Option(name: .long, help: .help(.role)) var role: Role
    @OptionGroup var languageOption: LanguageOption

    func run() throws { try AccessActions.setup(role, language: languageOption.language) }
  }

  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(.accessStatus)

    @OptionGroup var languageOption: LanguageOption

    func run() throws { try AccessActions.status(language: languageOption.language) }
  }
}

/// `papi-train sign FILE...`: signs exports or results files with this computer's key.
struct SignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(.sign, name: "sign")

  @Argument(help: .help(.filesToSign)) var files: [String] = []
  @Option(name: .long, help: .help(.signingKey)) var key: String?
  @Flag(name: .long, help: .help(.printKey)) var printKey = false
  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    try AccessActions.sign(files, key: key, printKey: printKey, language: languageOption.language)
  }
}

/// `papi-train verify FILE...`: tells whether signed files are intact, and who signed them.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(.verify, name: "verify")

  @Argument(help: .help(.filesToVerify)) var files: [String]
  @Option(name: .long, help: .help(.trust)) var trust: String?
  @OptionGroup var languageOption: LanguageOption

  func run() throws { try AccessActions.verify(files, trust: trust, language: languageOption.language) }
}

import Access
import ArgumentParser
import Foundation
import Units

/// `papi-train keys enrol|list|revoke`: the machines the province trusts to send results.
struct KeysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "Máy tin cậy của tỉnh / the commune machines the province trusts (merge --require-signature).",
    subcommands: [Enrol.self, List.self, Revoke.self])

  static var registry: TrustRegistry { .default(environment: ProcessInfo.processInfo.environment) }

  struct Enrol: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Đăng ký khoá của một máy / enrol a machine's public key for a commune.",
      discussion: "FILE holds the key `papi-train sign --print-key` printed on the commune's machine.")

    @Argument(help: "Tệp khoá công khai / the file with the public key.")
    var file: String

    @OptionGroup var communeOption: CommuneOption
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      try requireRole(.leader, language: language)
      try reportingErrors(in: language) {
        let key = try TrustRegistry.publicKey(inFile: file)
        let machine = try KeysCommand.registry.enrol(publicKey: key, commune: try communeOption.code())
        print(TrustMessage.enrolled(machine).text(in: language))
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Liệt kê / list the enrolled machines.")

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      try requireRole(.trainer, language: language)
      try reportingErrors(in: language) {
        let registry = KeysCommand.registry
        let machines = try registry.machines()
        if machines.isEmpty { print(TrustMessage.noMachines(registry.url.path).text(in: language)) }
        printLines(machines.map { TrustMessage.listed($0).text(in: language) })
      }
    }
  }

  struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Thu hồi khoá / revoke a machine's key (the whole key, or its first 8 characters or more).")

    @Argument(help: "Khoá / the key.")
    var key: String

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      let language = languageOption.language
      try requireRole(.leader, language: language)
      try reportingErrors(in: language) {
        print(TrustMessage.revokedNow(try KeysCommand.registry.revoke(key)).text(in: language))
      }
    }
  }
}

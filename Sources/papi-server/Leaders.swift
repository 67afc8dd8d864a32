import ArgumentParser
import Foundation
import ProvinceServer
import TerminalUI
import Units

#if canImport(Glibc)
  import Glibc
#endif

/// `papi-server leaders add NAME --province CODE` and `leaders list`: the accounts that sign in
/// to the leaders' web pages.
struct Leaders: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Tài khoản lãnh đạo tỉnh / province leaders' accounts", subcommands: [Add.self, List.self])

  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Tạo tài khoản lãnh đạo (mật khẩu nhập không hiện) / add a leader (the passphrase is read without echo)"
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The leader's sign-in name") var name: String
    @Option(help: "The province's code (of the units list)") var province: String
    @Option(help: "The administrative units list") var units = UnitHierarchy.defaultPath

    func run() async throws {
      let logger = database.logger()
      try await report {
        let code = try LeaderProvince.code(province, unitsPath: units)
        let passphrase = try readPassphrase()
        try await ServerApplication.withDatabase(try database.settings(), logger: logger) {
          try await $0.addLeader(name: name, province: code, passphrase: passphrase)
        }
        print(WebMessage.leaderAdded(name: name, province: code.rawValue).text(in: language))
      }
    }

    /// The passphrase, twice on a terminal (not echoed), once from a pipe.
    func readPassphrase() throws -> String {
      guard let first = Terminal.readSecretLine(prompt: WebMessage.passphrasePrompt.text(in: language)),
        !first.isEmpty
      else { throw WebMessage.noPassphrase }
      if isatty(STDIN_FILENO) == 1 {
        let again = Terminal.readSecretLine(prompt: WebMessage.passphraseAgain.text(in: language))
        guard again == first else { throw WebMessage.passphrasesDiffer }
      }
      return first
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Các tài khoản lãnh đạo / the leaders")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
      let logger = database.logger()
      try await report {
        let leaders = try await ServerApplication.withDatabase(try database.settings(), logger: logger) {
          try await $0.leaders()
        }
        if leaders.isEmpty { print(WebMessage.noLeaders.text(in: language)) }
        for leader in leaders {
          print(leader.listing.text(in: language))
        }
      }
    }
  }
}

import Foundation
import PapiTrainCLI
import PapiTrainTesting
import Testing

/// `--help` speaks both languages: every command's abstract and every option's help shown comes
/// from PapiTrainCLI's catalogues (so MessageCatalogueTests checks each in Vietnamese and English),
/// and every entry of the catalogues is shown somewhere.
@Suite struct HelpTests {
  /// What ArgumentParser adds to every command itself (in English only).
  static let builtIn: Set<String> = ["Show help information.", "Show the version."]

  /// The commands and arguments as the binary describes them (`--experimental-dump-help`).
  static func tree() throws -> [String: Any] {
    let result = try PapiTrainProcess.run(["--experimental-dump-help"])
    #expect(result.status == 0, "\(result.error)")
    let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    return try #require(json?["command"] as? [String: Any])
  }

  /// Every command below `command` (itself included) but ArgumentParser's own `help`.
  static func commands(_ command: [String: Any]) -> [[String: Any]] {
    guard command["commandName"] as? String != "help" else { return [] }
    let subcommands = command["subcommands"] as? [[String: Any]] ?? []
    return [command] + subcommands.flatMap(commands)
  }

  static func arguments(_ command: [String: Any]) -> [String] {
    let arguments = command["arguments"] as? [[String: Any]] ?? []
    return arguments.filter { $0["shouldDisplay"] as? Bool ?? true }.compactMap { $0["abstract"] as? String }
      .filter { !builtIn.contains($0) }
  }

  @Test func everyAbstractAndDiscussionComesFromTheCatalogue() throws {
    let known = Dictionary(CommandHelp.allCases.map { ($0.abstract, $0) }) { first, _ in first }
    #expect(known.count == CommandHelp.allCases.count, "two commands share an abstract")
    var shown: Set<CommandHelp> = []
    for command in Self.commands(try Self.tree()) {
      let name = command["commandName"] as? String ?? "?"
      let abstract = command["abstract"] as? String ?? ""
      let help = try #require(known[abstract], "\(name): \"\(abstract)\" is in no catalogue")
      #expect((command["discussion"] as? String ?? "") == help.discussion, "\(name)")
      shown.insert(help)
    }
    #expect(Set(CommandHelp.allCases).subtracting(shown).isEmpty, "never shown")
  }

  @Test func everyOptionsHelpComesFromTheCatalogue() throws {
    let known = Dictionary(OptionHelp.allCases.map { ($0.bilingual, $0) }) { first, _ in first }
    #expect(known.count == OptionHelp.allCases.count, "two entries say the same")
    var shown: Set<OptionHelp> = []
    for command in Self.commands(try Self.tree()) {
      for abstract in Self.arguments(command) {
        let name = command["commandName"] as? String ?? "?"
        shown.insert(try #require(known[abstract], "\(name): \"\(abstract)\" is in no catalogue"))
      }
    }
    #expect(Set(OptionHelp.allCases).subtracting(shown).isEmpty, "never shown")
  }

  /// `--help` as a user reads it: Vietnamese then English, whatever PAPI_LANG says.
  @Test(arguments: ["vi", "en"])
  func helpShowsBothLanguages(_ language: String) throws {
    let result = try PapiTrainProcess.run(["roster", "add", "--help"], environment: ["PAPI_LANG": language])
    #expect(result.status == 0)
    let shown = result.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for help in [
      CommandHelp.rosterAdd.abstract, OptionHelp.officialName.bilingual, OptionHelp.commune.bilingual,
    ] {
      #expect(shown.contains(help), "\(help) not in \(shown)")
    }
    #expect(shown.contains(CommandHelp.rosterAdd.discussion))
  }
}

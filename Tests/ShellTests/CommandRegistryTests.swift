import Curriculum
import Foundation
import Localization
import PapiTrainTesting
import Testing
import VietnameseText

@testable import Shell

/// The registry builds lookup, "did you mean", completion and help from the commands' declarations.
@Suite struct CommandRegistryTests {
  @Test func commandsAreFoundByNameOrVietnameseAliasWithoutDiacritics() {
    #expect(CommandRegistry.named("thoát")?.name == "quit")
    #expect(CommandRegistry.named("GIÚP")?.name == "help")
    #expect(CommandRegistry.named("on-lai")?.name == "review")
    #expect(CommandRegistry.named("ôn-lại")?.name == "review")
    #expect(CommandRegistry.named("nonsense") == nil)
  }

  @Test func everyNameOfEveryCommandLeadsToItAndToNoOther() {
    let keys = CommandRegistry.allKeys
    #expect(Set(keys).count == keys.count, "two commands share a name: \(keys)")
    for command in CommandRegistry.commands {
      for name in [command.name] + command.aliases {
        #expect(CommandRegistry.named(name)?.name == command.name, "\(name)")
        #expect(CommandRegistry.named(name.uppercased())?.name == command.name, "\(name)")
      }
      #expect(command.usage.hasPrefix(command.name))
      for language in Language.allCases {
        #expect(!command.summary.text(in: language).isEmpty && !command.details.text(in: language).isEmpty)
      }
    }
    #expect(
      CommandRegistry.commands.filter { $0.needs.contains(.trainer) }.map { $0.name } == [
        "class", "items", "roster",
      ])
  }

  @Test func tabCompletesCommandsThenTheirArguments() {
    let complete = CommandRegistry.completion(library: library).candidates
    #expect(complete("", "q") == ["quiz", "quit"])
    #expect(complete("help ", "co") == ["courses", "course"])
    #expect(complete("lang ", "") == ["en", "vi"])
    #expect(complete("kiemtra ", "mini-p") == ["mini-pre", "mini-post", "mini-practice"])
    #expect(complete("đọc ", "mini") == ["mini-l1"])
    #expect(complete("review ", "") == ["mini"])
    #expect(complete("whoami ", "") == [])
    #expect(complete("quiz mini-pre ", "") == [])
  }

  /// A command is one file: every `NAMECommand.swift` of Sources/Shell/Commands declares the type
  /// `NAMECommand`, and the build plugin has put it in the registry (a declaration it cannot read,
  /// say one split over lines, fails here rather than leaving a command out of the shell).
  @Test func everyFileInCommandsIsARegisteredCommand() throws {
    let folder = Repository.root.appendingPathComponent("Sources/Shell/Commands")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".swift")
    }
    let registered = Set(CommandRegistry.commands.map { String(describing: $0) })
    #expect(files.count >= 15)
    for file in files {
      #expect(
        registered.contains(String(file.dropLast(".swift".count))), "\(file) is not a registered command")
    }
    #expect(registered.count == CommandRegistry.commands.count)
  }

  @Test func theShippedCommandsKeepTheirPlaceInHelp() {
    let shipped = [
      "help", "courses", "course", "read", "next", "quiz", "review", "progress", "weak", "class", "items",
      "roster", "whoami", "switch", "lang", "quit",
    ]
    let names = CommandRegistry.commands.map { $0.name }
    #expect(names.filter { shipped.contains($0) } == shipped)
  }

  /// An official's help lists every command an official can run (not the trainer's views), once,
  /// in the registry's order.
  @Test func helpListsEveryCommandOfTheSessionOnceInTheRegistrysOrder() {
    let transcript = session(["12345", "An", "c", "1", "help", "quit"]).transcript
    let help = transcript[transcript.range(of: "Các lệnh:")!.upperBound...]
    let officials = CommandRegistry.commands.filter { !$0.needs.contains(.trainer) }
    let listed = help.split(separator: "\n").prefix(officials.count + 1).map {
      String($0.split(separator: " ")[0])
    }
    #expect(listed == officials.map { $0.name } + ["Gõ"])
    #expect(officials.count < CommandRegistry.commands.count)
  }

  /// The help's summaries keep a column of their own at 60 columns, a long one wrapped within it;
  /// at 40 each summary goes under its command. No line is wider than the screen.
  @Test(arguments: [60, 40]) func helpFitsANarrowScreen(width: Int) {
    let transcript = session(["12345", "An", "c", "1", "help", "quit"], width: width).transcript
    let start = transcript.range(of: "Các lệnh:\n")!.upperBound
    let end = transcript.range(of: "Gõ 'help", range: start..<transcript.endIndex)!.lowerBound
    let lines = transcript[start..<end].split(separator: "\n").map(String.init)
    #expect(lines.allSatisfy { $0.displayWidth <= width })
    let commandLines = lines.filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
    let officials = CommandRegistry.commands.filter { !$0.needs.contains(.trainer) }
    #expect(commandLines.count == officials.count)
    if width == 60 {
      let column = 4 + (officials.map { $0.usage.displayWidth }.max() ?? 0)
      let others = lines.filter { !commandLines.contains($0) }
      #expect(!others.isEmpty)
      #expect(others.allSatisfy { $0.prefix(column).allSatisfy(\.isWhitespace) && $0.displayWidth > column })
    } else {
      #expect(lines.filter { $0.hasPrefix("      ") }.count >= commandLines.count)
    }
  }
}

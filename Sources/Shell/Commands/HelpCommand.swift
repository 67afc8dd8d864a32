import Localization
import VietnameseText

/// `help [COMMAND]`: every command with one line each, or one command in detail.
enum HelpCommand: ShellCommand {
  static let name = "help"
  static let helpOrder = 10
  static let aliases = ["giúp", "trợ giúp"]
  static let usage = "help [LỆNH]"
  static let argument = CommandArgument.command
  static let needs: Set<CommandNeed> = []
  static let summary = LocalizedText(
    vi: "xem các lệnh, hoặc chi tiết một lệnh", en: "list commands, or explain one")
  static let details = LocalizedText(
    vi: "help liệt kê mọi lệnh; help quiz giải thích lệnh quiz.",
    en: "help lists every command; help quiz explains the quiz command.")

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    argument.isEmpty ? list(in: context) : explain(argument, in: context)
    return .proceed
  }

  /// The commands that run in this session: a trainer is not shown the officials' commands,
  /// nor an official the trainer's views.
  private static func list(in context: CommandContext) {
    context.say(Text.helpHeader)
    let commands = CommandRegistry.commands(in: context)
    let width = commands.map { $0.usage.displayWidth }.max() ?? 0
    let wrapper = context.console.wrapper
    // The summaries in a column of their own, wrapped within it; on a screen too narrow for a
    // column of 20, each summary goes under its command.
    let column = wrapper.width - width - 4 >= 20
    for command in commands {
      let summary = command.summary.text(in: context.language)
      let lines =
        column
        ? wrapper.wrap(
          summary, firstPrefix: "  " + command.usage.padded(toDisplayWidth: width) + "  ",
          restPrefix: String(repeating: " ", count: width + 4))
        : ["  " + command.usage] + wrapper.wrap(summary, firstPrefix: "      ", restPrefix: "      ")
      for line in lines { context.line(line) }
    }
    context.say(Text.helpFooter)
  }

  private static func explain(_ word: String, in context: CommandContext) {
    guard let command = CommandRegistry.named(word) else { return context.say(Text.noHelp(word)) }
    let names = ([command.name] + command.aliases).joined(separator: ", ")
    context.line(context.style.bold(command.usage) + "  (" + names + ")")
    for text in context.wrapped(command.details.text(in: context.language), indent: "  ") {
      context.line(text)
    }
  }
}

extension HelpCommand {
  /// The messages of `help`.
  enum Text: LocalizedMessage {
    case helpHeader
    case helpFooter
    case noHelp(String)

    func text(in language: Language) -> String {
      switch (self, language) {
      case (.helpHeader, .vietnamese): "Các lệnh:"
      case (.helpHeader, .english): "Commands:"
      case (.helpFooter, .vietnamese):
        "Gõ 'help LỆNH' để xem chi tiết. Tab gợi ý lệnh, mã khoá học, bài học và bài kiểm tra."
      case (.helpFooter, .english):
        "Type 'help COMMAND' for details. Tab completes commands and course, lesson and quiz ids."
      case (.noHelp(let command), .vietnamese): "Không có lệnh '\(command)'."
      case (.noHelp(let command), .english): "No command '\(command)'."
      }
    }
  }
}

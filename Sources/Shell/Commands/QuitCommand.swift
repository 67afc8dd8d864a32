import Localization

/// `quit`: leaves the shell (Ctrl-D does the same).
enum QuitCommand: ShellCommand {
  static let name = "quit"
  static let helpOrder = 150
  static let aliases = ["thoát", "exit"]
  static let usage = "quit"
  static let needs: Set<CommandNeed> = []
  static let summary = LocalizedText(vi: "thoát (hoặc Ctrl-D)", en: "leave (or Ctrl-D)")
  static let details = LocalizedText(vi: "Mọi câu trả lời đã được lưu.", en: "Every answer is already saved.")

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome { .quit }
}

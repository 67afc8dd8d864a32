import Localization

/// `switch`: ends this official's session and asks the next person who they are.
enum SwitchCommand: ShellCommand {
  static let name = "switch"
  static let helpOrder = 130
  static let aliases = ["đổi người"]
  static let usage = "switch"
  static let needs: Set<CommandNeed> = []
  static let summary = LocalizedText(
    vi: "đổi người dùng (máy dùng chung)", en: "change user (shared computer)")
  static let details = LocalizedText(
    vi: "Kết thúc phiên của bạn và hỏi lại xã và họ tên cho người tiếp theo.",
    en: "Ends your session and asks the next person for their commune and name.")

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome { .switchUser }
}

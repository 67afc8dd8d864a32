import Localization

/// `lang vi|en`: the language of every message from now on.
enum LangCommand: ShellCommand {
  static let name = "lang"
  static let helpOrder = 140
  static let aliases = ["ngôn ngữ"]
  static let usage = "lang vi|en"
  static let argument = CommandArgument.language
  static let needs: Set<CommandNeed> = []
  static let summary = LocalizedText(vi: "đổi ngôn ngữ", en: "change language")
  static let details = LocalizedText(
    vi: "lang en: tiếng Anh; lang vi: tiếng Việt.", en: "lang en: English; lang vi: Vietnamese.")

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    switch argument.lowercased() {
    case "en": context.console.language = .english
    case "vi": context.console.language = .vietnamese
    default: return context.sayUsage(of: self)
    }
    context.say(Text.languageSet)
    return .proceed
  }
}

extension LangCommand {
  /// The messages of `lang`.
  enum Text: LocalizedMessage {
    case languageSet

    func text(in language: Language) -> String {
      switch (self, language) {
      case (.languageSet, .vietnamese): "Đã chuyển sang tiếng Việt."
      case (.languageSet, .english): "Switched to English."
      }
    }
  }
}

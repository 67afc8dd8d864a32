import Localization

/// `whoami`: the official signed in, their position and commune.
enum WhoamiCommand: ShellCommand {
  static let name = "whoami"
  static let helpOrder = 120
  static let aliases = ["tôi là"]
  static let usage = "whoami"
  static let summary = LocalizedText(vi: "bạn đang đăng nhập là ai", en: "who is signed in")
  static let details = LocalizedText(
    vi: "Tên, vị trí công tác và xã của bạn.", en: "Your name, position and commune.")

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    guard let signedIn = context.signedIn else { return .proceed }
    let official = signedIn.official
    context.say(
      Text.whoami(
        name: official.name, position: context.library.positionName(official.position, in: context.language),
        commune: signedIn.commune.fullName))
    return .proceed
  }
}

extension WhoamiCommand {
  /// The messages of `whoami`.
  enum Text: LocalizedMessage {
    case whoami(name: String, position: String, commune: String)

    func text(in language: Language) -> String {
      switch (self, language) {
      case (.whoami(let name, let position, let commune), .vietnamese): "\(name), \(position), \(commune)"
      case (.whoami(let name, let position, let commune), .english): "\(name), \(position), \(commune)"
      }
    }
  }
}

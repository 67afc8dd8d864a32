import ArgumentParser

extension ArgumentHelp {
  /// The help of an option or argument from the catalogue, in both languages.
  public static func help(_ help: OptionHelp) -> ArgumentHelp { ArgumentHelp(help.bilingual) }
}

extension CommandConfiguration {
  /// A command's configuration with its abstract and discussion from the catalogue.
  public init(
    _ help: CommandHelp, name: String? = nil, subcommands: [any ParsableCommand.Type] = [],
    defaultSubcommand: (any ParsableCommand.Type)? = nil
  ) {
    self.init(
      commandName: name, abstract: help.abstract, discussion: help.discussion, subcommands: subcommands,
      defaultSubcommand: defaultSubcommand)
  }
}

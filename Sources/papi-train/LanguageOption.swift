import ArgumentParser
import Foundation
import Localization

extension Language: ExpressibleByArgument {}

/// The `--lang` option shared by every subcommand; PAPI_LANG in the environment is the default.
struct LanguageOption: ParsableArguments {
  @Option(name: .long, help: "Ngôn ngữ / language: vi or en (default: $PAPI_LANG, else vi).")
  var lang: Language?

  var language: Language {
    lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
  }
}

import ArgumentParser
import PapiTrainCLI

/// `papi-train courses pack|install|list`: course versions the province publishes and the
/// commune machines pull (docs/course-versions.md).
struct CoursesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    .courses, name: "courses", subcommands: [Pack.self, Install.self, List.self])

  struct Pack: ParsableCommand {
    static let configuration = CommandConfiguration(.coursesPack)

    @Argument(help: .help(.courseFolder)) var folder: String
    @Option(name: .shortAndLong, help: .help(.packageOutput)) var output: String
    @Option(name: .long, help: .help(.packageKey)) var key: String?
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      try CourseActions.pack(folder: folder, output: output, key: key, language: languageOption.language)
    }
  }

  struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(.coursesInstall)

    @Argument(help: .help(.packageFile)) var file: String
    @Option(name: .long, help: .help(.publisherKey)) var publisherKey: String
    @Option(name: .long, help: .help(.coursesFolder)) var courses: String = "Courses"
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      try CourseActions.install(
        file: file, publisherKey: publisherKey, courses: courses, language: languageOption.language)
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(.coursesList)

    @OptionGroup var languageOption: LanguageOption

    func run() throws { CourseActions.list() }
  }
}

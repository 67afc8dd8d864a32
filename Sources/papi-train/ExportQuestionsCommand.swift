import ArgumentParser
import PapiTrainCLI
import QuestionBank

/// `papi-train export-questions ID --format gift|moodle-xml|xlsx`: a course's or a quiz's questions
/// for Moodle or Excel.
struct ExportQuestionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(.exportQuestions, name: "export-questions")

  @Argument(help: .help(.questionsID)) var id: String
  @Option(name: .long, help: .help(.questionsFormat)) var format: BankFormat
  @Option(name: [.short, .long], help: .help(.questionsOutput)) var output: String?
  @Option(name: .long, help: .help(.coursesFolder)) var courses: String = "Courses"
  @Flag(name: .long, help: .help(.force)) var force = false
  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    try BankActions.exportQuestions(
      id, courses: courses, format: format, output: output, force: force, language: languageOption.language)
  }
}

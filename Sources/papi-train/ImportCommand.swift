import ArgumentParser
import PapiTrainCLI
import QuestionBank

/// `papi-train import FILE --course ID`: a question bank (GIFT, Aiken, Moodle XML, XLSX, CSV)
/// written into a course as ordinary course files.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(.importBank, name: "import")

  @Argument(help: .help(.bankFile)) var file: String
  @Option(name: .long, help: .help(.bankCourse)) var course: String
  @Option(name: .long, help: .help(.coursesFolder)) var courses: String = "Courses"
  @Option(name: .long, help: .help(.bankFormat)) var format: BankFormat?
  @Option(name: .long, help: .help(.bankPAPI)) var papi: [String] = []
  @Option(name: .long, help: .help(.bankSource)) var source: String?
  @Flag(name: .long, help: .help(.bankReplace)) var replace = false
  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    let options = ImportOptions(
      courseID: course, coursesDirectory: courses, defaultPAPI: BankActions.papiCodes(papi),
      defaultSource: source, replace: replace)
    try BankActions.importBank(file, format: format, into: options, language: languageOption.language)
  }
}

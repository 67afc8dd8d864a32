import ArgumentParser
import QuestionBank

/// `papi-train export-questions ID --format gift|moodle-xml|xlsx`: a course's or a quiz's questions
/// for Moodle or Excel.
struct ExportQuestionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-questions",
    abstract: "Xuất câu hỏi của khoá học hoặc bài kiểm tra / export a course's or a quiz's questions.",
    discussion: """
      Writes GIFT or Moodle XML that Moodle imports as the same questions, keys and feedback, or an \
      Excel workbook in the layout `papi-train import` reads. Ordering questions become matching \
      questions (items to positions) with a note.
      """
  )

  @Argument(help: "A course id or a quiz id.")
  var id: String

  @Option(name: .long, help: "gift, moodle-xml or xlsx (also csv; aiken keeps single-choice questions only).")
  var format: BankFormat

  @Option(name: [.short, .long], help: "The file to write (default: ID.gift, ID.xml or ID.xlsx).")
  var output: String?

  @Option(name: .long, help: "The Courses/ folder.")
  var courses: String = "Courses"

  @Flag(name: .long, help: "Replace an existing file.")
  var force = false

  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    let outcome = QuestionExport.run(id: id, courses: courses, format: format, output: output, force: force)
    for message in outcome.messages { print(message.text(in: languageOption.language)) }
    if !outcome.succeeded { throw ExitCode(1) }
  }
}

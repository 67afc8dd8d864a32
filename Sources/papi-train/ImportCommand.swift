import ArgumentParser
import Foundation
import QuestionBank

extension BankFormat: ExpressibleByArgument {}

/// `papi-train import FILE --course ID`: a question bank (GIFT, Aiken, Moodle XML, XLSX, CSV)
/// written into a course as ordinary course files.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Nhập ngân hàng câu hỏi vào khoá học / import a question bank into a course.",
    discussion: """
      Reads GIFT, Aiken, Moodle XML, XLSX or CSV (see Courses/README.md) and writes the questions into \
      course ID under DIR, creating the course if needed. Every problem is printed as file:line: message; \
      on any error nothing is written (exit 1). Missing PAPI codes, legal sources and explanations are \
      written marked 'CẦN ĐIỀN / TO FILL' for `papi-train lint` to report.
      """
  )

  @Argument(help: "The question bank file.")
  var file: String

  @Option(name: .long, help: "The course to import into (created when it does not exist).")
  var course: String

  @Option(name: .long, help: "The Courses/ folder.")
  var courses: String = "Courses"

  @Option(
    name: .long, help: "gift, aiken, moodle-xml, xlsx or csv (default: from the file's name and content).")
  var format: BankFormat?

  @Option(name: .long, help: "PAPI code(s) for questions that have none (repeatable or comma-separated).")
  var papi: [String] = []

  @Option(
    name: .long,
    help:
      "Legal source for questions that have none: 'registry-id | Điều 5, khoản 2', several separated by ' ; '."
  )
  var source: String?

  @Flag(name: .long, help: "Replace questions of the course that have the same ids.")
  var replace = false

  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    let options = ImportOptions(
      courseID: course, coursesDirectory: courses,
      defaultPAPI: papi.flatMap {
        $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
      },
      defaultSource: source, replace: replace)
    let outcome = QuestionImport.run(bank: file, format: format, options: options)
    for line in outcome.report(in: languageOption.language) { print(line) }
    if !outcome.succeeded { throw ExitCode(1) }
  }
}

import ArgumentParser
import Foundation
import Localization
import QuestionBank

extension BankFormat: ExpressibleByArgument {}

/// `papi-train import` and `export-questions`: question banks in and out of the courses.
public enum BankActions {
  /// `import FILE --course ID`: the bank's questions written into the course; exits 1 on any
  /// problem (nothing written).
  public static func importBank(
    _ file: String, format: BankFormat?, into options: ImportOptions, language: Language
  ) throws {
    let outcome = QuestionImport.run(bank: file, format: format, options: options)
    printLines(outcome.report(in: language))
    if !outcome.succeeded { throw ExitCode(1) }
  }

  /// The PAPI codes `--papi` gives, each repeatable or comma-separated.
  public static func papiCodes(_ given: [String]) -> [String] {
    given.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
  }

  /// `export-questions ID --format F`: a course's or a quiz's questions for Moodle or Excel.
  public static func exportQuestions(
    _ id: String, courses: String, format: BankFormat, output: String?, force: Bool, language: Language
  ) throws {
    let outcome = QuestionExport.run(id: id, courses: courses, format: format, output: output, force: force)
    printLines(outcome.messages.map { $0.text(in: language) })
    if !outcome.succeeded { throw ExitCode(1) }
  }
}

import Foundation
import Toolkit

/// The records of a roster file (the CSV a commune office keeps), with a
/// file that cannot be read at all told as a ``GradebookError/invalidFile(path:line:problem:)``.
func csvRecords(_ data: Data, path: String) throws -> [CSVRecord] {
  do {
    return try CSVReader.read(data, path: path)
  } catch let error as CSVReadError {
    let problem: GradebookError.FileProblem =
      switch error.problem {
      case .unterminatedQuote: .unterminatedQuote
      case .notUTF8: .notUTF8
      }
    throw GradebookError.invalidFile(path: error.path, line: error.line, problem: problem)
  }
}

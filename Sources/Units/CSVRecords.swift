import Foundation
import Toolkit

/// The records of a CSV file a user hands papi-train (a units file, a statistics-office list, a
/// commune's roster), with a file that cannot be read at all told as a
/// `UnitsError/invalidFile(path:line:problem:)`: the one place where Toolkit's `CSVReadError`
/// becomes a message.
public func readCSVRecords(_ data: Data, path: String) throws -> [CSVRecord] {
  do {
    return try CSVReader.read(data, path: path)
  } catch let error as CSVReadError {
    let problem: UnitsError.FileProblem =
      switch error.problem {
      case .unterminatedQuote: .unterminatedQuote
      case .notUTF8: .notUTF8
      }
    throw UnitsError.invalidFile(path: error.path, line: error.line, problem: problem)
  }
}

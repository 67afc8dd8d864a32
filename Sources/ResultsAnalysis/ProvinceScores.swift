import Curriculum
import Foundation
import Toolkit

/// A province's published PAPI dimension scores, as a leader supplies them: a small CSV with one
/// line per dimension, `D1,5.12` (a header line and a BOM are allowed, a comma or semicolon
/// separates, a decimal comma is accepted: `D1;5,12`).
public struct ProvinceScores: Sendable, Hashable {
  public var scores: [String: Double]

  /// A line that cannot be read, located.
  public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var problem: Problem

    public enum Problem: Sendable, Hashable {
      case columns(String)
      case unknownDimension(String)
      case notANumber(String)
      case outOfScale(Double, ClosedRange<Double>)
      case duplicate(String)
      case empty
      /// A quoted field that runs to the end of the file.
      case unterminatedQuote
    }

    public var description: String { "\(path):\(line): \(problem)" }
  }

  /// Reads `text`; `path` names the file in errors. Codes must be dimensions of `taxonomy`, scores
  /// within its scale. Fields are read as spreadsheets write them (Toolkit's ``CSVReader``: quotes,
  /// a quoted `"5,12"`), separated by semicolons when a line has one, else by commas; lines
  /// starting with `#` are comments.
  public init(parsing text: String, path: String, taxonomy: Taxonomy) throws {
    let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
    let isComment = { (line: Int) in
      line <= lines.count && lines[line - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#")
    }
    let semicolons = lines.contains {
      !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") && $0.contains(";")
    }
    let records: [CSVRecord]
    do {
      records = try CSVReader.read(Data(body.utf8), path: path, separator: semicolons ? ";" : ",")
    } catch let error as CSVReadError {
      throw ParseError(path: path, line: error.line, problem: .unterminatedQuote)
    }
    let rows = records.filter { !$0.isBlank && !isComment($0.line) }
    var scores: [String: Double] = [:]
    for record in rows {
      let cells = record.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      guard cells.count >= 2 else {
        throw ParseError(path: path, line: record.line, problem: .columns(cells.joined(separator: ",")))
      }
      let code = cells[0].uppercased()
      guard let value = Double(cells[1].replacingOccurrences(of: ",", with: ".")) else {
        // The first line may be a header such as "dimension,score".
        if record.line == rows.first?.line && taxonomy.dimensions.allSatisfy({ $0.code != code }) { continue }
        throw ParseError(path: path, line: record.line, problem: .notANumber(cells[1]))
      }
      guard taxonomy.dimensions.contains(where: { $0.code == code }) else {
        throw ParseError(path: path, line: record.line, problem: .unknownDimension(cells[0]))
      }
      guard taxonomy.scale.contains(value) else {
        throw ParseError(path: path, line: record.line, problem: .outOfScale(value, taxonomy.scale))
      }
      guard scores[code] == nil else {
        throw ParseError(path: path, line: record.line, problem: .duplicate(code))
      }
      scores[code] = value
    }
    guard !scores.isEmpty else { throw ParseError(path: path, line: 1, problem: .empty) }
    self.scores = scores
  }
}

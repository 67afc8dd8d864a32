import Curriculum
import Foundation

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
    }

    public var description: String { "\(path):\(line): \(problem)" }
  }

  /// Reads `text`; `path` names the file in errors. Codes must be dimensions of `taxonomy`, scores
  /// within its scale.
  public init(parsing text: String, path: String, taxonomy: Taxonomy) throws {
    var scores: [String: Double] = [:]
    let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    for (offset, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !line.isEmpty, !line.hasPrefix("#") else { continue }
      let number = offset + 1
      let separator: Character = line.contains(";") ? ";" : ","
      let cells = line.split(separator: separator, omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
      }
      guard cells.count >= 2 else {
        throw ParseError(path: path, line: number, problem: .columns(line))
      }
      let code = cells[0].uppercased()
      let valueText = cells[1].replacingOccurrences(of: ",", with: ".")
      guard let value = Double(valueText) else {
        // The first line may be a header such as "dimension,score".
        if scores.isEmpty && taxonomy.dimensions.allSatisfy({ $0.code != code })
          && number == Self.firstLine(body)
        {
          continue
        }
        throw ParseError(path: path, line: number, problem: .notANumber(cells[1]))
      }
      guard taxonomy.dimensions.contains(where: { $0.code == code }) else {
        throw ParseError(path: path, line: number, problem: .unknownDimension(cells[0]))
      }
      guard taxonomy.scale.contains(value) else {
        throw ParseError(path: path, line: number, problem: .outOfScale(value, taxonomy.scale))
      }
      guard scores[code] == nil else { throw ParseError(path: path, line: number, problem: .duplicate(code)) }
      scores[code] = value
    }
    guard !scores.isEmpty else { throw ParseError(path: path, line: 1, problem: .empty) }
    self.scores = scores
  }

  private static func firstLine(_ text: String) -> Int {
    for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      if !line.isEmpty && !line.hasPrefix("#") { return offset + 1 }
    }
    return 1
  }
}

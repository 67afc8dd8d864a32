import Foundation

/// Reads a question bank file in any format papi-train knows.
public enum BankReader {
  /// The bank at `path`, in `format` or the one its name and content show.
  public static func read(path: String, format: BankFormat? = nil) -> BankContents {
    guard let data = FileManager.default.contents(atPath: path) else {
      return BankContents(
        questions: [],
        problems: [
          BankProblem(.error, .unreadableFile(reason: "no such file"), at: BankLocation(file: path, line: 1))
        ])
    }
    guard let format = format ?? BankFormat.detect(path: path, data: data) else {
      return BankContents(
        questions: [],
        problems: [
          BankProblem(
            .error, .unknownFormat((path as NSString).lastPathComponent),
            at: BankLocation(file: path, line: 1))
        ])
    }
    return read(data, format: format, file: path)
  }

  public static func read(_ data: Data, format: BankFormat, file: String) -> BankContents {
    switch format {
    case .gift: GIFTReader().read(data, file: file)
    case .aiken: AikenReader().read(data, file: file)
    case .moodleXML: MoodleXMLReader().read(data, file: file)
    case .xlsx: SpreadsheetReader().readXLSX(data, file: file)
    case .csv: SpreadsheetReader().readCSV(data, file: file)
    }
  }
}

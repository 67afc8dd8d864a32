import Foundation
import Localization

/// Everything that can go wrong with administrative codes and unit lists, each saying what and
/// where (the file and line).
public enum UnitsError: Error, Sendable, Hashable, LocalizedMessage {
  /// A code that is not 1 to 12 ASCII digits.
  case invalidCode(String)
  /// A file or folder that could not be read or written, with the system's reason.
  case fileSystem(path: String, message: String)
  /// A problem in a units file or a statistics-office list, at a line (1-based).
  case invalidFile(path: String, line: Int, problem: FileProblem)
  /// Several problems found in one pass over a file, in line order.
  indirect case several([UnitsError])

  /// What is wrong with a line of a units file or a statistics-office list.
  public enum FileProblem: Sendable, Hashable {
    case unterminatedQuote
    case missingColumns([String])
    case noHeader(expected: [String])
    case invalidCode(column: String, value: String)
    case codeTooLong(column: String, value: String, width: Int)
    case emptyValue(column: String)
    case unknownLevel(String)
    case duplicateCode(String, firstLine: Int)
    case conflictingName(code: String, name: String, otherName: String, otherLine: Int)
    case conflictingParent(code: String)
    case unknownParent(code: String, parent: String)
    case wrongParentLevel(code: String, parent: String)
    case notUTF8
    case empty
    case fileExists
  }

  /// The message in `language`, naming the file (and line) concerned.
  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .invalidCode(let code):
      return vi
        ? "mã đơn vị hành chính '\(code)' không hợp lệ: chỉ gồm chữ số (ví dụ 03637)"
        : "'\(code)' is not an administrative code: digits only (for example 03637)"
    case .fileSystem(let path, let message):
      return vi ? "\(path): không đọc hoặc ghi được: \(message)" : "\(path): cannot read or write: \(message)"
    case .invalidFile(let path, let line, let problem):
      return "\(path):\(line): " + problem.text(in: language)
    case .several(let errors):
      return errors.map { $0.text(in: language) }.joined(separator: "\n")
    }
  }
}

extension UnitsError.FileProblem {
  func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .unterminatedQuote:
      return vi ? "dấu ngoặc kép mở nhưng không đóng" : "a quote is opened and never closed"
    case .missingColumns(let columns):
      return vi
        ? "thiếu cột: \(columns.joined(separator: ", "))"
        : "missing columns: \(columns.joined(separator: ", "))"
    case .noHeader(let expected):
      return vi
        ? "không tìm thấy dòng tiêu đề (cần các cột \(expected.joined(separator: ", ")))"
        : "no header row found (expected columns \(expected.joined(separator: ", ")))"
    case .invalidCode(let column, let value):
      return vi
        ? "cột '\(column)': '\(value)' không phải mã số" : "column '\(column)': '\(value)' is not a code"
    case .codeTooLong(let column, let value, let width):
      return vi
        ? "cột '\(column)': mã '\(value)' dài hơn \(width) chữ số"
        : "column '\(column)': code '\(value)' is longer than \(width) digits"
    case .emptyValue(let column):
      return vi ? "cột '\(column)' để trống" : "column '\(column)' is empty"
    case .unknownLevel(let level):
      return vi
        ? "cấp '\(level)' không hợp lệ (province, district hoặc commune)"
        : "unknown level '\(level)' (province, district or commune)"
    case .duplicateCode(let code, let firstLine):
      return vi
        ? "mã \(code) đã có ở dòng \(firstLine)" : "code \(code) already appears on line \(firstLine)"
    case .conflictingName(let code, let name, let otherName, let otherLine):
      return vi
        ? "mã \(code) mang tên '\(name)', nhưng dòng \(otherLine) ghi '\(otherName)'"
        : "code \(code) is named '\(name)' here but '\(otherName)' on line \(otherLine)"
    case .conflictingParent(let code):
      return vi
        ? "đơn vị \(code) thuộc một đơn vị cấp trên khác so với các dòng trước"
        : "unit \(code) belongs to a different parent than on earlier lines"
    case .unknownParent(let code, let parent):
      return vi
        ? "đơn vị \(code): không có đơn vị cấp trên mã \(parent)"
        : "unit \(code): no parent unit with code \(parent)"
    case .wrongParentLevel(let code, let parent):
      return vi
        ? "đơn vị \(code): \(parent) không thể là đơn vị cấp trên của nó"
        : "unit \(code): \(parent) cannot be its parent"
    case .notUTF8:
      return vi
        ? "tệp không phải UTF-8 (hãy lưu dạng \"CSV UTF-8\")"
        : "the file is not UTF-8 (save it as \"CSV UTF-8\")"
    case .empty:
      return vi ? "tệp trống" : "the file is empty"
    case .fileExists:
      return vi
        ? "tệp đã tồn tại; dùng --replace để ghi đè"
        : "the file already exists; use --replace to overwrite it"
    }
  }
}

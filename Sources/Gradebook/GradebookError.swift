import Foundation
import Localization
import Units

/// Everything that can go wrong with results and rosters, each saying what and where (codes and
/// unit lists have `UnitsError`).
///
/// None of these leaves stored data half-written: writes happen in transactions that roll back.
public enum GradebookError: Error, Sendable, Hashable, LocalizedMessage {
  /// The file is not an SQLite database at all.
  case notADatabase(path: String)
  /// An SQLite database, but not one papi-train wrote.
  case notAResultsDatabase(path: String)
  /// A results database written by a newer papi-train.
  case newerSchema(path: String, found: Int, supported: Int)
  /// SQLite reports damage (`PRAGMA quick_check` failed, or a page could not be read).
  case damaged(path: String, details: String)
  /// The file says it holds one commune's results but is named or used for another.
  case communeMismatch(path: String, found: CommuneCode, expected: CommuneCode)
  /// Any other SQLite failure, with the file it happened in.
  case database(path: String, message: String)
  /// A file or folder that could not be read or written, with the system's reason.
  case fileSystem(path: String, message: String)
  /// A write that did not reach the disk (disk full, file-size limit, read-only file or folder,
  /// I/O error); it was rolled back and nothing stored before it was touched.
  case notWritten(path: String, details: String)
  /// Nothing exists at the path.
  case noSuchFile(path: String)
  /// A folder given to merge holds no `.sqlite` file.
  case noResultsFiles(folder: String)

  case emptyName
  case emptyField(String)
  case unknownOfficial(OfficialID)
  case unknownAttempt(AttemptID)
  case unknownClass(ClassID)
  /// Answers can only be added to, and only in-progress attempts finished or abandoned.
  case attemptNotInProgress(AttemptID, AttemptStatus)
  case questionNotInAttempt(question: String, attempt: AttemptID)
  /// A different answer to the same question of the same attempt is already stored.
  case conflictingAnswer(question: String, attempt: AttemptID)
  case invalidNumber(field: String, value: Double)
  /// A class date that is not a real `YYYY-MM-DD` day.
  case invalidDate(String)
  /// A class whose commune list does not include the commune it is stored in.
  case classNotForCommune(ClassID, CommuneCode)

  /// A code in a results file that is not a commune's (told as `UnitsError` tells it).
  case units(UnitsError)
  /// A problem in a roster file, at a line (1-based).
  case invalidFile(path: String, line: Int, problem: FileProblem)
  /// Several problems found in one pass over a file, in line order.
  indirect case several([GradebookError])

  /// What is wrong with a line of a roster file.
  public enum FileProblem: Sendable, Hashable {
    case unterminatedQuote
    case noHeader(expected: [String])
    case notUTF8
  }

  /// The message in `language`, naming the file (and line) concerned.
  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .notADatabase(let path):
      return vi ? "\(path): không phải cơ sở dữ liệu SQLite" : "\(path): not an SQLite database"
    case .notAResultsDatabase(let path):
      return vi
        ? "\(path): không phải tệp kết quả của papi-train (cơ sở dữ liệu SQLite khác)"
        : "\(path): not a papi-train results database (some other SQLite database)"
    case .newerSchema(let path, let found, let supported):
      return vi
        ? "\(path): tệp được ghi bởi phiên bản papi-train mới hơn (lược đồ \(found), phiên bản này đọc được đến \(supported)); hãy cập nhật papi-train"
        : "\(path): written by a newer papi-train (schema \(found); this version reads up to \(supported)); update papi-train"
    case .damaged(let path, let details):
      return vi
        ? "\(path): tệp bị hỏng (\(details)); không đọc và không sửa tệp này"
        : "\(path): the file is damaged (\(details)); it was neither read nor changed"
    case .communeMismatch(let path, let found, let expected):
      return vi
        ? "\(path): tệp chứa kết quả của xã \(found), không phải xã \(expected)"
        : "\(path): the file holds the results of commune \(found), not \(expected)"
    case .database(let path, let message):
      return vi ? "\(path): lỗi cơ sở dữ liệu: \(message)" : "\(path): database error: \(message)"
    case .fileSystem(let path, let message):
      return vi ? "\(path): không đọc hoặc ghi được: \(message)" : "\(path): cannot read or write: \(message)"
    case .notWritten(let path, let details):
      return vi
        ? "\(path): không ghi được vào tệp (ổ đĩa đầy, tệp quá lớn hoặc thư mục chỉ cho phép đọc: \(details))"
        : "\(path): could not write to the file (disk full, file too large or a read-only folder: \(details))"
    case .noSuchFile(let path):
      return vi ? "\(path): không có tệp hoặc thư mục này" : "\(path): no such file or folder"
    case .noResultsFiles(let folder):
      return vi ? "\(folder): thư mục không có tệp .sqlite nào" : "\(folder): no .sqlite files in this folder"
    case .emptyName:
      return vi ? "họ và tên không được để trống" : "the name must not be empty"
    case .emptyField(let field):
      return vi ? "'\(field)' không được để trống" : "'\(field)' must not be empty"
    case .unknownOfficial(let id):
      return vi ? "không có cán bộ mã \(id.uuidString)" : "no official with id \(id.uuidString)"
    case .unknownAttempt(let id):
      return vi ? "không có lượt làm bài mã \(id.uuidString)" : "no attempt with id \(id.uuidString)"
    case .unknownClass(let id):
      return vi ? "không có lớp tập huấn mã \(id.uuidString)" : "no training class with id \(id.uuidString)"
    case .attemptNotInProgress(let id, let status):
      return vi
        ? "lượt làm bài \(id.uuidString) đã kết thúc (\(status.rawValue)); không ghi thêm được"
        : "attempt \(id.uuidString) is over (\(status.rawValue)); nothing more can be recorded"
    case .questionNotInAttempt(let question, let attempt):
      return vi
        ? "câu hỏi '\(question)' không thuộc lượt làm bài \(attempt.uuidString)"
        : "question '\(question)' is not part of attempt \(attempt.uuidString)"
    case .conflictingAnswer(let question, let attempt):
      return vi
        ? "câu hỏi '\(question)' của lượt làm bài \(attempt.uuidString) đã có câu trả lời khác"
        : "question '\(question)' of attempt \(attempt.uuidString) already has a different answer"
    case .invalidNumber(let field, let value):
      return vi ? "giá trị '\(field)' không hợp lệ: \(value)" : "invalid value for '\(field)': \(value)"
    case .invalidDate(let date):
      return vi
        ? "ngày '\(date)' không hợp lệ: cần dạng NNNN-TT-NN (ví dụ 2025-09-12)"
        : "'\(date)' is not a date: write YYYY-MM-DD (for example 2025-09-12)"
    case .classNotForCommune(let id, let code):
      return vi
        ? "lớp tập huấn \(id.uuidString) không có xã \(code)"
        : "training class \(id.uuidString) does not include commune \(code)"
    case .units(let error):
      return error.text(in: language)
    case .invalidFile(let path, let line, let problem):
      return "\(path):\(line): " + problem.text(in: language)
    case .several(let errors):
      return errors.map { $0.text(in: language) }.joined(separator: "\n")
    }
  }
}

extension GradebookError.FileProblem {
  func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .unterminatedQuote:
      return vi ? "dấu ngoặc kép mở nhưng không đóng" : "a quote is opened and never closed"
    case .noHeader(let expected):
      return vi
        ? "không tìm thấy dòng tiêu đề (cần các cột \(expected.joined(separator: ", ")))"
        : "no header row found (expected columns \(expected.joined(separator: ", ")))"
    case .notUTF8:
      return vi
        ? "tệp không phải UTF-8 (hãy lưu dạng \"CSV UTF-8\")"
        : "the file is not UTF-8 (save it as \"CSV UTF-8\")"
    }
  }
}

import Access
import Curriculum
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
  /// A path given to merge that is not a regular file (a FIFO, a device, a socket).
  case notARegularFile(path: String, kind: FileKind)
  /// A file from outside larger than merge accepts.
  case tooLarge(path: String, size: Int, limit: Int)
  /// The `-wal` file beside a file from outside does not belong with it.
  case walRefused(path: String, reason: WALProblem)
  /// A file from outside whose schema is not exactly that of its version (a table, index,
  /// trigger or view added, missing or changed).
  case unexpectedSchema(path: String, [SchemaDifference])
  /// Rows of a file from outside that break ``ResultsRules`` (the first few).
  case invalidRows(path: String, [RowProblem])
  /// A signature was required and the file's sender is not a machine the province trusts for it.
  case senderRefused(path: String, SenderVerdict)

  case emptyName
  case emptyField(String)
  case unknownOfficial(OfficialID)
  case unknownAttempt(AttemptID)
  case unknownClass(ClassID)
  /// Answers can only be added to, and only in-progress attempts finished or abandoned.
  case attemptNotInProgress(AttemptID, AttemptStatus)
  case questionNotInAttempt(question: QuestionID, attempt: AttemptID)
  /// A different answer to the same question of the same attempt is already stored.
  case conflictingAnswer(question: QuestionID, attempt: AttemptID)
  case invalidNumber(field: String, value: Double)
  /// A class date that is not a real `YYYY-MM-DD` day.
  case invalidDate(String)
  /// A class whose commune list does not include the commune it is stored in.
  case classNotForCommune(ClassID, CommuneCode)

  /// A code in a results file that is not a commune's, or a roster file that cannot be read (told
  /// as `UnitsError` tells it).
  case units(UnitsError)
  /// Several problems found in one pass over a file, in line order.
  indirect case several([GradebookError])

  /// What a path that is not a regular file is.
  public enum FileKind: String, Sendable, Hashable, CaseIterable {
    case directory, fifo, device, socket, other
  }

  /// Why a `-wal` file does not belong with the database beside it.
  public enum WALProblem: Sendable, Hashable {
    case notARegularFile(FileKind)
    /// Not an SQLite write-ahead log (bad magic number, version or header checksum).
    case notAWriteAheadLog
    /// The database is not in WAL mode, so this log is not its own.
    case databaseNotInWALMode
    /// A log of pages of another size than the database's.
    case otherPageSize
    /// Older than the database file: a stale log that would roll changes back.
    case olderThanDatabase
    /// A signature was required: the log holds changes the signature of the file does not cover.
    case notSigned
  }

  /// How a schema object of a file differs from the expected schema.
  public enum SchemaDifference: Sendable, Hashable {
    case extra(type: String, name: String)
    case missing(type: String, name: String)
    case changed(name: String)
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
    case .notARegularFile(let path, let kind):
      return vi
        ? "\(path): không phải tệp thường (\(kind.text(vi: true))); không đọc"
        : "\(path): not a regular file (\(kind.text(vi: false))); not read"
    case .tooLarge(let path, let size, let limit):
      return vi
        ? "\(path): tệp quá lớn (\(size) byte, tối đa \(limit)); không đọc"
        : "\(path): too large (\(size) bytes, at most \(limit)); not read"
    case .walRefused(let path, let reason):
      return vi
        ? "\(path): tệp -wal không thuộc về cơ sở dữ liệu bên cạnh (\(reason.text(vi: true))); tệp bị từ chối"
        : "\(path): the -wal file does not belong with the database beside it (\(reason.text(vi: false))); the file is refused"
    case .unexpectedSchema(let path, let differences):
      let list = differences.prefix(5).map { $0.text(vi: vi) }.joined(separator: "; ")
      return vi
        ? "\(path): lược đồ khác với lược đồ của tệp kết quả (\(list)); không đọc"
        : "\(path): the schema is not that of a results file (\(list)); not read"
    case .invalidRows(let path, let problems):
      let list = problems.prefix(5).map { $0.text(vi: vi) }.joined(separator: "; ")
      return vi
        ? "\(path): có giá trị không hợp lệ (\(list)); không ghi gì từ tệp này"
        : "\(path): invalid values (\(list)); nothing of the file was written"
    case .senderRefused(let path, let verdict):
      return vi
        ? "\(path): bị từ chối vì cần chữ ký của máy tin cậy: \(TrustMessage.verdict(verdict).text(in: language))"
        : "\(path): refused, a trusted machine's signature is required: \(TrustMessage.verdict(verdict).text(in: language))"
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
    case .several(let errors):
      return errors.map { $0.text(in: language) }.joined(separator: "\n")
    }
  }
}

extension GradebookError.FileKind {
  func text(vi: Bool) -> String {
    switch self {
    case .directory: vi ? "thư mục" : "a folder"
    case .fifo: vi ? "ống dẫn FIFO" : "a FIFO"
    case .device: vi ? "thiết bị" : "a device"
    case .socket: vi ? "socket" : "a socket"
    case .other: vi ? "loại đặc biệt" : "a special file"
    }
  }
}

extension GradebookError.WALProblem {
  func text(vi: Bool) -> String {
    switch self {
    case .notARegularFile(let kind):
      vi ? "không phải tệp thường: \(kind.text(vi: true))" : "not a regular file: \(kind.text(vi: false))"
    case .notAWriteAheadLog: vi ? "không phải nhật ký ghi trước của SQLite" : "not an SQLite write-ahead log"
    case .databaseNotInWALMode: vi ? "cơ sở dữ liệu không ở chế độ WAL" : "the database is not in WAL mode"
    case .otherPageSize: vi ? "kích thước trang khác" : "another page size"
    case .notSigned:
      vi
        ? "chứa thay đổi mà chữ ký không bao gồm: đóng chương trình rồi ký lại"
        : "holds changes the signature does not cover: close the shell and sign again"
    case .olderThanDatabase:
      vi
        ? "cũ hơn tệp .sqlite: hãy chép lại cả hai tệp cùng lúc, sau khi đóng chương trình"
        : "older than the .sqlite file: copy both again, together, after closing the shell"
    }
  }
}

extension GradebookError.SchemaDifference {
  func text(vi: Bool) -> String {
    switch self {
    case .extra(let type, let name): vi ? "thừa \(type) '\(name)'" : "extra \(type) '\(name)'"
    case .missing(let type, let name): vi ? "thiếu \(type) '\(name)'" : "missing \(type) '\(name)'"
    case .changed(let name): vi ? "'\(name)' bị thay đổi" : "'\(name)' changed"
    }
  }
}

extension RowProblem {
  func text(vi: Bool) -> String {
    guard let rule else {
      return vi
        ? "bảng '\(table)', dòng \(row): tham chiếu đến dòng không có"
        : "table '\(table)', row \(row): refers to a row that is not there"
    }
    return vi
      ? "bảng '\(table)', dòng \(row), cột '\(column)': cần \(rule.text(vi: true))"
      : "table '\(table)', row \(row), column '\(column)': expected \(rule.text(vi: false))"
  }
}

extension ColumnRule {
  func text(vi: Bool) -> String {
    switch self {
    case .uuid: return vi ? "một mã UUID" : "a UUID"
    case .text(let maximum, let nonEmpty):
      return vi
        ? "văn bản\(nonEmpty ? " không trống" : ""), tối đa \(maximum) byte"
        : "\(nonEmpty ? "non-empty " : "")text of at most \(maximum) bytes"
    case .timestamp(let earliest, let latest):
      return vi
        ? "thời điểm NNNN-TT-NN GG:PP:SS từ \(earliest) đến \(latest)"
        : "a time YYYY-MM-DD HH:MM:SS from \(earliest) to \(latest)"
    case .day: return vi ? "một ngày NNNN-TT-NN" : "a day YYYY-MM-DD"
    case .number(let range):
      return vi
        ? "một số từ \(Self.plain(range.lowerBound)) đến \(Self.plain(range.upperBound))"
        : "a number from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound))"
    case .integer(let range):
      return vi
        ? "một số nguyên từ \(range.lowerBound) đến \(range.upperBound)"
        : "an integer from \(range.lowerBound) to \(range.upperBound)"
    case .boolean: return vi ? "0 hoặc 1" : "0 or 1"
    case .oneOf(let values): return (vi ? "một trong " : "one of ") + values.joined(separator: ", ")
    case .decimalUInt64: return vi ? "một số tự nhiên 64 bit" : "a 64-bit whole number"
    case .idList(let count, _):
      return vi ? "danh sách JSON tối đa \(count) mã" : "a JSON list of at most \(count) ids"
    case .unitCode: return vi ? "một mã đơn vị chỉ gồm chữ số" : "a code of digits"
    case .classCode:
      return vi ? "một mã lớp như LC-2612-A, hoặc trống" : "a class code such as LC-2612-A, or empty"
    }
  }

  private static func plain(_ number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
  }
}

extension GradebookError: MessageCatalogue {
  /// The refusals of results files from outside, one of each, for the test that renders every
  /// message in both languages.
  public static var samples: [GradebookError] {
    let path = "usb/03637.sqlite"
    let rules = ResultsRules()
    let problems = rules.tables.flatMap { table in
      table.columns.map { RowProblem(table: table.name, row: 12, column: $0.name, rule: $0.rule) }
    }
    let special: [GradebookError] = GradebookError.FileKind.allCases.map {
      .notARegularFile(path: path, kind: $0)
    }
    let rows: [GradebookError] = problems.map { .invalidRows(path: path, [$0]) }
    let refusals: [GradebookError] = [
      .notADatabase(path: path), .notAResultsDatabase(path: path),
      .newerSchema(path: path, found: 4, supported: 3), .damaged(path: path, details: "page 3"),
      .tooLarge(path: path, size: 300 << 20, limit: 256 << 20),
      .walRefused(path: path + "-wal", reason: .notARegularFile(.directory)),
      .walRefused(path: path + "-wal", reason: .notAWriteAheadLog),
      .walRefused(path: path + "-wal", reason: .databaseNotInWALMode),
      .walRefused(path: path + "-wal", reason: .otherPageSize),
      .walRefused(path: path + "-wal", reason: .olderThanDatabase),
      .walRefused(path: path + "-wal", reason: .notSigned), .senderRefused(path: path, .unsigned),
      .unexpectedSchema(
        path: path,
        [
          .extra(type: "trigger", name: "evil"), .missing(type: "index", name: "attempts_by_official"),
          .changed(name: "answers"),
        ]),
      .invalidRows(path: path, [RowProblem(table: "answers", row: 3, column: "", rule: nil)]),
    ]
    return special + refusals + rows
  }
}

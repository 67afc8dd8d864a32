import Foundation
internal import GRDB
internal import GRDBSQLite

/// Steps a prepared statement and reads its columns with SQLite's own functions, for the queries
/// that read a class's answers (a hundred thousand rows and more), where building a GRDB `Row`
/// and decoding each column through it would cost more than SQLite itself.
///
/// Every reader checks the column's type first: a value papi-train never writes (a `NULL` score,
/// text where a number belongs, an id that is not a UUID) is a ``GradebookError/damaged(path:details:)``
/// naming the file, the table and the column, never a crash or a silent zero.
struct ColumnReader {
  let statement: Statement
  let database: Database
  let path: String
  /// The table named in errors.
  let table: String
  private var handle: OpaquePointer { statement.sqliteStatement }

  init(_ statement: Statement, in database: Database, path: String, table: String) {
    self.statement = statement
    self.database = database
    self.path = path
    self.table = table
  }

  /// Moves to the next row; false after the last one.
  func step() throws -> Bool {
    switch sqlite3_step(handle) {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    case let code:
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code), message: database.lastErrorMessage, sql: statement.sql)
    }
  }

  func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

  func integer(_ column: Int32) throws -> Int {
    guard sqlite3_column_type(handle, column) == SQLITE_INTEGER else {
      throw damaged(column, "a whole number")
    }
    return Int(sqlite3_column_int64(handle, column))
  }

  func double(_ column: Int32) throws -> Double {
    switch sqlite3_column_type(handle, column) {
    case SQLITE_FLOAT, SQLITE_INTEGER: return sqlite3_column_double(handle, column)
    default: throw damaged(column, "a number")
    }
  }

  func optionalDouble(_ column: Int32) throws -> Double? {
    isNull(column) ? nil : try double(column)
  }

  /// A text column's UTF-8 bytes, valid until the next step. Invalid UTF-8 is repaired by the
  /// `String` made from them, as GRDB does.
  func bytes(_ column: Int32) throws -> UnsafeBufferPointer<UInt8> {
    guard sqlite3_column_type(handle, column) == SQLITE_TEXT else { throw damaged(column, "text") }
    let count = Int(sqlite3_column_bytes(handle, column))
    guard let start = sqlite3_column_text(handle, column) else {
      return UnsafeBufferPointer(start: nil, count: 0)
    }
    return UnsafeBufferPointer(start: start, count: count)
  }

  func text(_ column: Int32) throws -> String {
    String(decoding: try bytes(column), as: UTF8.self)
  }

  func optionalText(_ column: Int32) throws -> String? {
    isNull(column) ? nil : try text(column)
  }

  func uuid(_ column: Int32) throws -> UUID {
    let bytes = try bytes(column)
    if let id = UUID(canonicalText: bytes) ?? UUID(uuidString: String(decoding: bytes, as: UTF8.self)) {
      return id
    }
    throw damaged(column, "a UUID")
  }

  /// A time stored as "YYYY-MM-DD HH:MM:SS.SSS" (UTC), read in SQL as seconds since 1970 by
  /// ``secondsSince1970(_:)`` and rounded here to the millisecond it was stored with.
  func date(_ column: Int32) throws -> Date {
    guard sqlite3_column_type(handle, column) == SQLITE_FLOAT else {
      throw GradebookError.damaged(
        path: path, details: "\(table).\(name(of: column)) is not a time (YYYY-MM-DD HH:MM:SS.SSS)")
    }
    return Date(timeIntervalSince1970: (sqlite3_column_double(handle, column) * 1000).rounded() / 1000)
  }

  func optionalDate(_ column: Int32) throws -> Date? {
    isNull(column) ? nil : try date(column)
  }

  /// The SQL that turns a stored time into seconds since 1970 for ``date(_:)`` (NULL for a NULL
  /// or a text SQLite cannot read as a time, which ``date(_:)`` then reports), named as the
  /// column (`a.started_at` → `started_at`).
  static func secondsSince1970(_ column: String) -> String {
    let name = column.split(separator: ".").last.map(String.init) ?? column
    return "(julianday(\(column)) - 2440587.5) * 86400.0 AS \(name)"
  }

  private func name(of column: Int32) -> String {
    sqlite3_column_name(handle, column).map { String(cString: $0) } ?? "column \(column)"
  }

  private func damaged(_ column: Int32, _ expected: String) -> GradebookError {
    let name = name(of: column)
    let found: String
    switch sqlite3_column_type(handle, column) {
    case SQLITE_NULL: found = "NULL"
    case SQLITE_BLOB: found = "a blob"
    default:
      let text = sqlite3_column_text(handle, column).map { String(cString: $0) } ?? ""
      found = "'\(text.prefix(40))'"
    }
    return .damaged(path: path, details: "\(table).\(name) is \(found), not \(expected)")
  }
}

extension UUID {
  /// Parses the 36 characters of a UUID as papi-train stores it ("E621E1F8-C36C-495A-93FC-0C247A3E6E5F",
  /// either case) without Foundation's `sscanf`; nil for anything else. A sync batch's ids are
  /// read the same way (SyncProtocol's `WireID.uuid`).
  public init?(canonicalText text: UnsafeBufferPointer<UInt8>) {
    guard text.count == 36 else { return nil }
    var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    let parsed = withUnsafeMutableBytes(of: &bytes) { output -> Bool in
      var index = 0
      for byte in 0..<16 {
        if index == 8 || index == 13 || index == 18 || index == 23 {
          guard text[index] == UInt8(ascii: "-") else { return false }
          index += 1
        }
        guard let high = Self.hexValue(text[index]), let low = Self.hexValue(text[index + 1]) else {
          return false
        }
        output[byte] = high << 4 | low
        index += 2
      }
      return true
    }
    guard parsed else { return nil }
    self.init(uuid: bytes)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    default: nil
    }
  }
}

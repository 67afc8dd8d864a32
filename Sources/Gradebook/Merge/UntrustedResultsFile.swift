import Access
import CSQLiteGuard
import Foundation
internal import GRDB
import Units

#if canImport(Glibc)
  import Glibc
#endif

/// A results file from outside (a USB stick, an e-mail, Zalo), checked as SQLite recommends for
/// untrusted databases (https://sqlite.org/security.html) before anything of it is used:
///
/// 1. a regular file (never a folder, a FIFO, a device or a socket: opened without blocking and
///    looked at through the open descriptor), at most `Limits/maximumFileSize` bytes;
/// 2. copied into a private folder (mode 0700) in `TMPDIR`, with its `-wal` file only when that
///    is a write-ahead log of a database with this page size, in WAL mode, and not older than the
///    database file (a stale `-wal` beside a newer file would roll answers back);
/// 3. the copy opened read-only, in defensive mode, with schema objects untrusted and triggers and
///    views off (`CSQLiteGuard`), so nothing stored in the file runs;
/// 4. its whole schema (tables, indexes, triggers, views) compared with the exact schema of its
///    version: nothing more, nothing less;
/// 5. `PRAGMA integrity_check`, then every row of every table merge reads checked against
///    `ResultsRules` (types, ranges, days, ids, lengths) and every reference against
///    `PRAGMA foreign_key_check`.
///
/// A file that fails is refused with a `GradebookError` naming it and the reason; the private
/// copy is removed whatever happens.
public enum UntrustedResultsFile {
  /// How much a file from outside may hold.
  public struct Limits: Sendable, Hashable {
    /// The largest file (and the largest `-wal` file) accepted, in bytes.
    public var maximumFileSize: Int
    /// The rules every row keeps.
    public var rules: ResultsRules

    /// 256 MiB (a commune with years of answers is a few megabytes) and papi-train's rules.
    public init(maximumFileSize: Int = 256 << 20, rules: ResultsRules = ResultsRules()) {
      self.maximumFileSize = maximumFileSize
      self.rules = rules
    }

    /// What a check with these limits is, for ``CheckedFiles``: the limits, the rules, the
    /// revision of the checks and the exact schema they compare with.
    var fingerprint: String {
      ScanCache.hash(
        "\(UntrustedResultsFile.revision)|\(SchemaObject.expectedText)|\(maximumFileSize)|\(rules)")
    }
  }

  /// Raised whenever the checks change in a way the schema and the rules do not show, so that no
  /// file is taken as checked by older checks.
  static let revision = 1

  /// The copy of a file that passed every check, alive while the closure given to
  /// `withCheckedCopy(of:limits:_:)` runs.
  struct CheckedCopy {
    /// The private copy.
    var path: String
    /// The file's schema version.
    var version: Int
    /// The commune the file says it holds, if it says so.
    var commune: CommuneCode?
    /// The trusted machine that signed it, when a signature was required.
    var signer: TrustedMachine?
  }

  /// Copies and checks the file at `path`, runs `body` on the checked copy, and removes the copy.
  ///
  /// With `signers`, the file must be signed (`FILE.sig`) by a machine they trust, over the very
  /// bytes copied (checked before SQLite opens them), come without a `-wal` file holding changes,
  /// and hold the results of the commune that machine was enrolled for.
  static func withCheckedCopy<T>(
    of path: String, limits: Limits, signers: TrustRegistry? = nil, purpose: String = "merge",
    remembering checkedFiles: CheckedFiles? = nil, _ body: (CheckedCopy) throws -> T
  ) throws -> T {
    let folder = try privateFolder(for: path, purpose: purpose)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let copy = (folder as NSString).appendingPathComponent("input.sqlite")
    let copiedAt = FileStamp.now()
    let database = try copyRegularFile(path, to: copy, limit: limits.maximumFileSize)
    let wal = try copyWAL(of: path, database: database, to: copy + "-wal", limit: limits.maximumFileSize)
    let hasWAL = wal != nil
    var signer: TrustedMachine?
    if let signers { signer = try verifySender(of: path, copy: copy, hasWAL: hasWAL, signers) }
    var checked: CheckedCopy
    checkedFiles?.countFullCheck(of: path)
    do {
      checked = try check(copy: copy, of: path, rules: limits.rules)
    } catch {
      throw Schema.translate(error, path: path)
    }
    checkedFiles?.record(
      CheckedFiles.Entry(
        path: path, file: database.stamp, wal: wal?.stamp, version: checked.version,
        checks: limits.fingerprint),
      copiedAt: copiedAt)
    if let signer {
      let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
      guard let commune = checked.commune ?? (try? CommuneCode(name)), commune == signer.commune else {
        let stated = checked.commune ?? (try? CommuneCode(name)) ?? signer.commune
        throw GradebookError.senderRefused(path: path, .otherCommune(signer, stated))
      }
      checked.signer = signer
    }
    return try body(checked)
  }

  /// Migrates a checked copy to the latest schema. Its schema is exactly that of its version, so
  /// only papi-train's own migrations run, on a connection with every guard.
  static func migrate(_ checked: CheckedCopy) throws {
    let queue = try DatabaseQueue(path: checked.path, configuration: configuration(readonly: false))
    defer { try? queue.close() }
    try CommuneStore.migrate(queue, path: checked.path)
  }

  /// The trusted machine that signed the copy's bytes, or the refusal.
  private static func verifySender(of path: String, copy: String, hasWAL: Bool, _ signers: TrustRegistry)
    throws
    -> TrustedMachine
  {
    if hasWAL { throw GradebookError.walRefused(path: path + "-wal", reason: .notSigned) }
    let signature = try smallFile(path + ".sig")
    guard let bytes = FileManager.default.contents(atPath: copy) else {
      throw GradebookError.fileSystem(path: path, message: "the private copy cannot be read")
    }
    let verdict: SenderVerdict
    do {
      verdict = try signers.verdict(for: bytes, signature: signature, commune: nil)
    } catch let error as TrustMessage {
      throw GradebookError.fileSystem(path: signers.url.path, message: error.text(in: .english))
    }
    guard let machine = verdict.machine else { throw GradebookError.senderRefused(path: path, verdict) }
    return machine
  }

  /// The connection settings for a copy of a file from outside: no mapped memory, every guard of
  /// `CSQLiteGuard` and its row checks (`ResultsRules`), the longest text or blob SQLite will hold, and no `fsync` (the copy is
  /// private and removed after use).
  static func configuration(readonly: Bool, rules: ResultsRules = ResultsRules()) -> Configuration {
    var configuration = Configuration()
    configuration.readonly = readonly
    configuration.label = "papi-train untrusted results"
    let maximumLength = Int32(clamping: max(rules.maximumResponseBytes, 1 << 20) * 4)
    configuration.prepareDatabase { db in
      let result = papi_sqlite_guard(UnsafeMutableRawPointer(db.sqliteConnection), maximumLength)
      guard result == 0 else {
        throw GradebookError.database(path: "", message: "cannot guard the connection (\(result))")
      }
      let added = papi_sqlite_add_checks(UnsafeMutableRawPointer(db.sqliteConnection))
      guard added == 0 else {
        throw GradebookError.database(path: "", message: "cannot add the row checks (\(added))")
      }
      try db.execute(sql: "PRAGMA trusted_schema = OFF")
      try db.execute(sql: "PRAGMA mmap_size = 0")
      // Only private copies are opened so, and each is thrown away: nothing to make durable.
      try db.execute(sql: "PRAGMA synchronous = OFF")
    }
    return configuration
  }

  // MARK: - Files

  /// A new folder (mode 0700) in `TMPDIR`, `papi-train-PURPOSE-XXXXXX` (merge, report).
  static func privateFolder(for path: String, purpose: String = "merge") throws -> String {
    let template = FileManager.default.temporaryDirectory.appendingPathComponent(
      "papi-train-\(purpose)-XXXXXX"
    )
    .path
    var bytes = Array(template.utf8CString)
    guard let made = bytes.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap { mkdtemp($0) } }) else {
      throw GradebookError.fileSystem(path: template, message: String(cString: strerror(errno)))
    }
    return String(cString: made)
  }

  /// What `fstat` found at an open descriptor.
  struct Opened {
    var descriptor: Int32
    var size: Int
    var modified: Double
    var header: [UInt8]
    /// The stamp of the file copied, as `fstat` gave it before the copy.
    var stamp: FileStamp
  }

  /// Opens `path` without blocking (a FIFO cannot hang the merge), refuses anything but a
  /// regular file within `limit`, and copies it to `copy`.
  @discardableResult
  static func copyRegularFile(
    _ path: String, to copy: String, limit: Int, wal: Bool = false
  ) throws -> Opened {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT { throw GradebookError.noSuchFile(path: path) }
      if code == ENXIO { throw refusal(path, wal: wal, kind: .socket) }
      throw GradebookError.fileSystem(path: path, message: String(cString: strerror(code)))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw GradebookError.fileSystem(path: path, message: String(cString: strerror(errno)))
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw refusal(path, wal: wal, kind: .directory)
    case S_IFIFO: throw refusal(path, wal: wal, kind: .fifo)
    case S_IFCHR, S_IFBLK: throw refusal(path, wal: wal, kind: .device)
    case S_IFSOCK: throw refusal(path, wal: wal, kind: .socket)
    default: throw refusal(path, wal: wal, kind: .other)
    }
    let size = Int(status.st_size)
    guard size <= limit else { throw GradebookError.tooLarge(path: path, size: size, limit: limit) }
    let header = try copyBytes(from: descriptor, path: path, to: copy, limit: limit)
    let modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
    return Opened(
      descriptor: descriptor, size: size, modified: modified, header: header, stamp: FileStamp(status))
  }

  /// The bytes of a small regular file (a signature), nil when there is none; never blocks.
  static func smallFile(_ path: String, limit: Int = 65_536) throws -> Data? {
    let folder = try privateFolder(for: path)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let copy = (folder as NSString).appendingPathComponent("file")
    do {
      try copyRegularFile(path, to: copy, limit: limit)
    } catch GradebookError.noSuchFile {
      return nil
    }
    return FileManager.default.contents(atPath: copy)
  }

  private static func refusal(_ path: String, wal: Bool, kind: GradebookError.FileKind) -> GradebookError {
    wal
      ? .walRefused(path: path, reason: .notARegularFile(kind)) : .notARegularFile(path: path, kind: kind)
  }

  /// Copies what `descriptor` holds to a new file at `copy` (mode 0600), at most `limit` bytes;
  /// returns its first 100 bytes (the SQLite or WAL header).
  private static func copyBytes(from descriptor: Int32, path: String, to copy: String, limit: Int) throws
    -> [UInt8]
  {
    let output = open(copy, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard output >= 0 else {
      throw GradebookError.fileSystem(path: copy, message: String(cString: strerror(errno)))
    }
    defer { close(output) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var total = 0
    var header: [UInt8] = []
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw GradebookError.fileSystem(path: path, message: String(cString: strerror(errno)))
      }
      if count == 0 { return header }
      total += count
      guard total <= limit else { throw GradebookError.tooLarge(path: path, size: total, limit: limit) }
      if header.count < 100 { header += buffer[0..<min(count, 100 - header.count)] }
      let written = buffer.withUnsafeBytes { write(output, $0.baseAddress, count) }
      guard written == count else {
        throw GradebookError.fileSystem(path: copy, message: String(cString: strerror(errno)))
      }
    }
  }

  /// Copies `path-wal` beside the copy when there is one with something in it, and it belongs to
  /// the database and is not older than it; refuses the file otherwise. The `-wal` copied, if one was.
  static func copyWAL(of path: String, database: Opened, to copy: String, limit: Int) throws -> Opened? {
    let walPath = path + "-wal"
    let wal: Opened
    do {
      wal = try copyRegularFile(walPath, to: copy, limit: limit, wal: true)
    } catch GradebookError.noSuchFile {
      return nil
    } catch GradebookError.tooLarge(_, let size, let limit) {
      throw GradebookError.tooLarge(path: walPath, size: size, limit: limit)
    }
    if wal.size == 0 {
      try? FileManager.default.removeItem(atPath: copy)
      return nil
    }
    if let problem = walProblem(wal, database: database) {
      throw GradebookError.walRefused(path: walPath, reason: problem)
    }
    return wal
  }

  /// Why a write-ahead log does not belong with its database, if it does not.
  static func walProblem(_ wal: Opened, database: Opened) -> GradebookError.WALProblem? {
    let header = wal.header
    func word(_ offset: Int) -> UInt32 {
      header[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
    guard header.count >= 32, word(0) == 0x377F_0682 || word(0) == 0x377F_0683, word(4) == 3_007_000,
      walChecksumHolds(header, bigEndian: word(0) == 0x377F_0683)
    else { return .notAWriteAheadLog }
    let databaseHeader = database.header
    guard databaseHeader.count >= 100, databaseHeader[18] == 2, databaseHeader[19] == 2 else {
      return .databaseNotInWALMode
    }
    let pageSize = Int(databaseHeader[16]) << 8 | Int(databaseHeader[17])
    let walPageSize = Int(word(8))
    guard walPageSize == (pageSize == 1 ? 65_536 : pageSize) else { return .otherPageSize }
    // FAT keeps times to 2 s; a -wal written before its database's last write is stale.
    guard wal.modified + 2 >= database.modified else { return .olderThanDatabase }
    return nil
  }

  /// The WAL header's checksum over its first 24 bytes (SQLite's wal format, section 4.3).
  private static func walChecksumHolds(_ header: [UInt8], bigEndian: Bool) -> Bool {
    func word(_ offset: Int) -> UInt32 {
      let bytes = header[offset..<offset + 4]
      return bigEndian
        ? bytes.reduce(0) { $0 << 8 | UInt32($1) } : bytes.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
    func stored(_ offset: Int) -> UInt32 { header[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) } }
    var s0: UInt32 = 0
    var s1: UInt32 = 0
    for offset in stride(from: 0, to: 24, by: 8) {
      s0 = s0 &+ word(offset) &+ s1
      s1 = s1 &+ word(offset + 4) &+ s0
    }
    return s0 == stored(24) && s1 == stored(28)
  }

  // MARK: - The database

  private static func check(copy: String, of path: String, rules: ResultsRules) throws -> CheckedCopy {
    let queue = try DatabaseQueue(path: copy, configuration: configuration(readonly: true, rules: rules))
    defer { try? queue.close() }
    return try queue.read { db in
      let contents = try Schema.inspect(db, path: path)
      guard case .results(let version, let commune) = contents, version >= 1,
        try Int.fetchOne(db, sql: "PRAGMA application_id") == Int(Schema.applicationID)
      else { throw GradebookError.notAResultsDatabase(path: path) }
      let differences = try SchemaObject.differences(db, version: version)
      guard differences.isEmpty else { throw GradebookError.unexpectedSchema(path: path, differences) }
      let findings = try String.fetchAll(db, sql: "PRAGMA integrity_check(3)")
      guard findings == ["ok"] else {
        throw GradebookError.damaged(path: path, details: findings.joined(separator: "; "))
      }
      let problems = try rules.problems(in: db)
      guard problems.isEmpty else { throw GradebookError.invalidRows(path: path, problems) }
      return CheckedCopy(path: copy, version: version, commune: commune)
    }
  }
}

/// One entry of a database's `sqlite_schema`: a table, index, trigger or view and its SQL.
struct SchemaObject: Hashable {
  var type: String
  var name: String
  var table: String
  var sql: String?

  static func all(_ db: Database) throws -> Set<SchemaObject> {
    Set(
      try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_schema").map { row in
        SchemaObject(
          type: (row["type"] as String?) ?? "", name: (row["name"] as String?) ?? "",
          table: (row["tbl_name"] as String?) ?? "", sql: row["sql"])
      })
  }

  /// The latest version's exact schema as one text, in a fixed order.
  static let expectedText: String = (expected[Schema.latestVersion] ?? []).map {
    "\($0.type)|\($0.name)|\($0.table)|\($0.sql ?? "")"
  }.sorted().joined(separator: "\n")

  /// The exact schema of each version, as its migrations make it in a new database.
  static let expected: [Int: Set<SchemaObject>] = {
    var schemas: [Int: Set<SchemaObject>] = [:]
    for version in 1...Schema.latestVersion {
      guard let queue = try? DatabaseQueue(),
        (try? Schema.migrator.migrate(queue, upTo: Schema.migrationIdentifiers[version - 1])) != nil,
        let objects = try? queue.read(all)
      else { continue }
      schemas[version] = objects
    }
    return schemas
  }()

  /// What differs between the schema of the database open on `db` and that of `version`, and
  /// whether its migrations are exactly those of `version`.
  static func differences(_ db: Database, version: Int) throws -> [GradebookError.SchemaDifference] {
    let expected = Self.expected[version] ?? []
    let found = try all(db)
    let extra = found.subtracting(expected)
    let missing = expected.subtracting(found)
    let changed = Set(extra.map(\.name)).intersection(missing.map(\.name))
    var differences: [GradebookError.SchemaDifference] =
      changed.sorted().map { .changed(name: $0) }
      + extra.filter { !changed.contains($0.name) }.map { .extra(type: $0.type, name: $0.name) }
      .sorted { $0.name < $1.name }
      + missing.filter { !changed.contains($0.name) }.map { .missing(type: $0.type, name: $0.name) }
      .sorted { $0.name < $1.name }
    if differences.isEmpty {
      let applied = try Set(String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
      if applied != Set(Schema.migrationIdentifiers.prefix(version)) {
        differences.append(.changed(name: "grdb_migrations"))
      }
    }
    return differences
  }
}

extension GradebookError.SchemaDifference {
  var name: String {
    switch self {
    case .extra(_, let name), .missing(_, let name), .changed(let name): name
    }
  }
}

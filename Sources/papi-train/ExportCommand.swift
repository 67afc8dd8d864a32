import ArgumentParser
import Curriculum
import Foundation
import Gradebook
import Localization
import Reporting
import ResultsExport
import Units

extension ExportTable: ExpressibleByArgument {}

/// `papi-train export`: a class's (or communes', or a period's) results as files a trainer hands
/// in: an Excel workbook, CSV files, or the `papi-train.export/1` JSON document.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Xuất kết quả lớp học / export class results to XLSX, CSV or JSON.",
    discussion: """
      Chooses attempts by --class, --commune (repeatable), --from/--to (days, inclusive) and --quiz, \
      combined with "and". XLSX has four sheets (scores per official, every answer, item statistics, \
      quizzes); CSV writes one file per table (OUTPUT-scores.csv, -answers.csv, -items.csv, \
      -quizzes.csv), or the one --table names at OUTPUT; JSON follows docs/export-schema.json. \
      An existing file is never replaced without --force.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case csv, xlsx, json
  }

  @OptionGroup var resultsOption: ResultsOption
  @OptionGroup var coursesOption: CoursesOption
  @OptionGroup var unitsOption: UnitsOption
  @OptionGroup var languageOption: LanguageOption

  @Option(name: .customLong("class"), help: "Lớp tập huấn (mã) / the training class's id.")
  var classID: String?

  @Option(name: .long, help: "Xã (mã), có thể lặp lại / a commune's code (repeatable).")
  var commune: [String] = []

  @Option(name: .long, help: "Từ ngày / from this day (YYYY-MM-DD, inclusive).")
  var from: String?

  @Option(name: .long, help: "Đến ngày / to this day (YYYY-MM-DD, inclusive).")
  var to: String?

  @Option(name: .long, help: "Chỉ bài kiểm tra này, có thể lặp lại / only this quiz (repeatable).")
  var quiz: [String] = []

  @Option(name: .long, help: "csv, xlsx or json (default: from the output file's extension).")
  var format: Format?

  @Option(name: [.short, .long], help: "Tệp ghi ra / the file to write.")
  var output: String

  @Option(name: .long, help: "Chỉ một bảng / only one table: scores, answers, items or quizzes.")
  var table: ExportTable?

  @Flag(name: .long, help: "Ghi đè tệp đã có / replace existing files.")
  var force = false

  @Flag(name: .long, help: "CSV không có BOM / CSV without the byte-order mark, for other tools.")
  var plain = false

  func run() throws {
    let language = languageOption.language
    try reportingErrors(in: language) {
      // The courses (not results) load while the passphrase is typed and checked.
      let courses = coursesOption.courses
      let loading = BackgroundValue {
        CurriculumLoader().load(
          path: courses, cache: .default(environment: ProcessInfo.processInfo.environment))
      }
      // Class results are for trainers: the passphrase before any results are read.
      try requireRole(.trainer, language: language)
      let format = try resolvedFormat()
      let selection = try resolvedSelection()
      let loaded = loading.value
      guard let library = loaded.library else {
        throw ExportMessage.coursesUnreadable(
          coursesOption.courses, loaded.errors.prefix(3).map { $0.formatted(in: .english) })
      }
      let known = library.courses.flatMap { $0.quizzes.map(\.id) }
      for id in selection.quizIDs where !known.contains(id) {
        throw ExportError.unknownQuiz(id, known: known)
      }
      let results = try ClassResults.load(from: resultsOption.directory, selection: selection)
      var names: [CommuneCode: String] = [:]
      if let units = try? UnitHierarchy.load(path: unitsOption.path) {
        for code in results.communes { names[code] = units.unit(code)?.name }
      }
      let export = ClassExport(results: results, library: library, language: language, communeNames: names)
      let files = try self.files(export, format: format, selection: selection)
      if !force {
        for file in files where FileManager.default.fileExists(atPath: file.path) {
          throw ExportMessage.outputExists(file.path)
        }
      }
      for file in files { try Self.write(file.data, to: file.path, replacing: force) }
      for file in files { print(ExportMessage.wrote(file.path).text(in: language)) }
      print(
        ExportMessage.summary(
          officials: results.officials.count, attempts: results.attempts.count, answers: results.answerCount,
          communes: results.communes.count
        ).text(in: language))
      // Everything is written and said (exit flushes the output). Freeing a class's answers one by
      // one takes a tenth of a second the system does at once when the process ends.
      Foundation.exit(EXIT_SUCCESS)
    }
  }

  /// `--format`, else the output's extension.
  func resolvedFormat() throws -> Format {
    let format: Format
    if let chosen = self.format {
      format = chosen
    } else {
      let suffix = URL(fileURLWithPath: output).pathExtension.lowercased()
      guard let guessed = Format(rawValue: suffix) else { throw ExportMessage.unknownFormat(output) }
      format = guessed
    }
    if format == .json, table != nil { throw ExportMessage.tableWithJSON }
    if plain, format != .csv { throw ExportMessage.plainWithoutCSV }
    return format
  }

  func resolvedSelection() throws -> ExportSelection {
    var selection = ExportSelection(from: from, to: to, quizIDs: quiz)
    if let classID {
      guard let id = ClassID(classID) else { throw ExportError.badClassID(classID) }
      selection.classID = id
    }
    selection.communes = try commune.map { try CommuneCode($0) }
    return selection
  }

  /// What to write where.
  func files(_ export: ClassExport, format: Format, selection: ExportSelection) throws -> [(
    path: String, data: Data
  )] {
    switch format {
    case .xlsx:
      return [(output, XLSXWriter().data(for: table.map { [export.table($0)] } ?? export.tables()))]
    case .json:
      return [(output, try ExportDocument.encoder.encode(export.document(selection: selection)))]
    case .csv:
      let writer = CSVWriter(byteOrderMark: !plain)
      if let table { return [(output, writer.data(for: export.table(table)))] }
      let base = output.lowercased().hasSuffix(".csv") ? String(output.dropLast(4)) : output
      return ExportTable.allCases.map { ("\(base)-\($0.rawValue).csv", writer.data(for: export.table($0))) }
    }
  }

  /// Writes `data` to a temporary file beside `path`, flushes it to disk, then moves it into place
  /// in one step: a reader (or a crash) never sees half a file. Without `replacing`, the move is a
  /// hard link, which fails rather than replace a file that appeared meanwhile.
  static func write(_ data: Data, to path: String, replacing: Bool) throws {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw ExportMessage.cannotWrite(path, String(cString: strerror(errno))) }
    defer { unlink(temporary) }
    let failure: Int32? = data.withUnsafeBytes { bytes -> Int32? in
      var written = 0
      while written < bytes.count {
        let count = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
        if count < 0 {
          if errno == EINTR { continue }
          return errno
        }
        written += count
      }
      return fsync(descriptor) == 0 ? nil : errno
    }
    close(descriptor)
    if let failure { throw ExportMessage.cannotWrite(path, String(cString: strerror(failure))) }
    let moved = replacing ? rename(temporary, path) : link(temporary, path)
    guard moved == 0 else {
      if errno == EEXIST { throw ExportMessage.outputExists(path) }
      throw ExportMessage.cannotWrite(path, String(cString: strerror(errno)))
    }
  }
}

/// The export command's own messages (selection errors are ``ExportError``'s).
enum ExportMessage: Error, LocalizedMessage {
  case unknownFormat(String)
  case tableWithJSON
  case plainWithoutCSV
  case outputExists(String)
  case cannotWrite(String, String)
  case coursesUnreadable(String, [String])
  case wrote(String)
  case summary(officials: Int, attempts: Int, answers: Int, communes: Int)

  func text(in language: Language) -> String {
    switch (self, language) {
    case (.unknownFormat(let path), .vietnamese):
      "không biết định dạng của '\(path)': đặt đuôi .xlsx, .csv hoặc .json, hoặc dùng --format"
    case (.unknownFormat(let path), .english):
      "cannot tell the format of '\(path)': end it in .xlsx, .csv or .json, or use --format"
    case (.tableWithJSON, .vietnamese): "--table chỉ dùng với csv hoặc xlsx; JSON luôn chứa mọi bảng"
    case (.tableWithJSON, .english): "--table applies to csv and xlsx only; JSON always holds everything"
    case (.plainWithoutCSV, .vietnamese): "--plain chỉ dùng với csv"
    case (.plainWithoutCSV, .english): "--plain applies to csv only"
    case (.outputExists(let path), .vietnamese): "\(path): tệp đã tồn tại; dùng --force để ghi đè"
    case (.outputExists(let path), .english): "\(path): the file already exists; use --force to replace it"
    case (.cannotWrite(let path, let reason), .vietnamese): "\(path): không ghi được: \(reason)"
    case (.cannotWrite(let path, let reason), .english): "\(path): cannot write: \(reason)"
    case (.coursesUnreadable(let path, let details), .vietnamese):
      (["không đọc được khoá học từ \(path)"] + details).joined(separator: "\n")
    case (.coursesUnreadable(let path, let details), .english):
      (["cannot read the courses from \(path)"] + details).joined(separator: "\n")
    case (.wrote(let path), .vietnamese): "Đã ghi \(path)"
    case (.wrote(let path), .english): "Wrote \(path)"
    case (.summary(let officials, let attempts, let answers, let communes), .vietnamese):
      "\(officials) cán bộ, \(attempts) lượt làm bài, \(answers) câu trả lời, \(communes) xã."
    case (.summary(let officials, let attempts, let answers, let communes), .english):
      [(officials, "official"), (attempts, "attempt"), (answers, "answer"), (communes, "commune")].map {
        "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")"
      }.joined(separator: ", ") + "."
    }
  }
}

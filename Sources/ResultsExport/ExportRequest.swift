import Curriculum
import Foundation
import Gradebook
import Localization
import Reporting
import Toolkit
import Units

/// The file formats of an export.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
  case csv, xlsx, json
}

/// An export as a trainer asks for it: which results (class, communes, period, quizzes), which
/// format and table, and where to write.
public struct ExportRequest: Sendable {
  public var classID: String?
  public var communes: [String]
  public var from: String?
  public var to: String?
  public var quizIDs: [String]
  /// The format, else the output's extension.
  public var format: ExportFormat?
  public var output: String
  /// Only this table (CSV and XLSX).
  public var table: ExportTable?
  /// Replace existing files.
  public var force: Bool
  /// CSV without the byte-order mark.
  public var plain: Bool

  public init(
    output: String, classID: String? = nil, communes: [String] = [], from: String? = nil, to: String? = nil,
    quizIDs: [String] = [], format: ExportFormat? = nil, table: ExportTable? = nil, force: Bool = false,
    plain: Bool = false
  ) {
    self.output = output
    self.classID = classID
    self.communes = communes
    self.from = from
    self.to = to
    self.quizIDs = quizIDs
    self.format = format
    self.table = table
    self.force = force
    self.plain = plain
  }

  /// `format`, else the output's extension, checked against the table and `plain`.
  public func resolvedFormat() throws -> ExportFormat {
    let format: ExportFormat
    if let chosen = self.format {
      format = chosen
    } else {
      let suffix = URL(fileURLWithPath: output).pathExtension.lowercased()
      guard let guessed = ExportFormat(rawValue: suffix) else { throw ExportMessage.unknownFormat(output) }
      format = guessed
    }
    if format == .json, table != nil { throw ExportMessage.tableWithJSON }
    if plain, format != .csv { throw ExportMessage.plainWithoutCSV }
    return format
  }

  /// The selection, its class (code or id, a code looked up in `directory`) and commune codes
  /// checked.
  public func selection(in directory: ResultsDirectory? = nil) throws -> ExportSelection {
    var selection = ExportSelection(from: from, to: to, quizIDs: quizIDs)
    if let classID {
      guard let id = try directory?.classID(classID) ?? ClassID(classID) else {
        throw ExportError.badClassID(classID)
      }
      selection.classID = id
    }
    selection.communes = try communes.map { try CommuneCode($0) }
    return selection
  }

  /// Checks the request, reads the results it selects from `directory` (commune names from the
  /// units file at `unitsPath`, when it loads), writes the files and returns what to tell the
  /// trainer. `loaded` are the courses (read meanwhile, from `courses`). The communes whose files
  /// were refused come first (``ExportMessage/isRefusal``): the others are still exported, and
  /// nothing is written when every file chosen was refused.
  ///
  /// `admitted` is called once the results are read, before anything is made of them or written:
  /// what it throws (a wrong passphrase, checked meanwhile) ends the export.
  public func run(
    loaded: LoadedCurriculum, courses: String, directory: ResultsDirectory, unitsPath: String,
    language: Language, admitted: () throws -> Void = {}
  ) throws -> [ExportMessage] {
    let format = try resolvedFormat()
    let selection = try selection(in: directory)
    guard let library = loaded.library else {
      throw ExportMessage.coursesUnreadable(
        courses, loaded.errors.prefix(3).map { $0.formatted(in: .english) })
    }
    let known = library.courses.flatMap { $0.quizzes.map(\.id) }
    for id in selection.quizIDs where !known.contains(id) {
      throw ExportError.unknownQuiz(id, known: known)
    }
    // The units file loads while the results are read.
    let units = BackgroundValue { try? UnitHierarchy.load(path: unitsPath) }
    let results = try ClassResults.load(from: directory, selection: selection)
    try admitted()
    let leftOut = ExportMessage.leftOut(results)
    guard !results.attempts.isEmpty else { return leftOut }
    var names: [CommuneCode: String] = [:]
    if let units = units.value {
      for code in results.communes { names[code] = units.unit(code)?.name }
    }
    let export = ClassExport(results: results, library: library, language: language, communeNames: names)
    let files = try self.files(export, format: format, selection: selection)
    if !force {
      for file in files where FileManager.default.fileExists(atPath: file.path) {
        throw ExportMessage.outputExists(file.path)
      }
    }
    for file in files { try Self.write(file.parts, to: file.path, replacing: force) }
    return leftOut + files.map { .wrote($0.path) } + [
      .summary(
        officials: results.officials.count, attempts: results.attempts.count, answers: results.answerCount,
        communes: results.communes.count)
    ]
  }

  /// What to write where: one file, or for CSV without a table one file per table
  /// (`OUTPUT-scores.csv`, ...), each as parts written one after the other (a CSV table's parts
  /// are not joined first: the answers file is tens of megabytes).
  func files(_ export: ClassExport, format: ExportFormat, selection: ExportSelection) throws -> [(
    path: String, parts: [any ContiguousBytes]
  )] {
    switch format {
    case .xlsx:
      return [(output, [XLSXWriter().data(for: table.map { [export.table($0)] } ?? export.tables())])]
    case .json:
      return [(output, [try ExportDocument.encoder.encode(export.document(selection: selection))])]
    case .csv:
      let writer = CSVWriter(byteOrderMark: !plain)
      if let table { return [(output, writer.parts(for: export.table(table)))] }
      let base = output.lowercased().hasSuffix(".csv") ? String(output.dropLast(4)) : output
      return ExportTable.allCases.map { ("\(base)-\($0.rawValue).csv", writer.parts(for: export.table($0))) }
    }
  }

  /// Writes one file through Toolkit's ``AtomicFile``: never half a file; without `replacing`, a
  /// file that appeared meanwhile is left alone.
  static func write(_ parts: [any ContiguousBytes], to path: String, replacing: Bool) throws {
    do {
      try AtomicFile.write(parts: parts, to: URL(fileURLWithPath: path), replacing: replacing)
    } catch .exists {
      throw ExportMessage.outputExists(path)
    } catch {
      throw ExportMessage.cannotWrite(path, error.reason)
    }
  }
}

/// The export's messages about files and formats (selection errors are ``ExportError``'s).
public enum ExportMessage: Error, MessageCatalogue, Hashable {
  case unknownFormat(String)
  case tableWithJSON
  case plainWithoutCSV
  case outputExists(String)
  case cannotWrite(String, String)
  case coursesUnreadable(String, [String])
  case wrote(String)
  case summary(officials: Int, attempts: Int, answers: Int, communes: Int)
  /// A commune left out: its results file was refused, and why (the reason names the file).
  case leftOut(commune: String, reason: LocalizedText)
  /// Every results file chosen was refused: nothing was exported.
  case allRefused

  /// Whether this says a file was refused (printed as an error; the exit status is then 1).
  public var isRefusal: Bool {
    switch self {
    case .leftOut, .allRefused: true
    default: false
    }
  }

  /// The refusals of `results`, then ``allRefused`` when nothing else was read.
  public static func leftOut(_ results: ClassResults) -> [ExportMessage] {
    let refusals = results.leftOut.map {
      ExportMessage.leftOut(commune: $0.commune.rawValue, reason: $0.reason)
    }
    return refusals + (results.attempts.isEmpty && !refusals.isEmpty ? [.allRefused] : [])
  }

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .unknownFormat(let path):
      return vi
        ? "không biết định dạng của '\(path)': đặt đuôi .xlsx, .csv hoặc .json, hoặc dùng --format"
        : "cannot tell the format of '\(path)': end it in .xlsx, .csv or .json, or use --format"
    case .tableWithJSON:
      return vi
        ? "--table chỉ dùng với csv hoặc xlsx; JSON luôn chứa mọi bảng"
        : "--table applies to csv and xlsx only; JSON always holds everything"
    case .plainWithoutCSV: return vi ? "--plain chỉ dùng với csv" : "--plain applies to csv only"
    case .outputExists(let path):
      return vi
        ? "\(path): tệp đã tồn tại; dùng --force để ghi đè"
        : "\(path): the file already exists; use --force to replace it"
    case .cannotWrite(let path, let reason):
      return vi ? "\(path): không ghi được: \(reason)" : "\(path): cannot write: \(reason)"
    case .coursesUnreadable(let path, let details):
      return ([vi ? "không đọc được khoá học từ \(path)" : "cannot read the courses from \(path)"] + details)
        .joined(separator: "\n")
    case .wrote(let path): return vi ? "Đã ghi \(path)" : "Wrote \(path)"
    case .summary(let officials, let attempts, let answers, let communes):
      if vi {
        return "\(officials) cán bộ, \(attempts) lượt làm bài, \(answers) câu trả lời, \(communes) xã."
      }
      return [(officials, "official"), (attempts, "attempt"), (answers, "answer"), (communes, "commune")].map
      {
        "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")"
      }.joined(separator: ", ") + "."
    case .leftOut(let commune, let reason):
      return vi
        ? "bỏ qua xã \(commune), tệp kết quả bị từ chối: \(reason.vi)"
        : "left out commune \(commune), its results file was refused: \(reason.text(in: .english))"
    case .allRefused:
      return vi
        ? "mọi tệp kết quả được chọn đều bị từ chối (lý do ở trên): không đọc được kết quả nào"
        : "every results file chosen was refused (the reasons above): no results were read"
    }
  }

  /// One of every case, for the test that renders every message in both languages.
  public static let samples: [ExportMessage] = [
    .unknownFormat("lop.txt"), .tableWithJSON, .plainWithoutCSV, .outputExists("lop.xlsx"),
    .cannotWrite("lop.xlsx", "Permission denied"), .coursesUnreadable("Courses", ["Courses/x.yaml:1:1: bad"]),
    .wrote("lop.xlsx"), .summary(officials: 1, attempts: 2, answers: 20, communes: 1),
    .leftOut(
      commune: "03640",
      reason: LocalizedText(
        vi: "Results/03640.sqlite: giá trị không hợp lệ", en: "Results/03640.sqlite: invalid values")),
    .allRefused,
  ]
}

import ArgumentParser
import Curriculum
import Localization
import VietnameseText

/// `papi-train lint [PATH]`: checks course files and prints every problem compiler-style.
struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Kiểm tra các tệp khoá học / check course files.",
    discussion: """
      Prints every problem as file:line:column: error|warning: message and exits 1 if there is an error.
      PATH is a Courses/ folder or a single course folder (default: Courses).
      """
  )

  @Argument(help: "The Courses/ folder or one course folder.")
  var path: String = "Courses"

  @Flag(name: .long, help: "Also print how many lessons and questions serve each PAPI (sub-)dimension.")
  var coverage = false

  @Flag(
    name: .long, help: "Also print each legal document of the registry, its status and how often it is cited."
  )
  var sources = false

  @Option(name: .long, help: "The taxonomy file (default: papi-taxonomy.yaml in PATH or a folder above).")
  var taxonomy: String?

  @Flag(name: .long, help: "Treat warnings as errors (exit 1 on any warning).")
  var strict = false

  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    let language = languageOption.language
    let loaded = CurriculumLoader().load(path: path, taxonomyPath: taxonomy)
    for diagnostic in loaded.diagnostics {
      print(diagnostic.formatted(in: language))
    }
    if coverage, let library = loaded.library {
      print(CoverageTable(report: CoverageReport(library: library), language: language).rendered)
    }
    if sources, let library = loaded.library {
      print(SourcesTable(report: SourceUsageReport(library: library), language: language).rendered)
    }
    let courses = loaded.library?.courses ?? []
    print(
      LintMessage.summary(
        courses: courses.count, lessons: courses.reduce(0) { $0 + $1.lessons.count },
        questions: courses.reduce(0) { $0 + $1.questions.count }, errors: loaded.errors.count,
        warnings: loaded.warnings.count
      ).text(in: language))
    if !loaded.errors.isEmpty || (strict && !loaded.warnings.isEmpty) {
      throw ExitCode(1)
    }
  }
}

/// The lint command's own messages.
enum LintMessage: LocalizedMessage {
  case summary(courses: Int, lessons: Int, questions: Int, errors: Int, warnings: Int)
  case coverageHeader
  case coverageColumns
  case coverageGaps([String])
  case coverageNoGaps
  case notCurrent
  case sourcesHeader
  case sourcesColumns
  case noRegistry
  case secondaryLegend
  case status(LegalStatus, replacedBy: String?)

  func text(in language: Language) -> String {
    switch (self, language) {
    case (.summary(let c, let l, let q, let e, let w), .vietnamese):
      "\(c) khoá học, \(l) bài học, \(q) câu hỏi: \(e) lỗi, \(w) cảnh báo."
    case (.summary(let c, let l, let q, let e, let w), .english):
      "\(c) courses, \(l) lessons, \(q) questions: \(e) errors, \(w) warnings."
    case (.coverageHeader, .vietnamese): "Độ bao phủ theo chỉ số PAPI"
    case (.coverageHeader, .english): "Coverage by PAPI dimension"
    case (.coverageColumns, .vietnamese): "Mã|Chỉ số|Bài học|Câu hỏi"
    case (.coverageColumns, .english): "Code|Dimension|Lessons|Questions"
    case (.coverageGaps(let codes), .vietnamese): "Chưa được phục vụ: \(codes.joined(separator: ", "))"
    case (.coverageGaps(let codes), .english): "Not served: \(codes.joined(separator: ", "))"
    case (.coverageNoGaps, .vietnamese): "Mọi chỉ số và chỉ số thành phần đều có bài học và câu hỏi."
    case (.coverageNoGaps, .english): "Every dimension and sub-dimension has lessons and questions."
    case (.notCurrent, .vietnamese): "(không còn áp dụng)"
    case (.notCurrent, .english): "(no longer used)"
    case (.sourcesHeader, .vietnamese): "Văn bản được trích dẫn (legal-sources.yaml)"
    case (.sourcesHeader, .english): "Documents cited (legal-sources.yaml)"
    case (.sourcesColumns, .vietnamese): "Mã|Văn bản|Tình trạng|Câu hỏi|Bài học"
    case (.sourcesColumns, .english): "Id|Document|Status|Questions|Lessons"
    case (.noRegistry, .vietnamese):
      "Không có legal-sources.yaml bên cạnh papi-taxonomy.yaml: nguồn chưa được đối chiếu."
    case (.secondaryLegend, .vietnamese): "* chỉ đọc qua nguồn thứ cấp"
    case (.secondaryLegend, .english): "* read only in secondary sources"
    case (.noRegistry, .english): "No legal-sources.yaml beside papi-taxonomy.yaml: sources are not checked."
    case (.status(let status, let successor), .vietnamese):
      switch status {
      case .inForce: "còn hiệu lực"
      case .amended: "còn hiệu lực, đã sửa đổi"
      case .replaced: "hết hiệu lực" + (successor.map { ", thay bằng \($0)" } ?? "")
      case .report: "báo cáo"
      }
    case (.status(let status, let successor), .english):
      switch status {
      case .inForce: "in force"
      case .amended: "in force, amended"
      case .replaced: "replaced" + (successor.map { " by \($0)" } ?? "")
      case .report: "report"
      }
    }
  }
}

/// The coverage report as a terminal table, padded by display width so Vietnamese lines up.
struct CoverageTable {
  let report: CoverageReport
  let language: Language

  var rendered: String {
    let headers = LintMessage.coverageColumns.text(in: language).split(separator: "|").map(String.init)
    var rows: [[String]] = []
    for row in report.rows {
      let indent = row.isSubdimension ? "  " : ""
      var name = indent + row.entry.name.text(in: language)
      if !row.isCurrent { name += " " + LintMessage.notCurrent.text(in: language) }
      let flag = row.isCurrent && (row.lessons == 0 || row.questions == 0) ? " !" : ""
      rows.append([indent + row.code, name, String(row.lessons), String(row.questions) + flag])
    }
    let widths = (0..<headers.count).map { column in
      ([headers[column]] + rows.map { $0[column] }).map(\.displayWidth).max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        index >= 2
          ? String(repeating: " ", count: widths[index] - cell.displayWidth) + cell
          : cell.padded(toDisplayWidth: widths[index])
      }.joined(separator: "  ")
    }
    var lines = [LintMessage.coverageHeader.text(in: language), line(headers)]
    lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    lines += rows.map(line)
    let gaps = report.gaps.map(\.code)
    lines.append(
      gaps.isEmpty
        ? LintMessage.coverageNoGaps.text(in: language) : LintMessage.coverageGaps(gaps).text(in: language))
    return lines.joined(separator: "\n")
  }
}

/// The registry's documents with their status and how many questions and lessons cite each.
struct SourcesTable {
  let report: SourceUsageReport
  let language: Language

  var rendered: String {
    guard report.hasRegistry else { return LintMessage.noRegistry.text(in: language) }
    let headers = LintMessage.sourcesColumns.text(in: language).split(separator: "|").map(String.init)
    let rows = report.rows.map { row in
      let status = LintMessage.status(row.document.status, replacedBy: row.current?.name).text(in: language)
      let secondary = row.document.secondary ? " *" : ""
      return [
        row.document.id, row.document.name + secondary, status, String(row.questions), String(row.lessons),
      ]
    }
    let widths = (0..<headers.count).map { column in
      ([headers[column]] + rows.map { $0[column] }).map(\.displayWidth).max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        index >= 3
          ? String(repeating: " ", count: widths[index] - cell.displayWidth) + cell
          : cell.padded(toDisplayWidth: widths[index])
      }.joined(separator: "  ")
    }
    var lines = [LintMessage.sourcesHeader.text(in: language), line(headers)]
    lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    lines += rows.map(line)
    if report.rows.contains(where: \.document.secondary) {
      lines.append(LintMessage.secondaryLegend.text(in: language))
    }
    return lines.joined(separator: "\n")
  }
}

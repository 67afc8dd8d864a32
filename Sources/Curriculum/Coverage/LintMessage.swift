import Localization

/// Every message of `papi-train lint` beyond the diagnostics themselves, Vietnamese first.
public enum LintMessage: MessageCatalogue, Hashable {
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

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .summary(let c, let l, let q, let e, let w):
      return vi
        ? "\(c) khoá học, \(l) bài học, \(q) câu hỏi: \(e) lỗi, \(w) cảnh báo."
        : "\(c) courses, \(l) lessons, \(q) questions: \(e) errors, \(w) warnings."
    case .coverageHeader: return vi ? "Độ bao phủ theo chỉ số PAPI" : "Coverage by PAPI dimension"
    case .coverageColumns: return vi ? "Mã|Chỉ số|Bài học|Câu hỏi" : "Code|Dimension|Lessons|Questions"
    case .coverageGaps(let codes):
      return (vi ? "Chưa được phục vụ: " : "Not served: ") + codes.joined(separator: ", ")
    case .coverageNoGaps:
      return vi
        ? "Mọi chỉ số và chỉ số thành phần đều có bài học và câu hỏi."
        : "Every dimension and sub-dimension has lessons and questions."
    case .notCurrent: return vi ? "(không còn áp dụng)" : "(no longer used)"
    case .sourcesHeader:
      return vi ? "Văn bản được trích dẫn (legal-sources.yaml)" : "Documents cited (legal-sources.yaml)"
    case .sourcesColumns:
      return vi ? "Mã|Văn bản|Tình trạng|Câu hỏi|Bài học" : "Id|Document|Status|Questions|Lessons"
    case .noRegistry:
      return vi
        ? "Không có legal-sources.yaml bên cạnh papi-taxonomy.yaml: nguồn chưa được đối chiếu."
        : "No legal-sources.yaml beside papi-taxonomy.yaml: sources are not checked."
    case .secondaryLegend: return vi ? "* chỉ đọc qua nguồn thứ cấp" : "* read only in secondary sources"
    case .status(let status, let successor): return Self.status(status, successor: successor, vi: vi)
    }
  }

  private static func status(_ status: LegalStatus, successor: String?, vi: Bool) -> String {
    switch status {
    case .inForce: vi ? "còn hiệu lực" : "in force"
    case .amended: vi ? "còn hiệu lực, đã sửa đổi" : "in force, amended"
    case .replaced:
      vi
        ? "hết hiệu lực" + (successor.map { ", thay bằng \($0)" } ?? "")
        : "replaced" + (successor.map { " by \($0)" } ?? "")
    case .report: vi ? "báo cáo" : "report"
    }
  }

  /// One of every case, for the test that renders every message in both languages.
  public static let samples: [LintMessage] = [
    .summary(courses: 3, lessons: 40, questions: 325, errors: 0, warnings: 2), .coverageHeader,
    .coverageColumns,
    .coverageGaps(["D3.2"]), .coverageNoGaps, .notCurrent, .sourcesHeader, .sourcesColumns, .noRegistry,
    .secondaryLegend, .status(.inForce, replacedBy: nil), .status(.amended, replacedBy: nil),
    .status(.replaced, replacedBy: "Nghị định 118/2025/NĐ-CP"), .status(.report, replacedBy: nil),
  ]
}

extension CoverageReport {
  /// The report as a table in `language`: its heading, the header cells, one row per dimension and
  /// sub-dimension (those served by no lesson or no question marked "!"), and the line naming the
  /// gaps.
  public func table(in language: Language) -> (
    heading: String, header: [String], rows: [[String]], gaps: String
  ) {
    let header = LintMessage.coverageColumns.text(in: language).split(separator: "|").map(String.init)
    let cells = rows.map { row -> [String] in
      let indent = row.isSubdimension ? "  " : ""
      var name = indent + row.entry.name.text(in: language)
      if !row.isCurrent { name += " " + LintMessage.notCurrent.text(in: language) }
      let flag = row.isCurrent && (row.lessons == 0 || row.questions == 0) ? " !" : ""
      return [indent + row.code, name, String(row.lessons), String(row.questions) + flag]
    }
    let codes = gaps.map(\.code)
    let gapLine = codes.isEmpty ? LintMessage.coverageNoGaps : LintMessage.coverageGaps(codes)
    return (LintMessage.coverageHeader.text(in: language), header, cells, gapLine.text(in: language))
  }
}

extension SourceUsageReport {
  /// The report as a table in `language`: its heading, the header cells, one row per document of
  /// the registry (those read only in secondary sources marked "*"), and the legend; nil when the
  /// courses have no registry.
  public func table(in language: Language) -> (
    heading: String, header: [String], rows: [[String]], legend: String?
  )? {
    guard hasRegistry else { return nil }
    let header = LintMessage.sourcesColumns.text(in: language).split(separator: "|").map(String.init)
    let cells = rows.map { row -> [String] in
      let status = LintMessage.status(row.document.status, replacedBy: row.current?.name).text(in: language)
      let secondary = row.document.secondary ? " *" : ""
      return [
        row.document.id, row.document.name + secondary, status, String(row.questions), String(row.lessons),
      ]
    }
    let legend =
      rows.contains(where: \.document.secondary) ? LintMessage.secondaryLegend.text(in: language) : nil
    return (LintMessage.sourcesHeader.text(in: language), header, cells, legend)
  }
}

import Localization

/// Every message of `papi-train lint` beyond the diagnostics themselves, Vietnamese first.
public enum LintMessage: MessageCatalogue, Hashable {
  case summary(courses: Int, lessons: Int, questions: Int, errors: Int, warnings: Int)
  case coverageHeader
  case coverageColumns
  case coverageGaps([String])
  case coverageNoGaps
  case notCurrent

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
    }
  }

  /// One of every case, for the test that renders every message in both languages.
  public static let samples: [LintMessage] = [
    .summary(courses: 3, lessons: 40, questions: 325, errors: 0, warnings: 2), .coverageHeader,
    .coverageColumns,
    .coverageGaps(["D3.2"]), .coverageNoGaps, .notCurrent,
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

import Foundation
import Insight
import Localization
import Reporting

/// Every message of the reports (`papi-train report`), Vietnamese first.
public enum ReportMessage: Error, MessageCatalogue, Equatable {
  case unknownDimension(String, known: [String])
  case unknownUnit(String)
  /// A commune left out: its file could not be read or was refused, and why.
  case unreadable(String, LocalizedText)
  case coursesUnreadable(String, [String])
  case badThreshold(Double)
  case badClass(String)
  case badDate(String)
  case emptyPeriod(String, String)
  case unknownQuiz(String)
  case noScope
  case noResults(String)
  case unknownOfficial(String, String)
  case ambiguousOfficial(String, [String])
  case cannotWrite(String, String)
  case cannotRead(String)
  case notUTF8(String)
  case provinceScores(ProvinceScores.ParseError)
  case wrote(String)
  case asOf(String)
  case noCommunes
  /// What the table's figures and columns mean, with the weak line as a score.
  case legend(weakLine: Double, threshold: Double)
  case unknownCommune(String)
  case ambiguousCommune(String, [String])
  /// The name of the province row when the units list names no province.
  case provinceRow
  /// A colour band by rank, 0 (good) to 3 (poor).
  case band(Int)
  case status(DashboardData.CollectionStatus)
  case trainedColumn
  case lastColumn
  case statusColumn
  case summaryHeading, intervalLabel, officialsWord
  case collectionSummary(
    trained: Int, someResults: Int, noResults: Int, communes: Int, officials: Int, roster: Int)
  /// The province average in a commune's bar chart, and how many communes it is over.
  case averageMark(communes: Int)
  /// The dashboard's data period: the first and last day an answer was given, and the officials
  /// behind the figures (nil days: no answer yet).
  case dataPeriod(first: String?, last: String?, officials: Int, roster: Int)
  /// How to read a commune's profile: the bar, its figure, the average mark, "—".
  case profileLegend
  /// How to read a heat map cell's small line: officials assessed of the roster.
  case cellOfficials
  case collectionTitle(String)
  case notSentSince(String, count: Int, of: Int)
  case allSentSince(String)
  case neverSent
  case weakList(String, [String])
  /// The readiness title, for the place `--in` named (nil: the whole folder).
  case dashboardTitle(place: String?)
  case scopeClass(String)
  case scopeCommune(String)
  case scopeOfficial(String, String)
  case basis(answers: Int, officials: Int)
  case unknownQuestions(Int)
  /// A mastery figure: its estimate with its interval, or insufficient data.
  case mastery(estimate: Double?, lower: Double, upper: Double, answers: Int)
  case columnCode, columnMastery, columnArea
  case noWeakAreas(Double)
  case weakHeading(Double)
  case verdict(Mastery.Verdict)
  case lessons([String])
  case questions([String])
  case responsible([String])
  case noGain
  case gainColumns
  case mean
  case noItems

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .unknownDimension(let code, let known):
      return vi
        ? "không có chỉ số '\(code)'; dùng một trong: \(known.joined(separator: ", "))"
        : "no dimension '\(code)'; use one of: \(known.joined(separator: ", "))"
    case .unknownUnit(let code):
      return vi ? "không có đơn vị mã \(code) trong danh mục" : "no unit with code \(code) in the units file"
    case .unreadable(let commune, let details):
      return vi
        ? "bỏ qua xã \(commune), không đọc được tệp kết quả: \(details.vi)"
        : "left out commune \(commune), its results file cannot be read: \(details.text(in: .english))"
    case .coursesUnreadable(let path, let details):
      return ([vi ? "không đọc được khoá học trong \(path)" : "cannot load the courses in \(path)"] + details)
        .joined(separator: "\n")
    case .badThreshold(let value):
      return vi ? "ngưỡng \(value) phải từ 0 đến 1" : "threshold \(value) must be between 0 and 1"
    case .badClass(let text):
      return vi ? "'\(text)' không phải mã lớp (UUID)" : "'\(text)' is not a class id (a UUID)"
    case .badDate(let text):
      return vi ? "ngày '\(text)' phải có dạng YYYY-MM-DD" : "date '\(text)' must be YYYY-MM-DD"
    case .emptyPeriod(let from, let to):
      return vi ? "khoảng ngày \(from) đến \(to) rỗng" : "the period \(from) to \(to) is empty"
    case .unknownQuiz(let quiz):
      return vi ? "không có bài kiểm tra '\(quiz)' trong khoá học" : "no quiz '\(quiz)' in the courses"
    case .noScope:
      return vi
        ? "hãy chọn --commune MÃ (có thể kèm --official TÊN) hoặc --class MÃ_LỚP"
        : "choose --commune CODE (optionally with --official NAME) or --class CLASS_ID"
    case .noResults(let code):
      return vi ? "xã \(code) chưa có tệp kết quả" : "commune \(code) has no results file"
    case .unknownOfficial(let name, let code):
      return vi ? "xã \(code) không có cán bộ '\(name)'" : "commune \(code) has no official '\(name)'"
    case .ambiguousOfficial(let name, let candidates):
      return
        ([vi ? "'\(name)' khớp nhiều cán bộ; dùng mã:" : "'\(name)' matches several officials; use the id:"]
        + candidates).joined(separator: "\n  ")
    case .cannotWrite(let path, let details):
      return vi ? "không ghi được \(path): \(details)" : "cannot write \(path): \(details)"
    case .cannotRead(let path):
      return vi ? "không đọc được \(path)" : "cannot read \(path)"
    case .notUTF8(let path):
      return vi ? "\(path) không phải văn bản UTF-8" : "\(path) is not UTF-8 text"
    case .provinceScores(let error):
      let problem: String
      switch error.problem {
      case .columns(let line):
        problem =
          vi ? "cần hai cột, mã chỉ số và điểm: '\(line)'" : "two columns expected, code and score: '\(line)'"
      case .unknownDimension(let code):
        problem = vi ? "không có chỉ số '\(code)'" : "no dimension '\(code)'"
      case .notANumber(let text):
        problem = vi ? "'\(text)' không phải số" : "'\(text)' is not a number"
      case .outOfScale(let value, let scale):
        problem =
          vi
          ? "điểm \(value) nằm ngoài thang \(scale.lowerBound)–\(scale.upperBound)"
          : "score \(value) is outside the scale \(scale.lowerBound)–\(scale.upperBound)"
      case .duplicate(let code):
        problem = vi ? "chỉ số \(code) có hai lần" : "dimension \(code) appears twice"
      case .empty:
        problem = vi ? "tệp không có điểm nào" : "the file holds no scores"
      case .unterminatedQuote:
        problem =
          vi ? "dấu ngoặc kép mở ở đây không được đóng" : "a quotation mark opened here is never closed"
      }
      return "\(error.path):\(error.line): \(problem)"
    case .wrote(let path):
      return vi ? "Đã ghi \(path)" : "Wrote \(path)"
    case .asOf(let date):
      return vi ? "Tính đến ngày \(date)" : "As of \(date)"
    case .noCommunes:
      return vi ? "Chưa có kết quả của xã nào." : "No commune has results yet."
    case .legend(let weakLine, let threshold):
      let line = String(format: "%.1f", weakLine)
      let share = Int((threshold * 100).rounded())
      return vi
        ? "Điểm 1–10 = 1 + 9 × tỷ lệ đúng (gần đây nặng hơn); ngưỡng yếu \(line) = \(share)% đúng; — = chưa đủ dữ liệu (dưới 20 câu trả lời hoặc 3 cán bộ); Đã học = số cán bộ đã làm xong một bài / số trong danh sách; Gần nhất = ngày của câu trả lời mới nhất đã nhận."
        : "Score 1–10 = 1 + 9 × share right (recent answers weigh more); weak line \(line) = \(share)% right; — = insufficient data (under 20 answers or 3 officials); Trained = officials who finished a quiz / officials on the roster; Last sent = the day of the latest answer received."
    case .unknownCommune(let text):
      return vi
        ? "không có xã/phường '\(text)' trong danh mục; hãy cho tên hoặc mã 5 chữ số"
        : "no commune '\(text)' in the units list; give its name or 5-digit code"
    case .ambiguousCommune(let text, let candidates):
      return
        ([
          vi
            ? "'\(text)' khớp nhiều xã/phường; dùng mã:" : "'\(text)' matches several communes; use the code:"
        ]
        + candidates).joined(separator: "\n  ")
    case .provinceRow:
      return vi ? "Toàn tỉnh" : "Whole province"
    case .band(let rank):
      let names =
        vi ? ["tốt", "đạt", "dưới ngưỡng yếu", "thấp"] : ["good", "adequate", "below the weak line", "poor"]
      return names[min(max(rank, 0), 3)]
    case .status(let status):
      switch status {
      case .trained: return vi ? "đã học, có điểm" : "trained, scored"
      case .someResults: return vi ? "có kết quả, chưa đủ để tính điểm" : "some results, too few to score"
      case .noResults: return vi ? "chưa có kết quả" : "no results"
      }
    case .trainedColumn:
      return vi ? "Đã học" : "Trained"
    case .lastColumn:
      return vi ? "Gần nhất" : "Last sent"
    case .statusColumn:
      return vi ? "Tình trạng" : "Status"
    case .summaryHeading:
      return vi ? "Tóm tắt toàn tỉnh" : "The province at a glance"
    case .intervalLabel:
      return vi ? "khoảng tin cậy 95%" : "95% interval"
    case .officialsWord:
      return vi ? "cán bộ" : "officials"
    case .collectionSummary(let trained, let some, let none, let communes, let officials, let roster):
      return vi
        ? "Đã học: \(trained)/\(communes) xã; có kết quả nhưng chưa đủ: \(some); chưa có kết quả: \(none). Cán bộ đã học: \(officials)/\(roster) trong danh sách."
        : "Trained: \(trained) of \(communes) communes; some results: \(some); no results: \(none). Officials trained: \(officials) of \(roster) on the rosters."
    case .dataPeriod(let first?, let last?, let officials, let roster):
      return vi
        ? "Số liệu: câu trả lời từ ngày \(first) đến ngày \(last); \(officials) cán bộ đã học trên \(roster) trong danh sách."
        : "Data: answers given from \(first) to \(last); \(officials) officials trained of \(roster) on the rosters."
    case .dataPeriod:
      return vi ? "Số liệu: chưa có câu trả lời nào." : "Data: no answers yet."
    case .profileLegend:
      return vi
        ? "Thanh xanh: điểm của xã, số ghi ở cột bên phải; vạch đỏ: trung bình tỉnh của chỉ số đó, để so sánh; — : chưa đủ dữ liệu."
        : "Blue bar: the commune's score, its figure in the column on the right; red mark: the province average on that dimension, to compare with; — : insufficient data."
    case .cellOfficials:
      return vi
        ? "Dòng nhỏ trong mỗi ô: số cán bộ đã làm bài về chỉ số đó / số cán bộ trong danh sách của xã."
        : "The small line in each cell: officials assessed on that dimension / officials on the commune's roster."
    case .averageMark(let communes):
      return vi
        ? "| = trung bình tỉnh, trên \(communes) xã có số liệu"
        : "| = province average, over \(communes) communes with data"
    case .collectionTitle(let place):
      return vi ? "Tình hình gửi kết quả — \(place)" : "Results received — \(place)"
    case .notSentSince(let day, let count, let of):
      return vi
        ? "\(count)/\(of) xã chưa gửi kết quả nào từ ngày \(day):"
        : "\(count) of \(of) communes have sent nothing since \(day):"
    case .allSentSince(let day):
      return vi ? "Mọi xã đều đã gửi kết quả từ ngày \(day)." : "Every commune has sent results since \(day)."
    case .neverSent:
      return vi ? "chưa bao giờ" : "never"
    case .weakList(let commune, let codes):
      return (vi ? "Cần bồi dưỡng — \(commune): " : "To train — \(commune): ") + codes.joined(separator: "; ")
    case .dashboardTitle(let place):
      if let place { return vi ? "Mức sẵn sàng PAPI — \(place)" : "PAPI readiness — \(place)" }
      return vi ? "Mức sẵn sàng PAPI theo xã" : "PAPI readiness by commune"
    case .scopeClass(let id):
      return vi ? "Lớp tập huấn \(id)" : "Training class \(id)"
    case .scopeCommune(let code):
      return vi ? "Xã \(code)" : "Commune \(code)"
    case .scopeOfficial(let name, let code):
      return vi ? "\(name), xã \(code)" : "\(name), commune \(code)"
    case .basis(let answers, let officials):
      return vi
        ? "Dựa trên \(answers) câu trả lời của \(officials) cán bộ."
        : "Based on \(answers) answers by \(officials) officials."
    case .unknownQuestions(let count):
      return vi
        ? "\(count) câu trả lời cho câu hỏi không còn trong khoá học, không tính."
        : "\(count) answers to questions no longer in the courses are left out."
    case .mastery(let estimate, let lower, let upper, let answers):
      guard let estimate else {
        return vi ? "chưa đủ dữ liệu (\(answers) câu trả lời)" : "insufficient data (\(answers) answers)"
      }
      let range = String(format: "%.0f%% (%.0f–%.0f%%", estimate * 100, lower * 100, upper * 100)
      return range + (vi ? ", \(answers) câu trả lời)" : ", \(answers) answers)")
    case .columnCode:
      return vi ? "Chỉ số" : "Dimension"
    case .columnArea:
      return vi ? "Mảng kiến thức" : "Knowledge area"
    case .columnMastery:
      return vi ? "Tỷ lệ đúng (khoảng tin cậy 95%)" : "Mastery (95% interval)"
    case .noWeakAreas(let threshold):
      return vi
        ? "Không có nội dung nào dưới \(Int(threshold * 100))% với đủ dữ liệu."
        : "No area with enough data is below \(Int(threshold * 100))%."
    case .weakHeading(let threshold):
      return vi
        ? "Nội dung dưới \(Int(threshold * 100))%, yếu nhất trước:"
        : "Areas below \(Int(threshold * 100))%, weakest first:"
    case .verdict(let verdict):
      switch verdict {
      case .weak: return vi ? "yếu (cả khoảng tin cậy dưới ngưỡng)" : "weak (the whole interval is below)"
      case .possiblyWeak: return vi ? "có thể yếu" : "possibly weak"
      case .adequate: return vi ? "đạt" : "adequate"
      case .insufficientData: return vi ? "chưa đủ dữ liệu" : "insufficient data"
      }
    case .lessons(let lessons):
      return (vi ? "Bài nên đọc lại: " : "Lessons to read: ") + lessons.joined(separator: ", ")
    case .questions(let questions):
      return (vi ? "Câu hay sai: " : "Questions often missed: ") + questions.joined(separator: ", ")
    case .responsible(let positions):
      return (vi ? "Chức danh phụ trách: " : "Positions responsible: ") + positions.joined(separator: ", ")
    case .noGain:
      return vi
        ? "Chưa có cán bộ nào làm cả bài kiểm tra đầu vào và đầu ra."
        : "No official has taken both a pre-test and a post-test."
    case .gainColumns:
      return vi
        ? "Cán bộ|Khoá học|Đầu vào|Đầu ra|Thay đổi (điểm %)|Tiến bộ chuẩn hoá"
        : "Official|Course|Pre-test|Post-test|Change (points)|Normalised gain"
    case .mean:
      return vi ? "Trung bình" : "Mean"
    case .noItems:
      return vi ? "Chưa có lượt làm bài hoàn thành nào." : "No finished attempt yet."
    }
  }
}

extension ReportMessage {
  /// A mastery figure as a user reads it: "62% (48–74%, 41 answers)", or "insufficient data (3 answers)".
  public static func describing(_ mastery: Mastery) -> ReportMessage {
    .mastery(
      estimate: mastery.isInsufficient ? nil : mastery.estimate, lower: mastery.lower, upper: mastery.upper,
      answers: mastery.answers)
  }

  /// One of every case, for the test that renders every message in both languages.
  public static var samples: [ReportMessage] {
    let error = { (problem: ProvinceScores.ParseError.Problem) in
      ReportMessage.provinceScores(ProvinceScores.ParseError(path: "diem.csv", line: 2, problem: problem))
    }
    return [
      .unknownDimension("D12", known: ["D1", "D2"]), .unknownUnit("99"),
      .unreadable("03637", LocalizedText(vi: "lỗi đọc ghi đĩa", en: "disk I/O")),

      .coursesUnreadable("Courses", ["Courses/x.yaml:1:1: bad"]), .badThreshold(2), .badClass("x"),
      .badDate("15/10/2026"), .emptyPeriod("2026-10-02", "2026-10-01"), .unknownQuiz("q"), .noScope,
      .noResults("03637"), .unknownOfficial("Hoa", "03637"),
      .ambiguousOfficial("Hoa", ["Hoa (1)", "Hoa (2)"]),
      .cannotWrite("a.html", "Permission denied"), .cannotRead("a.csv"), .notUTF8("a.csv"),
      error(.columns("D1")), error(.unknownDimension("D9")), error(.notANumber("abc")),
      error(.outOfScale(11, 1...10)), error(.duplicate("D1")), error(.empty), error(.unterminatedQuote),
      .wrote("a.html"), .asOf("2026-10-15"), .noCommunes, .legend(weakLine: 7.3, threshold: 0.7),
      .unknownCommune("Sìn Hồ"), .ambiguousCommune("Hồ", ["Xã Sìn Hồ (03409)", "Xã Sin Suối Hồ (03394)"]),
      .provinceRow, .band(0), .band(1), .band(2), .band(3), .status(.trained), .status(.someResults),
      .status(.noResults), .trainedColumn, .lastColumn, .statusColumn, .summaryHeading, .intervalLabel,
      .officialsWord,
      .collectionSummary(trained: 2, someResults: 1, noResults: 35, communes: 38, officials: 9, roster: 12),
      .averageMark(communes: 3), .collectionTitle("Tỉnh Lai Châu"),
      .dataPeriod(first: "2025-09-12", last: "2026-11-30", officials: 120, roster: 200),
      .dataPeriod(first: nil, last: nil, officials: 0, roster: 12), .profileLegend, .cellOfficials,
      .notSentSince("2026-10-01", count: 3, of: 38),
      .allSentSince("2026-10-01"), .neverSent, .weakList("Xã Khoen On", ["D5 Thủ tục"]),
      .dashboardTitle(place: nil), .dashboardTitle(place: "Tỉnh Lai Châu"), .scopeClass("C1"),
      .scopeCommune("03637"), .scopeOfficial("Hoa", "03637"), .basis(answers: 40, officials: 3),
      .unknownQuestions(2), .mastery(estimate: nil, lower: 0, upper: 1, answers: 3),
      .mastery(estimate: 0.62, lower: 0.48, upper: 0.74, answers: 41), .columnCode, .columnMastery,
      .columnArea, .noWeakAreas(0.7), .weakHeading(0.7), .verdict(.weak), .verdict(.possiblyWeak),
      .verdict(.adequate), .verdict(.insufficientData), .lessons(["oss-l01"]), .questions(["oss-q01"]),
      .responsible(["Chủ tịch"]), .noGain, .gainColumns, .mean, .noItems,
    ]
  }
}

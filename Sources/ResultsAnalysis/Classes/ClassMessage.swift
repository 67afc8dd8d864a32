import Foundation
import Gradebook
import Localization

/// What `papi-train class` and `papi-train roster` changes tell the trainer.
public enum ClassMessage: MessageCatalogue, Hashable {
  case created(code: String, title: String, communes: Int)
  case howToJoin(code: String)
  case closed(code: String)
  case alreadyClosed(code: String)
  case noClasses
  /// Column headings, `|`-separated.
  case listHeader
  case open
  case closedStatus
  case showTitle(code: String, title: String)
  case showTrainer(String)
  case showDays(String, String)
  case showPlace(String)
  case showCommunes(String)
  case showQuizzes(pretest: String, posttest: String)
  case showStatus(isOpen: Bool)
  /// The province leader's decision on the class's results, when `papi-train sync` brought one.
  case showDecision(LeaderDecision.Verdict, leader: String, day: String)
  case showNote(String)
  /// The decision in `list`'s column.
  case decisionStatus(LeaderDecision.Verdict)
  case rollHeader
  case rollSummary(joined: Int, pretest: Int, posttest: Int)
  case nobodyYet
  case noQuiz
  case removed(name: String)
  case renamed(old: String, new: String)
  case merged(name: String, into: String, attempts: Int)
  case mergedInto(name: String, into: String)
  case changesHeader
  case change(at: String, by: String, what: String)

  public func text(in language: Language) -> String {
    language == .vietnamese ? vietnamese : english
  }

  private var vietnamese: String {
    switch self {
    case .created(let code, let title, let communes): "Đã tạo lớp \(code): \(title) (\(communes) xã)."
    case .howToJoin(let code):
      "Học viên vào lớp: papi-train shell --class \(code) (hoặc chọn lớp sau khi nhập tên)."
    case .closed(let code): "Đã đóng lớp \(code): không ai tham gia thêm; kết quả vẫn giữ nguyên."
    case .alreadyClosed(let code): "Lớp \(code) đã đóng từ trước."
    case .noClasses: "Chưa có lớp tập huấn nào."
    case .listHeader: "Mã|Tên lớp|Ngày|Nơi học|Xã|Trạng thái|Tỉnh duyệt"
    case .open: "đang mở"
    case .closedStatus: "đã đóng"
    case .showTitle(let code, let title): "Lớp \(code): \(title)"
    case .showTrainer(let trainer): "Giảng viên: \(trainer)"
    case .showDays(let start, let end): start == end ? "Ngày: \(start)" : "Ngày: \(start) đến \(end)"
    case .showPlace(let place): "Nơi học: \(place)"
    case .showCommunes(let communes): "Các xã: \(communes)"
    case .showQuizzes(let pretest, let posttest): "Bài kiểm tra đầu vào: \(pretest); cuối khoá: \(posttest)"
    case .showStatus(let isOpen): isOpen ? "Trạng thái: đang mở" : "Trạng thái: đã đóng"
    case .showDecision(.approved, let leader, let day): "Tỉnh: kết quả đã được duyệt (\(leader), \(day))"
    case .showDecision(.returned, let leader, let day): "Tỉnh: kết quả bị trả lại để sửa (\(leader), \(day))"
    case .showNote(let note): "Ghi chú của tỉnh: \(note)"
    case .decisionStatus(.approved): "đã duyệt"
    case .decisionStatus(.returned): "trả lại"
    case .rollHeader: "Xã|Họ và tên|Tham gia|Đầu vào|Cuối khoá"
    case .rollSummary(let joined, let pretest, let posttest):
      "\(joined) học viên; \(pretest) đã làm bài đầu vào; \(posttest) đã làm bài cuối khoá."
    case .nobodyYet: "Chưa có học viên nào tham gia."
    case .noQuiz: "(chưa chọn)"
    case .removed(let name): "Đã xoá '\(name)' khỏi danh sách."
    case .renamed(let old, let new): "Đã sửa tên '\(old)' thành '\(new)'."
    case .merged(let name, let into, let attempts):
      "Đã gộp '\(name)' vào '\(into)' (\(attempts) lần làm bài chuyển sang)."
    case .mergedInto(let name, let into): "Đã gộp '\(name)' vào '\(into)'."
    case .changesHeader: "Lịch sử thay đổi danh sách:"
    case .change(let at, let by, let what): "\(at)  \(by): \(what)"
    }
  }

  private var english: String {
    switch self {
    case .created(let code, let title, let communes):
      "Created class \(code): \(title) (\(communes) communes)."
    case .howToJoin(let code):
      "Officials join with: papi-train shell --class \(code) (or pick it after giving their name)."
    case .closed(let code): "Closed class \(code): nobody joins it any more; its results stay."
    case .alreadyClosed(let code): "Class \(code) was already closed."
    case .noClasses: "No training classes yet."
    case .listHeader: "Code|Title|Days|Place|Communes|Status|Province review"
    case .open: "open"
    case .closedStatus: "closed"
    case .showTitle(let code, let title): "Class \(code): \(title)"
    case .showTrainer(let trainer): "Trainer: \(trainer)"
    case .showDays(let start, let end): start == end ? "Day: \(start)" : "Days: \(start) to \(end)"
    case .showPlace(let place): "Place: \(place)"
    case .showCommunes(let communes): "Communes: \(communes)"
    case .showQuizzes(let pretest, let posttest): "Pre-test: \(pretest); post-test: \(posttest)"
    case .showStatus(let isOpen): isOpen ? "Status: open" : "Status: closed"
    case .showDecision(.approved, let leader, let day): "Province: results approved (\(leader), \(day))"
    case .showDecision(.returned, let leader, let day):
      "Province: results returned for correction (\(leader), \(day))"
    case .showNote(let note): "The province's note: \(note)"
    case .decisionStatus(.approved): "approved"
    case .decisionStatus(.returned): "returned"
    case .rollHeader: "Commune|Name|Joined|Pre-test|Post-test"
    case .rollSummary(let joined, let pretest, let posttest):
      "\(joined) officials; \(pretest) took the pre-test; \(posttest) took the post-test."
    case .nobodyYet: "Nobody has joined yet."
    case .noQuiz: "(not set)"
    case .removed(let name): "Removed '\(name)' from the roster."
    case .renamed(let old, let new): "Renamed '\(old)' to '\(new)'."
    case .merged(let name, let into, let attempts):
      "Merged '\(name)' into '\(into)' (\(attempts) attempts moved)."
    case .mergedInto(let name, let into): "Merged '\(name)' into '\(into)'."
    case .changesHeader: "Roster changes:"
    case .change(let at, let by, let what): "\(at) UTC, \(by): \(what)"
    }
  }

  public static let samples: [ClassMessage] = [
    .created(code: "LC-2612-A", title: "Tập huấn một cửa", communes: 2), .howToJoin(code: "LC-2612-A"),
    .closed(code: "LC-2612-A"), .alreadyClosed(code: "LC-2612-A"), .noClasses,
    .listHeader, .open, .closedStatus,
    .showTitle(code: "LC-2612-A", title: "Tập huấn một cửa"), .showTrainer("Nguyễn Thị Hằng"),
    .showDays("2026-12-03", "2026-12-04"), .showDays("2026-12-03", "2026-12-03"), .showPlace("Hội trường xã"),
    .showCommunes("Sìn Hồ (03478), Pa Tần (03481)"),
    .showQuizzes(pretest: "Kiểm tra đầu vào", posttest: "Kiểm tra cuối khoá"),
    .showStatus(isOpen: true), .showStatus(isOpen: false),
    .showDecision(.approved, leader: "Lò Văn Minh", day: "2026-12-03"),
    .showDecision(.returned, leader: "Lò Văn Minh", day: "2026-12-03"),
    .showNote("Thiếu bài kiểm tra cuối khoá của 2 học viên"), .decisionStatus(.approved),
    .decisionStatus(.returned),
    .rollHeader,
    .rollSummary(joined: 12, pretest: 11, posttest: 9), .nobodyYet, .noQuiz, .removed(name: "Nguyễn Thị Hao"),
    .renamed(old: "Nguyễn Thị Hao", new: "Nguyễn Thị Hoa"),
    .merged(name: "Nguyen Thi Hoa", into: "Nguyễn Thị Hoa", attempts: 2),
    .mergedInto(name: "Nguyen Thi Hoa", into: "Nguyễn Thị Hoa"), .changesHeader,
    .change(at: "2026-12-03 10:15", by: "Nguyễn Thị Hằng", what: "Đã xoá 'Nguyễn Thị Hao' khỏi danh sách."),
  ]
}

extension ClassMessage {
  /// One entry of the record of roster changes: when (UTC, to the minute), who, what.
  public static func line(for change: RosterChange, in language: Language) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: change.changedAt)
    let at = String(
      format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
      parts.minute ?? 0)
    return ClassMessage.change(at: at, by: change.changedBy, what: change.what.text(in: language)).text(
      in: language)
  }
}

extension RosterChange {
  /// What the change did, as a message.
  var what: ClassMessage {
    switch kind {
    case .remove: .removed(name: oldName)
    case .rename: .renamed(old: oldName, new: newName)
    case .merge: .mergedInto(name: oldName, into: newName)
    }
  }
}

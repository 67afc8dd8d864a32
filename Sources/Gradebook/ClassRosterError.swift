import Localization

/// What goes wrong with a training class or a change to a roster, said to the trainer.
public enum ClassRosterError: Error, Sendable, Hashable, MessageCatalogue {
  /// The class (by its code) is closed: nobody joins it any more.
  case classClosed(String)
  /// A class whose last day comes before its first.
  case endsBeforeItStarts(String, String)
  /// A class needs a title.
  case emptyTitle
  /// No class in the results folder has this code (or id).
  case unknownClass(String, folder: String)
  /// Two different classes carry one code (made on two machines): the id tells them apart.
  case ambiguousCode(String, ids: [String])
  /// Neither a class code (`LC-2612-A`) nor a class id.
  case notAClassCode(String)
  /// Every letter of the month is taken for this place.
  case noCodeLeft(String)
  /// A class needs at least one commune.
  case noCommunes
  /// A quiz named as pre- or post-test that no course has.
  case unknownQuiz(String)
  /// An entry with attempts cannot be removed (merge it into the right entry instead).
  case hasAttempts(name: String, attempts: Int)
  /// An entry cannot be merged into itself.
  case mergeIntoItself(String)
  /// No official of the roster is called this (or has this id).
  case noSuchOfficial(String, commune: String)
  /// Several officials have this name: the id tells them apart.
  case severalOfficials(String, ids: [String])
  /// A commune named by a class that is not in the units list.
  case unknownCommune(String)

  public func text(in language: Language) -> String {
    language == .vietnamese ? vietnamese : english
  }

  private var vietnamese: String {
    switch self {
    case .classClosed(let code): "lớp \(code) đã kết thúc: không thể tham gia thêm"
    case .endsBeforeItStarts(let start, let end): "ngày kết thúc \(end) trước ngày bắt đầu \(start)"
    case .emptyTitle: "lớp tập huấn cần có tên"
    case .unknownClass(let code, let folder): "không có lớp tập huấn mã \(code) trong \(folder)"
    case .ambiguousCode(let code, let ids):
      "mã \(code) thuộc về \(ids.count) lớp khác nhau; hãy dùng mã định danh: " + ids.joined(separator: ", ")
    case .notAClassCode(let text): "'\(text)' không phải mã lớp (ví dụ LC-2612-A)"
    case .noCodeLeft(let prefix): "đã hết mã lớp cho \(prefix) trong tháng này"
    case .noCommunes: "lớp tập huấn cần ít nhất một xã"
    case .unknownQuiz(let id): "không có bài kiểm tra '\(id)' trong các khoá học"
    case .hasAttempts(let name, let attempts):
      "không xoá được '\(name)': đã có \(attempts) lần làm bài; nếu là người trùng, hãy gộp vào mục đúng"
    case .mergeIntoItself(let name): "không thể gộp '\(name)' vào chính mục đó"
    case .noSuchOfficial(let name, let commune): "không có '\(name)' trong danh sách cán bộ xã \(commune)"
    case .severalOfficials(let name, let ids):
      "có \(ids.count) người tên '\(name)'; hãy dùng mã định danh: " + ids.joined(separator: ", ")
    case .unknownCommune(let text): "không có xã/phường '\(text)' trong danh sách đơn vị hành chính"
    }
  }

  private var english: String {
    switch self {
    case .classClosed(let code): "class \(code) is closed: nobody can join it any more"
    case .endsBeforeItStarts(let start, let end): "the last day \(end) comes before the first day \(start)"
    case .emptyTitle: "a training class needs a title (--title)"
    case .unknownClass(let code, let folder): "no training class \(code) in \(folder)"
    case .ambiguousCode(let code, let ids):
      "code \(code) belongs to \(ids.count) different classes; use the id: " + ids.joined(separator: ", ")
    case .notAClassCode(let text): "'\(text)' is not a class code (such as LC-2612-A)"
    case .noCodeLeft(let prefix): "no class code left for \(prefix) this month"
    case .noCommunes: "a training class needs at least one commune (--commune)"
    case .unknownQuiz(let id): "no quiz '\(id)' in the courses"
    case .hasAttempts(let name, let attempts):
      "'\(name)' cannot be removed: \(attempts) attempts were taken; if it is a duplicate, merge it (roster merge)"
    case .mergeIntoItself(let name): "'\(name)' cannot be merged into itself"
    case .noSuchOfficial(let name, let commune): "no '\(name)' on the roster of commune \(commune)"
    case .severalOfficials(let name, let ids):
      "\(ids.count) officials are called '\(name)'; use the id: " + ids.joined(separator: ", ")
    case .unknownCommune(let text): "no commune '\(text)' in the units list"
    }
  }

  public static let samples: [ClassRosterError] = [
    .classClosed("LC-2612-A"), .endsBeforeItStarts("2026-12-03", "2026-12-01"), .emptyTitle,
    .unknownClass("LC-2612-B", folder: "Results"),
    .ambiguousCode(
      "LC-2612-A", ids: ["0C1A55E5-0000-0000-0000-000000000001", "0C1A55E5-0000-0000-0000-000000000002"]),
    .notAClassCode("lop-1"), .noCodeLeft("LC-2612"), .noCommunes, .unknownQuiz("oss-pretest"),
    .hasAttempts(name: "Nguyễn Thị Hoa", attempts: 2), .mergeIntoItself("Nguyễn Thị Hoa"),
    .noSuchOfficial("Nguyễn Thị Hao", commune: "03478"),
    .severalOfficials(
      "Nguyễn Văn An", ids: ["E621E1F8-C36C-495A-93FC-0C247A3E6E5F", "E621E1F8-C36C-495A-93FC-0C247A3E6E60"]),
    .unknownCommune("Sìn Hồ 2"),
  ]
}

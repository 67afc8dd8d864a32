import Localization

/// What every `papi-train` command does, in Vietnamese and English (`--help` shows both,
/// Vietnamese first), and the longer discussion some commands add under it.
public enum CommandHelp: CaseIterable, MessageCatalogue, Hashable {
  case papiTrain, shell, lint, merge, units, unitsImport, unitsList, export, exportQuestions, importBank
  case demoData, needsHelp
  case access, accessSetup, accessStatus, sign, verify, keys, keysEnrol, keysList, keysRevoke
  case certificate, certificateIssue, certificateVerify, courses, coursesPack, coursesInstall, coursesList
  case sync, syncPush, syncEnrol
  case trainingClass, classCreate, classList, classShow, classClose
  case report, readiness, collection, weak, gain, items
  case roster, rosterList, rosterAdd, rosterImport, rosterRemove, rosterRename, rosterMerge, rosterChanges

  public func text(in language: Language) -> String {
    language == .vietnamese ? texts.vi : texts.en
  }

  public static var samples: [CommandHelp] { allCases }

  /// As `--help` shows it: the Vietnamese, then the English.
  public var abstract: String { "\(texts.vi) / \(texts.en)" }

  private var texts: (vi: String, en: String) {
    learningTexts ?? accessTexts ?? classTexts ?? reportTexts
  }
}

extension CommandHelp {
  fileprivate var learningTexts: (vi: String, en: String)? {
    switch self {
    case .papiTrain:
      (
        "Đào tạo và tự đánh giá cho cán bộ, công chức cấp xã theo các chỉ số PAPI",
        "training and self-assessment for Vietnamese commune officials, mapped onto the PAPI dimensions."
      )
    case .shell:
      ("Học bài và làm bài kiểm tra", "read lessons and take quizzes (the default command).")
    case .lint: ("Kiểm tra các tệp khoá học", "check course files.")
    case .merge: ("Gộp kết quả từ máy khác", "merge results files from other machines.")
    case .units: ("Danh mục đơn vị hành chính", "the administrative-unit list.")
    case .unitsImport: ("Nhập danh mục của cơ quan thống kê", "import the statistics office's list.")
    case .unitsList: ("Liệt kê đơn vị", "list provinces, or one province's units.")
    case .export: ("Xuất kết quả lớp học", "export class results to XLSX, CSV or JSON.")
    case .exportQuestions:
      ("Xuất câu hỏi của khoá học hoặc bài kiểm tra", "export a course's or a quiz's questions.")
    case .importBank: ("Nhập ngân hàng câu hỏi vào khoá học", "import a question bank into a course.")
    case .demoData: ("Tạo dữ liệu mẫu của một tỉnh", "generate a demo province's results.")
    case .needsHelp:
      ("Cán bộ cần hỗ trợ", "officials below the pass mark or whose score fell, with lessons to reread.")
    default: nil
    }
  }

  fileprivate var accessTexts: (vi: String, en: String)? {
    switch self {
    case .access:
      ("Mật khẩu giảng viên và lãnh đạo", "the trainer and leader passphrases of this computer.")
    case .accessSetup: ("Đặt hoặc đổi mật khẩu", "set or change a passphrase.")
    case .accessStatus: ("Vai trò nào đã có mật khẩu", "which roles have one.")
    case .sign: ("Ký tệp bằng khoá của máy này", "sign files with this computer's key (Ed25519).")
    case .verify: ("Kiểm tra chữ ký", "check that signed files were not altered, and who signed them.")
    case .keys:
      ("Máy tin cậy của tỉnh", "the commune machines the province trusts (merge --require-signature).")
    case .keysEnrol: ("Đăng ký khoá của một máy", "enrol a machine's public key for a commune.")
    case .keysList: ("Liệt kê", "list the enrolled machines.")
    case .keysRevoke:
      ("Thu hồi khoá", "revoke a machine's key (the whole key, or its first 8 characters or more).")
    case .certificate:
      ("Giấy chứng nhận hoàn thành", "completion certificates: issue a class's, verify one.")
    case .certificateIssue:
      ("Cấp giấy chứng nhận cho người đạt bài cuối khoá", "certify who passed the class's post-test.")
    case .certificateVerify:
      ("Kiểm tra giấy chứng nhận", "check a certificate offline: its code, or its .html or .json file.")
    case .courses:
      ("Phiên bản khoá học của tỉnh", "course versions published by the province and pulled here.")
    case .coursesPack: ("Kiểm tra, đóng gói và ký một khoá học", "lint, pack and sign one course folder.")
    case .coursesInstall: ("Kiểm tra chữ ký và cài một gói khoá học", "verify and install a course package.")
    case .coursesList: ("Các phiên bản đã cài", "the course versions installed here.")
    case .sync:
      (
        "Gửi kết quả lên máy chủ tỉnh, nhận phiên bản khóa học mới",
        "send this commune's results to the province server, receive new course versions."
      )
    case .syncPush:
      (
        "Gửi phần máy chủ còn thiếu, rồi nhận khóa học tỉnh đã phát hành",
        "send what the server lacks, then pull the courses the province published (the default)."
      )
    case .syncEnrol: ("Đăng ký máy này với tỉnh", "enrol this machine with the province server.")
    default: nil
    }
  }

  fileprivate var classTexts: (vi: String, en: String)? {
    switch self {
    case .trainingClass: ("Lớp tập huấn", "training classes: create, list, show, close.")
    case .classCreate: ("Tạo lớp", "create a class (its code, such as LC-2612-A, is printed).")
    case .classList: ("Liệt kê các lớp", "list the classes.")
    case .classShow: ("Xem một lớp", "who joined a class and their pre- and post-test.")
    case .classClose: ("Đóng lớp", "close a class: nobody joins it any more.")
    case .roster: ("Danh sách cán bộ của xã", "a commune's roster of officials.")
    case .rosterList: ("Liệt kê cán bộ", "list the officials of a commune.")
    case .rosterAdd: ("Thêm một cán bộ", "add an official.")
    case .rosterImport: ("Nhập danh sách từ tệp CSV", "import a roster from a CSV file.")
    case .rosterRemove:
      ("Xoá một mục chưa làm bài", "remove an entry with no attempts (a registration by mistake).")
    case .rosterRename: ("Sửa tên", "correct an entry's name.")
    case .rosterMerge:
      ("Gộp hai mục của một người", "merge two entries of one person (attempts follow the kept one).")
    case .rosterChanges: ("Lịch sử thay đổi", "the record of roster changes: who, when, what.")
    default: nil
    }
  }

  fileprivate var reportTexts: (vi: String, en: String) {
    switch self {
    case .report:
      (
        "Báo cáo kết quả",
        "reports: readiness per commune, results received, weak areas, gain, item statistics, who needs help."
      )
    case .readiness: ("Mức sẵn sàng theo xã và chỉ số", "readiness per commune and dimension.")
    case .collection:
      ("Tình hình gửi kết quả", "which communes have sent results, and which have not since a day.")
    case .weak: ("Nội dung yếu", "weak areas of an official, a commune or a class, with what to study.")
    case .gain: ("Tiến bộ trước/sau khoá học", "learning gain, pre-test against post-test.")
    case .items:
      ("Thống kê câu hỏi", "item statistics per quiz (facility, discrimination, Cronbach's alpha).")
    default: ("", "")
    }
  }
}

import Localization

/// The help of every option and argument of `papi-train`, in Vietnamese and English: `--help`
/// shows both, Vietnamese first ("Thư mục kết quả / results folder …").
public enum OptionHelp: CaseIterable, MessageCatalogue, Hashable {
  // Shared by many commands.
  case results, units, commune, courses, coursesFolder, lang, classID, communes, from, to, official, force
  // access, sign, verify, keys.
  case role, filesToSign, signingKey, printKey, filesToVerify, trust, publicKeyFile, key
  // certificate.
  case certificateClass, certificateOut, htmlOnly, certificateSubject
  // class.
  case classTitle, classTrainer, classPlace, classStart, classEnd, classCommunes, classPretest, classPosttest
  case classOpen, classClosed, classCommune, classCode, classCodeOrID
  // courses.
  case courseFolder, packageOutput, packageKey, packageFile, publisherKey
  // demo-data.
  case demoResults, demoCommunes, demoOfficials, demoAttempts, demoCommunesPerClass, demoSeed, demoWorkers
  case demoUnitsOut
  // export.
  case exportQuizzes, exportFormat, exportOutput, exportTable, exportForce, exportPlain
  // export-questions and import.
  case questionsID, questionsFormat, questionsOutput, bankFile, bankCourse, bankFormat, bankPAPI, bankSource
  case bankReplace
  // lint.
  case lintPath, lintCoverage, lintSources, lintTaxonomy, lintStrict
  // merge.
  case mergePaths, requireSignature
  // report.
  case reportCommunes, dimensions, sort, limit, provinceScores, html, readinessJSON, noColor, since, quiz
  case within, reportClass, asOf, threshold, courseVersion, noCache, groupCommune, groupJSON
  // roster.
  case officialName, position, rosterFile, changedBy, officialOrID, rightName, entryThatGoes, entryKept
  // shell.
  case shellCommune, shellOfficial, shellSeed, shellClass, trainerIdle
  // sync.
  case serverURL, enrolmentCode
  // units.
  case statisticsFile, unitsOutput, unitsReplace, province

  public func text(in language: Language) -> String {
    language == .vietnamese ? texts.vi : texts.en
  }

  public static var samples: [OptionHelp] { allCases }

  /// As `--help` shows it: the Vietnamese, then the English.
  public var bilingual: String { "\(texts.vi) / \(texts.en)" }

  private var texts: (vi: String, en: String) {
    shared ?? accessTexts ?? classTexts ?? exportTexts ?? reportTexts ?? otherTexts
  }
}

extension OptionHelp {
  fileprivate var shared: (vi: String, en: String)? {
    switch self {
    case .results: ("Thư mục kết quả", "results folder (default: $PAPI_RESULTS, else Results).")
    case .units:
      (
        "Tệp danh mục đơn vị hành chính",
        "units file (default: $PAPI_UNITS, else AdministrativeUnits/units.csv)."
      )
    case .commune:
      (
        "Mã hoặc tên xã",
        "the commune's administrative code (e.g. 03637) or its name (e.g. \"Sìn Hồ\")."
      )
    case .courses: ("Thư mục khoá học", "the Courses folder, for positions.yaml (default: Courses).")
    case .coursesFolder: ("Thư mục khoá học", "the Courses folder (default: Courses).")
    case .lang: ("Ngôn ngữ", "language: vi or en (default: $PAPI_LANG, else vi).")
    case .classID: ("Lớp tập huấn (mã)", "the training class's id.")
    case .communes: ("Xã (mã), có thể lặp lại", "a commune's code (repeatable).")
    case .from: ("Từ ngày", "from this day (YYYY-MM-DD, inclusive).")
    case .to: ("Đến ngày", "to this day (YYYY-MM-DD, inclusive).")
    case .official: ("Một cán bộ của xã (tên hoặc mã)", "one official of the commune (name or id).")
    case .force: ("Ghi đè tệp đã có", "replace an existing file.")
    default: nil
    }
  }

  fileprivate var accessTexts: (vi: String, en: String)? {
    switch self {
    case .role: ("Vai trò: trainer (giảng viên) hoặc leader (lãnh đạo)", "trainer or leader.")
    case .filesToSign: ("Tệp cần ký", "files to sign.")
    case .signingKey:
      ("Tệp khoá ký", "the signing key (default: $XDG_DATA_HOME/papi-train/signing-key).")
    case .printKey: ("In khoá công khai", "print the public key.")
    case .filesToVerify:
      ("Tệp cần kiểm tra (chữ ký ở TỆP.sig)", "files to check (signature in FILE.sig).")
    case .trust: ("Danh sách khoá tin cậy, mỗi dòng một khoá", "trusted public keys, one per line.")
    case .publicKeyFile: ("Tệp khoá công khai", "the file with the public key.")
    case .key: ("Khoá", "the key.")
    case .certificateClass: ("Lớp tập huấn (mã, như LC-2612-A)", "the training class: its code or id.")
    case .certificateOut: ("Thư mục ghi", "the folder to write into (default: certificates).")
    case .htmlOnly: ("Chỉ ghi HTML, không in PDF", "HTML pages only, no PDF.")
    case .certificateSubject:
      ("Mã xác minh hoặc tệp", "the verification code, or the certificate's .html or .json file.")
    case .courseFolder: ("Thư mục khoá học", "the course folder (e.g. Courses/one-stop-shop).")
    case .packageOutput: ("Tệp gói", "the package file to write (.papicourse).")
    case .packageKey: ("Khoá ký", "the signing key file (default: this machine's key).")
    case .packageFile: ("Tệp gói", "the package file (.papicourse).")
    case .publisherKey: ("Khoá của tỉnh", "the province's public key (base64, or a file holding it).")
    case .serverURL: ("Địa chỉ máy chủ", "the server's address (https://…).")
    case .enrolmentCode: ("Mã đăng ký", "the one-time code from papi-server enrol.")
    default: nil
    }
  }

  fileprivate var classTexts: (vi: String, en: String)? {
    switch self {
    case .classTitle: ("Tên lớp", "the class's title.")
    case .classTrainer: ("Giảng viên", "the trainer.")
    case .classPlace: ("Nơi học", "the place.")
    case .classStart: ("Ngày bắt đầu", "first day (YYYY-MM-DD).")
    case .classEnd: ("Ngày kết thúc", "last day (default: the first).")
    case .classCommunes: ("Xã (mã hoặc tên), lặp lại", "a commune, code or name (repeatable).")
    case .classPretest: ("Bài kiểm tra đầu vào", "the pre-test's quiz id.")
    case .classPosttest: ("Bài kiểm tra cuối khoá", "the post-test's quiz id.")
    case .classOpen: ("Chỉ lớp đang mở", "only open classes.")
    case .classClosed: ("Chỉ lớp đã đóng", "only closed classes.")
    case .classCommune: ("Chỉ lớp của xã này (mã hoặc tên)", "only this commune's classes.")
    case .classCode: ("Mã lớp", "the class code (LC-2612-A, any case, dashes optional) or id.")
    case .classCodeOrID: ("Mã lớp", "the class code or id.")
    case .officialName: ("Họ và tên", "the official's full name.")
    case .position: ("Chức vụ", "position id or name.")
    case .rosterFile: ("Tệp CSV", "the CSV file.")
    case .changedBy: ("Người thay đổi", "who makes the change (default: this computer's user).")
    case .officialOrID: ("Họ tên hoặc mã", "the official's name or id.")
    case .rightName: ("Tên đúng", "the right name.")
    case .entryThatGoes: ("Mục bỏ (tên hoặc mã)", "the entry that goes.")
    case .entryKept: ("Mục giữ (tên hoặc mã)", "the entry kept.")
    case .shellCommune:
      ("Chọn xã này (mã hoặc tên) thay vì hỏi", "pick this commune (code or name) instead of asking.")
    case .shellOfficial:
      (
        "Đăng nhập là cán bộ này (họ và tên) thay vì hỏi",
        "sign in as this official (full name) instead of asking."
      )
    case .shellSeed:
      (
        "Xáo trộn bài kiểm tra theo hạt giống này",
        "shuffle quizzes with this seed (a class can share one order)."
      )
    case .shellClass: ("Vào lớp này", "join this class (its code, e.g. LC-2612-A).")
    case .trainerIdle:
      ("Phút không dùng trước khi phiên giảng viên khoá", "minutes before an unused trainer session locks.")
    default: nil
    }
  }

  fileprivate var exportTexts: (vi: String, en: String)? {
    switch self {
    case .demoResults: ("Thư mục ghi", "the folder to write (must hold no results).")
    case .demoCommunes: ("Số xã", "communes (default: every commune of the units file).")
    case .demoOfficials: ("Số cán bộ mỗi xã", "officials per commune.")
    case .demoAttempts: ("Số lượt làm bài mỗi cán bộ", "quiz attempts per official.")
    case .demoCommunesPerClass: ("Số xã mỗi lớp tập huấn", "communes trained together in one class.")
    case .demoSeed: ("Hạt giống", "the seed.")
    case .demoWorkers: ("Số luồng", "communes generated at once (default: the processor count).")
    case .demoUnitsOut: ("Ghi danh mục đơn vị gồm cả xã tổng hợp", "write a units file naming every commune.")
    case .exportQuizzes: ("Chỉ bài kiểm tra này, có thể lặp lại", "only this quiz (repeatable).")
    case .exportFormat:
      (
        "Định dạng: csv, xlsx hoặc json (mặc định theo đuôi tệp)",
        "csv, xlsx or json (default: from the output file's extension)."
      )
    case .exportOutput: ("Tệp ghi ra", "the file to write.")
    case .exportTable:
      ("Chỉ một bảng", "only one table: scores, answers, items, options, quizzes, needs-help or guide.")
    case .exportForce: ("Ghi đè tệp đã có", "replace existing files.")
    case .exportPlain: ("CSV không có BOM", "CSV without the byte-order mark, for other tools.")
    case .questionsID: ("Mã khoá học hoặc mã bài kiểm tra", "a course id or a quiz id.")
    case .questionsFormat:
      (
        "Định dạng: gift, moodle-xml hoặc xlsx",
        "gift, moodle-xml or xlsx (also csv; aiken keeps single-choice questions only)."
      )
    case .questionsOutput: ("Tệp ghi ra", "the file to write (default: ID.gift, ID.xml or ID.xlsx).")
    case .bankFile: ("Tệp ngân hàng câu hỏi", "the question bank file.")
    case .bankCourse:
      (
        "Khoá học nhận câu hỏi (tạo mới nếu chưa có)",
        "the course to import into (created when it does not exist)."
      )
    case .bankFormat:
      (
        "Định dạng: gift, aiken, moodle-xml, xlsx hoặc csv (mặc định theo tên và nội dung tệp)",
        "gift, aiken, moodle-xml, xlsx or csv (default: from the file's name and content)."
      )
    case .bankPAPI:
      (
        "Mã PAPI cho câu hỏi chưa có (lặp lại hoặc cách nhau bằng dấu phẩy)",
        "PAPI code(s) for questions that have none (repeatable or comma-separated)."
      )
    case .bankSource:
      (
        "Căn cứ pháp lý cho câu hỏi chưa có: 'registry-id | Điều 5, khoản 2', nhiều căn cứ cách nhau bằng ' ; '",
        "legal source for questions that have none: 'registry-id | Điều 5, khoản 2', several separated by ' ; '."
      )
    case .bankReplace:
      ("Thay câu hỏi cùng mã trong khoá học", "replace questions of the course that have the same ids.")
    default: nil
    }
  }

  fileprivate var reportTexts: (vi: String, en: String)? {
    switch self {
    case .reportCommunes:
      (
        "Chỉ xã này, mã hoặc tên (kèm biểu đồ)",
        "only this commune, code or name, with its bar chart (repeatable)."
      )
    case .dimensions: ("Chỉ các chỉ số này, ví dụ D5", "only these dimensions (repeatable).")
    case .sort:
      (
        "Thứ tự: 'weakest' (yếu nhất trước, mặc định), 'strongest', 'name' hoặc 'code'",
        "weakest (default), strongest, name or code."
      )
    case .limit: ("Chỉ N xã đầu", "only the first N communes.")
    case .provinceScores: ("Điểm PAPI của tỉnh (CSV: D1,5.1)", "the province's PAPI scores, for priorities.")
    case .html: ("Ghi bảng điều khiển HTML vào tệp", "write the HTML dashboard to this file.")
    case .readinessJSON: ("In JSON (papi-train.readiness/1)", "print JSON.")
    case .noColor: ("Không tô màu", "no colours (as NO_COLOR does).")
    case .since: ("Chỉ các xã chưa gửi gì từ ngày này (YYYY-MM-DD)", "only communes silent since this day.")
    case .quiz: ("Chỉ bài kiểm tra này", "only this quiz.")
    case .within: ("Chỉ các xã thuộc tỉnh/huyện mã này", "only communes under this unit.")
    case .reportClass: ("Chỉ lớp tập huấn này (mã)", "only this training class's attempts.")
    case .asOf: ("Tính đến ngày", "as of this date, for recency weighting (default: today).")
    case .threshold: ("Ngưỡng yếu", "the weak threshold, 0-1 (default 0.7).")
    case .courseVersion: ("Chỉ phiên bản khoá học này", "only attempts taken on this course version.")
    case .noCache:
      (
        "Đọc lại mọi câu trả lời, không dùng các tổng đã lưu (tệp đã kiểm tra, chưa đổi, không kiểm tra lại)",
        "read every answer again, without the cached sums or the sums each file keeps (a file already checked and unchanged since is not checked again)."
      )
    case .groupCommune: ("Xã (mã hoặc tên)", "the commune's code or name.")
    case .groupJSON: ("In JSON (papi-train.group/1)", "print JSON.")
    default: nil
    }
  }

  fileprivate var otherTexts: (vi: String, en: String) {
    switch self {
    case .lintPath:
      ("Thư mục Courses/ hoặc một thư mục khoá học", "the Courses/ folder or one course folder.")
    case .lintCoverage:
      (
        "In thêm số bài học và câu hỏi cho mỗi chỉ số (nội dung) PAPI",
        "also print how many lessons and questions serve each PAPI (sub-)dimension."
      )
    case .lintSources:
      (
        "In thêm từng văn bản pháp luật trong danh mục, hiệu lực và số lần được dẫn",
        "also print each legal document of the registry, its status and how often it is cited."
      )
    case .lintTaxonomy:
      (
        "Tệp phân loại PAPI (mặc định: papi-taxonomy.yaml trong PATH hoặc thư mục trên)",
        "the taxonomy file (default: papi-taxonomy.yaml in PATH or a folder above)."
      )
    case .lintStrict:
      ("Coi cảnh báo là lỗi (mã thoát 1)", "treat warnings as errors (exit 1 on any warning).")
    case .mergePaths:
      ("Tệp kết quả hoặc thư mục chứa tệp kết quả", "results files or folders of results files.")
    case .requireSignature:
      ("Chỉ gộp tệp do máy tin cậy ký", "only merge files signed by an enrolled machine.")
    case .statisticsFile: ("Danh mục của cơ quan thống kê, dạng CSV", "the statistics office's list as CSV.")
    case .unitsOutput:
      (
        "Nơi ghi tệp danh mục (mặc định: tệp --units)",
        "where to write the units file (default: the --units file)."
      )
    case .unitsReplace: ("Ghi đè tệp danh mục đã có", "overwrite the units file if it exists.")
    case .province: ("Mã tỉnh", "a province code: list its districts and communes.")
    default: ("", "")
    }
  }
}

import Localization

/// What the shell says about classes and the trainer's session: joining a class at the start,
/// signing in as trainer, the idle lock, roster changes, "did you mean" at the first prompts.
enum ClassSessionText: LocalizedMessage {
  case askCommuneOrTrainer
  case openClasses
  case classLine(number: Int, code: String, title: String, days: String)
  case noClassChoice
  case askClass(Int)
  case joined(code: String, title: String)
  case pretestHint(String)
  case posttestHint(String)
  case notInClass(code: String)
  case classClosed(code: String)
  case cannotJoin(String)
  case trainerNotConfigured
  case trainerUnavailable
  case trainerDenied(String)
  case askTrainerName
  case askTrainerCommune
  case trainerWelcome(name: String, commune: String, minutes: String)
  case trainerPrompt
  case lockedAfterIdle(minutes: String)
  case sessionEnded
  case goodbye
  case trainerOnly
  case officialOnly
  case didYouMean(String)
  case rosterLine(number: Int, name: String, position: String)
  case rosterUsage
  case rosterDone(String)
  case rosterRefused(String)
  case noClassViews
  case itemsOfClass(code: String, title: String, communes: Int)

  func text(in language: Language) -> String {
    language == .vietnamese ? vietnamese : english
  }

  private var vietnamese: String {
    switch self {
    case .askCommuneOrTrainer: "Xã/phường của bạn (tên hoặc mã; giảng viên gõ gv): "
    case .openClasses: "Các lớp tập huấn đang mở ở xã của bạn:"
    case .classLine(let number, let code, let title, let days): "  \(number). \(code)  \(title) (\(days))"
    case .noClassChoice: "  0. Không học theo lớp nào"
    case .askClass(let count): "Bạn học lớp nào? (gõ số 0–\(count)): "
    case .joined(let code, let title):
      "Bạn đã vào lớp \(code): \(title). Mọi bài làm hôm nay được ghi cho lớp này."
    case .pretestHint(let quiz): "Bài kiểm tra đầu vào: gõ 'quiz \(quiz)'."
    case .posttestHint(let quiz): "Bài kiểm tra cuối khoá: 'quiz \(quiz)' (khi giảng viên cho phép)."
    case .notInClass(let code): "Xã của bạn không thuộc lớp \(code); bài làm sẽ không ghi cho lớp nào."
    case .classClosed(let code): "Lớp \(code) đã đóng; bài làm sẽ không ghi cho lớp nào."
    case .cannotJoin(let reason): "Không vào được lớp: \(reason)"
    case .trainerNotConfigured:
      "Máy này chưa đặt mật khẩu giảng viên. Người quản lý máy đặt bằng: papi-train access setup --role trainer"
    case .trainerUnavailable: "Phiên giảng viên không dùng được ở đây."
    case .trainerDenied(let reason): reason
    case .askTrainerName: "Họ tên giảng viên (ghi vào nhật ký thay đổi): "
    case .askTrainerCommune: "Xã/phường cần xem kết quả (tên hoặc mã): "
    case .trainerWelcome(let name, let commune, let minutes):
      "Phiên giảng viên: \(name), \(commune). Phiên tự khoá sau \(minutes) phút không dùng; 'switch' hoặc Ctrl-D để kết thúc."
    case .trainerPrompt: "giảng-viên> "
    case .lockedAfterIdle(let minutes): "Phiên giảng viên đã khoá sau \(minutes) phút không dùng."
    case .sessionEnded: "Đã kết thúc phiên giảng viên."
    case .goodbye: "Tạm biệt."
    case .trainerOnly:
      "Lệnh này chỉ dùng trong phiên giảng viên: gõ 'switch', rồi gõ 'gv' ở câu hỏi đầu tiên."
    case .officialOnly: "Lệnh này dành cho cán bộ học: gõ 'switch' để đăng nhập bằng tên của bạn."
    case .didYouMean(let suggestion): "Có phải '\(suggestion)'? (c/k): "
    case .rosterLine(let number, let name, let position): "  \(number). \(name): \(position)"
    case .rosterUsage:
      "Cách dùng: roster | roster remove SỐ | roster rename SỐ TÊN-MỚI | roster merge SỐ-BỎ SỐ-GIỮ (số theo danh sách 'roster')"
    case .rosterDone(let message): message
    case .rosterRefused(let reason): "Không thay đổi: \(reason)"
    case .noClassViews: "Không xem được lớp ở đây."
    case .itemsOfClass(let code, let title, let communes): "Lớp \(code) (\(title)), \(communes) xã:"
    }
  }

  private var english: String {
    switch self {
    case .askCommuneOrTrainer: "Your commune (name or code; trainers type trainer): "
    case .openClasses: "Open training classes in your commune:"
    case .classLine(let number, let code, let title, let days): "  \(number). \(code)  \(title) (\(days))"
    case .noClassChoice: "  0. Not in a class"
    case .askClass(let count): "Which class are you in? (type 0–\(count)): "
    case .joined(let code, let title): "You joined class \(code): \(title). Every quiz today counts for it."
    case .pretestHint(let quiz): "Pre-test: type 'quiz \(quiz)'."
    case .posttestHint(let quiz): "Post-test: 'quiz \(quiz)' (when the trainer says so)."
    case .notInClass(let code): "Your commune is not in class \(code); your quizzes count for no class."
    case .classClosed(let code): "Class \(code) is closed; your quizzes count for no class."
    case .cannotJoin(let reason): "Could not join the class: \(reason)"
    case .trainerNotConfigured:
      "No trainer passphrase is set on this computer. Its keeper sets one with: papi-train access setup --role trainer"
    case .trainerUnavailable: "The trainer session is not available here."
    case .trainerDenied(let reason): reason
    case .askTrainerName: "Trainer's name (for the record of changes): "
    case .askTrainerCommune: "Commune whose results to look at (name or code): "
    case .trainerWelcome(let name, let commune, let minutes):
      "Trainer session: \(name), \(commune). It locks after \(minutes) minutes unused; 'switch' or Ctrl-D ends it."
    case .trainerPrompt: "trainer> "
    case .lockedAfterIdle(let minutes): "The trainer session locked after \(minutes) minutes unused."
    case .sessionEnded: "The trainer session has ended."
    case .goodbye: "Goodbye."
    case .trainerOnly:
      "This command is for the trainer session only: type 'switch', then 'trainer' at the first question."
    case .officialOnly: "This command is for officials: type 'switch' to sign in with your name."
    case .didYouMean(let suggestion): "Did you mean '\(suggestion)'? (y/n): "
    case .rosterLine(let number, let name, let position): "  \(number). \(name): \(position)"
    case .rosterUsage:
      "Usage: roster | roster remove N | roster rename N NEW-NAME | roster merge N-GOES N-KEPT (numbers as 'roster' lists them)"
    case .rosterDone(let message): message
    case .rosterRefused(let reason): "Nothing changed: \(reason)"
    case .noClassViews: "Classes cannot be shown here."
    case .itemsOfClass(let code, let title, let communes):
      "Class \(code) (\(title)), \(communes) commune\(communes == 1 ? "" : "s"):"
    }
  }

  static let samples: [ClassSessionText] = [
    .askCommuneOrTrainer, .openClasses,
    .classLine(number: 1, code: "LC-2612-A", title: "Tập huấn một cửa", days: "2026-12-03"),
    .noClassChoice, .askClass(2), .joined(code: "LC-2612-A", title: "Tập huấn một cửa"),
    .pretestHint("oss-pretest"), .posttestHint("oss-posttest"), .notInClass(code: "LC-2612-A"),
    .classClosed(code: "LC-2612-A"), .cannotJoin("đĩa đầy"), .trainerNotConfigured, .trainerUnavailable,
    .trainerDenied("Sai mật khẩu"), .askTrainerName, .askTrainerCommune,
    .trainerWelcome(name: "Nguyễn Thị Hằng", commune: "Xã Sìn Hồ", minutes: "10"), .trainerPrompt,
    .lockedAfterIdle(minutes: "10"), .sessionEnded, .goodbye, .trainerOnly, .officialOnly,
    .didYouMean("Xã Sìn Hồ"),
    .rosterLine(number: 1, name: "Nguyễn Thị Hoa", position: "Công chức Văn phòng - Thống kê"), .rosterUsage,
    .rosterDone("Đã xoá 'Nguyễn Thị Hao' khỏi danh sách."), .rosterRefused("đã có 2 lần làm bài"),
    .noClassViews, .itemsOfClass(code: "LC-2612-A", title: "Tập huấn một cửa", communes: 2),
  ]
}

extension ClassSessionText {
  /// The samples that read the same in both languages (a list line, a message passed through).
  static var neutral: Set<String> {
    Set(
      samples.filter {
        switch $0 {
        case .classLine, .rosterLine, .trainerDenied, .rosterDone: true
        default: false
        }
      }.map { $0.text(in: .english) })
  }
}

import Localization
import VietnameseText

/// A shell command: its name, Vietnamese alias, what its argument completes to, and its help.
struct Command: Sendable {
  enum Argument: Sendable {
    case none, course, lesson, quiz, command, language, optionalCourse, optionalQuiz
  }

  var name: String
  var aliases: [String]
  var argument: Argument
  var usage: String
  var summary: LocalizedText
  var details: LocalizedText

  static let all: [Command] = [
    Command(
      name: "help", aliases: ["giup", "trogiup"], argument: .command, usage: "help [LỆNH]",
      summary: LocalizedText(vi: "xem các lệnh, hoặc chi tiết một lệnh", en: "list commands, or explain one"),
      details: LocalizedText(
        vi: "help liệt kê mọi lệnh; help quiz giải thích lệnh quiz.",
        en: "help lists every command; help quiz explains the quiz command.")),
    Command(
      name: "courses", aliases: ["khoahoc"], argument: .none, usage: "courses",
      summary: LocalizedText(vi: "các khoá học", en: "the courses"),
      details: LocalizedText(
        vi: "Liệt kê các khoá học với số bài học và câu hỏi. Dùng 'course MÃ' để xem bên trong.",
        en: "Lists the courses with their lessons and questions. Use 'course ID' to look inside one.")),
    Command(
      name: "course", aliases: ["khoa"], argument: .course, usage: "course MÃ-KHOÁ-HỌC",
      summary: LocalizedText(
        vi: "học phần, bài học và bài kiểm tra của một khoá", en: "a course's modules, lessons and quizzes"),
      details: LocalizedText(
        vi:
          "Ví dụ: course one-stop-shop. Hiện các học phần với mã bài học, và các bài kiểm tra với điểm cao nhất của bạn.",
        en:
          "Example: course one-stop-shop. Shows the modules with lesson ids, and the quizzes with your best score."
      )),
    Command(
      name: "read", aliases: ["doc"], argument: .lesson, usage: "read MÃ-BÀI-HỌC",
      summary: LocalizedText(vi: "đọc một bài học", en: "read a lesson"),
      details: LocalizedText(
        vi: "Ví dụ: read oss-l01. Bài dài được chia trang: Enter để sang trang, q để dừng.",
        en: "Example: read oss-l01. Long lessons are paged: Enter for the next page, q to stop.")),
    Command(
      name: "quiz", aliases: ["kiemtra", "thi"], argument: .quiz, usage: "quiz MÃ-BÀI-KIỂM-TRA",
      summary: LocalizedText(
        vi: "làm một bài kiểm tra (hoặc làm tiếp bài đang dở)", en: "take a quiz (or continue one)"),
      details: LocalizedText(
        vi:
          "Ví dụ: quiz oss-pretest. Trả lời từng câu: chữ cái (a, b), nhiều chữ (a c), đ/s cho đúng/sai, chữ cái theo thứ tự cho câu nối cặp và sắp xếp, hoặc gõ chữ cho câu trả lời ngắn. Mỗi câu được lưu ngay; Ctrl-C để tạm dừng và làm tiếp sau.",
        en:
          "Example: quiz oss-pretest. Answer each question: a letter (a, b), several (a c), t/f for true/false, letters in order for matching and ordering, or text for short answers. Each answer is saved at once; Ctrl-C pauses and you can continue later."
      )),
    Command(
      name: "review", aliases: ["onlai", "ontap"], argument: .optionalCourse, usage: "review [MÃ-KHOÁ-HỌC]",
      summary: LocalizedText(vi: "ôn các câu đã trả lời sai", en: "review questions you missed"),
      details: LocalizedText(
        vi: "Câu trả lời sai được ôn lại ngay, rồi sau 1, 3, 7 và 21 ngày khi bạn trả lời đúng.",
        en: "Missed questions come back at once, then after 1, 3, 7 and 21 days as you answer them right.")),
    Command(
      name: "progress", aliases: ["tiendo"], argument: .none, usage: "progress",
      summary: LocalizedText(vi: "tiến độ của bạn", en: "your progress"),
      details: LocalizedText(
        vi: "Số lượt làm bài, số bài đạt, bài đang làm dở và số câu cần ôn.",
        en: "Attempts, quizzes passed, unfinished quizzes and questions due for review.")),
    Command(
      name: "weak", aliases: ["yeu"], argument: .none, usage: "weak",
      summary: LocalizedText(vi: "chỉ số PAPI bạn còn yếu", en: "the PAPI dimensions you are weak in"),
      details: LocalizedText(
        vi:
          "Tỷ lệ đúng của bạn theo từng chỉ số PAPI, kèm khoảng tin cậy 95% (câu gần đây nặng hơn; dưới 5 câu là chưa đủ dữ liệu), các nội dung yếu và bài nên đọc lại.",
        en:
          "Your share right per PAPI dimension with its 95% interval (recent answers weigh more; under 5 answers is insufficient data), your weak areas and lessons to read again."
      )),
    Command(
      name: "class", aliases: ["lop"], argument: .none, usage: "class",
      summary: LocalizedText(
        vi: "cho giảng viên: kết quả cả xã theo chỉ số PAPI",
        en: "for trainers: the commune's results by PAPI dimension"),
      details: LocalizedText(
        vi:
          "Cần mật khẩu giảng viên. Tỷ lệ đúng của từng cán bộ trên từng chỉ số (— là chưa đủ dữ liệu), mức sẵn sàng của xã trên thang 1–10 kèm độ phủ, và các nội dung yếu với chức danh phụ trách.",
        en:
          "Needs the trainer passphrase. Each official's share right on each dimension (— is insufficient data), the commune's readiness on the 1–10 scale with coverage, and weak areas with the positions responsible."
      )),
    Command(
      name: "items", aliases: ["cauhoi"], argument: .optionalQuiz, usage: "items [MÃ-BÀI-KIỂM-TRA]",
      summary: LocalizedText(vi: "cho giảng viên: thống kê câu hỏi", en: "for trainers: item statistics"),
      details: LocalizedText(
        vi:
          "Cần mật khẩu giảng viên. Theo định nghĩa của Moodle, trên các lượt làm bài đã xong của xã: độ dễ, chỉ số phân biệt, hệ số Cronbach alpha; đánh dấu câu quá dễ, quá khó hoặc phân biệt âm (thường do sai đáp án).",
        en:
          "Needs the trainer passphrase. Moodle's definitions over the commune's finished attempts: facility, discrimination index, Cronbach's alpha; flags questions too easy, too hard or discriminating negatively (often a wrong key)."
      )),
    Command(
      name: "whoami", aliases: ["toila"], argument: .none, usage: "whoami",
      summary: LocalizedText(vi: "bạn đang đăng nhập là ai", en: "who is signed in"),
      details: LocalizedText(
        vi: "Tên, vị trí công tác và xã của bạn.", en: "Your name, position and commune.")),
    Command(
      name: "switch", aliases: ["doinguoi"], argument: .none, usage: "switch",
      summary: LocalizedText(vi: "đổi người dùng (máy dùng chung)", en: "change user (shared computer)"),
      details: LocalizedText(
        vi: "Kết thúc phiên của bạn và hỏi lại xã và họ tên cho người tiếp theo.",
        en: "Ends your session and asks the next person for their commune and name.")),
    Command(
      name: "lang", aliases: ["ngonngu"], argument: .language, usage: "lang vi|en",
      summary: LocalizedText(vi: "đổi ngôn ngữ", en: "change language"),
      details: LocalizedText(
        vi: "lang en: tiếng Anh; lang vi: tiếng Việt.", en: "lang en: English; lang vi: Vietnamese.")),
    Command(
      name: "quit", aliases: ["thoat", "exit"], argument: .none, usage: "quit",
      summary: LocalizedText(vi: "thoát (hoặc Ctrl-D)", en: "leave (or Ctrl-D)"),
      details: LocalizedText(vi: "Mọi câu trả lời đã được lưu.", en: "Every answer is already saved.")),
  ]

  /// The command called `word` by its name or an alias, ignoring case and diacritics.
  static func named(_ word: String) -> Command? {
    let key = word.matchKey(foldingDiacritics: true).replacingOccurrences(of: "-", with: "")
    return all.first { $0.name == key || $0.aliases.contains(key) }
  }

  static var allNames: [String] { all.flatMap { [$0.name] + $0.aliases } }
}

import Localization

/// Every message the shell shows, in Vietnamese and English.
public enum ShellText: LocalizedMessage {
  case banner
  case askCommune
  case noCommune(String, suggestion: String?)
  case severalCommunes
  case communeChosen(String)
  case cannotOpenResults(String)
  case askName
  case nameNotOnRoster(String)
  case askRegister
  case askPosition
  case pickNumber(Int)
  case severalOfficials
  case welcome(String, position: String)
  case prompt
  case unknownCommand(String, suggestion: String?)
  case helpHeader
  case helpFooter
  case noHelp(String)
  case usage(String)
  case goodbye
  case interruptHint
  case yesNo
  case coursesHeader
  case courseLine(id: String, title: String, lessons: Int, questions: Int)
  case noCourse(String, suggestion: String?)
  case noLesson(String, suggestion: String?)
  case noQuiz(String, suggestion: String?)
  case moduleHeader(String)
  case quizzesHeader
  case quizLine(id: String, title: String, kind: String, length: Int, best: String?)
  case pagerPrompt
  case lessonSources
  case resumeQuestion(answered: Int, total: Int)
  case quizStart(title: String, count: Int, pass: Double)
  case questionHeader(number: Int, total: Int, type: String)
  case answerHint(String)
  case correct
  case partlyCorrect(percent: Int)
  case wrong
  case rightAnswer
  case explanation
  case source
  case notSaved(String)
  case askLeaveQuiz
  case quizPaused(String)
  case quizResult(score: String, total: Int, percent: Int)
  case passed
  case failed(pass: Int)
  case byDimension
  case weakAreasHeader
  case noWeakAreas
  case missedHeader
  case studyNext
  case nothingToReview(next: String?)
  case reviewStart(count: Int, course: String)
  case progressHeader
  case progressLine(title: String, taken: Int, passed: Int, of: Int)
  case inProgressLine(quiz: String, answered: Int, total: Int)
  case reviewDue(Int)
  case noAttemptsYet
  case fewAnswers(Int)
  case weakLine(code: String, name: String, percent: Int, answers: Int)
  case whoami(name: String, position: String, commune: String)
  case languageSet
  case questionTypeName(String)

  public func text(in language: Language) -> String {
    language == .english ? english : vietnamese
  }

  private var vietnamese: String {
    switch self {
    case .banner:
      "papi-train: học và tự kiểm tra về một cửa, dân chủ cơ sở và các chỉ số PAPI.\nGõ 'help' (hoặc 'giup') để xem các lệnh; Tab để gợi ý; Ctrl-D để thoát."
    case .askCommune: "Xã/phường của bạn (tên hoặc mã, Tab để gợi ý): "
    case .noCommune(let text, let suggestion):
      "Không tìm thấy xã/phường '\(text)'." + (suggestion.map { " Có phải '\($0)'?" } ?? "")
    case .severalCommunes: "Có nhiều xã/phường khớp; hãy gõ rõ hơn hoặc gõ mã:"
    case .communeChosen(let name): "Xã/phường: \(name)"
    case .cannotOpenResults(let reason): "Không mở được tệp kết quả của xã: \(reason)"
    case .askName: "Họ và tên của bạn (Tab để gợi ý): "
    case .nameNotOnRoster(let name): "Chưa có '\(name)' trong danh sách cán bộ của xã."
    case .askRegister: "Đăng ký tên này? (c/k): "
    case .askPosition: "Vị trí công tác của bạn (gõ số): "
    case .pickNumber(let count): "Hãy gõ một số từ 1 đến \(count)."
    case .severalOfficials: "Có nhiều người trùng tên; chọn đúng người (gõ số):"
    case .welcome(let name, let position): "Xin chào \(name) (\(position))."
    case .prompt: "papi> "
    case .unknownCommand(let command, let suggestion):
      "Không có lệnh '\(command)'." + (suggestion.map { " Có phải ý bạn là '\($0)'?" } ?? "")
        + " Gõ 'help' để xem các lệnh."
    case .helpHeader: "Các lệnh:"
    case .helpFooter: "Gõ 'help LỆNH' để xem chi tiết. Tab gợi ý lệnh, mã khoá học, bài học và bài kiểm tra."
    case .noHelp(let command): "Không có lệnh '\(command)'."
    case .usage(let usage): "Cách dùng: \(usage)"
    case .goodbye: "Tạm biệt. Kết quả của bạn đã được lưu."
    case .interruptHint: "(Ctrl-C: đã xoá dòng. Gõ 'quit' hoặc Ctrl-D để thoát.)"
    case .yesNo: "Hãy trả lời c (có) hoặc k (không)."
    case .coursesHeader: "Các khoá học:"
    case .courseLine(let id, let title, let lessons, let questions):
      "  \(id): \(title) (\(lessons) bài học, \(questions) câu hỏi)"
    case .noCourse(let id, let suggestion):
      "Không có khoá học '\(id)'." + (suggestion.map { " Có phải '\($0)'?" } ?? "")
    case .noLesson(let id, let suggestion):
      "Không có bài học '\(id)'." + (suggestion.map { " Có phải '\($0)'?" } ?? "")
    case .noQuiz(let id, let suggestion):
      "Không có bài kiểm tra '\(id)'." + (suggestion.map { " Có phải '\($0)'?" } ?? "")
    case .moduleHeader(let title): "Học phần: \(title)"
    case .quizzesHeader: "Bài kiểm tra:"
    case .quizLine(let id, let title, let kind, let length, let best):
      "  \(id): \(title) [\(kind), \(length) câu]" + (best.map { ", điểm cao nhất \($0)" } ?? "")
    case .pagerPrompt: "-- Enter: trang sau, q: dừng đọc -- "
    case .lessonSources: "Căn cứ:"
    case .resumeQuestion(let answered, let total):
      "Bạn đang làm dở bài này (đã trả lời \(answered)/\(total) câu). Làm tiếp? (c = làm tiếp, k = làm lại từ đầu): "
    case .quizStart(let title, let count, let pass):
      "\(title): \(count) câu, đạt từ \(Int(pass.rounded()))%. Mỗi câu trả lời được lưu ngay. Ctrl-C để tạm dừng."
    case .questionHeader(let number, let total, let type): "Câu \(number)/\(total) (\(type))"
    case .answerHint(let hint): "Trả lời: \(hint)"
    case .correct: "✓ Đúng."
    case .partlyCorrect(let percent): "◐ Đúng một phần (\(percent)%)."
    case .wrong: "✗ Chưa đúng."
    case .rightAnswer: "Đáp án đúng:"
    case .explanation: "Giải thích:"
    case .source: "Căn cứ:"
    case .notSaved(let reason):
      "CÂU TRẢ LỜI VỪA RỒI CHƯA ĐƯỢC LƯU: \(reason). Các câu trước đã được lưu. Bài kiểm tra tạm dừng; hãy báo giảng viên."
    case .askLeaveQuiz: "Tạm dừng bài kiểm tra? Các câu đã trả lời vẫn được lưu. (c/k): "
    case .quizPaused(let id): "Đã tạm dừng. Gõ 'quiz \(id)' để làm tiếp."
    case .quizResult(let score, let total, let percent): "Kết quả: \(score)/\(total) điểm (\(percent)%)."
    case .passed: "Đạt."
    case .failed(let pass): "Chưa đạt (cần \(pass)%)."
    case .byDimension: "Theo chỉ số PAPI:"
    case .weakAreasHeader: "Cần củng cố (theo PAPI):"
    case .noWeakAreas: "Không có chỉ số nào dưới mức đạt trong bài này."
    case .missedHeader: "Các câu chưa đúng:"
    case .studyNext: "Nên đọc lại:"
    case .nothingToReview(let next):
      "Hiện không có câu nào cần ôn." + (next.map { " Lần ôn tiếp theo: \($0)." } ?? "")
    case .reviewStart(let count, let course): "Ôn tập \(count) câu đã trả lời sai (khoá \(course))."
    case .progressHeader: "Tiến độ của bạn:"
    case .progressLine(let title, let taken, let passed, let of):
      "  \(title): đã làm \(taken) lượt, đạt \(passed)/\(of) bài kiểm tra"
    case .inProgressLine(let quiz, let answered, let total):
      "    đang làm dở: \(quiz) (\(answered)/\(total) câu)"
    case .reviewDue(let count): "Có \(count) câu cần ôn: gõ 'review'."
    case .noAttemptsYet: "Bạn chưa làm bài kiểm tra nào. Gõ 'courses' để bắt đầu."
    case .fewAnswers(let count): "ít dữ liệu: \(count) câu"
    case .weakLine(let code, let name, let percent, let answers):
      "\(code) \(name): \(percent)% (\(answers) câu)"
    case .whoami(let name, let position, let commune): "\(name), \(position), \(commune)"
    case .languageSet: "Đã chuyển sang tiếng Việt."
    case .questionTypeName(let type): Self.vietnameseTypeName(type)
    }
  }

  private static func vietnameseTypeName(_ type: String) -> String {
    switch type {
    case "single_choice": "chọn một đáp án"
    case "multiple_choice": "chọn các đáp án đúng"
    case "true_false": "đúng hay sai"
    case "matching": "nối cặp"
    case "ordering": "sắp xếp thứ tự"
    default: "trả lời ngắn"
    }
  }

  private var english: String {
    switch self {
    case .banner:
      "papi-train: learn and self-assess on the one-stop shop, grassroots democracy and the PAPI dimensions.\nType 'help' for commands; Tab completes; Ctrl-D leaves."
    case .askCommune: "Your commune or ward (name or code, Tab completes): "
    case .noCommune(let text, let suggestion):
      "No commune '\(text)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
    case .severalCommunes: "Several communes match; type more of the name, or the code:"
    case .communeChosen(let name): "Commune: \(name)"
    case .cannotOpenResults(let reason): "Cannot open the commune's results file: \(reason)"
    case .askName: "Your full name (Tab completes): "
    case .nameNotOnRoster(let name): "'\(name)' is not on the commune's roster."
    case .askRegister: "Register this name? (y/n): "
    case .askPosition: "Your position (type its number): "
    case .pickNumber(let count): "Type a number from 1 to \(count)."
    case .severalOfficials: "Several officials have this name; pick yours (type its number):"
    case .welcome(let name, let position): "Welcome, \(name) (\(position))."
    case .prompt: "papi> "
    case .unknownCommand(let command, let suggestion):
      "No command '\(command)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
        + " Type 'help' for the commands."
    case .helpHeader: "Commands:"
    case .helpFooter:
      "Type 'help COMMAND' for details. Tab completes commands and course, lesson and quiz ids."
    case .noHelp(let command): "No command '\(command)'."
    case .usage(let usage): "Usage: \(usage)"
    case .goodbye: "Goodbye. Your results are saved."
    case .interruptHint: "(Ctrl-C: line cleared. Type 'quit' or Ctrl-D to leave.)"
    case .yesNo: "Answer y (yes) or n (no)."
    case .coursesHeader: "Courses:"
    case .courseLine(let id, let title, let lessons, let questions):
      "  \(id): \(title) (\(lessons) lessons, \(questions) questions)"
    case .noCourse(let id, let suggestion):
      "No course '\(id)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
    case .noLesson(let id, let suggestion):
      "No lesson '\(id)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
    case .noQuiz(let id, let suggestion):
      "No quiz '\(id)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
    case .moduleHeader(let title): "Module: \(title)"
    case .quizzesHeader: "Quizzes:"
    case .quizLine(let id, let title, let kind, let length, let best):
      "  \(id): \(title) [\(kind), \(length) questions]" + (best.map { ", best \($0)" } ?? "")
    case .pagerPrompt: "-- Enter: next page, q: stop reading -- "
    case .lessonSources: "Sources:"
    case .resumeQuestion(let answered, let total):
      "You have an unfinished attempt (\(answered)/\(total) answered). Continue? (y = continue, n = start again): "
    case .quizStart(let title, let count, let pass):
      "\(title): \(count) questions, pass mark \(Int(pass.rounded()))%. Each answer is saved at once. Ctrl-C pauses."
    case .questionHeader(let number, let total, let type): "Question \(number)/\(total) (\(type))"
    case .answerHint(let hint): "Answer: \(hint)"
    case .correct: "✓ Correct."
    case .partlyCorrect(let percent): "◐ Partly correct (\(percent)%)."
    case .wrong: "✗ Not correct."
    case .rightAnswer: "Right answer:"
    case .explanation: "Why:"
    case .source: "Source:"
    case .notSaved(let reason):
      "YOUR LAST ANSWER WAS NOT SAVED: \(reason). Earlier answers are saved. The quiz is paused; tell your trainer."
    case .askLeaveQuiz: "Pause the quiz? Your answers so far are saved. (y/n): "
    case .quizPaused(let id): "Paused. Type 'quiz \(id)' to continue."
    case .quizResult(let score, let total, let percent): "Result: \(score)/\(total) points (\(percent)%)."
    case .passed: "Passed."
    case .failed(let pass): "Not passed yet (\(pass)% needed)."
    case .byDimension: "By PAPI dimension:"
    case .weakAreasHeader: "To strengthen (in PAPI terms):"
    case .noWeakAreas: "No dimension fell below the pass mark in this quiz."
    case .missedHeader: "Questions missed:"
    case .studyNext: "Read again:"
    case .nothingToReview(let next): "Nothing to review now." + (next.map { " Next review: \($0)." } ?? "")
    case .reviewStart(let count, let course): "Reviewing \(count) missed questions (course \(course))."
    case .progressHeader: "Your progress:"
    case .progressLine(let title, let taken, let passed, let of):
      "  \(title): \(taken) attempts, \(passed)/\(of) quizzes passed"
    case .inProgressLine(let quiz, let answered, let total):
      "    unfinished: \(quiz) (\(answered)/\(total) answered)"
    case .reviewDue(let count): "\(count) questions are due for review: type 'review'."
    case .noAttemptsYet: "You have not taken a quiz yet. Type 'courses' to start."
    case .fewAnswers(let count): "little data: \(count) answers"
    case .weakLine(let code, let name, let percent, let answers):
      "\(code) \(name): \(percent)% (\(answers) answers)"
    case .whoami(let name, let position, let commune): "\(name), \(position), \(commune)"
    case .languageSet: "Switched to English."
    case .questionTypeName(let type): type.replacingOccurrences(of: "_", with: " ")
    }
  }
}

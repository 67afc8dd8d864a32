import Localization

/// The messages several commands share, in Vietnamese and English.
enum ShellText: LocalizedMessage {
  case cannotOpenResults(String)
  case unknownCommand(String, suggestion: String?)
  case usage(String)
  case noCourse(String, suggestion: String?)
  case noQuiz(String, suggestion: String?)
  case reviewDue(Int)
  case noAttemptsYet
  case studyNext

  func text(in language: Language) -> String {
    switch (self, language) {
    case (.cannotOpenResults(let reason), .vietnamese): "Không mở được tệp kết quả của xã: \(reason)"
    case (.cannotOpenResults(let reason), .english): "Cannot open the commune's results file: \(reason)"
    case (.unknownCommand(let command, let suggestion), .vietnamese):
      "Không có lệnh '\(command)'." + (suggestion.map { " Có phải ý bạn là '\($0)'?" } ?? "")
        + " Gõ 'help' để xem các lệnh."
    case (.unknownCommand(let command, let suggestion), .english):
      "No command '\(command)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
        + " Type 'help' for the commands."
    case (.usage(let usage), .vietnamese): "Cách dùng: \(usage)"
    case (.usage(let usage), .english): "Usage: \(usage)"
    case (.noCourse(let id, let suggestion), .vietnamese):
      "Không có khoá học '\(id)'." + (suggestion.map { " Có phải '\($0)'?" } ?? "")
    case (.noCourse(let id, let suggestion), .english):
      "No course '\(id)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
    case (.noQuiz(let id, let suggestion), .vietnamese):
      "Không có bài kiểm tra '\(id)'." + (suggestion.map { " Có phải '\($0)'?" } ?? "")
    case (.noQuiz(let id, let suggestion), .english):
      "No quiz '\(id)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
    case (.reviewDue(let count), .vietnamese): "Có \(count) câu cần ôn: gõ 'review'."
    case (.reviewDue(let count), .english): "\(count) questions are due for review: type 'review'."
    case (.noAttemptsYet, .vietnamese): "Bạn chưa làm bài kiểm tra nào. Gõ 'courses' để bắt đầu."
    case (.noAttemptsYet, .english): "You have not taken a quiz yet. Type 'courses' to start."
    case (.studyNext, .vietnamese): "Nên đọc lại:"
    case (.studyNext, .english): "Read again:"
    }
  }
}

/// English counts with the noun's right number: "1 attempt", "2 attempts".
enum English {
  static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
  }
}

/// Numbers as each language writes them: a decimal comma in Vietnamese (2,8), a point in English.
enum Numbers {
  static func decimal(_ value: Double, digits: Int = 1, in language: Language) -> String {
    let text = String(format: "%.\(digits)f", value)
    return language == .vietnamese ? text.replacingOccurrences(of: ".", with: ",") : text
  }
}

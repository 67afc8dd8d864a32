import Localization

/// What the shell says to sign an official in, and around the commands: banner, prompts, goodbye.
enum SessionText: LocalizedMessage {
  case banner
  case askCommune
  case noCommune(String, suggestion: String?)
  case severalCommunes
  case communeChosen(String)
  case askName
  case nameNotOnRoster(String)
  case askRegister
  case askPosition
  case pickNumber(Int)
  case severalOfficials
  case welcome(String, position: String)
  case prompt
  case goodbye
  case interruptHint
  case yesNo
  case pagerPrompt

  func text(in language: Language) -> String {
    switch (self, language) {
    case (.banner, .vietnamese):
      "papi-train: học và tự kiểm tra về một cửa, dân chủ cơ sở và các chỉ số PAPI.\nGõ 'help' (hoặc 'giup') để xem các lệnh; Tab để gợi ý; Ctrl-D để thoát."
    case (.banner, .english):
      "papi-train: learn and self-assess on the one-stop shop, grassroots democracy and the PAPI dimensions.\nType 'help' for commands; Tab completes; Ctrl-D leaves."
    case (.askCommune, .vietnamese): "Xã/phường của bạn (tên hoặc mã, Tab để gợi ý): "
    case (.askCommune, .english): "Your commune or ward (name or code, Tab completes): "
    case (.noCommune(let text, let suggestion), .vietnamese):
      "Không tìm thấy xã/phường '\(text)'." + (suggestion.map { " Có phải '\($0)'?" } ?? "")
    case (.noCommune(let text, let suggestion), .english):
      "No commune '\(text)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
    case (.severalCommunes, .vietnamese): "Có nhiều xã/phường khớp; hãy gõ rõ hơn hoặc gõ mã:"
    case (.severalCommunes, .english): "Several communes match; type more of the name, or the code:"
    case (.communeChosen(let name), .vietnamese): "Xã/phường: \(name)"
    case (.communeChosen(let name), .english): "Commune: \(name)"
    case (.askName, .vietnamese): "Họ và tên ('quay lại' để đổi xã): "
    case (.askName, .english): "Full name ('back' for another commune): "
    case (.nameNotOnRoster(let name), .vietnamese): "Chưa có '\(name)' trong danh sách cán bộ của xã."
    case (.nameNotOnRoster(let name), .english): "'\(name)' is not on the commune's roster."
    case (.askRegister, .vietnamese): "Đăng ký tên này? (c/k): "
    case (.askRegister, .english): "Register this name? (y/n): "
    case (.askPosition, .vietnamese): "Vị trí công tác của bạn (gõ số): "
    case (.askPosition, .english): "Your position (type its number): "
    case (.pickNumber(let count), .vietnamese): "Hãy gõ một số từ 1 đến \(count)."
    case (.pickNumber(let count), .english): "Type a number from 1 to \(count)."
    case (.severalOfficials, .vietnamese): "Có nhiều người trùng tên; chọn đúng người (gõ số):"
    case (.severalOfficials, .english): "Several officials have this name; pick yours (type its number):"
    case (.welcome(let name, let position), .vietnamese): "Xin chào \(name) (\(position))."
    case (.welcome(let name, let position), .english): "Welcome, \(name) (\(position))."
    case (.prompt, .vietnamese): "papi> "
    case (.prompt, .english): "papi> "
    case (.goodbye, .vietnamese): "Tạm biệt. Kết quả của bạn đã được lưu."
    case (.goodbye, .english): "Goodbye. Your results are saved."
    case (.interruptHint, .vietnamese): "(Ctrl-C: đã xoá dòng. Gõ 'quit' hoặc Ctrl-D để thoát.)"
    case (.interruptHint, .english): "(Ctrl-C: line cleared. Type 'quit' or Ctrl-D to leave.)"
    case (.yesNo, .vietnamese): "Hãy trả lời c (có) hoặc k (không)."
    case (.yesNo, .english): "Answer y (yes) or n (no)."
    case (.pagerPrompt, .vietnamese): "-- Enter: trang sau, q: dừng đọc -- "
    case (.pagerPrompt, .english): "-- Enter: next page, q: stop reading -- "
    }
  }
}

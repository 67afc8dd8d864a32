import Localization

/// What the shell says while an official takes a quiz: each question, feedback, the result.
enum QuizText: LocalizedMessage {
  case quizStart(title: String, count: Int, pass: Double)
  case questionHeader(number: Int, total: Int, type: String)
  case answerHint(String)
  case correct
  case partlyCorrect(percent: Int)
  case wrong
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
  case fewAnswers(Int)
  case questionTypeName(String)

  func text(in language: Language) -> String {
    switch (self, language) {
    case (.quizStart(let title, let count, let pass), .vietnamese):
      "\(title): \(count) câu, đạt từ \(Int(pass.rounded()))%. Mỗi câu trả lời được lưu ngay. Ctrl-C để tạm dừng."
    case (.quizStart(let title, let count, let pass), .english):
      "\(title): \(count) questions, pass mark \(Int(pass.rounded()))%. Each answer is saved at once. Ctrl-C pauses."
    case (.questionHeader(let number, let total, let type), .vietnamese): "Câu \(number)/\(total) (\(type))"
    case (.questionHeader(let number, let total, let type), .english): "Question \(number)/\(total) (\(type))"
    case (.answerHint(let hint), .vietnamese): "Trả lời: \(hint)"
    case (.answerHint(let hint), .english): "Answer: \(hint)"
    case (.correct, .vietnamese): "✓ Đúng."
    case (.correct, .english): "✓ Correct."
    case (.partlyCorrect(let percent), .vietnamese): "◐ Đúng một phần (\(percent)%)."
    case (.partlyCorrect(let percent), .english): "◐ Partly correct (\(percent)%)."
    case (.wrong, .vietnamese): "✗ Chưa đúng."
    case (.wrong, .english): "✗ Not correct."
    case (.explanation, .vietnamese): "Giải thích:"
    case (.explanation, .english): "Why:"
    case (.source, .vietnamese): "Căn cứ:"
    case (.source, .english): "Source:"
    case (.notSaved(let reason), .vietnamese):
      "CÂU TRẢ LỜI VỪA RỒI CHƯA ĐƯỢC LƯU: \(reason). Các câu trước đã được lưu. Bài kiểm tra tạm dừng; hãy báo giảng viên."
    case (.notSaved(let reason), .english):
      "YOUR LAST ANSWER WAS NOT SAVED: \(reason). Earlier answers are saved. The quiz is paused; tell your trainer."
    case (.askLeaveQuiz, .vietnamese): "Tạm dừng bài kiểm tra? Các câu đã trả lời vẫn được lưu. (c/k): "
    case (.askLeaveQuiz, .english): "Pause the quiz? Your answers so far are saved. (y/n): "
    case (.quizPaused(let id), .vietnamese): "Đã tạm dừng. Gõ 'quiz \(id)' để làm tiếp."
    case (.quizPaused(let id), .english): "Paused. Type 'quiz \(id)' to continue."
    case (.quizResult(let score, let total, let percent), .vietnamese):
      "Kết quả: \(score)/\(total) điểm (\(percent)%)."
    case (.quizResult(let score, let total, let percent), .english):
      "Result: \(score)/\(total) points (\(percent)%)."
    case (.passed, .vietnamese): "Đạt."
    case (.passed, .english): "Passed."
    case (.failed(let pass), .vietnamese): "Chưa đạt (cần \(pass)%)."
    case (.failed(let pass), .english): "Not passed yet (\(pass)% needed)."
    case (.byDimension, .vietnamese): "Theo chỉ số PAPI:"
    case (.byDimension, .english): "By PAPI dimension:"
    case (.weakAreasHeader, .vietnamese): "Cần củng cố (theo PAPI):"
    case (.weakAreasHeader, .english): "To strengthen (in PAPI terms):"
    case (.noWeakAreas, .vietnamese): "Không có chỉ số nào dưới mức đạt trong bài này."
    case (.noWeakAreas, .english): "No dimension fell below the pass mark in this quiz."
    case (.missedHeader, .vietnamese): "Các câu chưa đúng:"
    case (.missedHeader, .english): "Questions missed:"
    case (.fewAnswers(let count), .vietnamese): "ít dữ liệu: \(count) câu"
    case (.fewAnswers(let count), .english): "little data: \(count) answers"
    case (.questionTypeName(let type), .vietnamese): Self.vietnameseTypeName(type)
    case (.questionTypeName(let type), .english): type.replacingOccurrences(of: "_", with: " ")
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
}

/// How to answer each question type, shown under the question.
enum AnswerHint: LocalizedMessage {
  case single(String)
  case multiple(String)
  case truth
  case matching(count: Int)
  case ordering, short

  func text(in language: Language) -> String {
    switch (self, language) {
    case (.single(let range), .vietnamese): "gõ một chữ cái (\(range))"
    case (.single(let range), .english): "type one letter (\(range))"
    case (.multiple(let range), .vietnamese): "gõ mọi chữ cái đúng (\(range)), ví dụ: a c"
    case (.multiple(let range), .english): "type every right letter (\(range)), e.g. a c"
    case (.truth, .vietnamese): "đ (đúng) hoặc s (sai)"
    case (.truth, .english): "t (true) or f (false)"
    case (.matching(let count), .vietnamese):
      "gõ chữ cái ghép với từng số 1-\(count) theo thứ tự, ví dụ: b a c"
    case (.matching(let count), .english): "type the letter for each number 1-\(count) in turn, e.g. b a c"
    case (.ordering, .vietnamese): "gõ các chữ cái theo đúng thứ tự, ví dụ: c a b"
    case (.ordering, .english): "type the letters in the right order, e.g. c a b"
    case (.short, .vietnamese): "gõ câu trả lời (không phân biệt hoa thường)"
    case (.short, .english): "type the answer (case does not matter)"
    }
  }
}

import Gradebook
import Insight
import Localization

/// Every sheet name, column heading and fixed word of an export, in Vietnamese and English.
public enum ExportHeading: Sendable, Hashable, MessageCatalogue {
  case scoresSheet, answersSheet, itemsSheet, quizzesSheet, optionsSheet, needsHelpSheet, guideSheet
  case communeCode, commune, name, position, officialID
  /// A quiz's score column: the quiz id, and the attempt number when there are several.
  case quizScore(String, attempt: Int?)
  case unfinishedAttempts
  /// A dimension's share of marks, and the number of answers it rests on.
  case dimensionShare(String)
  case dimensionAnswers(String)
  case attemptID, quiz, status, question, questionText, papiCodes, response, mark, correct
  case timeTaken
  /// The moment of the answer, in the time zone named (`UTC+07:00`).
  case answeredAt(String)
  case attempts, facility, standardDeviation, discriminationIndex, discriminativeEfficiency, flags
  case quizTitle, course, questions, meanScore, alpha, errorRatio, standardError
  case attemptStatus(AttemptStatus)
  case flag(ItemAnalysis.Item.Flag)
  case truth(Bool)
  /// Per-option counts in the items table, and the options table's columns.
  case optionCounts, option, optionText, rightOption, chosen, chosenShare
  /// No verdict on a question with fewer finished attempts than this.
  case insufficientAttempts(Int)
  /// The needs-help table's columns.
  case preTest, postTest, passMark, gain, reason, lessonsToReread
  case belowPassMark, scoreFell, noPostTest
  /// The guide's columns.
  case term, meaning

  public func text(in language: Language) -> String {
    language == .vietnamese ? vietnamese : english
  }

  private var vietnamese: String {
    switch self {
    case .scoresSheet: "Điểm"
    case .answersSheet: "Câu trả lời"
    case .itemsSheet: "Thống kê câu hỏi"
    case .quizzesSheet: "Bài kiểm tra"
    case .communeCode: "Mã xã"
    case .commune: "Xã"
    case .name: "Họ và tên"
    case .position: "Chức vụ"
    case .officialID: "Mã cán bộ"
    case .quizScore(let quiz, let attempt?): "\(quiz): điểm lần \(attempt) (%)"
    case .quizScore(let quiz, nil): "\(quiz): điểm (%)"
    case .unfinishedAttempts: "Lượt chưa hoàn thành"
    case .dimensionShare(let name): "\(name): điểm (%)"
    case .dimensionAnswers(let code): "\(code) số câu"
    case .attemptID: "Mã lượt làm bài"
    case .quiz: "Bài kiểm tra"
    case .status: "Trạng thái"
    case .question: "Câu hỏi"
    case .questionText: "Nội dung câu hỏi"
    case .papiCodes: "Chỉ số PAPI"
    case .response: "Trả lời"
    case .mark: "Điểm"
    case .correct: "Đúng (1/0)"
    case .timeTaken: "Thời gian (giây)"
    case .answeredAt(let zone): "Trả lời lúc (\(zone))"
    case .attempts: "Số lượt"
    case .facility: "Độ dễ (%)"
    case .standardDeviation: "Độ lệch chuẩn (%)"
    case .discriminationIndex: "Chỉ số phân biệt"
    case .discriminativeEfficiency: "Hiệu quả phân biệt (%)"
    case .flags: "Cần xem lại"
    case .quizTitle: "Tên bài"
    case .course: "Khoá học"
    case .questions: "Số câu hỏi"
    case .meanScore: "Điểm trung bình (%)"
    case .alpha: "Hệ số Cronbach alpha (%)"
    case .errorRatio: "Tỉ lệ sai số (%)"
    case .standardError: "Sai số chuẩn"
    case .attemptStatus(.finished): "hoàn thành"
    case .attemptStatus(.abandoned): "bỏ dở"
    case .attemptStatus(.inProgress): "đang làm"
    case .flag(.tooEasy): "quá dễ"
    case .flag(.tooHard): "quá khó"
    case .flag(.negativeDiscrimination): "phân biệt âm (xem lại đáp án)"
    case .truth(true): "Đúng"
    case .truth(false): "Sai"
    case .optionsSheet: "Phương án"
    case .needsHelpSheet: "Cần hỗ trợ"
    case .guideSheet: "Hướng dẫn đọc"
    case .optionCounts: "Số người chọn mỗi phương án (✓ = đáp án đúng)"
    case .option: "Phương án"
    case .optionText: "Nội dung phương án"
    case .rightOption: "Đáp án đúng"
    case .chosen: "Số người chọn"
    case .chosenShare: "Tỉ lệ chọn (%)"
    case .insufficientAttempts(let count): "chưa đủ dữ liệu (dưới \(count) lượt)"
    case .preTest: "Kiểm tra đầu vào (%)"
    case .postTest: "Kiểm tra cuối khoá (%)"
    case .passMark: "Điểm đạt (%)"
    case .gain: "Tiến bộ (điểm %)"
    case .reason: "Lý do"
    case .lessonsToReread: "Bài học nên đọc lại"
    case .belowPassMark: "chưa đạt điểm kiểm tra cuối khoá"
    case .scoreFell: "điểm cuối khoá thấp hơn đầu vào"
    case .noPostTest: "chưa làm bài kiểm tra cuối khoá"
    case .term: "Mục"
    case .meaning: "Ý nghĩa"
    }
  }

  private var english: String {
    switch self {
    case .scoresSheet: "Scores"
    case .answersSheet: "Answers"
    case .itemsSheet: "Item statistics"
    case .quizzesSheet: "Quizzes"
    case .communeCode: "Commune code"
    case .commune: "Commune"
    case .name: "Name"
    case .position: "Position"
    case .officialID: "Official id"
    case .quizScore(let quiz, let attempt?): "\(quiz): score, attempt \(attempt) (%)"
    case .quizScore(let quiz, nil): "\(quiz): score (%)"
    case .unfinishedAttempts: "Unfinished attempts"
    case .dimensionShare(let name): "\(name): marks (%)"
    case .dimensionAnswers(let code): "\(code) answers"
    case .attemptID: "Attempt id"
    case .quiz: "Quiz"
    case .status: "Status"
    case .question: "Question"
    case .questionText: "Question text"
    case .papiCodes: "PAPI codes"
    case .response: "Response"
    case .mark: "Mark"
    case .correct: "Correct (1/0)"
    case .timeTaken: "Time (seconds)"
    case .answeredAt(let zone): "Answered at (\(zone))"
    case .attempts: "Attempts"
    case .facility: "Facility (%)"
    case .standardDeviation: "Standard deviation (%)"
    case .discriminationIndex: "Discrimination index"
    case .discriminativeEfficiency: "Discriminative efficiency (%)"
    case .flags: "To review"
    case .quizTitle: "Title"
    case .course: "Course"
    case .questions: "Questions"
    case .meanScore: "Mean score (%)"
    case .alpha: "Cronbach's alpha (%)"
    case .errorRatio: "Error ratio (%)"
    case .standardError: "Standard error"
    case .attemptStatus(.finished): "finished"
    case .attemptStatus(.abandoned): "abandoned"
    case .attemptStatus(.inProgress): "in progress"
    case .flag(.tooEasy): "too easy"
    case .flag(.tooHard): "too hard"
    case .flag(.negativeDiscrimination): "negative discrimination (check the key)"
    case .truth(true): "True"
    case .truth(false): "False"
    case .optionsSheet: "Options"
    case .needsHelpSheet: "Needs help"
    case .guideSheet: "How to read"
    case .optionCounts: "How many chose each option (✓ = right)"
    case .option: "Option"
    case .optionText: "Option text"
    case .rightOption: "Right answer"
    case .chosen: "Chosen by"
    case .chosenShare: "Chosen by (%)"
    case .insufficientAttempts(let count): "insufficient data (under \(count) attempts)"
    case .preTest: "Pre-test (%)"
    case .postTest: "Post-test (%)"
    case .passMark: "Pass mark (%)"
    case .gain: "Gain (points)"
    case .reason: "Why"
    case .lessonsToReread: "Lessons to reread"
    case .belowPassMark: "post-test below the pass mark"
    case .scoreFell: "post-test lower than the pre-test"
    case .noPostTest: "no post-test taken"
    case .term: "Term"
    case .meaning: "Meaning"
    }
  }

  /// One of every case, for the test that renders every message in both languages.
  public static let samples: [ExportHeading] = [
    .scoresSheet, .answersSheet, .itemsSheet, .quizzesSheet, .optionsSheet, .needsHelpSheet, .guideSheet,
    .communeCode, .commune, .name, .position, .officialID, .quizScore("Kiểm tra đầu vào", attempt: 2),
    .quizScore("Kiểm tra đầu vào", attempt: nil), .unfinishedAttempts,
    .dimensionShare("D5 Thủ tục hành chính công"),
    .dimensionAnswers("D5"), .attemptID, .quiz, .status, .question, .questionText, .papiCodes, .response,
    .mark,
    .correct, .timeTaken, .answeredAt("UTC+07:00"), .attempts, .facility, .standardDeviation,
    .discriminationIndex, .discriminativeEfficiency, .flags, .quizTitle, .course, .questions, .meanScore,
    .alpha,
    .errorRatio, .standardError, .attemptStatus(.finished), .attemptStatus(.abandoned),
    .attemptStatus(.inProgress), .flag(.tooEasy), .flag(.tooHard), .flag(.negativeDiscrimination),
    .truth(true),
    .truth(false), .optionCounts, .option, .optionText, .rightOption, .chosen, .chosenShare,
    .insufficientAttempts(20), .preTest, .postTest, .passMark, .gain, .reason, .lessonsToReread,
    .belowPassMark,
    .scoreFell, .noPostTest, .term, .meaning,
  ]
}

import Gradebook
import Insight
import Localization

/// Every sheet name, column heading and fixed word of an export, in Vietnamese and English.
public enum ExportHeading: Sendable, Hashable, LocalizedMessage {
  case scoresSheet, answersSheet, itemsSheet, quizzesSheet
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
    case .quizScore(let quiz, let attempt?): "\(quiz) lần \(attempt) (%)"
    case .quizScore(let quiz, nil): "\(quiz) (%)"
    case .unfinishedAttempts: "Lượt chưa hoàn thành"
    case .dimensionShare(let code): "\(code) (%)"
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
    case .quizScore(let quiz, let attempt?): "\(quiz) attempt \(attempt) (%)"
    case .quizScore(let quiz, nil): "\(quiz) (%)"
    case .unfinishedAttempts: "Unfinished attempts"
    case .dimensionShare(let code): "\(code) (%)"
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
    }
  }
}

import Insight
import Localization

/// The messages of the shell's Insight views (`weak`, `progress`, `class`, `items`), Vietnamese
/// first.
enum InsightText: LocalizedMessage {
  case insufficient(answers: Int)
  case share(Double, lower: Double, upper: Double)
  case answers(Int)
  case weakHeader(threshold: Double)
  case notYetAsked([String])
  case noWeakArea(enough: Bool)
  case weakListHeader
  case verdict(Mastery.Verdict)
  case reviewHint
  case gain(course: String, LearningGain)
  case dimensionsMeasured(Int, of: Int)
  case passphrasePrompt
  case trainerUnavailable
  case classHeader(commune: String, officials: Int)
  case officialColumn
  case readinessHeader
  case coverage(Int, assessed: Int, roster: Int)
  case responsible([String])
  case noFinishedAttempts
  case itemsHeader(quiz: String, attempts: Int, alpha: Double?)
  case itemColumns
  case flag(ItemAnalysis.Item.Flag)

  func text(in language: Language) -> String {
    let vi = language == .vietnamese
    let percent = { (share: Double) in String(Int((share * 100).rounded())) }
    switch self {
    case .insufficient(let answers):
      return vi ? "chưa đủ dữ liệu (\(answers) câu)" : "insufficient data (\(answers) answers)"
    case .share(let estimate, let lower, let upper):
      return "\(percent(estimate))% (\(percent(lower))–\(percent(upper))%)"
    case .answers(let count):
      return vi ? "\(count) câu" : "\(count) answers"
    case .weakHeader(let threshold):
      return vi
        ? "Tỷ lệ đúng theo chỉ số PAPI, khoảng tin cậy 95% trong ngoặc (ngưỡng \(percent(threshold))%; câu gần đây nặng hơn):"
        : "Share right per PAPI dimension, 95% interval in brackets (threshold \(percent(threshold))%; recent answers weigh more):"
    case .notYetAsked(let codes):
      return (vi ? "Chưa có câu nào về: " : "No answers yet on: ") + codes.joined(separator: ", ")
    case .noWeakArea(let enough):
      if enough {
        return vi
          ? "Không có chỉ số nào dưới ngưỡng. Tốt lắm!" : "No dimension is below the threshold. Well done!"
      }
      return vi
        ? "Chưa đủ câu trả lời để kết luận; hãy làm thêm bài kiểm tra."
        : "Not enough answers to judge yet; take more quizzes."
    case .weakListHeader:
      return vi ? "Nội dung còn yếu, yếu nhất trước:" : "Weak areas, weakest first:"
    case .verdict(let verdict):
      switch verdict {
      case .weak: return vi ? "yếu" : "weak"
      case .possiblyWeak: return vi ? "có thể yếu" : "possibly weak"
      case .adequate: return vi ? "đạt" : "adequate"
      case .insufficientData: return vi ? "chưa đủ dữ liệu" : "insufficient data"
      }
    case .reviewHint:
      return vi ? "Gõ 'review' để ôn các câu đã sai." : "Type 'review' to go over the questions you missed."
    case .gain(let course, let gain):
      let change = String(format: "%+.0f", gain.absolute * 100)
      return vi
        ? "  \(course): đầu vào \(percent(gain.pre))%, đầu ra \(percent(gain.post))% (\(change) điểm)"
        : "  \(course): pre-test \(percent(gain.pre))%, post-test \(percent(gain.post))% (\(change) points)"
    case .dimensionsMeasured(let count, let total):
      return vi
        ? "Đã đủ dữ liệu để đánh giá \(count)/\(total) chỉ số PAPI; gõ 'weak' để xem chi tiết."
        : "Enough data to judge \(count) of \(total) PAPI dimensions; type 'weak' for details."
    case .passphrasePrompt:
      return vi ? "Mật khẩu giảng viên: " : "Trainer passphrase: "
    case .trainerUnavailable:
      return vi
        ? "Lệnh này dành cho giảng viên, nhưng máy này chưa đặt mật khẩu giảng viên."
        : "This command is for trainers, but no trainer passphrase is set on this computer."
    case .classHeader(let commune, let officials):
      return vi
        ? "Kết quả của \(commune) (\(officials) cán bộ), tỷ lệ đúng theo chỉ số (— là chưa đủ dữ liệu):"
        : "Results of \(commune) (\(officials) officials), share right per dimension (— is insufficient data):"
    case .officialColumn:
      return vi ? "Cán bộ" : "Official"
    case .readinessHeader:
      return vi
        ? "Mức sẵn sàng của xã (thang 1–10; cần 20 câu trả lời của 3 cán bộ):"
        : "The commune's readiness (1–10 scale; needs 20 answers from 3 officials):"
    case .coverage(let share, let assessed, let roster):
      return vi
        ? "độ phủ \(share)% (\(assessed)/\(roster) cán bộ)"
        : "coverage \(share)% (\(assessed)/\(roster) officials)"
    case .responsible(let positions):
      return (vi ? "phụ trách: " : "responsible: ") + positions.joined(separator: ", ")
    case .noFinishedAttempts:
      return vi ? "Chưa có lượt làm bài nào hoàn thành." : "No finished attempt yet."
    case .itemsHeader(let quiz, let attempts, let alpha):
      let alphaText = alpha.map { String(format: "%.0f%%", $0) } ?? "—"
      return vi
        ? "\(quiz): \(attempts) lượt hoàn thành, Cronbach alpha \(alphaText)"
        : "\(quiz): \(attempts) finished attempts, Cronbach's alpha \(alphaText)"
    case .itemColumns:
      return vi ? "Câu hỏi|Lượt|Độ dễ|Phân biệt|Lưu ý" : "Question|Attempts|Facility|Discrimination|Flags"
    case .flag(let flag):
      switch flag {
      case .tooEasy: return vi ? "quá dễ" : "too easy"
      case .tooHard: return vi ? "quá khó" : "too hard"
      case .negativeDiscrimination: return vi ? "phân biệt âm: kiểm tra đáp án" : "negative: check the key"
      }
    }
  }
}

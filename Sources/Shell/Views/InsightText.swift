import Foundation
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

  func text(in language: Language) -> String {
    switch (self, language) {
    case (.insufficient(let answers), .vietnamese): "chưa đủ dữ liệu (\(answers) câu)"
    case (.insufficient(let answers), .english): "insufficient data (\(English.count(answers, "answer")))"
    case (.share(let estimate, let lower, let upper), _):
      "\(Self.percent(estimate))% (\(Self.percent(lower))–\(Self.percent(upper))%)"
    case (.answers(let count), .vietnamese): "\(count) câu"
    case (.answers(let count), .english): English.count(count, "answer")
    case (.weakHeader(let threshold), .vietnamese):
      "Tỷ lệ đúng theo chỉ số PAPI, khoảng tin cậy 95% trong ngoặc (ngưỡng \(Self.percent(threshold))%; câu gần đây nặng hơn):"
    case (.weakHeader(let threshold), .english):
      "Share right per PAPI dimension, 95% interval in brackets (threshold \(Self.percent(threshold))%; recent answers weigh more):"
    case (.notYetAsked(let codes), .vietnamese): "Chưa có câu nào về: " + codes.joined(separator: ", ")
    case (.notYetAsked(let codes), .english): "No answers yet on: " + codes.joined(separator: ", ")
    case (.noWeakArea(true), .vietnamese): "Không có chỉ số nào dưới ngưỡng. Tốt lắm!"
    case (.noWeakArea(true), .english): "No dimension is below the threshold. Well done!"
    case (.noWeakArea(false), .vietnamese): "Chưa đủ câu trả lời để kết luận; hãy làm thêm bài kiểm tra."
    case (.noWeakArea(false), .english): "Not enough answers to judge yet; take more quizzes."
    case (.weakListHeader, .vietnamese): "Nội dung còn yếu, yếu nhất trước:"
    case (.weakListHeader, .english): "Weak areas, weakest first:"
    case (.verdict(let verdict), _): Self.verdictText(verdict, in: language)
    case (.reviewHint, .vietnamese): "Gõ 'review' để ôn các câu đã sai."
    case (.reviewHint, .english): "Type 'review' to go over the questions you missed."
    case (.gain(let course, let gain), .vietnamese):
      "  \(course): đầu vào \(Self.percent(gain.pre))%, đầu ra \(Self.percent(gain.post))% (\(Self.change(gain)) điểm)"
    case (.gain(let course, let gain), .english):
      "  \(course): pre-test \(Self.percent(gain.pre))%, post-test \(Self.percent(gain.post))% (\(Self.change(gain)) points)"
    case (.dimensionsMeasured(let count, let total), .vietnamese):
      "Đã đủ dữ liệu để đánh giá \(count)/\(total) chỉ số PAPI; gõ 'weak' để xem chi tiết."
    case (.dimensionsMeasured(let count, let total), .english):
      "Enough data to judge \(count) of \(total) PAPI dimensions; type 'weak' for details."
    case (.passphrasePrompt, .vietnamese): "Mật khẩu giảng viên: "
    case (.passphrasePrompt, .english): "Trainer passphrase: "
    case (.trainerUnavailable, .vietnamese):
      "Lệnh này dành cho giảng viên, nhưng máy này chưa đặt mật khẩu giảng viên."
    case (.trainerUnavailable, .english):
      "This command is for trainers, but no trainer passphrase is set on this computer."
    case (.classHeader(let commune, let officials), .vietnamese):
      "Kết quả của \(commune) (\(officials) cán bộ), tỷ lệ đúng theo chỉ số (— là chưa đủ dữ liệu):"
    case (.classHeader(let commune, let officials), .english):
      "Results of \(commune) (\(officials) officials), share right per dimension (— is insufficient data):"
    case (.officialColumn, .vietnamese): "Cán bộ"
    case (.officialColumn, .english): "Official"
    case (.readinessHeader, .vietnamese):
      "Mức sẵn sàng của xã (thang 1–10; cần 20 câu trả lời của 3 cán bộ):"
    case (.readinessHeader, .english):
      "The commune's readiness (1–10 scale; needs 20 answers from 3 officials):"
    case (.coverage(let share, let assessed, let roster), .vietnamese):
      "độ phủ \(share)% (\(assessed)/\(roster) cán bộ)"
    case (.coverage(let share, let assessed, let roster), .english):
      "coverage \(share)% (\(assessed)/\(roster) officials)"
    case (.responsible(let positions), .vietnamese): "phụ trách: " + positions.joined(separator: ", ")
    case (.responsible(let positions), .english): "responsible: " + positions.joined(separator: ", ")
    case (.noFinishedAttempts, .vietnamese): "Chưa có lượt làm bài nào hoàn thành."
    case (.noFinishedAttempts, .english): "No finished attempt yet."
    }
  }

  private static func verdictText(_ verdict: Mastery.Verdict, in language: Language) -> String {
    switch (verdict, language) {
    case (.weak, .vietnamese): "yếu"
    case (.weak, .english): "weak"
    case (.possiblyWeak, .vietnamese): "có thể yếu"
    case (.possiblyWeak, .english): "possibly weak"
    case (.adequate, .vietnamese): "đạt"
    case (.adequate, .english): "adequate"
    case (.insufficientData, .vietnamese): "chưa đủ dữ liệu"
    case (.insufficientData, .english): "insufficient data"
    }
  }

  /// A share as a whole percentage: 0.62 is "62".
  private static func percent(_ share: Double) -> String { String(Int((share * 100).rounded())) }

  /// The gain in points with its sign: "+12".
  private static func change(_ gain: LearningGain) -> String { String(format: "%+.0f", gain.absolute * 100) }
}

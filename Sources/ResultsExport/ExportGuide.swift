import Insight
import Localization
import Reporting

/// The "Hướng dẫn đọc" sheet: what each sheet, column and statistic of an export means, in plain
/// words for a trainer who is not a statistician. Each case is one row: the term and its meaning.
public enum ExportGuide: String, Sendable, Hashable, CaseIterable, MessageCatalogue {
  case scores, dimensionShare, answers, response, answeredAt, attempts, facility, standardDeviation
  case discriminationIndex, discriminativeEfficiency, verdicts, insufficientData, options, alpha
  case errorRatio, standardError, needsHelp, codes

  /// The term in `language`: a sheet's or a column's name.
  public func term(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .scores: return vi ? "Trang \"Điểm\"" : "The \"Scores\" sheet"
    case .dimensionShare: return vi ? "D1 … D8 (%) và số câu" : "D1 … D8 (%) and answers"
    case .answers: return vi ? "Trang \"Câu trả lời\"" : "The \"Answers\" sheet"
    case .response: return vi ? "Trả lời" : "Response"
    case .answeredAt: return vi ? "Trả lời lúc" : "Answered at"
    case .attempts: return vi ? "Số lượt" : "Attempts"
    case .facility: return vi ? "Độ dễ (%)" : "Facility (%)"
    case .standardDeviation: return vi ? "Độ lệch chuẩn (%)" : "Standard deviation (%)"
    case .discriminationIndex: return vi ? "Chỉ số phân biệt" : "Discrimination index"
    case .discriminativeEfficiency: return vi ? "Hiệu quả phân biệt (%)" : "Discriminative efficiency (%)"
    case .verdicts: return vi ? "Cần xem lại" : "To review"
    case .insufficientData: return vi ? "Chưa đủ dữ liệu" : "Insufficient data"
    case .options: return vi ? "Trang \"Phương án\"" : "The \"Options\" sheet"
    case .alpha: return vi ? "Hệ số Cronbach alpha (%)" : "Cronbach's alpha (%)"
    case .errorRatio: return vi ? "Tỉ lệ sai số (%)" : "Error ratio (%)"
    case .standardError: return vi ? "Sai số chuẩn" : "Standard error"
    case .needsHelp: return vi ? "Trang \"Cần hỗ trợ\"" : "The \"Needs help\" sheet"
    case .codes: return vi ? "Mã xã, mã câu hỏi, mã lượt" : "Commune codes, question and attempt ids"
    }
  }

  /// The meaning, in plain words.
  public func text(in language: Language) -> String {
    language == .vietnamese ? vietnamese : english
  }

  private var vietnamese: String {
    switch self {
    case .scores:
      "Mỗi dòng là một cán bộ: điểm từng bài kiểm tra (phần trăm số điểm tối đa), mỗi lần làm một cột."
    case .dimensionShare:
      "Tỉ lệ điểm của cán bộ trên các câu hỏi thuộc từng chỉ số PAPI, câu trả lời gần đây được tính nặng hơn. "
        + "Để trống khi cán bộ mới trả lời dưới 5 câu của chỉ số đó: quá ít để kết luận."
    case .answers: "Mỗi dòng là một câu trả lời, theo thứ tự câu hỏi của từng lượt làm bài."
    case .response:
      "Chữ cái và nội dung phương án đúng như cán bộ đã thấy trên màn hình (thứ tự phương án được xáo trộn "
        + "cho từng lượt). Câu ghép đôi: chữ cái chọn cho từng mục 1, 2, 3; câu sắp xếp: các chữ cái theo thứ "
        + "tự cán bộ đã xếp."
    case .answeredAt: "Ngày giờ trả lời theo giờ của máy tính xuất tệp (múi giờ ghi trong tiêu đề cột)."
    case .attempts: "Số lượt làm bài đã hoàn thành được dùng để tính các con số của câu hỏi."
    case .facility:
      "Tỉ lệ điểm trung bình của câu hỏi: 100 là ai cũng làm đúng, 0 là không ai đúng. "
        + "Trên 90 là câu quá dễ, dưới 20 là câu quá khó."
    case .standardDeviation:
      "Mức chênh lệch điểm giữa các cán bộ ở câu này: 0 là ai cũng được cùng một điểm."
    case .discriminationIndex:
      "Câu hỏi có tách được người nắm bài với người chưa nắm bài hay không (từ -100 đến 100). "
        + "Trên 30 là tốt; gần 0 là câu không phân biệt được; số âm nghĩa là người làm tốt cả bài lại hay sai "
        + "câu này: thường do đáp án ghi sai hoặc câu hỏi gây hiểu nhầm."
    case .discriminativeEfficiency:
      "Chỉ số phân biệt so với mức cao nhất câu hỏi có thể đạt với độ dễ của nó (phần trăm)."
    case .verdicts:
      "Nhận xét về câu hỏi: quá dễ, quá khó, phân biệt âm (xem lại đáp án). Chỉ đưa ra khi có ít nhất "
        + "\(ItemAnalysis.minimumAttempts) lượt làm bài."
    case .insufficientData:
      "Dưới \(ItemAnalysis.minimumAttempts) lượt làm bài, một hai người đã quyết định con số: "
        + "không nên kết luận gì về câu hỏi."
    case .options:
      "Mỗi phương án của mỗi câu hỏi và số người đã chọn. Một phương án sai được nhiều người chọn là chỗ "
        + "cán bộ hay hiểu nhầm: nên giảng lại; nếu người làm tốt lại chọn nó, hãy kiểm tra đáp án."
    case .alpha:
      "Độ tin cậy của cả bài kiểm tra: các câu hỏi có cùng đo một năng lực hay không. Trên 70 là tốt; "
        + "chỉ tính khi mọi lượt làm cùng một bộ câu hỏi."
    case .errorRatio:
      "Phần điểm của bài có thể do may rủi thay vì do hiểu biết: càng thấp càng tốt (dưới 50 là tốt)."
    case .standardError:
      "Điểm của một cán bộ có thể lệch khoảng chừng này so với mức thật của họ (cùng thang với điểm)."
    case .needsHelp:
      "Cán bộ có điểm kiểm tra cuối khoá dưới điểm đạt, hoặc thấp hơn điểm kiểm tra đầu vào, kèm các bài học "
        + "nên đọc lại (lệnh read trong papi-train)."
    case .codes:
      "Mã được ghi dưới dạng chữ để giữ số 0 ở đầu (03637); các mã dài ở cột cuối dùng để đối chiếu với "
        + "tệp kết quả, không cần đọc."
    }
  }

  private var english: String {
    switch self {
    case .scores:
      "One row per official: the score of each quiz (percent of the maximum), one column per attempt."
    case .dimensionShare:
      "The official's share of marks on the questions of each PAPI dimension, recent answers counting more. "
        + "Empty when the official answered fewer than 5 of its questions: too few to tell."
    case .answers: "One row per answer, in each attempt's question order."
    case .response:
      "The letter and text of the option exactly as the official saw them (options are shuffled for each "
        + "attempt). Matching: the letter chosen for items 1, 2, 3; ordering: the letters in the order given."
    case .answeredAt:
      "When the answer was given, in the exporting computer's time (the zone is in the heading)."
    case .attempts: "Finished attempts the question's figures are computed over."
    case .facility:
      "The question's mean mark: 100 when everyone got it right, 0 when nobody did. "
        + "Over 90 is too easy, under 20 too hard."
    case .standardDeviation:
      "How much marks on the question differ between officials: 0 when all got the same."
    case .discriminationIndex:
      "Whether the question separates those who know the material from those who do not (−100 to 100). "
        + "Over 30 is good; near 0 it tells nothing; negative means the strongest officials tend to get it "
        + "wrong: often a wrong key or a misleading question."
    case .discriminativeEfficiency:
      "The discrimination index against the highest the question could reach at its facility (percent)."
    case .verdicts:
      "Too easy, too hard, negative discrimination (check the key). Given only from "
        + "\(ItemAnalysis.minimumAttempts) attempts."
    case .insufficientData:
      "Under \(ItemAnalysis.minimumAttempts) attempts one or two officials decide the figures: "
        + "conclude nothing about the question."
    case .options:
      "Each option of each question and how many chose it. A wrong option many chose is a common "
        + "misunderstanding to teach again; if strong officials choose it, check the key."
    case .alpha:
      "The whole quiz's reliability: whether its questions measure one ability. Over 70 is good; computed "
        + "only when every attempt had the same questions."
    case .errorRatio:
      "The part of the scores that may be luck rather than knowledge: lower is better (under 50 is good)."
    case .standardError: "How far an official's score may be from their true level (on the score's scale)."
    case .needsHelp:
      "Officials whose post-test is below the pass mark or lower than their pre-test, with the lessons to "
        + "reread (papi-train's read command)."
    case .codes:
      "Codes are written as text to keep leading zeros (03637); the long ids in the last columns match the "
        + "results files and need not be read."
    }
  }

  public static let samples: [ExportGuide] = allCases
}

extension ClassExport {
  /// The guide: one row per term, in the export's language.
  func guideTable() -> Table {
    Table(
      name: heading(.guideSheet), header: [heading(.term), heading(.meaning)],
      rows: ExportGuide.allCases.map { [.text($0.term(in: language)), .text($0.text(in: language))] })
  }
}

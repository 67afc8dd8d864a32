import Curriculum
import Foundation
import Insight
import Localization
import TerminalUI

/// A quiz's item statistics with, under each question, its text and how many chose each option,
/// laid out to a terminal's width: what `papi-train report items` and the shell's `items` print.
/// Below ``ItemAnalysis/minimumAttempts`` attempts a question gets no verdict, only "chưa đủ dữ
/// liệu", and the quiz's heading says why.
public struct ItemsView: Sendable {
  public var library: CourseLibrary
  public var language: Language
  public var width: Int

  /// The courses' questions by id.
  private let questions: [QuestionID: Question]

  public init(library: CourseLibrary, language: Language, width: Int) {
    self.library = library
    self.language = language
    self.width = max(40, width)
    var questions: [QuestionID: Question] = [:]
    for course in library.courses {
      for question in course.questions { questions[question.id] = question }
    }
    self.questions = questions
  }

  /// The most responses (matching, ordering, short answer) listed under a question.
  static let responsesShown = 6

  /// The quiz's lines: a heading, the test's statistics, then each of `items` (the analysis's
  /// order unless given) with its options.
  public func lines(
    quiz: String, analysis: ItemAnalysis, options: [QuestionID: OptionCounts],
    items: [ItemAnalysis.Item]? = nil
  ) -> [String] {
    let title = library.courses.lazy.compactMap { $0.quiz(quiz) }.first?.title.text(in: language)
    var lines = [""] + wrap(text(.quizHeading(quiz, title: title, attempts: analysis.attempts)))
    lines += wrap(
      text(
        .testStatistics(
          alpha: analysis.alpha, errorRatio: analysis.errorRatio, standardError: analysis.standardError))
    )
    if analysis.items.contains(where: { !$0.hasEnoughAttempts }) {
      lines += wrap(text(.smallSample(ItemAnalysis.minimumAttempts)))
    }
    lines += wrap(text(.legend))
    for item in items ?? analysis.items {
      lines.append("")
      lines += question(item, counts: options[item.questionID])
    }
    return lines
  }

  /// `oss-q-001  The prompt …`, the item's figures, then its options.
  func question(_ item: ItemAnalysis.Item, counts: OptionCounts?) -> [String] {
    let prompt =
      questions[item.questionID].map { oneLine($0.prompt.text(in: language)) } ?? text(.unknownQuestion)
    let head = item.questionID.rawValue + "  "
    let hanging = String(repeating: " ", count: min(TextWrapper.visibleWidth(head), width / 3))
    var lines = TextWrapper(width: width).wrap(prompt, firstPrefix: head, restPrefix: hanging)
    lines += packed(figures(item), firstPrefix: "  ", restPrefix: "    ")
    guard let counts else { return lines }
    lines += optionLines(counts)
    if let distractor = counts.strongestDistractor {
      lines += wrap(
        text(.strongestDistractor(label(distractor), count: distractor.count, of: counts.answers)),
        indent: "  ")
    }
    return lines
  }

  /// `parts` joined by ` · ` on as few lines as the width allows, a line breaking only between
  /// two parts (a part wider than a line is wrapped on its own).
  func packed(_ parts: [String], firstPrefix: String, restPrefix: String) -> [String] {
    var lines: [String] = []
    var current = firstPrefix
    var empty = true
    for part in parts {
      let candidate = empty ? current + part : current + " · " + part
      if empty || TextWrapper.visibleWidth(candidate) <= width {
        current = candidate
        empty = false
        continue
      }
      lines.append(current)
      current = restPrefix + part
    }
    lines.append(current)
    return lines.flatMap { line in
      TextWrapper.visibleWidth(line) <= width
        ? [line] : TextWrapper(width: width).wrap(line, firstPrefix: "", restPrefix: restPrefix)
    }
  }

  /// `4 lượt`, `độ dễ 50%`, `độ lệch chuẩn 0.58`, `chỉ số phân biệt 12.3`, `hiệu quả phân biệt
  /// 20.0`, then the flags or `chưa đủ dữ liệu`.
  func figures(_ item: ItemAnalysis.Item) -> [String] {
    let number = { (value: Double?) in value.map { String(format: "%.1f", $0) } ?? "—" }
    var parts = [
      text(.attempts(item.attempts)), text(.facility(Int((item.facility * 100).rounded()))),
      text(.standardDeviation(String(format: "%.2f", item.standardDeviation))),
      text(.discrimination(number(item.discriminationIndex))),
      text(.efficiency(number(item.discriminativeEfficiency))),
    ]
    if !item.hasEnoughAttempts {
      parts.append(text(.insufficient))
    } else {
      parts += item.flags.map { text(.flag($0)) }
    }
    return parts
  }

  /// One line (or more, wrapped) per option: `✓ a  text  2  50%`, counts aligned on the right.
  func optionLines(_ counts: OptionCounts) -> [String] {
    var rows = counts.rows
    var hidden = 0
    if rows.allSatisfy({ $0.text == nil && !isTruth($0) }), rows.count > Self.responsesShown {
      hidden = rows.count - Self.responsesShown
      rows = Array(rows.prefix(Self.responsesShown))
    }
    let labels = rows.map { $0.text != nil || isTruth($0) ? label($0) : "" }
    let labelWidth = labels.map(TextWrapper.visibleWidth).max() ?? 0
    let countWidth = max(2, rows.map { String($0.count).count }.max() ?? 0)
    var lines: [String] = []
    for (row, label) in zip(rows, labels) {
      let prefix =
        "  " + (row.isRight ? "✓ " : "  ")
        + (labelWidth > 0 ? TextWrapper.pad(label, to: labelWidth) + "  " : "")
      let share = String(Int((row.share * 100).rounded())) + "%"
      let suffix = "  " + leftPad(String(row.count), countWidth) + "  " + leftPad(share, 4)
      let room = max(10, width - TextWrapper.visibleWidth(prefix) - TextWrapper.visibleWidth(suffix))
      let body = TextWrapper(width: room).wrap(optionText(row), firstPrefix: "", restPrefix: "")
      lines.append(prefix + TextWrapper.pad(body.first ?? "", to: room) + suffix)
      let indent = String(repeating: " ", count: TextWrapper.visibleWidth(prefix))
      lines += body.dropFirst().map { indent + $0 }
    }
    if hidden > 0 { lines.append("    " + text(.moreResponses(hidden))) }
    return lines
  }

  /// An option's id as written, `Đúng`/`Sai`, or a response (its own text).
  func label(_ row: OptionCounts.Row) -> String {
    if isTruth(row) { return text(.truth(row.key == "true")) }
    return row.key
  }

  private func isTruth(_ row: OptionCounts.Row) -> Bool {
    row.text == nil && (row.key == "true" || row.key == "false")
  }

  private func optionText(_ row: OptionCounts.Row) -> String {
    if let text = row.text { return oneLine(text.text(in: language)) }
    if isTruth(row) { return "" }
    return oneLine(row.key)
  }

  private func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  private func leftPad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }

  private func wrap(_ line: String, indent: String = "") -> [String] {
    TextWrapper(width: width).wrap(line, firstPrefix: indent, restPrefix: indent + "  ")
  }

  private func text(_ message: ItemsMessage) -> String { message.text(in: language) }
}

/// The words of ``ItemsView``, Vietnamese first.
public enum ItemsMessage: MessageCatalogue, Hashable {
  case quizHeading(String, title: String?, attempts: Int)
  case testStatistics(alpha: Double?, errorRatio: Double?, standardError: Double?)
  case smallSample(Int)
  case legend
  case unknownQuestion
  case attempts(Int)
  case facility(Int)
  case standardDeviation(String)
  case discrimination(String)
  case efficiency(String)
  case insufficient
  case flag(ItemAnalysis.Item.Flag)
  case truth(Bool)
  case strongestDistractor(String, count: Int, of: Int)
  case moreResponses(Int)

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .quizHeading(let quiz, let title, let attempts):
      let name = title.map { "\(quiz) · \($0)" } ?? quiz
      return vi ? "\(name): \(attempts) lượt làm bài hoàn thành" : "\(name): \(attempts) finished attempts"
    case .testStatistics(let alpha, let errorRatio, let standardError):
      let value = { (number: Double?) in number.map { String(format: "%.1f", $0) } ?? "—" }
      return vi
        ? "Hệ số Cronbach alpha \(value(alpha))%, tỷ lệ sai số \(value(errorRatio))%, sai số chuẩn \(value(standardError))"
        : "Cronbach's alpha \(value(alpha))%, error ratio \(value(errorRatio))%, standard error \(value(standardError))"
    case .smallSample(let minimum):
      return vi
        ? "Câu có dưới \(minimum) lượt: chưa đủ dữ liệu để kết luận câu quá dễ, quá khó hay có thể sai đáp án; các con số chỉ để tham khảo."
        : "Questions with fewer than \(minimum) attempts: too little data to call a question too easy, too hard or possibly wrongly keyed; the figures are only indicative."
    case .legend:
      return vi
        ? "Dưới mỗi câu: số lượt chọn và tỷ lệ của từng phương án (✓ = đáp án đúng)."
        : "Under each question: how many chose each option, and their share (✓ = right)."
    case .unknownQuestion:
      return vi ? "(câu hỏi không còn trong khoá học)" : "(a question no longer in the courses)"
    case .attempts(let count): return vi ? "\(count) lượt" : "\(count) attempts"
    case .facility(let percent): return vi ? "độ dễ \(percent)%" : "facility \(percent)%"
    case .standardDeviation(let value): return vi ? "độ lệch chuẩn \(value)" : "SD \(value)"
    case .discrimination(let value): return vi ? "chỉ số phân biệt \(value)" : "discrimination \(value)"
    case .efficiency(let value): return vi ? "hiệu quả phân biệt \(value)" : "efficiency \(value)"
    case .insufficient: return vi ? "chưa đủ dữ liệu" : "insufficient data"
    case .flag(let flag):
      switch flag {
      case .tooEasy: return vi ? "quá dễ" : "too easy"
      case .tooHard: return vi ? "quá khó" : "too hard"
      case .negativeDiscrimination:
        return vi ? "phân biệt âm (kiểm tra đáp án)" : "negative discrimination (check the key)"
      }
    case .truth(let value): return vi ? (value ? "Đúng" : "Sai") : (value ? "True" : "False")
    case .strongestDistractor(let label, let count, let total):
      return vi
        ? "Phương án sai được chọn nhiều nhất: \(label) (\(count)/\(total) lượt)"
        : "The wrong option chosen most: \(label) (\(count) of \(total) attempts)"
    case .moreResponses(let count):
      return vi ? "… và \(count) câu trả lời khác" : "… and \(count) other responses"
    }
  }

  public static let samples: [ItemsMessage] = [
    .quizHeading("oss-pretest", title: "Kiểm tra đầu vào", attempts: 4),
    .quizHeading("cu", title: nil, attempts: 1),
    .testStatistics(alpha: 71.2, errorRatio: 53.7, standardError: nil), .smallSample(20), .legend,
    .unknownQuestion, .attempts(4), .facility(50), .standardDeviation("0.58"), .discrimination("12.3"),
    .efficiency("—"), .insufficient, .flag(.tooEasy), .flag(.tooHard), .flag(.negativeDiscrimination),
    .truth(true), .truth(false), .strongestDistractor("b", count: 2, of: 4), .moreResponses(3),
  ]
}

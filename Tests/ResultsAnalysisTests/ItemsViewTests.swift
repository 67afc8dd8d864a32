import Curriculum
import Insight
import Localization
import ResultsAnalysis
import TerminalUI
import Testing

/// `ItemsView`: each question with its text and its options' counts, within the width.
@Suite struct ItemsViewTests {
  /// A true/false question answered true twice (right) and false once, and a single-choice one
  /// answered b, b, a with a as the key: hand counts 2/1 and a 1, b 2.
  @Test func countsEachOptionBesideTheQuestionTextWithinTheWidth() throws {
    let library = shipped.library
    let questions = library.courses.flatMap(\.questions)
    let truth = try #require(questions.first { if case .trueFalse(true) = $0.body { true } else { false } })
    let choice = try #require(
      questions.first { if case .singleChoice(_, "a") = $0.body { true } else { false } })
    let given: [OptionCounts.Given] = [
      (truth.id, .init(keys: ["true"], isCorrect: true)), (truth.id, .init(keys: ["true"], isCorrect: true)),
      (truth.id, .init(keys: ["false"], isCorrect: false)), (choice.id, .init(keys: ["b"], isCorrect: false)),
      (choice.id, .init(keys: ["b"], isCorrect: false)), (choice.id, .init(keys: ["a"], isCorrect: true)),
    ]
    let counts = OptionCounts.byQuestion(given, questions: [truth.id: truth, choice.id: choice])
    let analysis = ItemAnalysis(attempts: [
      ItemAttempt(marks: [truth.id: 1, choice.id: 0]), ItemAttempt(marks: [truth.id: 1, choice.id: 0]),
      ItemAttempt(marks: [truth.id: 0, choice.id: 1]),
    ])
    for width in [60, 80, 120] {
      let lines = ItemsView(library: library, language: .vietnamese, width: width).lines(
        quiz: "q", analysis: analysis, options: counts)
      for line in lines { #expect(TextWrapper.visibleWidth(line) <= width, "\(width): \(line)") }
      let rows = lines.filter { $0.hasSuffix("%") && ($0.hasPrefix("  ✓ ") || $0.hasPrefix("    ")) }
      #expect(rows.contains { $0.hasPrefix("  ✓ Đúng") && $0.hasSuffix("  2   67%") }, "\(rows)")
      #expect(rows.contains { $0.hasPrefix("    Sai") && $0.hasSuffix("  1   33%") }, "\(rows)")
      #expect(rows.contains { $0.hasPrefix("  ✓ a ") && $0.hasSuffix("  1   33%") }, "\(rows)")
      #expect(rows.contains { $0.hasPrefix("    b ") && $0.hasSuffix("  2   67%") }, "\(rows)")
      let flat = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
      #expect(flat.contains("Phương án sai được chọn nhiều nhất: b (2/3 lượt)"))
      let prompt = choice.prompt.vi.split(whereSeparator: \.isWhitespace).prefix(4).joined(separator: " ")
      #expect(flat.contains(choice.id.rawValue + "  " + prompt))
      #expect(!flat.contains("quá khó") || flat.contains("kết luận câu quá dễ, quá khó"))
    }
  }
}

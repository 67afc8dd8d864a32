/// Aiken holds single-choice questions only: the others are left out of an Aiken export.
enum AikenWriter {
  /// The questions Aiken can hold: single choice with at most 26 options.
  static func writable(_ questions: [BankQuestion]) -> [BankQuestion] {
    questions.filter { question in
      guard case .singleChoice(let options, _) = question.body else { return false }
      return options.count <= 26
    }
  }

  static func text(for questions: [BankQuestion]) -> String {
    var blocks: [String] = []
    for question in writable(questions) {
      guard case .singleChoice(let options, let answer) = question.body else { continue }
      var lines = [question.prompt.vi.replacingOccurrences(of: "\n", with: " ")]
      for (index, option) in options.enumerated() {
        lines.append(
          "\(SheetRows.columnName(index)). " + option.text.vi.replacingOccurrences(of: "\n", with: " "))
      }
      let right = options.firstIndex { $0.id == answer } ?? 0
      lines.append("ANSWER: " + SheetRows.columnName(right))
      blocks.append(lines.joined(separator: "\n"))
    }
    return blocks.joined(separator: "\n\n") + "\n"
  }
}

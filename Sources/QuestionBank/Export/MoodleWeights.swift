/// The weights Moodle gives the options of a question with several right answers: each right
/// option an equal share of 100%, each wrong one an equal share of -100%, written as Moodle
/// writes them (at most five decimals).
enum MoodleWeights {
  static func right(count: Int) -> String { format(100 / Double(max(count, 1))) }
  static func wrong(count: Int) -> String { format(-100 / Double(max(count, 1))) }

  static func format(_ value: Double) -> String {
    let rounded = (value * 100_000).rounded() / 100_000
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    var text = String(rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }
}

/// What the exports say about a question Moodle has no type for.
enum ExportNote {
  static let ordering =
    "papi-train: câu sắp xếp, xuất dưới dạng ghép đôi với vị trí 1, 2, ... (Moodle không có loại sắp xếp) / an ordering question, exported as matching items to positions 1, 2, ... (Moodle has no ordering type)"
}

import Testing

@testable import Curriculum

/// The validator's byte scanner for "phương án b" must find exactly what the regular expression it
/// replaced found; the expression stays here as the oracle.
@Suite struct OptionLetterMentionTests {
  private let oracle = /(?i)\b(phương án|đáp án|lựa chọn|options?|answers?|choices?)\s+\(?[a-h]\b\)?/

  @Test(
    arguments: [
      ("Một là đúng; phương án b sai.", "phương án b"),
      ("Đáp án (C) là đúng.", "Đáp án (C)"),
      ("ĐÁP ÁN A sai", "ĐÁP ÁN A"),
      ("See options\td for why.", "options\td"),
      ("Lựa chọn h, rồi phương án a", "Lựa chọn h"),
      ("đáp án đúng là một", nil),
      ("phương án bò", nil),
      ("phương án i", nil),
      ("xoption b", nil),
      ("the answer", nil),
    ] as [(String, String?)])
  func findsTheMentionsTheOldPatternFound(text: String, expected: String?) {
    #expect(OptionLetterMention.first(in: text) == expected)
    #expect(text.firstMatch(of: oracle).map { String($0.output.0) } == expected)
  }

  @Test func agreesWithTheRegularExpressionOnGeneratedTexts() {
    let pieces = [
      "phương án", "Phương án", "PHƯƠNG ÁN", "đáp án", "Đáp án", "lựa chọn", "option", "Options", "ANSWER",
      "answers", "choice", "Choices", " ", "  ", "\n", "(", ")", "b", "C", "h", "i", "z", "bò", "đúng", ".",
      ",", "x", "1", "-",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var mismatches: [String] = []
    for _ in 0..<3_000 {
      let text = (0..<(1 + next(8))).map { _ in pieces[next(pieces.count)] }.joined()
      let ours = OptionLetterMention.first(in: text)
      let theirs = text.firstMatch(of: oracle).map { String($0.output.0) }
      if ours != theirs {
        mismatches.append("\(text.debugDescription): \(ours ?? "nil") vs \(theirs ?? "nil")")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }
}

/// The English article after "answer", "option" or "choice" is an ordinary word, not an option.
@Suite struct OptionLetterArticleTests {
  @Test(
    arguments: [
      ("Officials answer a citizen's question in writing.", nil),
      ("The choice a commune makes is its own.", nil),
      ("Each option a citizen has is listed.", nil),
      ("Option a is wrong because the law says so.", "Option a"),
      ("The answer (a) is right.", "answer (a)"),
      ("Answer A citizens often pick is wrong.", "Answer A"),
      ("phương án a sai", "phương án a"),
    ] as [(String, String?)])
  func theArticleIsNotAnOption(text: String, expected: String?) {
    #expect(OptionLetterMention.first(in: text) == expected)
  }
}

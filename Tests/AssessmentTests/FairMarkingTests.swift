import Assessment
import Curriculum
import Foundation
import Localization
import Testing

/// Short answers marked as a fair human marker would (Courses/README.md, "Short answers").
@Suite struct FairMarkingTests {
  func accepts(_ typed: String, _ accepted: [String], _ rule: AnswerMatching = .foldDiacritics) -> String? {
    ShortAnswerMatcher.match(typed, accepted: accepted, rule: rule)
  }

  @Test func punctuationCaseSpacesAndUnicodeFormAreIgnored() {
    #expect(accepts("Thụ hưởng.", ["thụ hưởng"]) == "thụ hưởng")
    #expect(accepts("  THỤ   HƯỞNG!  ", ["thụ hưởng"]) == "thụ hưởng")
    #expect(accepts("\"thụ hưởng\"", ["thụ hưởng"]) == "thụ hưởng")
    #expect(accepts("thụ hưởng".decomposedStringWithCanonicalMapping, ["thụ hưởng"], .exact) == "thụ hưởng")
    #expect(accepts("thụ hưởng…", ["thụ hưởng"], .exact) == "thụ hưởng")
  }

  @Test func numbersAreComparedAsNumbersButNumberWordsAreNot() {
    for typed in ["5", "5.", "05", "5,0", " 5 ", "5.0"] {
      #expect(accepts(typed, ["5"]) == "5", "\(typed)")
    }
    #expect(accepts("6", ["5"]) == nil)
    #expect(accepts("năm", ["5"]) == nil)
    #expect(accepts("năm", ["5", "năm"]) == "năm")
    #expect(accepts("2,5", ["2.5"]) == "2.5")
  }

  @Test func anAnswerWithoutDiacriticsCountsOnlyWhenItFoldsToOneAcceptedAnswer() {
    #expect(accepts("thu huong", ["thụ hưởng"]) == "thụ hưởng")
    #expect(accepts("dan", ["dân", "dần"]) == nil)
    #expect(accepts("dân", ["dân", "dần"]) == "dân")
    // Marks typed wrongly are not "without diacritics".
    #expect(accepts("thù hường", ["thụ hưởng"]) == nil)
    #expect(accepts("thu huong", ["thụ hưởng"], .exact) == nil)
  }

  @Test func verbatimCountsCaseAndPunctuation() {
    #expect(accepts("01/TTHC", ["01/TTHC"], .verbatim) == "01/TTHC")
    #expect(accepts(" 01/TTHC ", ["01/TTHC"], .verbatim) == "01/TTHC")
    #expect(accepts("01/tthc", ["01/TTHC"], .verbatim) == nil)
    #expect(accepts("01/TTHC.", ["01/TTHC"], .verbatim) == nil)
  }

  func shortItem(_ accepted: [String], _ rule: AnswerMatching = .foldDiacritics) -> QuizItem {
    let here = SourceLocation(file: "x.yaml", line: 1, column: 1)
    let question = Question(
      id: "q-short", body: .shortAnswer(accepted: accepted, matching: rule),
      prompt: LocalizedText(vi: "Dân gì?", en: "What?"),
      explanation: LocalizedText(vi: "Vì.", en: "Because."),
      difficulty: .easy, area: Reference("a", at: here), papi: [Reference("D1", at: here)],
      positions: [Reference("all", at: here)], source: LegalSource(document: "luat-10-2022", article: "5"),
      location: here)
    return QuizItem(question: question, displayOrder: [])
  }

  @Test func feedbackShowsTheOwnAnswerAndTheRightSpelling() {
    let item = shortItem(["thụ hưởng"])
    let response = Response.text("thu huong")
    let feedback = AnswerFeedback(
      item: item, mark: Scorer.mark(response, for: item.question), response: response)
    #expect(feedback.verdict == .correct)
    #expect(feedback.givenAnswer(in: .vietnamese) == "thu huong")
    #expect(feedback.rightSpelling == "thụ hưởng")
    let plain = AnswerFeedback(item: item, mark: Mark(score: 1), response: .text("Thụ hưởng."))
    #expect(plain.rightSpelling == nil)
  }
}

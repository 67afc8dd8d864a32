import Assessment
import Curriculum
import Localization
import Testing

/// Attempt rules as data (`attempts`, `retake`) and resuming in words.
@Suite struct AttemptRulesTests {
  let here = SourceLocation(file: "course.yaml", line: 1, column: 1)

  func quiz(_ kind: QuizKind, attempts: Int? = nil, retake: Bool? = nil) -> Quiz {
    Quiz(
      id: "q", kind: kind, title: LocalizedText(vi: "Q", en: "Q"), feedback: .end, passPercent: 70,
      attemptsAllowed: attempts, retake: retake, location: here)
  }

  @Test func aPreTestIsTakenOnceUnlessItMayBeRetaken() {
    #expect(AttemptPermission.forNewAttempt(at: quiz(.preTest), finished: 0) == .allowed)
    #expect(AttemptPermission.forNewAttempt(at: quiz(.preTest), finished: 1) == .alreadyTaken)
    #expect(AttemptPermission.forNewAttempt(at: quiz(.preTest, retake: true), finished: 5) == .allowed)
  }

  @Test func attemptsAllowedLimitFinishedAttempts() {
    let twice = quiz(.postTest, attempts: 2)
    #expect(AttemptPermission.forNewAttempt(at: twice, finished: 1) == .allowed)
    #expect(AttemptPermission.forNewAttempt(at: twice, finished: 2) == .noAttemptsLeft(allowed: 2))
    #expect(AttemptPermission.forNewAttempt(at: quiz(.practice), finished: 40) == .allowed)
  }

  @Test func resumeChoicesAreReadInWordsWithOrWithoutDiacritics() {
    for text in ["tiếp tục", "Tiep tuc", "1", "c", "continue"] {
      #expect(ResumeChoice.parse(text) == .resume)
    }
    for text in ["bắt đầu lại", "bat dau lai", "làm lại", "2", "restart"] {
      #expect(ResumeChoice.parse(text) == .restart)
    }
    // "k" (không) is "not now": it never throws answers away.
    for text in ["để sau", "de sau", "3", "k", "không", "no", "later"] {
      #expect(ResumeChoice.parse(text) == .later)
    }
    #expect(ResumeChoice.parse("x") == nil)
  }
}

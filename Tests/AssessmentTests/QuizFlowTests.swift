import Assessment
import Curriculum
import Foundation
import Localization
import Testing

/// Whole attempts, resumed attempts and reviews, driven without a terminal: answers in, marks and
/// feedback out, each answer handed to the saving closure as it is given.
@Suite struct QuizFlowTests {
  let start = Date(timeIntervalSince1970: 1_800_000_000)
  let practice = course.quiz("mini-practice")!

  /// What a typist gives to `item`: the key, or a wrong answer when `right` is false.
  func typed(_ item: QuizItem, right: Bool) throws -> Response {
    let key = try AnswerParser.parse(AnswerParser.typedKey(for: item), for: item)
    guard !right else { return key }
    switch key {
    case .truth(let value): return .truth(!value)
    case .text: return .text("không biết")
    case .choice(let id): return .choice(id == "a" ? "b" : "a")
    case .choices: return .choices([])
    case .matching(let order): return .matching(order.reversed())
    case .ordering(let order): return .ordering(order.reversed())
    }
  }

  /// Answers every remaining question, the first one of `wrong` positions wrongly, one minute
  /// each; returns what was saved and the feedback given.
  func answerAll(
    _ attempt: inout QuizAttempt, wrong: Set<Int> = [], stopAfter limit: Int = .max
  ) throws -> (saved: [GivenAnswer], feedback: [AnswerFeedback]) {
    var saved: [GivenAnswer] = []
    var feedback: [AnswerFeedback] = []
    while let step = attempt.next, saved.count < limit {
      let shown = start.addingTimeInterval(Double(step.position) * 60)
      let response = try typed(step.item, right: !wrong.contains(step.position))
      feedback.append(
        try attempt.answer(response, shownAt: shown, answeredAt: shown.addingTimeInterval(20)) {
          saved.append($0)
        })
    }
    return (saved, feedback)
  }

  @Test func aWholeAttemptIsMarkedSavedAnswerByAnswerAndSummed() throws {
    var seeds: [UInt64] = [42]
    let drawn = try assembler.draw(practice, seed: { seeds.removeFirst() }, earlierAttempts: { [] })
    #expect(drawn == (try assembler.assemble(practice, seed: 42)))
    var attempt = QuizAttempt(drawn)
    #expect(attempt.givesImmediateFeedback == (practice.feedback == .immediate))
    let (saved, feedback) = try answerAll(&attempt, wrong: [0])
    #expect(attempt.isComplete && attempt.next == nil)
    #expect(saved.map(\.position) == Array(0..<6))
    #expect(saved.map(\.questionID) == drawn.questionIDs)
    #expect(saved.allSatisfy { $0.timeTaken == 20 })
    #expect(feedback[0].verdict != .correct && !feedback[0].mark.isCorrect)
    #expect(feedback.dropFirst().allSatisfy { $0.verdict == .correct })
    #expect(saved.map(\.mark) == feedback.map(\.mark))
    let result = attempt.result
    #expect(result.questionCount == 6)
    #expect(result.score == 5 + feedback[0].mark.score)
    #expect(attempt.missed.map(\.question.id) == [drawn.questionIDs[0]])
    #expect(!attempt.missed[0].rightAnswer(in: .vietnamese).isEmpty)
    #expect(throws: AttemptError.alreadyComplete) {
      try attempt.answer(.truth(true), shownAt: start, answeredAt: start) { _ in }
    }
  }

  @Test func anAnswerThatCannotBeSavedIsNotKeptAndTheQuestionStays() throws {
    struct DiskFull: Error {}
    var attempt = QuizAttempt(try assembler.assemble(practice, seed: 42))
    let first = try #require(attempt.next)
    #expect(throws: DiskFull.self) {
      try attempt.answer(try typed(first.item, right: true), shownAt: start, answeredAt: start) { _ in
        throw DiskFull()
      }
    }
    #expect(attempt.answeredCount == 0)
    #expect(attempt.next == first)
  }

  @Test func aResumedAttemptAsksOnlyWhatWasLeftAndEndsLikeAnUnbrokenOne() throws {
    let drawn = try assembler.assemble(practice, seed: 7)
    var unbroken = QuizAttempt(drawn)
    _ = try answerAll(&unbroken, wrong: [1, 4])

    var first = QuizAttempt(drawn)
    let (stored, _) = try answerAll(&first, wrong: [1, 4], stopAfter: 3)
    #expect(stored.count == 3)
    // What a store keeps is the seed, the question order and the answers.
    var resumed = try #require(
      QuizAttempt.resume(practice, with: assembler, seed: 7, questionIDs: drawn.questionIDs, answers: stored))
    #expect(resumed.answeredCount == 3)
    #expect(resumed.next?.position == 3)
    #expect(resumed.quiz.items == drawn.items)
    let (rest, _) = try answerAll(&resumed, wrong: [1, 4])
    #expect(rest.map(\.position) == [3, 4, 5])
    #expect(resumed.result == unbroken.result)
    // A course that lost one of the attempt's questions cannot show it as it was.
    #expect(
      QuizAttempt.resume(practice, with: assembler, seed: 7, questionIDs: ["gone"], answers: []) == nil)
  }

  @Test func aPostTestLeavesOutWhatThePreTestAskedOrDrawsAgainFromAll() throws {
    let location = SourceLocation(file: "", line: 1, column: 1)
    let post = Quiz(
      id: "post", kind: .postTest, title: LocalizedText(vi: "x"), feedback: .end, passPercent: 50,
      draw: [DrawRule(count: 2, papi: [Reference("D1", at: location)], location: location)],
      location: location)
    let preTest = PastAttempt(quizID: "mini-pre", questionIDs: ["mini-q-single", "mini-q-multi"])
    for seed in UInt64(0)..<10 {
      let drawn = try assembler.draw(post, seed: { seed }, earlierAttempts: { [preTest] })
      #expect(Set(drawn.questionIDs).isDisjoint(with: preTest.questionIDs))
    }
    // Too few left: drawn again, with the next seed, from every question.
    let everything = PastAttempt(
      quizID: "mini-pre", questionIDs: course.questions.map(\.id))
    var seeds: [UInt64] = [3, 4]
    let fallback = try assembler.draw(post, seed: { seeds.removeFirst() }, earlierAttempts: { [everything] })
    #expect(fallback == (try assembler.assemble(post, seed: 4)))
    // Other quizzes never read earlier attempts.
    struct NotRead: Error {}
    _ = try assembler.draw(practice, seed: { 1 }, earlierAttempts: { throw NotRead() })
  }

  @Test func aMissedQuestionIsReviewedThenScheduledForLater() throws {
    let missed = AnswerEvent(questionID: "mini-q-tf", isCorrect: false, answeredAt: start)
    let later = start.addingTimeInterval(3600)
    var schedule = ReviewSchedule(cards: [], answers: [missed])
    #expect(ReviewQuiz.dueCount(schedule, library: fixture, at: later) == 1)
    guard
      case .questions(let drawn, let reviewed) = ReviewQuiz.plan(
        schedule, library: fixture, at: later, seed: 1)
    else {
      Issue.record("no review")
      return
    }
    #expect(reviewed.id == "mini" && drawn.quiz.kind == .review && drawn.questionIDs == ["mini-q-tf"])
    #expect(drawn.quiz.title.text(in: .english) == "Review: " + course.title.text(in: .english))
    #expect(
      ReviewQuiz.plan(schedule, library: fixture, at: later, courseID: "other", seed: 1)
        == .nothingDueInCourse(next: nil))

    var attempt = QuizAttempt(drawn)
    #expect(attempt.givesImmediateFeedback)
    let (saved, feedback) = try answerAll(&attempt)
    #expect(feedback.map(\.verdict) == [.correct])
    let given = try #require(saved.first)
    let outcome = schedule.review(
      given.questionID, isCorrect: given.mark.isCorrect, seconds: given.timeTaken, at: given.answeredAt)
    schedule.apply(outcome)
    // Right at the first review (Good): due again in FSRS's first Good interval, 2 days.
    #expect(
      ReviewQuiz.plan(schedule, library: fixture, at: given.answeredAt, seed: 1)
        == .nothingDue(next: given.answeredAt.addingTimeInterval(2 * 86_400)))
  }

  @Test func theRightSetOfAMultiAnswerQuestionIsListedInTheOrderItsOptionsWereShown() throws {
    for seed in UInt64(1)...12 {
      let multi = try item("mini-q-multi", seed: seed)
      let told = AnswerFeedback(item: multi, mark: Mark(score: 0)).rightAnswer(in: .vietnamese)
      let letters = told.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).prefix(1) }
      #expect(letters.count == 2 && letters == letters.sorted(), "seed \(seed): \(told)")
      // The keys, "Một" and "Ba", each under the letter it was shown with.
      let shown = multi.displayOrder.map { ["Một", "Hai", "Ba"][$0] }
      for text in ["Một", "Ba"] {
        let letter = AnswerParser.label(try #require(shown.firstIndex(of: text)))
        #expect(told.contains("\(letter)) \(text)"), "seed \(seed): \(told)")
      }
    }
  }

  @Test func theRightAnswerIsToldInTheLettersShownAndTheSessionsLanguage() throws {
    let trueFalse = try item("mini-q-tf")
    let key = AnswerFeedback(item: trueFalse, mark: Mark(score: 0))
    #expect(key.verdict == .wrong)
    #expect(["đúng", "sai"].contains(key.rightAnswer(in: .vietnamese)))
    #expect(["true", "false"].contains(key.rightAnswer(in: .english)))
    let single = try item("mini-q-single", seed: 3)
    let letter = AnswerParser.typedKey(for: single)
    #expect(
      AnswerFeedback(item: single, mark: Mark(score: 0)).rightAnswer(in: .english).hasPrefix(letter + ") "))
    #expect(AnswerFeedback(item: single, mark: Mark(score: 0.5)).verdict == .partlyCorrect(percent: 50))
  }
}

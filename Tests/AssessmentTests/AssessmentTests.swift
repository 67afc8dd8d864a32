import Assessment
import Curriculum
import Foundation
import Localization
import PapiTrainTesting
import Testing

/// The small valid course shipped as a Curriculum fixture.
let fixture = try! TestCourses.fixture()
let course = fixture.course("mini")!
let assembler = QuizAssembler(course: course, taxonomy: fixture.taxonomy)

func item(_ id: QuestionID, seed: UInt64 = 7) throws -> QuizItem {
  let quiz = Quiz(
    id: "one", kind: .practice, title: LocalizedText(vi: "x"), feedback: .immediate, passPercent: 50,
    questions: [Reference(id.rawValue, at: SourceLocation(file: "", line: 1, column: 1))],
    location: SourceLocation(file: "", line: 1, column: 1))
  return try #require(try assembler.assemble(quiz, seed: seed).items.first)
}

@Suite struct AssemblyTests {
  @Test func theSameSeedGivesTheSameQuiz() throws {
    let quiz = try #require(course.quiz("mini-practice"))
    let first = try assembler.assemble(quiz, seed: 42)
    let again = try assembler.assemble(quiz, seed: 42)
    #expect(first == again)
    #expect(first.items.count == 6)
    #expect(Set(first.questionIDs).count == 6)
  }

  @Test func differentSeedsShuffleDifferently() throws {
    let quiz = try #require(course.quiz("mini-practice"))
    let orders = try Set((1...8).map { try assembler.assemble(quiz, seed: $0).questionIDs })
    #expect(orders.count > 1)
  }

  @Test func aResumedAttemptShowsExactlyWhatItShowedBefore() throws {
    let quiz = try #require(course.quiz("mini-practice"))
    let original = try assembler.assemble(quiz, seed: 99)
    let resumed = try assembler.reassemble(quiz, seed: 99, questionIDs: original.questionIDs)
    #expect(resumed.items == original.items)
  }

  @Test func orderingItemsAreNeverShownInTheirRightOrder() throws {
    for seed in UInt64(0)..<50 {
      let shown = try item("mini-q-order", seed: seed)
      #expect(shown.displayOrder != [0, 1, 2])
      #expect(shown.displayOrder.sorted() == [0, 1, 2])
    }
  }

  @Test func excludedQuestionsAreNotDrawn() throws {
    let quiz = try #require(course.quiz("mini-practice"))
    #expect(throws: AssemblyError.notEnoughQuestions(wanted: 4, available: 3)) {
      try assembler.assemble(quiz, seed: 1, excluding: ["mini-q-single"])
    }
  }
}

@Suite struct ScoringTests {
  func question(_ id: QuestionID) throws -> Question { try #require(course.question(id)) }

  @Test func singleChoiceIsAllOrNothing() throws {
    #expect(Scorer.mark(.choice("a"), for: try question("mini-q-single")) == Mark(score: 1))
    #expect(Scorer.mark(.choice("b"), for: try question("mini-q-single")).score == 0)
  }

  @Test func multipleChoiceGivesTheShareOfOptionsClassifiedWell() throws {
    let multi = try question("mini-q-multi")  // options a b c, key a c
    #expect(Scorer.mark(.choices(["a", "c"]), for: multi).isCorrect)
    let partial = Scorer.mark(.choices(["a"]), for: multi)
    #expect(abs(partial.score - 2.0 / 3.0) < 1e-9)
    #expect(!partial.isCorrect)
    #expect(Scorer.mark(.choices(["b"]), for: multi).score == 0)
  }

  @Test func matchingAndOrderingGivePartialCredit() throws {
    #expect(Scorer.mark(.matching([0, 1]), for: try question("mini-q-match")).isCorrect)
    #expect(Scorer.mark(.matching([1, 0]), for: try question("mini-q-match")).score == 0)
    let order = Scorer.mark(.ordering([0, 2, 1]), for: try question("mini-q-order"))
    #expect(abs(order.score - 1.0 / 3.0) < 1e-9)
  }

  @Test func shortAnswersFoldDiacriticsCaseAndSpaces() throws {
    let short = try question("mini-q-short")
    #expect(Scorer.mark(.text("  DAN   biet "), for: short).isCorrect)
    #expect(Scorer.mark(.text("dân biết"), for: short).isCorrect)
    #expect(!Scorer.mark(.text("dân bàn"), for: short).isCorrect)
  }

  @Test func theKeyEarnsFullMarksForEveryQuestion() {
    for question in course.questions {
      #expect(Scorer.mark(Scorer.key(for: question), for: question).isCorrect, "\(question.id)")
    }
  }

  @Test func aResponseOfTheWrongShapeScoresZero() throws {
    #expect(Scorer.mark(.truth(true), for: try question("mini-q-single")).score == 0)
  }
}

@Suite struct AnswerParserTests {
  @Test func lettersFollowTheDisplayOrder() throws {
    let shown = try item("mini-q-single")
    // Whatever letter shows option "a" is the right answer.
    let letter = AnswerParser.label(try #require(shown.displayOrder.firstIndex(of: 0)))
    #expect(try AnswerParser.parse(letter, for: shown) == .choice("a"))
    #expect(try AnswerParser.parse(letter.uppercased(), for: shown) == .choice("a"))
  }

  @Test func singleChoiceRejectsSeveralAndUnknownLetters() throws {
    let shown = try item("mini-q-single")
    #expect(throws: AnswerInputError.chooseOne) { try AnswerParser.parse("a b", for: shown) }
    #expect(throws: AnswerInputError.notAnOption("z", allowed: "a-b")) {
      try AnswerParser.parse("z", for: shown)
    }
    #expect(throws: AnswerInputError.empty) { try AnswerParser.parse("   ", for: shown) }
  }

  @Test func multipleChoiceAcceptsSeveralForms() throws {
    let shown = try item("mini-q-multi", seed: 3)
    let all: Response = .choices(["a", "b", "c"])
    #expect(try AnswerParser.parse("a b c", for: shown) == all)
    #expect(try AnswerParser.parse("a,b,c", for: shown) == all)
    #expect(try AnswerParser.parse("abc", for: shown) == all)
    #expect(try AnswerParser.parse("1 2 3", for: shown) == all)
    #expect(throws: AnswerInputError.repeated("a")) { try AnswerParser.parse("a a", for: shown) }
  }

  @Test func trueFalseInVietnameseAndEnglish() throws {
    let shown = try item("mini-q-tf")
    for yes in ["đ", "Đúng", "dung", "t", "true"] {
      #expect(try AnswerParser.parse(yes, for: shown) == .truth(true))
    }
    for no in ["s", "Sai", "f", "false"] { #expect(try AnswerParser.parse(no, for: shown) == .truth(false)) }
    #expect(throws: AnswerInputError.notTrueOrFalse("có lẽ")) { try AnswerParser.parse("có lẽ", for: shown) }
  }

  @Test func matchingAndOrderingMapBackToWrittenOrder() throws {
    let match = try item("mini-q-match", seed: 5)
    let rightLetters = (0..<2).map { left in AnswerParser.label(match.displayOrder.firstIndex(of: left)!) }
    #expect(try AnswerParser.parse(rightLetters.joined(separator: " "), for: match) == .matching([0, 1]))
    #expect(
      try AnswerParser.parse("1\(rightLetters[0]) 2\(rightLetters[1])", for: match) == .matching([0, 1]))
    #expect(throws: AnswerInputError.wrongCount(expected: 2)) { try AnswerParser.parse("a", for: match) }

    let order = try item("mini-q-order", seed: 5)
    let inOrder = (0..<3).map { AnswerParser.label(order.displayOrder.firstIndex(of: $0)!) }.joined()
    #expect(try AnswerParser.parse(inOrder, for: order) == .ordering([0, 1, 2]))
  }

  @Test func theTypedKeyParsesBackToFullMarksForEveryQuestionAndSeed() throws {
    for question in course.questions {
      for seed in UInt64(0)..<5 {
        let shown = try item(question.id, seed: seed)
        let response = try AnswerParser.parse(AnswerParser.typedKey(for: shown), for: shown)
        #expect(Scorer.mark(response, for: question).isCorrect, "\(question.id) seed \(seed)")
      }
    }
  }

  @Test func shortAnswerKeepsTheTextInNFC() throws {
    let shown = try item("mini-q-short")
    #expect(try AnswerParser.parse(" da\u{0302}n bie\u{0302}\u{0301}t ", for: shown) == .text("dân biết"))
  }
}

@Suite struct QuizResultTests {
  @Test func weakAreasAreTheDimensionsBelowThePassMark() throws {
    let answers = course.questions.map { question in
      // Right on D1 questions, wrong on the rest.
      let right = question.papiCodes.allSatisfy { $0.hasPrefix("D1") }
      return AnsweredQuestion(
        question: question, response: .text(""), mark: Mark(score: right ? 1 : 0))
    }
    let result = QuizResult(answers: answers, questionCount: 6, passPercent: 70)
    #expect(result.score == 4)
    #expect(abs(result.percent - 400.0 / 6.0) < 1e-9)
    #expect(!result.passed)
    #expect(result.missed.map(\.question.id) == ["mini-q-order", "mini-q-short"])
    let dimensions = result.dimensionShares(in: fixture.taxonomy)
    #expect(dimensions.map(\.code) == ["D1", "D2"])
    #expect(dimensions.map(\.percent) == [100, 0])
    #expect(result.weakAreas(in: fixture.taxonomy).map(\.code) == ["D2", "D2.1"])
  }

  @Test func unansweredQuestionsCountAsZero() {
    let result = QuizResult(answers: [], questionCount: 5, passPercent: 60)
    #expect(result.percent == 0)
    #expect(!result.passed)
    #expect(result.dimensionShares(in: fixture.taxonomy).isEmpty)
  }
}

@Suite struct ReviewScheduleTests {
  let start = Date(timeIntervalSince1970: 1_800_000_000)
  func day(_ n: Double) -> Date { start.addingTimeInterval(n * 86_400) }
  func missed(_ id: QuestionID, _ n: Double) -> AnswerEvent {
    AnswerEvent(questionID: id, isCorrect: false, answeredAt: day(n))
  }

  @Test func aMissedQuestionIsDueAtOnceThenWhenFSRSSays() throws {
    var schedule = ReviewSchedule(cards: [], answers: [missed("q", 0)])
    #expect(schedule.due(at: day(0)).map(\.questionID) == ["q"])
    let outcome = schedule.review("q", isCorrect: true, seconds: 10, at: day(0.1))
    #expect(outcome.grade == .good && outcome.elapsedDays == 0 && outcome.card.reps == 1)
    // FSRS-6's first Good: stability w[2] = 2.3065 days, an interval of 2 days.
    #expect(outcome.card.memory.interval == 2)
    schedule.apply(outcome)
    #expect(schedule.due(at: day(1)).isEmpty)
    #expect(schedule.nextDue(after: day(1)) == day(2.1))
    #expect(schedule.due(at: day(2.2)).map(\.questionID) == ["q"])
  }

  @Test func slowRightAnswersAreHardAndWrongOnesLapse() {
    var schedule = ReviewSchedule(cards: [], answers: [missed("q", 0)])
    let hard = schedule.review("q", isCorrect: true, seconds: FSRS.slowAnswerSeconds + 1, at: day(0))
    #expect(hard.grade == .hard)
    schedule.apply(hard)
    let again = schedule.review("q", isCorrect: false, seconds: 5, at: day(3))
    #expect(again.grade == .again && again.card.lapses == 1 && again.card.reps == 2 && again.elapsedDays == 3)
  }

  @Test func dueQuestionsComeLeastRetrievableFirst() {
    let fsrs = FSRS()
    func card(_ id: QuestionID, stability: Double, reviewed: Double) -> ReviewCardState {
      let memory = FSRSMemory(stability: stability, difficulty: 5, lastReview: day(reviewed), interval: 1)
      return ReviewCardState(questionID: id, memory: memory, reps: 1, lapses: 0)
    }
    // Both due at day 10; "weak" has the lower stability, so the lower recall.
    let cards = [card("strong", stability: 30, reviewed: 0), card("weak", stability: 2, reviewed: 5)]
    let schedule = ReviewSchedule(cards: cards, answers: [missed("new", 9)], fsrs: fsrs)
    #expect(schedule.due(at: day(10)).map(\.questionID) == ["new", "weak", "strong"])
  }

  @Test func aQuizMissAfterTheLastReviewMakesTheQuestionDueAgain() {
    let memory = FSRSMemory(stability: 20, difficulty: 5, lastReview: day(0), interval: 20)
    let card = ReviewCardState(questionID: "q", memory: memory, reps: 3, lapses: 0)
    #expect(ReviewSchedule(cards: [card], answers: [missed("q", -1)]).due(at: day(5)).isEmpty)
    #expect(
      ReviewSchedule(cards: [card], answers: [missed("q", 4)]).due(at: day(5)).map(\.questionID) == ["q"])
  }

  @Test func questionsNeverMissedAreNotInReview() {
    let history = [AnswerEvent(questionID: "q", isCorrect: true, answeredAt: day(0))]
    #expect(ReviewSchedule(cards: [], answers: history).entries.isEmpty)
    #expect(ReviewSchedule(cards: [], answers: history).nextDue(after: day(0)) == nil)
  }
}

@Suite struct ShippedQuizTests {
  @Test func everyShippedQuizAssemblesForEverySeedTried() throws {
    let library = try TestCourses.shipped()
    for course in library.courses {
      let assembler = QuizAssembler(course: course, taxonomy: library.taxonomy)
      for quiz in course.quizzes {
        for seed in UInt64(0)..<300 {
          let assembled = try assembler.assemble(quiz, seed: seed)
          #expect(assembled.items.count == quiz.length, "\(quiz.id) seed \(seed)")
          #expect(Set(assembled.items.map(\.question.id)).count == assembled.items.count)
        }
      }
    }
  }
}

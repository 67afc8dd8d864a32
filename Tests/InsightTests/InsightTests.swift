import Curriculum
import Foundation
import Insight
import Localization
import PapiTrainTesting
import Testing

let now = Date(timeIntervalSince1970: 1_800_000_000)
let taxonomy = try! TestCourses.fixture().taxonomy

func fact(
  _ official: String, _ score: Double, codes: [String] = ["D1.1"], daysAgo: Double = 0,
  question: String = "q",
  commune: String = "00001"
) -> AnswerFact {
  AnswerFact(
    officialID: official, position: "chairman", communeCode: commune, attemptID: "a-\(official)",
    quizID: "quiz",
    questionID: QuestionID(question), score: score, answeredAt: now.addingTimeInterval(-daysAgo * 86_400),
    papiCodes: codes,
    area: "area")
}

func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-6) -> Bool {
  guard let a else { return false }
  return abs(a - b) < tolerance
}

@Suite struct MasteryTests {
  @Test func wilsonIntervalMatchesHandComputedValues() {
    let (lower, upper) = MasteryRule.wilson(0.8, n: 10)
    #expect(close(lower, 0.490157) && close(upper, 0.943319))
    let (zeroLow, zeroHigh) = MasteryRule.wilson(0, n: 5)
    #expect(close(zeroLow, 0) && close(zeroHigh, 0.434491))
  }

  @Test func equalAgesGiveThePlainShareAndTheWilsonInterval() {
    let facts = (0..<10).map { fact("o1", $0 < 8 ? 1 : 0, question: "q\($0)") }
    let mastery = MasteryRule.official.mastery(of: facts, at: now)
    #expect(close(mastery.estimate, 0.8))
    #expect(close(mastery.effectiveAnswers, 10))
    #expect(close(mastery.lower, 0.490157) && close(mastery.upper, 0.943319))
    #expect(!mastery.isInsufficient)
    #expect(mastery.verdict(threshold: 0.7) == .adequate)
  }

  @Test func olderAnswersWeighLessWithAStatedHalfLife() {
    // One wrong answer 90 days ago (weight 1/2), one right answer today (weight 1).
    let facts = [fact("o1", 0, daysAgo: 90), fact("o1", 1)]
    let mastery = MasteryRule(minimumAnswers: 1).mastery(of: facts, at: now)
    #expect(close(mastery.estimate, 2.0 / 3.0))
    #expect(close(mastery.effectiveAnswers, 2.25 / 1.25))
  }

  @Test func noAnswersAndTooFewAnswersAreInsufficientNotAPercentage() {
    let none = MasteryRule.official.mastery(of: [], at: now)
    #expect(none.estimate == nil)
    #expect(none.verdict(threshold: 0.7) == .insufficientData)
    let three = MasteryRule.official.mastery(of: [fact("o1", 1), fact("o1", 1), fact("o1", 1)], at: now)
    #expect(three.isInsufficient)
    #expect(three.verdict(threshold: 0.7) == .insufficientData)
  }

  @Test func aGroupNeedsEnoughOfficials() {
    let oneOfficial = (0..<30).map { fact("o1", 1, question: "q\($0)") }
    #expect(MasteryRule.group.mastery(of: oneOfficial, at: now).isInsufficient)
    let threeOfficials = (0..<30).map { fact("o\($0 % 3)", 1, question: "q\($0)") }
    #expect(!MasteryRule.group.mastery(of: threeOfficials, at: now).isInsufficient)
  }

  @Test func allWrongIsWeakAndBorderlineIsOnlyPossiblyWeak() {
    let allWrong = (0..<10).map { fact("o1", 0, question: "q\($0)") }
    #expect(MasteryRule.official.mastery(of: allWrong, at: now).verdict(threshold: 0.7) == .weak)
    let borderline = (0..<10).map { fact("o1", $0 < 6 ? 1 : 0, question: "q\($0)") }
    #expect(MasteryRule.official.mastery(of: borderline, at: now).verdict(threshold: 0.7) == .possiblyWeak)
  }

  @Test func subdimensionAnswersCountForTheirDimensionOnce() {
    let facts = [fact("o1", 1, codes: ["D1", "D1.1"]), fact("o1", 0, codes: ["D1.2"])]
    let report = MasteryReport(
      facts: facts, taxonomy: taxonomy, rule: MasteryRule(minimumAnswers: 1), at: now)
    #expect(report.byCode["D1"]?.answers == 2)
    #expect(close(report.byCode["D1"]?.estimate, 0.5))
    #expect(report.byCode["D1.1"]?.answers == 1)
    #expect(report.byCode["D2"]?.answers == 0)
  }
}

@Suite struct ReadinessTests {
  @Test func readinessMapsMasteryOntoTheOneToTenScale() {
    #expect(Readiness.scaled(0, onto: 1...10) == 1)
    #expect(Readiness.scaled(1, onto: 1...10) == 10)
    #expect(close(Readiness.scaled(0.5, onto: 1...10), 5.5))
  }

  @Test func communeReadinessCarriesCoverageAndWithholdsAPartialTotal() {
    // Three officials answer D1 questions (75% right); nobody answers D2.
    let facts = (0..<24).map { fact("o\($0 % 3)", $0 % 4 == 0 ? 0 : 1, codes: ["D1.1"], question: "q\($0)") }
    let commune = CommuneReadiness(
      communeCode: "00001", facts: facts, rosterSize: 6, taxonomy: taxonomy, at: now)
    let d1 = commune.dimensions.first { $0.code == "D1" }!
    #expect(close(d1.score, 1 + 9 * 0.75))
    #expect(d1.assessedOfficials == 3 && d1.rosterOfficials == 6 && close(d1.coverage, 0.5))
    let d2 = commune.dimensions.first { $0.code == "D2" }!
    #expect(d2.score == nil)
    #expect(d2.coverage == 0)
    #expect(commune.total == nil)
  }
}

@Suite struct ItemAnalysisTests {
  // Five attempts at three questions; expected values computed independently with numpy.
  let analysis = ItemAnalysis(attempts: [
    ItemAttempt(marks: ["q1": 1, "q2": 1, "q3": 1]),
    ItemAttempt(marks: ["q1": 1, "q2": 0, "q3": 1]),
    ItemAttempt(marks: ["q1": 0, "q2": 1, "q3": 0]),
    ItemAttempt(marks: ["q1": 1, "q2": 0.5, "q3": 0]),
    ItemAttempt(marks: ["q1": 0, "q2": 0, "q3": 0]),
  ])

  @Test func itemFiguresMatchAnIndependentComputation() {
    let q1 = analysis.items[0]
    #expect(q1.questionID == "q1")
    #expect(close(q1.facility, 0.6))
    #expect(close(q1.standardDeviation, 0.547723))
    #expect(close(q1.discriminationIndex, 49.236596))
    #expect(close(q1.discriminativeEfficiency, 61.538462))
    let q2 = analysis.items[1]
    #expect(close(q2.facility, 0.5) && close(q2.standardDeviation, 0.5))
    #expect(close(q2.discriminationIndex, 0))
  }

  /// Marks given by position in a list of questions (in another order than the ids', a question
  /// given twice with its best mark counted, attempts without some questions) give the same
  /// analysis, bit for bit, as the same marks by id.
  @Test func marksByPositionGiveTheSameAnalysis() {
    let questions: [QuestionID] = ["q3", "q9", "q1", "q2"]
    let given: [[(Int32, Double)]] = [
      [(2, 1), (3, 1), (0, 1)], [(2, 1), (3, 0), (0, 1), (3, 0.5)], [(2, 0), (3, 1), (0, 0)],
      [(2, 1), (3, 0.5), (0, 0), (1, 1)], [(2, 0), (3, 0), (0, 0)], [(3, 1), (1, 0)],
    ]
    let byPosition = given.map { marks in
      ItemAttempt.ByPosition(positions: marks.map(\.0), marks: marks.map(\.1))
    }
    let byID = given.map { marks in
      ItemAttempt(marks: Dictionary(marks.map { (questions[Int($0.0)], $0.1) }, uniquingKeysWith: max))
    }
    #expect(ItemAnalysis(questions: questions, attempts: byPosition) == ItemAnalysis(attempts: byID))
    // Attempts at the same questions: alpha too.
    let same = [0, 1, 2, 4]
    let analysis = ItemAnalysis(questions: questions, attempts: same.map { byPosition[$0] })
    #expect(analysis == ItemAnalysis(attempts: same.map { byID[$0] }))
    #expect(analysis.alpha != nil)
  }

  @Test func testFiguresMatchAnIndependentComputation() {
    #expect(close(analysis.alpha, 48))
    #expect(close(analysis.errorRatio, 72.111026))
    #expect(close(analysis.standardError, 0.806226))
  }

  @Test func flagsEasyHardAndNegativelyDiscriminatingQuestions() {
    // q-key is answered right only by those who fail everything else: a likely wrong key.
    let attempts = (0..<20).map { index in
      let strong = index % 2 == 0
      return ItemAttempt(marks: [
        "easy": 1, "hard": index == 0 ? 1 : 0, "a": strong ? 1 : 0, "b": strong ? 1 : 0,
        "key": strong ? 0 : 1,
      ])
    }
    let items = Dictionary(
      uniqueKeysWithValues: ItemAnalysis(attempts: attempts).items.map { ($0.questionID, $0) })
    #expect(items["easy"]?.flags == [.tooEasy])
    #expect(items["hard"]?.flags == [.tooHard])
    #expect(items["key"]?.flags == [.negativeDiscrimination])
    #expect(items["a"]?.flags == [])
    #expect(items["easy"]?.discriminationIndex == nil)
    // Under 20 attempts there is no verdict: one or two officials would decide it.
    let few = Dictionary(
      uniqueKeysWithValues: ItemAnalysis(attempts: Array(attempts.prefix(19))).items.map {
        ($0.questionID, $0)
      })
    #expect(few["key"]?.flags == [] && few["hard"]?.flags == [] && few["easy"]?.flags == [])
    #expect(few["key"]?.hasEnoughAttempts == false && items["key"]?.hasEnoughAttempts == true)
  }

  /// Questions drawn from a pool: each item is figured over the attempts that had it (its marks
  /// against the rest of those attempts' totals); the test as a whole has no alpha.
  @Test func attemptsWithDifferentQuestionsGiveItemFiguresButNoAlpha() {
    let pooled = ItemAnalysis(attempts: [
      ItemAttempt(marks: ["q1": 1, "q2": 1]),
      ItemAttempt(marks: ["q1": 0, "q3": 1]),
      ItemAttempt(marks: ["q2": 0, "q3": 0]),
      ItemAttempt(marks: ["q1": 1, "q3": 0.5]),
    ])
    #expect(pooled.items.map(\.questionID) == ["q1", "q2", "q3"])
    #expect(pooled.items.map(\.attempts) == [3, 2, 3])
    #expect(pooled.items.map(\.facility) == [2.0 / 3, 0.5, 0.5])
    // q1 against the rest: marks (1, 0, 1), rest (1, 1, 0.5): covariance -1/12, so negative.
    #expect(close(pooled.items[0].discriminationIndex, -50))
    #expect(pooled.alpha == nil && pooled.errorRatio == nil)
  }

  /// Partial marks add up to slightly different doubles in different orders; a dictionary's
  /// order depends on its capacity and on the process's hash seed. The total does not.
  @Test func anAttemptsTotalDoesNotDependOnTheOrderItsMarksAreKept() {
    let marks = (0..<14).map { (QuestionID("q\($0)"), [0.1, 0.2, 0.3, 1.0 / 3, 0.7, 0.5, 2.0 / 3][$0 % 7]) }
    var totals = Set<Double>()
    for capacity in [0, 16, 32, 64, 128, 256, 1024] {
      for rotation in 0..<marks.count {
        var dictionary = [QuestionID: Double](minimumCapacity: capacity)
        for (id, mark) in marks[rotation...] + marks[..<rotation] { dictionary[id] = mark }
        totals.insert(ItemAttempt(marks: dictionary).total)
      }
    }
    #expect(totals.count == 1)
  }

  @Test func noAttemptsAndOneAttemptGiveNoTestFigures() {
    #expect(ItemAnalysis(attempts: []).alpha == nil)
    let one = ItemAnalysis(attempts: [ItemAttempt(marks: ["q1": 1, "q2": 0])])
    #expect(one.alpha == nil)
    #expect(one.items.map(\.facility) == [1, 0])
  }
}

@Suite struct GainAndPriorityTests {
  @Test func gainIsAbsoluteAndNormalised() {
    let gain = LearningGain(pre: 0.4, post: 0.7)
    #expect(close(gain.absolute, 0.3))
    #expect(close(gain.normalized, 0.5))
    #expect(LearningGain(pre: 1, post: 1).normalized == nil)
    #expect(LearningGain(pre: 0.6, post: 0.5).absolute < 0)
    let mean = LearningGain.mean([LearningGain(pre: 0.2, post: 0.6), LearningGain(pre: 0.4, post: 0.8)])
    #expect(close(mean?.pre, 0.3) && close(mean?.post, 0.7))
    #expect(LearningGain.mean([]) == nil)
  }

  @Test func prioritiesRankWhereLowScoresMeetLowReadiness() {
    let ranked = rankPriorities(
      provinceScores: ["D1": 4, "D2": 4, "D3": 7], readiness: ["D1": 8.5, "D2": 3, "D3": 3], scale: 1...10)
    #expect(ranked.map(\.code) == ["D2", "D3", "D1"])
    #expect(close(ranked[0].urgency, (6.0 / 9) * (7.0 / 9)))
    let unknown = rankPriorities(provinceScores: ["D1": 4], readiness: [:], scale: 1...10)
    #expect(close(unknown[0].urgency, 6.0 / 9))
  }
}

@Suite struct MasteryTallyTests {
  @Test func tallyingPerOfficialThenAddingGivesTheSameMasteryAsTheAnswers() {
    let facts = (0..<30).map {
      fact("o\($0 % 4)", $0 % 3 == 0 ? 0 : 1, daysAgo: Double($0 * 7), question: "q\($0)")
    }
    let direct = MasteryRule.group.mastery(of: facts, at: now)
    let perOfficial = CodeTallies.perOfficial(facts, taxonomy: taxonomy, rule: .group, at: now)
    let summed = perOfficial.values.reduce(CodeTallies(), +)
    let viaTally = MasteryRule.group.mastery(of: summed.byCode["D1.1"]!)
    #expect(summed.byCode["D1.1"]?.officials == 4)
    #expect(summed.byCode["D1"]?.answers == 30)
    #expect(close(viaTally.estimate, direct.estimate!, 1e-12))
    #expect(close(viaTally.effectiveAnswers, direct.effectiveAnswers, 1e-9))
    #expect(viaTally.lower == direct.lower || abs(viaTally.lower - direct.lower) < 1e-12)
    #expect(viaTally.officials == direct.officials)
  }

  @Test func anEmptyTallyIsInsufficientWithNoEstimate() {
    let mastery = MasteryRule.official.mastery(of: MasteryTally.empty)
    #expect(mastery.estimate == nil && mastery.isInsufficient && mastery.lower == 0 && mastery.upper == 1)
  }

  @Test func readinessFromTalliesMatchesReadinessFromAnswers() {
    let facts = (0..<24).map { fact("o\($0 % 3)", $0 % 4 == 0 ? 0 : 1, codes: ["D1.1"], question: "q\($0)") }
    let fromFacts = CommuneReadiness(
      communeCode: "00001", facts: facts, rosterSize: 6, taxonomy: taxonomy, at: now)
    let tallies = CodeTallies.perOfficial(facts, taxonomy: taxonomy, rule: .group, at: now)
    let fromTallies = CommuneReadiness(
      communeCode: "00001", officials: Array(tallies.values), rosterSize: 6, taxonomy: taxonomy)
    #expect(fromFacts == fromTallies)
  }

  @Test func unknownCodesCountForNothingAndSubdimensionsCountForTheirDimension() {
    #expect(taxonomy.countedCodes(for: ["D1.1", "D1", "X9"]) == ["D1.1", "D1"])
    #expect(taxonomy.allCodes.first == "D1")
  }
}

@Suite struct OptionCountsTests {
  /// Six answers to a multiple-choice question (key a, c): a c ×3, a ×1, b c ×1, b ×1.
  /// By hand: a 4, b 2, c 4, d 0; the distractor chosen most is b.
  @Test func countsEachOptionTickedAgainstAHandCount() throws {
    var question = try #require(try TestCourses.fixture().courses.first?.questions.first)
    question.body = .multipleChoice(
      options: ["a", "b", "c", "d"].map { Choice(id: $0, text: LocalizedText(vi: $0.uppercased())) },
      answers: ["a", "c"])
    let given: [[String]] = [["a", "c"], ["a", "c"], ["a", "c"], ["a"], ["b", "c"], ["b"]]
    let counts = OptionCounts(
      question: question, answers: given.map { OptionCounts.Answer(keys: $0, isCorrect: $0 == ["a", "c"]) })
    #expect(counts.answers == 6)
    #expect(counts.rows.map(\.count) == [4, 2, 4, 0])
    #expect(counts.rows.map(\.isRight) == [true, false, true, false])
    #expect(counts.strongestDistractor?.key == "b")
    #expect(abs(counts.rows[0].share - 4.0 / 6) < 1e-12)
  }
}

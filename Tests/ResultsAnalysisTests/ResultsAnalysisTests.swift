import Curriculum
import Foundation
import Gradebook
import Insight
import PapiTrainTesting
import ResultsAnalysis
import Testing
import Units

/// The shipped courses: the scan is checked on the real question bank and taxonomy.
let shipped = QuestionIndex(library: try! TestCourses.shipped())
let reference = Date(timeIntervalSince1970: 1_790_000_000)

/// A results folder in a fresh temporary folder.
final class ResultsFolder {
  let folder = try! TemporaryFolder("analysis")
  var url: URL { folder.appending("Results") }
  var directory: ResultsDirectory { ResultsDirectory(url: url) }
}

/// A small deterministic generator for test data.
struct Dice {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Officials answering real quizzes of the shipped courses: `answers` answers each, spread over
/// a year, right with probability `ability`, with partial marks now and then.
@discardableResult
func populate(
  _ store: CommuneStore, officials: Int, answers: Int, ability: Double, dice: inout Dice,
  classID: ClassID? = nil,
  quiz: (course: String, id: String) = ("one-stop-shop", "oss-practice-m1"), daysBack: Double = 365
) throws -> [Official] {
  let questions = shipped.library.course(quiz.course)!.questions.map(\.id)
  var added: [Official] = []
  for number in 0..<officials {
    let official = try store.addOfficial(
      name: "Cán bộ \(number) \(dice.next() % 1000)", position: "chairman", createdAt: reference)
    added.append(official)
    var unique: [QuestionID] = []
    for _ in 0..<answers {
      let question = questions[dice.below(questions.count)]
      if !unique.contains(question) { unique.append(question) }
    }
    let start = reference.addingTimeInterval(-dice.unit() * daysBack * 86_400)
    let attempt = try store.startAttempt(
      Attempt(
        officialID: official.id, quizID: quiz.id, courseID: quiz.course, courseVersion: "1", classID: classID,
        seed: 1, questionIDs: unique, startedAt: start))
    for (position, question) in unique.enumerated() {
      let roll = dice.unit()
      let score = roll < ability ? 1 : (roll < ability + 0.1 ? 0.5 : 0)
      try store.record(
        Answer(
          attemptID: attempt.id, questionID: question, position: position, response: "{}", score: score,
          isCorrect: score == 1, timeTaken: 3,
          answeredAt: start.addingTimeInterval(Double(position) * 30 + dice.unit() * 86_400 * 20)))
    }
    _ = try store.finishAttempt(attempt.id, score: 0, maxScore: Double(unique.count), at: start)
  }
  return added
}

func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-9) -> Bool {
  switch (a, b) {
  case (nil, nil): true
  case (let a?, let b?): abs(a - b) < tolerance
  default: false
  }
}

@Suite struct ReadinessSurveyTests {
  @Test func theScanInSQLiteGivesTheSameReadinessAsTheAnswersOneByOne() throws {
    let folder = ResultsFolder()
    var dice = Dice(state: 7)
    let codes = try ["03637", "03640", "03643"].map(CommuneCode.init)
    for (number, code) in codes.enumerated() {
      let store = try folder.directory.store(for: code)
      try populate(
        store, officials: 2 + number * 2, answers: 25, ability: 0.4 + 0.2 * Double(number), dice: &dice)
    }
    let survey = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil, reference: reference, workers: 2)
    #expect(survey.failures.isEmpty)
    #expect(survey.communes.map(\.code) == codes.map(\.rawValue))
    for row in survey.communes {
      let store = try folder.directory.store(for: CommuneCode(row.code))
      let facts = shipped.facts(from: try store.answerRows(), communeCode: row.code).facts
      let expected = CommuneReadiness(
        communeCode: row.code, facts: facts, rosterSize: try store.officials().count,
        taxonomy: shipped.library.taxonomy, at: reference)
      for (got, want) in zip(row.readiness.dimensions, expected.dimensions) {
        #expect(got.code == want.code)
        #expect(close(got.score, want.score), "\(row.code) \(got.code)")
        #expect(close(got.mastery.estimate, want.mastery.estimate))
        #expect(close(got.mastery.lower, want.mastery.lower) && close(got.mastery.upper, want.mastery.upper))
        #expect(close(got.mastery.effectiveAnswers, want.mastery.effectiveAnswers, 1e-6))
        #expect(
          got.mastery.answers == want.mastery.answers && got.mastery.officials == want.mastery.officials)
        #expect(
          got.assessedOfficials == want.assessedOfficials && got.rosterOfficials == want.rosterOfficials)
      }
    }
    // The first commune has two officials: every dimension is insufficient data, never a score.
    #expect(survey.communes[0].readiness.dimensions.allSatisfy { $0.score == nil })
    #expect(survey.communes[0].readiness.total == nil)
  }

  @Test func officialsAreCountedPastSixtyTwoPerCommune() throws {
    // Officials are counted with one bit each, 62 to a bucket: 70 need two buckets.
    let folder = ResultsFolder()
    var dice = Dice(state: 12)
    let store = try folder.directory.store(for: CommuneCode("03637"))
    try populate(store, officials: 70, answers: 1, ability: 1, dice: &dice)
    let survey = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil, reference: reference)
    let facts = shipped.facts(from: try store.answerRows(), communeCode: "03637").facts
    let expected = CommuneReadiness(
      communeCode: "03637", facts: facts, rosterSize: 70, taxonomy: shipped.library.taxonomy, at: reference)
    #expect(
      survey.communes[0].readiness.dimensions.map(\.assessedOfficials)
        == expected.dimensions.map(\.assessedOfficials))
    #expect(survey.communes[0].readiness.dimensions.map(\.assessedOfficials).reduce(0, +) >= 70)
  }

  @Test func theCacheGivesTheSameFiguresAndIsRefreshedWhenAFileChanges() throws {
    let folder = ResultsFolder()
    var dice = Dice(state: 13)
    let store = try folder.directory.store(for: CommuneCode("03637"))
    try populate(store, officials: 4, answers: 20, ability: 0.5, dice: &dice)
    let cache = ScanCache(url: folder.url.appendingPathComponent("cache/scan.sqlite"))
    let uncached = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil, reference: reference)
    let first = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil, reference: reference, cache: cache)
    #expect(FileManager.default.fileExists(atPath: cache.url.path))
    let second = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil, reference: reference, cache: cache)
    #expect(first.communes.map(\.readiness) == uncached.communes.map(\.readiness))
    #expect(second.communes.map(\.readiness) == uncached.communes.map(\.readiness))
    // Seen from another day, the cached sums give that day's weights.
    let later = reference.addingTimeInterval(86_400 * 45)
    let laterCached = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil, reference: later, cache: cache)
    let laterUncached = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil, reference: later)
    for (a, b) in zip(
      laterCached.communes[0].readiness.dimensions, laterUncached.communes[0].readiness.dimensions)
    {
      #expect(close(a.mastery.estimate, b.mastery.estimate) && close(a.mastery.lower, b.mastery.lower))
    }
    // A new answer changes the file, so the next report reads it again.
    try populate(store, officials: 1, answers: 20, ability: 0, dice: &dice)
    let third = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil, reference: reference, cache: cache)
    let fresh = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil, reference: reference)
    #expect(third.communes.map(\.readiness) == fresh.communes.map(\.readiness))
    #expect(third.communes.map(\.readiness) != first.communes.map(\.readiness))
  }

  @Test func aFileThatIsNotResultsIsReportedByNameAndTheOthersAreStillRead() throws {
    let folder = ResultsFolder()
    var dice = Dice(state: 8)
    try populate(
      try folder.directory.store(for: CommuneCode("03637")), officials: 3, answers: 10, ability: 0.5,
      dice: &dice
    )
    try Data("not a database at all, just text".utf8).write(
      to: folder.url.appendingPathComponent("03640.sqlite"))
    let survey = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil, reference: reference)
    #expect(survey.communes.map(\.code) == ["03637"])
    #expect(survey.failures.map(\.communeCode) == ["03640"])
    #expect("\(survey.failures[0].error)".contains("03640.sqlite"))
  }

  @Test func anEmptyFolderHasNoCommunesAndNoAverages() throws {
    let folder = ResultsFolder()
    let survey = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil, reference: reference)
    #expect(survey.communes.isEmpty && survey.failures.isEmpty)
    #expect(survey.averages.values.allSatisfy { $0 == nil })
  }

  @Test func aSelectionNarrowsTheAnswersToAClassAndAPeriod() throws {
    let folder = ResultsFolder()
    var dice = Dice(state: 9)
    let store = try folder.directory.store(for: CommuneCode("03637"))
    let trainingClass = try folder.directory.saveClass(
      TrainingClass(
        trainer: "Trainer", date: "2026-09-01", place: "Lai Châu", communeCodes: [CommuneCode("03637")]))
    try populate(store, officials: 3, answers: 10, ability: 1, dice: &dice, classID: trainingClass.id)
    try populate(store, officials: 3, answers: 10, ability: 0, dice: &dice)
    let inClass = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil,
      selection: AnswerSelection(classID: trainingClass.id),
      reference: reference)
    #expect(inClass.pooled.byCode.values.compactMap(\.estimate).allSatisfy { $0 == 1 })
    let everyone = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil, reference: reference)
    #expect(everyone.pooled.byCode.values.compactMap(\.estimate).contains { $0 < 1 })
    let nothing = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil,
      selection: AnswerSelection(from: reference.addingTimeInterval(86_400 * 30)), reference: reference)
    #expect(nothing.pooled.byCode.values.allSatisfy { $0.answers == 0 })
  }

  @Test func trendsPoolTheAnswersOfEachMonth() throws {
    let folder = ResultsFolder()
    var dice = Dice(state: 10)
    try populate(
      try folder.directory.store(for: CommuneCode("03637")), officials: 4, answers: 20, ability: 0.6,
      dice: &dice
    )
    let months = try ReadinessSurvey.trend(
      directory: folder.directory, index: shipped, grouping: .month, reference: reference)
    let rows = try folder.directory.store(for: CommuneCode("03637")).answerRows()
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withYear, .withMonth, .withDashSeparatorInDate]
    formatter.timeZone = TimeZone(identifier: "UTC")
    let expectedMonths = Set(rows.map { formatter.string(from: $0.answeredAt) })
    #expect(Set(months.map(\.group)) == expectedMonths)
    let total = months.map {
      $0.mastery.byCode.filter { $0.key.count == 2 }.values.map(\.answers).reduce(0, +)
    }
    .reduce(0, +)
    let taxonomy = shipped.library.taxonomy
    let direct = rows.map { row in
      let codes = shipped.question(row.questionID)!.papiCodes
      return taxonomy.dimensions.filter { dimension in
        codes.contains { taxonomy.code($0, fallsUnder: dimension.code) }
      }
      .count
    }.reduce(0, +)
    #expect(total == direct)
  }
}

@Suite struct BoundaryTests {
  @Test func aCommuneWithARosterButNoAnswersIsInsufficientEverywhereWithZeroCoverage() throws {
    let folder = ResultsFolder()
    let store = try folder.directory.store(for: CommuneCode("03637"))
    _ = try store.addOfficial(name: "Chưa Làm Bài", position: "chairman", createdAt: reference)
    let survey = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil, reference: reference)
    let row = try #require(survey.communes.first)
    #expect(
      row.readiness.dimensions.allSatisfy { $0.score == nil && $0.coverage == 0 && $0.rosterOfficials == 1 })
    #expect(row.readiness.dimensions.allSatisfy { $0.mastery.verdict(threshold: 0.7) == .insufficientData })
    #expect(row.weakAreas.isEmpty)
  }

  @Test func oneOfficialIsNeverEnoughForACommuneHoweverManyAnswers() throws {
    let folder = ResultsFolder()
    var dice = Dice(state: 14)
    try populate(
      try folder.directory.store(for: CommuneCode("03637")), officials: 1, answers: 80, ability: 1,
      dice: &dice)
    let survey = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil, reference: reference)
    #expect(survey.communes[0].readiness.dimensions.allSatisfy { $0.score == nil })
    let insight = GroupInsight(
      answers: try GroupInsight.rows(of: .commune(CommuneCode("03637")), in: folder.directory),
      index: shipped,
      rule: .official, reference: reference)
    // The same answers judged as one official's are enough where a dimension has 5 of them.
    #expect(insight.mastery.byCode.values.contains { !$0.isInsufficient })
  }

  @Test func allRightScoresTenAndAllWrongScoresOneAndIsWeak() throws {
    let folder = ResultsFolder()
    var dice = Dice(state: 15)
    try populate(
      try folder.directory.store(for: CommuneCode("03637")), officials: 4, answers: 60, ability: 1,
      dice: &dice)
    try populate(
      try folder.directory.store(for: CommuneCode("03640")), officials: 4, answers: 60, ability: -1,
      dice: &dice)
    let survey = try ReadinessSurvey.run(
      directory: folder.directory, index: shipped, units: nil, reference: reference)
    let right = survey.communes[0].readiness.dimensions.filter { $0.score != nil }
    let wrong = survey.communes[1].readiness.dimensions.filter { $0.score != nil }
    #expect(!right.isEmpty && !wrong.isEmpty)
    #expect(right.allSatisfy { close($0.score, 10) && close($0.mastery.upper, 1) })
    #expect(wrong.allSatisfy { close($0.score, 1) && close($0.mastery.lower, 0) })
    #expect(wrong.allSatisfy { $0.mastery.verdict(threshold: 0.7) == .weak })
    #expect(survey.communes[1].weakCodes.count >= wrong.count)
    #expect(survey.communes[0].weakAreas.isEmpty)
  }
}

@Suite struct GroupInsightTests {
  @Test func gainComparesEachOfficialsPreTestWithTheirPostTest() throws {
    let folder = ResultsFolder()
    var dice = Dice(state: 11)
    let store = try folder.directory.store(for: CommuneCode("03637"))
    let course = shipped.library.course("one-stop-shop")!
    let pre = course.quizzes.first { $0.kind == .preTest }!.id
    let post = course.quizzes.first { $0.kind == .postTest }!.id
    let officials = try populate(
      store, officials: 2, answers: 10, ability: 0, dice: &dice, quiz: ("one-stop-shop", pre))
    _ = officials
    // The same two officials take the post-test all right: gain 0 → 1, normalised 1.
    for official in try store.officials() {
      let attempt = try store.startAttempt(
        Attempt(
          officialID: official.id, quizID: post, courseID: "one-stop-shop", courseVersion: "1", seed: 2,
          questionIDs: ["oss-q-001", "oss-q-002"], startedAt: reference))
      for (position, question) in attempt.questionIDs.enumerated() {
        try store.record(
          Answer(
            attemptID: attempt.id, questionID: question, position: position, response: "{}", score: 1,
            isCorrect: true, timeTaken: 1, answeredAt: reference))
      }
    }
    let insight = GroupInsight(
      answers: try GroupInsight.rows(of: .commune(CommuneCode("03637")), in: folder.directory),
      index: shipped,
      rule: .group, reference: reference)
    #expect(insight.gains.count == 2)
    #expect(insight.gains.allSatisfy { $0.gain.pre == 0 && $0.gain.post == 1 && $0.gain.normalized == 1 })
    #expect(insight.meanGain == LearningGain(pre: 0, post: 1))
    #expect(insight.officials == 2)
  }

  @Test func itemStatisticsUseFinishedAttemptsOnly() throws {
    let folder = ResultsFolder()
    let store = try folder.directory.store(for: CommuneCode("03637"))
    // Three finished attempts at two questions, and one unfinished attempt that must not count.
    let marks: [[Double]] = [[1, 1], [1, 0], [0, 0]]
    for (number, pair) in (marks + [[0, 1]]).enumerated() {
      let official = try store.addOfficial(
        name: "Người \(number)", position: "chairman", createdAt: reference)
      let attempt = try store.startAttempt(
        Attempt(
          officialID: official.id, quizID: "oss-practice-m1", courseID: "one-stop-shop", courseVersion: "1",
          seed: 1,
          questionIDs: ["oss-q-001", "oss-q-002"], startedAt: reference))
      for (position, score) in pair.enumerated() {
        try store.record(
          Answer(
            attemptID: attempt.id, questionID: attempt.questionIDs[position], position: position,
            response: "{}",
            score: score, isCorrect: score == 1, timeTaken: 1, answeredAt: reference))
      }
      if number < 3 {
        _ = try store.finishAttempt(attempt.id, score: pair.reduce(0, +), maxScore: 2, at: reference)
      }
    }
    let insight = GroupInsight(
      answers: try GroupInsight.rows(of: .commune(CommuneCode("03637")), in: folder.directory),
      index: shipped,
      rule: .group, reference: reference)
    let items = try #require(insight.items["oss-practice-m1"])
    #expect(items.attempts == 3)
    let first = try #require(items.items.first { $0.questionID == "oss-q-001" })
    #expect(close(first.facility, 2.0 / 3.0))
    let second = try #require(items.items.first { $0.questionID == "oss-q-002" })
    #expect(close(second.facility, 1.0 / 3.0))
  }
}

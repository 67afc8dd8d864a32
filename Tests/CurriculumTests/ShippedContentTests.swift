import Curriculum
import Testing

/// The shipped Courses/ must stay teachable: these checks fail if content falls below what a
/// one-day class needs, or if a question loses its source, explanation or PAPI code.
@Suite struct ShippedContentTests {
  let loaded = CurriculumLoader().load(path: Fixtures.shippedCourses)
  var library: CourseLibrary { loaded.library! }
  var questions: [Question] { library.courses.flatMap(\.questions) }

  @Test func lintIsCleanWithoutErrorsOrWarnings() {
    #expect(loaded.library != nil)
    #expect(loaded.diagnostics.map { $0.formatted(in: .english) } == [])
  }

  @Test func threeCoursesWithEnoughLessonsAndQuestions() throws {
    try #require(loaded.library != nil)
    #expect(
      Set(library.courses.map(\.id)).isSuperset(of: [
        "one-stop-shop", "grassroots-democracy", "papi-dimensions",
      ]))
    #expect(library.courses.flatMap(\.lessons).count >= 24)
    #expect(questions.count >= 240)
  }

  @Test func everyDimensionHasAtLeastTwentyQuestionsAndEverySubdimensionIsServed() throws {
    try #require(loaded.library != nil)
    let coverage = CoverageReport(library: library)
    for row in coverage.rows where !row.isSubdimension {
      #expect(row.questions >= 20, "\(row.code) has \(row.questions) questions")
      #expect(row.lessons >= 1, "\(row.code) has no lesson")
    }
    for row in coverage.rows where row.isSubdimension && row.isCurrent {
      #expect(row.questions >= 1, "\(row.code) has no question")
    }
  }

  @Test func everyQuestionHasASourceAnExplanationAndAPAPICode() throws {
    try #require(loaded.library != nil)
    for question in questions {
      #expect(!question.papi.isEmpty, "\(question.id)")
      #expect(!question.explanation.vi.isEmpty, "\(question.id)")
      #expect(question.explanation.vi.count >= 40, "\(question.id): the explanation should teach")
      #expect(!question.source.document.isEmpty, "\(question.id)")
      #expect(question.source.article != nil || question.source.indicator != nil, "\(question.id)")
      #expect(!question.positions.isEmpty, "\(question.id)")
    }
  }

  @Test func everyQuestionTypeIsUsedAndAboutAThirdAreScenarios() throws {
    try #require(loaded.library != nil)
    #expect(Set(questions.map(\.body.type)) == Set(QuestionType.allCases))
    let scenarioShare = Double(questions.filter(\.scenario).count) / Double(questions.count)
    #expect(scenarioShare >= 0.28, "scenario share \(scenarioShare)")
  }

  @Test func eachCourseHasDisjointParallelPreAndPostTests() throws {
    try #require(loaded.library != nil)
    for course in library.courses {
      let pre = try #require(course.quizzes.first { $0.kind == .preTest }, "\(course.id) has no pre-test")
      let post = try #require(course.quizzes.first { $0.kind == .postTest }, "\(course.id) has no post-test")
      let preQuestions = pre.questions.compactMap { course.question($0.id) }
      let postQuestions = post.questions.compactMap { course.question($0.id) }
      #expect(Set(preQuestions.map(\.id)).isDisjoint(with: postQuestions.map(\.id)))
      #expect(abs(preQuestions.count - postQuestions.count) <= 2, "\(course.id): lengths differ")
      // Parallel coverage: the same dimensions, and a similar difficulty mix.
      let dimensions = { (list: [Question]) in
        Set(list.flatMap { $0.papiCodes.compactMap { library.taxonomy.entry(for: $0)?.dimension.code } })
      }
      #expect(dimensions(preQuestions) == dimensions(postQuestions), "\(course.id): dimensions differ")
      let weight: (Difficulty) -> Double = { [.easy: 1, .medium: 2, .hard: 3][$0]! }
      let meanDifficulty = { (list: [Question]) in
        list.map { weight($0.difficulty) }.reduce(0, +) / Double(list.count)
      }
      #expect(abs(meanDifficulty(preQuestions) - meanDifficulty(postQuestions)) <= 0.25, "\(course.id)")
    }
  }
}

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
      let preQuestions = pre.questions.compactMap { course.question($0.questionID) }
      let postQuestions = post.questions.compactMap { course.question($0.questionID) }
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

  // MARK: sources (issue 22)

  /// Every source a question or lesson cites, with the course it belongs to.
  private var citations: [(course: Course, owner: String, source: LegalSource)] {
    library.courses.flatMap { course in
      course.questions.flatMap { question in question.sources.map { (course, question.id.rawValue, $0) } }
        + course.lessons.flatMap { lesson in lesson.sources.map { (course, lesson.id, $0) } }
    }
  }

  @Test func everyCitationNamesADocumentOfTheRegistryReadInAPrimaryText() throws {
    let registry = try #require(library.registry, "Courses/legal-sources.yaml is missing")
    for (_, owner, source) in citations {
      let document = try #require(registry.document(source.document), "\(owner): unknown \(source.document)")
      #expect(!document.secondary, "\(owner) cites \(document.id), read only in secondary sources")
      #expect(document.readIn != nil, "\(owner) cites \(document.id), whose primary text was not read")
      if document.status == .report {
        #expect(source.indicator != nil, "\(owner): a report is cited by indicator")
      } else {
        let article = try #require(
          source.article.flatMap { Int($0) }, "\(owner): \(source) has no article number")
        if let count = document.articles { #expect(article <= count, "\(owner): \(source)") }
      }
    }
  }

  @Test func noCitationRestsOnADocumentReplacedBeforeTheCoursesLawDate() throws {
    let registry = try #require(library.registry)
    for (course, owner, source) in citations {
      let day = try #require(course.lawAsOf, "\(course.id) has no law_as_of")
      guard let document = registry.document(source.document) else { continue }
      #expect(
        source.history || !document.isReplaced(by: day),
        "\(owner) cites \(document.name), replaced before \(day), as the rule in force")
    }
  }

  @Test func noSourceHoldsAPlaceholder() {
    for (_, owner, source) in citations {
      for (field, text) in source.writtenFields {
        let lowered = text.lowercased()
        for placeholder in ["cần đối chiếu", "verify", "todo", "?"] {
          #expect(!lowered.contains(placeholder), "\(owner): \(field) holds '\(placeholder)'")
        }
      }
    }
  }

  @Test func theRegistrysReplacementChainIsConsistent() throws {
    let registry = try #require(library.registry)
    for document in registry.documents {
      #expect((document.status == .replaced) == (document.replacedBy != nil), "\(document.id)")
      guard document.status == .replaced else { continue }
      let current = try #require(registry.current(document.id), "\(document.id): the chain breaks or loops")
      #expect(current.status != .replaced, "\(document.id)")
      if let successor = document.replacedBy.flatMap({ registry.document($0.id) }) {
        #expect(
          document.replacedOn == successor.inForceFrom, "\(document.id) is replaced when its successor starts"
        )
      }
    }
    for reference in registry.documents.flatMap(\.amendedBy) {
      #expect(registry.document(reference.id) != nil, "amended by unknown \(reference.id)")
    }
    // What the primary texts say: Decree 118/2025 Article 40(1) ends Decrees 61/2018 and 107/2021.
    #expect(registry.current("nd-61-2018")?.id == "nd-118-2025")
    #expect(registry.current("nd-107-2021")?.id == "nd-118-2025")
    #expect(registry.document("luat-10-2022")?.articles == 91)
    #expect(registry.document("nd-118-2025")?.articles == 41)
  }

  @Test func formerPositionIDsStillResolveAndContentUsesTheCurrentOnes() throws {
    let former = [
      "office-statistics": "office", "justice-civil-status": "office",
      "land-construction-environment": "economy",
      "finance-accounting": "economy", "one-stop-staff": "service-centre",
      "culture-society": "culture-society",
    ]
    for (old, current) in former {
      #expect(library.position(old)?.id == current, "\(old)")
      #expect(library.currentPositionID(old) == current, "\(old)")
      #expect(library.positionName(old, in: .vietnamese) == library.position(current)?.name.vi)
    }
    #expect(library.currentPositionID("not-a-position") == "not-a-position")
    let currentIDs = Set(library.positions.map(\.id)).union([Position.everyone])
    for course in library.courses {
      for question in course.questions {
        #expect(question.positions.allSatisfy { currentIDs.contains($0.id) }, "\(question.id)")
      }
    }
  }
}

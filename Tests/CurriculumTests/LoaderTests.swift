import Curriculum
import Localization
import Testing

@Suite struct ValidCourseTests {
  let loaded = Fixtures.load("valid")

  @Test func loadsWithoutAnyDiagnostic() {
    #expect(loaded.diagnostics.map { $0.formatted(in: .english) } == [])
    #expect(loaded.isValid)
  }

  @Test func readsEveryQuestionType() throws {
    let course = try #require(loaded.library?.course("mini"))
    #expect(Set(course.questions.map(\.body.type)) == Set(QuestionType.allCases))
    #expect(
      course.question("mini-q-single")?.body
        == .singleChoice(
          options: [
            Choice(id: "a", text: LocalizedText(vi: "Đúng")), Choice(id: "b", text: LocalizedText(vi: "Sai")),
          ],
          answer: "a"))
    #expect(course.question("mini-q-multi")?.body.type == .multipleChoice)
    if case .multipleChoice(_, let answers) = course.question("mini-q-multi")?.body {
      #expect(answers == ["a", "c"])
    }
    #expect(course.question("mini-q-tf")?.body == .trueFalse(answer: false))
    #expect(
      course.question("mini-q-short")?.body == .shortAnswer(accepted: ["dân biết"], matching: .foldDiacritics)
    )
    if case .ordering(let items) = course.question("mini-q-order")?.body {
      #expect(items.map(\.vi) == ["Tiếp nhận", "Giải quyết", "Trả kết quả"])
    }
  }

  @Test func readsQuestionMetadata() throws {
    let question = try #require(loaded.library?.question("mini-q-multi"))
    #expect(question.prompt == LocalizedText(vi: "Chọn nhiều?"))
    #expect(question.difficulty == .medium)
    #expect(question.papiCodes == ["D1.2"])
    #expect(question.scenario)
    #expect(question.module?.id == "mini-m1")
    #expect(question.source.document == "Luật 10/2022/QH15" && question.source.article == "Điều 15")
    #expect(question.location.line == 16)
  }

  @Test func mergesTheEnglishLessonIntoTheVietnameseOne() throws {
    let lesson = try #require(loaded.library?.course("mini")?.lesson("mini-l1"))
    #expect(lesson.title == LocalizedText(vi: "Bài một", en: "Lesson one"))
    #expect(lesson.body.vi.contains("Nội dung **bài học**"))
    #expect(lesson.body.en?.contains("Text of the lesson.") == true)
    #expect(lesson.minutes == 10)
    #expect(lesson.sources.map(\.description) == ["Luật 10/2022/QH15, Điều 11"])
  }

  @Test func readsQuizzesWithRulesAndFixedLists() throws {
    let course = try #require(loaded.library?.course("mini"))
    let practice = try #require(course.quiz("mini-practice"))
    #expect(practice.kind == .practice)
    #expect(practice.feedback == .immediate)
    #expect(practice.length == 6)
    #expect(practice.draw.map(\.count) == [4, 2])
    #expect(course.quiz("mini-pre")?.feedback == .end)
    #expect(course.quiz("mini-pre")?.questions.map(\.id) == ["mini-q-single", "mini-q-multi", "mini-q-tf"])
  }

  @Test func drawRulesMatchSubdimensionsOfTheDimensionNamed() throws {
    let library = try #require(loaded.library)
    let rule = try #require(library.course("mini")?.quiz("mini-practice")?.draw.first)
    let matched = library.courses[0].questions.filter { rule.matches($0, in: library.taxonomy) }.map(\.id)
    #expect(matched == ["mini-q-single", "mini-q-multi", "mini-q-tf", "mini-q-match"])
  }
}

@Suite struct BrokenFileTests {
  @Test func syntaxErrorIsLocated() {
    #expect(
      Fixtures.lint("broken/syntax") == [
        "course.yaml:5:11: error: YAML syntax: mapping values are not allowed in this context"
      ])
  }

  @Test func duplicateKeyIsLocated() {
    #expect(
      Fixtures.lint("broken/duplicate-key") == [
        "course.yaml:3:1: error: the key 'title' appears twice in the same mapping"
      ])
  }

  @Test func fieldProblemsAreAllReportedInOneRun() {
    #expect(
      Fixtures.lint("broken/fields") == [
        "course.yaml:7:25: error: 'final-exam' is not a valid kind; use one of: pre-test, post-test, practice, review",
        "course.yaml:7:63: error: 'pass_percent' is 120, outside 0-100",
        "questions/bank.yaml:2:5: error: missing required field 'explanation'",
        "questions/bank.yaml:5:14: error: 'options' should be a list",
        "questions/bank.yaml:7:5: warning: unknown field 'explaination'; did you mean 'explanation'?",
        "questions/bank.yaml:12:13: error: a source needs an 'article' (legal document) or an 'indicator' (PAPI)",
        "questions/bank.yaml:13:9: error: 'F_Q2' is not a valid id: use lower-case ASCII letters, digits and hyphens, starting with a letter",
        "questions/bank.yaml:14:11: error: 'essay' is not a valid type; use one of: single_choice, multiple_choice, true_false, matching, ordering, short_answer",
        "questions/bank.yaml:16:18: error: 'explanation' is empty",
        "questions/bank.yaml:17:17: error: 'very-hard' is not a valid difficulty; use one of: easy, medium, hard",
        "questions/bank.yaml:19:11: error: 'papi' needs at least 1 entry",
      ])
  }

  @Test func textCutAtACommaInAFlowMappingIsNamedAsSuch() {
    #expect(
      Fixtures.lint("broken/comma") == [
        "course.yaml:3:25: warning: 'minh bạch' looks like text cut at a comma inside { ... }: put the whole text in double quotes"
      ])
  }

  @Test func explanationsMustNotNameShuffledOptionsByLetter() {
    #expect(
      Fixtures.lint("broken/letters") == [
        "questions/bank.yaml:2:5: warning: the explanation says 'phương án b', but options are shuffled and relabelled when shown: describe the option in words",
        "questions/bank.yaml:13:5: warning: the explanation says 'option b', but options are shuffled and relabelled when shown: describe the option in words",
        "questions/bank.yaml:34:5: warning: the explanation opens with 'Đúng', but it is shown after right and wrong answers alike (after \"✓ Correct.\" too): explain why, without a verdict word",
      ])
  }

  @Test func aQuestionThatGivesAwayAnotherKeyAndAttemptsWithoutRetakeAreWarned() {
    #expect(
      Fixtures.lint("broken/giveaway") == [
        "course.yaml:7:5: warning: 'attempts: 2' has no effect: this quiz may not be retaken (add 'retake: true' to allow it)",
        "questions/bank.yaml:13:5: warning: question 'gv-q2': its option contains 'Thủ tục hành chính công', the answer to question 'gv-q1' of this quiz",
      ])
    let library = Fixtures.load("broken/giveaway").library
    let practice = library?.courses.first?.quiz("gv-practice")
    #expect(practice?.attemptsAllowed == 3 && practice?.retake == true)
    #expect(library?.courses.first?.quiz("gv-pretest")?.attemptLimit == 1)
    let q3 = library?.courses.first?.questions.first { $0.id == "gv-q3" }
    #expect(q3?.body == .shortAnswer(accepted: ["01/TTHC"], matching: .verbatim))
  }

  @Test func answerKeysMustPointAtOptions() {
    #expect(
      Fixtures.lint("broken/keys") == [
        "questions/bank.yaml:6:13: error: the answer 'c' is not one of the options",
        "questions/bank.yaml:16:41: error: duplicate option id 'a' (first defined at questions/bank.yaml:16:21)",
        "questions/bank.yaml:17:17: error: the answer 'z' is not one of the options",
        "questions/bank.yaml:27:12: error: 'items' needs at least 3 entries",
      ])
  }

  @Test func referencesToMissingThingsAreReportedWhereTheyStand() {
    #expect(
      Fixtures.lint("broken/references") == [
        "course.yaml:4:12: error: no position 'chairmen'; did you mean 'chairman'?",
        "course.yaml:6:54: error: no lesson 'r-missing'",
        "course.yaml:8:84: error: no question 'r-ghost'",
        "course.yaml:8:101: error: this rule draws 1 question but only 0 match",
        "course.yaml:8:123: error: no module 'r-nomodule'",
        "questions/bank.yaml:9:11: error: no knowledge area 'r-arae'; did you mean 'r-area'?",
        "questions/bank.yaml:10:12: error: no PAPI code 'D9'; did you mean 'D1'?",
        "questions/bank.yaml:10:16: warning: PAPI code D2.2 does not apply in the 2024 edition",
        "questions/bank.yaml:10:22: error: no PAPI code 'D1.7'; did you mean 'D1.1'?",
        "questions/bank.yaml:11:27: error: no position 'mayor'",
      ])
  }

  @Test func quizProblems() {
    #expect(
      Fixtures.lint("broken/quizzes") == [
        "course.yaml:8:5: error: pre-test 'qz-pre' and post-test 'qz-post' share questions: qz-2",
        "course.yaml:8:88: error: question 'qz-2' is listed twice in this quiz",
        "course.yaml:9:73: error: this rule draws 5 questions but only 2 match",
        "course.yaml:10:5: error: the quiz has neither 'questions' nor 'draw' rules",
      ])
  }

  @Test func lessonProblems() {
    #expect(
      Fixtures.lint("broken/lessons") == [
        "lessons/empty.md:5:1: error: the lesson has no text after its header",
        "lessons/lonely.md:2:1: warning: lesson 'ls-lonely' is not listed in any module, so no one will see it",
        "lessons/no-header.md:1:1: error: a lesson must start with a '---' header block",
        "lessons/orphan.en.md:2:1: error: English version of lesson 'ls-orphan', but there is no Vietnamese lesson with that id",
        "lessons/unterminated.md:1:1: error: the lesson header opened with '---' is never closed by a '---' line",
      ])
  }

  @Test func idsAreUniqueAcrossCourses() {
    #expect(
      Fixtures.lint("broken/duplicate-ids") == [
        "second/questions/bank.yaml:2:5: error: duplicate question id 'dup-q' (first defined at first/questions/bank.yaml:2:5)"
      ])
  }

  @Test func invalidUTF8AndDecomposedTextAreLocated() {
    #expect(
      Fixtures.lint("broken/encoding") == [
        "questions/bad-utf8.yaml:3:16: error: the file is not valid UTF-8 text; save it as UTF-8",
        "questions/nfd.yaml:4:13: error: 'prompt' is not in Unicode NFC (decomposed letters); re-type it or normalise the file",
      ])
  }

  @Test func decomposedTextIsStoredAsNFC() throws {
    let question = try #require(Fixtures.load("broken/encoding").library?.question("enc-nfd"))
    #expect(Array(question.prompt.vi.unicodeScalars) == Array("Quản trị?".unicodeScalars))
  }

  @Test func deepNestingIsRefusedWithoutCrashing() {
    #expect(
      Fixtures.lint("broken/nesting") == [
        "course.yaml:2:72: error: the document is nested more than 64 levels deep"
      ])
  }

  @Test func missingFolderAndTaxonomyAreErrorsNotCrashes() {
    let missing = CurriculumLoader().load(path: "/nonexistent/papi-train-courses")
    #expect(missing.library == nil)
    #expect(missing.errors.count == 1)
  }

  @Test func messagesHaveAVietnameseText() throws {
    let diagnostic = try #require(Fixtures.load("broken/duplicate-key").diagnostics.first)
    #expect(
      diagnostic.formatted(in: .vietnamese).hasSuffix(
        "error: khoá 'title' xuất hiện hai lần trong cùng một mục"))
  }
}

@Suite struct TaxonomyAsDataTests {
  @Test func aNinthDimensionNeedsNoCodeChange() throws {
    let loaded = Fixtures.load("nine-dimensions")
    #expect(loaded.diagnostics.isEmpty)
    let library = try #require(loaded.library)
    #expect(library.taxonomy.dimensions.map(\.code) == ["D1", "D9"])
    #expect(library.taxonomy.entry(for: "D9.1")?.dimension.code == "D9")
    let coverage = CoverageReport(library: library)
    let ninth = try #require(coverage.rows.first { $0.code == "D9" })
    #expect((ninth.lessons, ninth.questions) == (1, 2))
    let ninthSub = try #require(coverage.rows.first { $0.code == "D9.1" })
    #expect((ninthSub.lessons, ninthSub.questions) == (1, 1))
  }
}

@Suite struct CoverageTests {
  @Test func countsEachLessonAndQuestionOncePerRow() throws {
    let library = try #require(Fixtures.load("valid").library)
    let report = CoverageReport(library: library)
    let counts = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.code, [$0.lessons, $0.questions]) })
    #expect(counts["D1"] == [1, 4])
    #expect(counts["D1.1"] == [1, 1])
    #expect(counts["D1.2"] == [0, 1])
    #expect(counts["D2"] == [0, 2])
    #expect(counts["D2.2"] == [0, 0])
    // Retired codes are listed but are not gaps.
    #expect(report.gaps.map(\.code) == ["D1.2", "D2", "D2.1"])
  }
}

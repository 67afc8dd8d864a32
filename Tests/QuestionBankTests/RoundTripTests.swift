import Curriculum
import Foundation
import QuestionBank
import Testing

/// papi-train → GIFT / Moodle XML / XLSX → papi-train gives the same questions: every type, both
/// languages, Markdown, special characters, keys, explanations, sources and papi-train's own fields.
@Suite struct RoundTripTests {
  static func withoutPlaces(_ questions: [Question]) -> [Question] {
    questions.map { question in
      var question = question
      question.location = SourceLocation(file: "", line: 0, column: 0)
      return question
    }.sorted { $0.id < $1.id }
  }

  static func withoutPlace(_ source: LegalSource) -> LegalSource {
    var source = source
    source.location = nil
    return source
  }

  @Test(arguments: [BankFormat.gift, .moodleXML, .xlsx])
  func aCourseComesBackAsTheSameQuestions(format: BankFormat) throws {
    let source = try Workspace()
    try source.writeSampleCourse()
    let loaded = source.load()
    #expect(loaded.errors.isEmpty, "\(loaded.errors)")
    let library = try #require(loaded.library)
    let original = try #require(library.course("mini")).questions
    #expect(original.count == 7)
    #expect(original.map(\.sources.count).reduce(0, +) == 10)

    let bank = try #require(QuestionExport.questions(of: "mini", in: library))
    let target = try Workspace()
    try target.writeSampleCourse(questions: false)
    let file = "bank." + QuestionExport.fileExtension(format)
    try target.write(file, QuestionExport.data(bank, format: format))

    let outcome = QuestionImport.run(
      bank: target.path(file), format: nil,
      options: ImportOptions(courseID: "mini", coursesDirectory: target.courses))
    #expect(outcome.succeeded, "\(outcome.report(in: .english))")
    #expect(outcome.imported == 7)
    #expect(outcome.missingPAPI + outcome.missingSource + outcome.missingExplanation == 0)
    let reloaded = target.load()
    #expect(reloaded.diagnostics.isEmpty, "\(reloaded.diagnostics.map { $0.formatted(in: .english) })")
    let back = try #require(reloaded.library?.course("mini")).questions
    let expected = Self.withoutPlaces(original)
    let actual = Self.withoutPlaces(back)
    #expect(actual.count == expected.count)
    for (want, got) in zip(expected, actual) {
      #expect(want.id == got.id)
      #expect(want.body == got.body, "\(format): \(want.id)")
      #expect(want.prompt == got.prompt, "\(format): \(want.id)")
      #expect(want.explanation == got.explanation, "\(format): \(want.id)")
      #expect(want.difficulty == got.difficulty)
      #expect(want.area.id == got.area.id)
      #expect(want.papi.map(\.id) == got.papi.map(\.id))
      #expect(want.positions.map(\.id) == got.positions.map(\.id))
      #expect(want.scenario == got.scenario)
      // Every field of every source; a source also records where it stands in its file.
      #expect(
        want.sources.map(Self.withoutPlace) == got.sources.map(Self.withoutPlace), "\(format): \(want.id)")
      #expect(want.module?.id == got.module?.id)
      #expect(want.tags == got.tags)
    }
  }

  @Test func aQuizExportsItsFixedQuestions() throws {
    let workspace = try Workspace()
    try workspace.writeSampleCourse()
    let library = try #require(workspace.load().library)
    let quiz = try #require(QuestionExport.questions(of: "mini-pre", in: library))
    #expect(quiz.map(\.id) == ["mini-q-single", "mini-q-tf"])
    #expect(QuestionExport.questions(of: "nothing", in: library) == nil)
  }

  @Test func aikenHoldsTheSingleChoiceQuestionsAndComesBack() throws {
    let workspace = try Workspace()
    try workspace.writeSampleCourse()
    let library = try #require(workspace.load().library)
    let bank = try #require(QuestionExport.questions(of: "mini", in: library))
    let data = QuestionExport.data(bank, format: .aiken)
    let back = AikenReader().read(data, file: "mini.txt")
    #expect(back.problems.isEmpty)
    let original = try #require(bank.first { $0.id == "mini-q-single" })
    #expect(back.questions.count == 1)
    #expect(back.questions.first?.prompt.vi == original.prompt.vi)
    guard case .singleChoice(let options, let answer) = back.questions.first?.body,
      case .singleChoice(let want, let key) = original.body
    else { return }
    #expect(options.map(\.text.vi) == want.map(\.text.vi))
    #expect(answer == key)
  }
}

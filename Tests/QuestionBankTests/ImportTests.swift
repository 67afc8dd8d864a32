import Curriculum
import Foundation
import Localization
import Testing

@testable import QuestionBank

@Suite struct ImportTests {
  static let bareBank = """
    $CATEGORY: $course$/top/Tiếp nhận hồ sơ

    ::Câu 1:: Ai tiếp nhận hồ sơ? {=Bộ phận Một cửa ~Chủ tịch xã}

    ::Câu 2:: Người dân được đánh giá. {T####Đúng, người dân được mời đánh giá.}
    """

  func importBank(
    _ text: String, into workspace: Workspace, course: String = "mini", name: String = "bank.gift",
    papi: [String] = [], source: String? = nil, replace: Bool = false
  ) throws -> ImportOutcome {
    try workspace.write(name, text)
    return QuestionImport.run(
      bank: workspace.path(name), format: nil,
      options: ImportOptions(
        courseID: course, coursesDirectory: workspace.courses, defaultPAPI: papi, defaultSource: source,
        replace: replace))
  }

  @Test func whatABankLacksIsWrittenToFillAndLintReportsEachAtItsLine() throws {
    let workspace = try Workspace()
    let outcome = try importBank(Self.bareBank, into: workspace, course: "nhap")
    #expect(outcome.succeeded, "\(outcome.report(in: .english))")
    #expect((outcome.missingPAPI, outcome.missingSource, outcome.missingExplanation) == (2, 2, 1))
    let file = try workspace.read("Courses/nhap/questions/bank.yaml")
    let lines = file.components(separatedBy: "\n")
    func line(_ prefix: String, after start: Int = 0) -> Int {
      (lines.indices.dropFirst(start).first {
        lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix(prefix)
      } ?? -1) + 1
    }
    let loaded = workspace.load()
    let errors = loaded.errors.map {
      "\($0.location.file.components(separatedBy: "/").suffix(3).joined(separator: "/")):\($0.location.line): \($0.message.text(in: .english))"
    }
    let second = line("- id: nhap-bank-002")
    #expect(
      errors == [
        "nhap/questions/bank.yaml:\(line("explanation:")): 'explanation' is empty",
        "nhap/questions/bank.yaml:\(line("papi:")): 'papi' needs at least 1 entry",
        "nhap/questions/bank.yaml:\(line("source:")): 'document' is empty",
        "nhap/questions/bank.yaml:\(line("papi:", after: second)): 'papi' needs at least 1 entry",
        "nhap/questions/bank.yaml:\(line("source:", after: second)): 'document' is empty",
      ])
    // Two in the file's header, then one a field.
    #expect(file.components(separatedBy: "CẦN ĐIỀN / TO FILL").count - 1 == 2 + 5)
    let course = try workspace.read("Courses/nhap/course.yaml")
    #expect(course.contains("- { id: nhap-tiep-nhan-ho-so, title: \"Tiếp nhận hồ sơ\" }"))
  }

  @Test func papiAndSourceDefaultsFillEveryQuestionThatLacksThem() throws {
    let workspace = try Workspace()
    let outcome = try importBank(
      Self.bareBank, into: workspace, course: "nhap", papi: ["D5", "D5.3"],
      source: "nd-118-2025 | Điều 5, khoản 2 ; luat-10-2022 | Điều 1 (lịch sử)")
    #expect((outcome.missingPAPI, outcome.missingSource, outcome.missingExplanation) == (0, 0, 1))
    let loaded = workspace.load()
    #expect(loaded.errors.count == 1)
    let file = try workspace.read("Courses/nhap/questions/bank.yaml")
    #expect(file.components(separatedBy: "papi: [\"D5\", \"D5.3\"]").count == 3)
    let field = """
          source:
            - { document: nd-118-2025, article: 5, clause: 2 }
            - { document: luat-10-2022, article: 1, history: true }
      """
    #expect(file.components(separatedBy: field).count == 3, "\(file)")
  }

  @Test func anImportWithAnyErrorWritesNothing() throws {
    let workspace = try Workspace()
    try workspace.writeSampleCourse()
    try workspace.write("bank.gift", "::A:: Tốt {=x ~y}\n\n::B:: Hỏng {=x ~y\n")
    let before = workspace.snapshot()
    let outcome = QuestionImport.run(
      bank: workspace.path("bank.gift"), format: nil,
      options: ImportOptions(courseID: "mini", coursesDirectory: workspace.courses))
    #expect(!outcome.succeeded)
    #expect(outcome.report(in: .english).last == "nothing imported: 1 errors. Fix the file and run again.")
    #expect(workspace.snapshot() == before)
    let hidden = try FileManager.default.contentsOfDirectory(atPath: workspace.courses).filter {
      $0.hasPrefix(".")
    }
    #expect(hidden.isEmpty)
  }

  @Test func anExistingIdIsReplacedOnlyWithReplace() throws {
    let workspace = try Workspace()
    try workspace.writeSampleCourse()
    let bank = """
      // [id:mini-q-tf] [tag:papi:D1]
      Người dân có quyền đánh giá (sửa lại). {T####Luật cho phép.\\n\\nCăn cứ\\: luat-10-2022 | Điều 1}
      """
    let before = workspace.snapshot()
    let refused = try importBank(bank, into: workspace)
    #expect(!refused.succeeded)
    let message = try #require(refused.errors.first).formatted(in: .english)
    let line = try #require(
      Workspace.sampleQuestions("mini").components(separatedBy: "\n").firstIndex {
        $0.hasSuffix("- id: mini-q-tf")
      }
    )
    #expect(
      message.hasSuffix(
        "the question 'mini-q-tf' already exists in \(workspace.courses)/mini/questions/bank.yaml:\(line + 1); use --replace to replace it"
      ))
    #expect(workspace.snapshot().filter { !$0.key.hasSuffix("bank.gift") } == before)

    let replaced = try importBank(bank, into: workspace, replace: true)
    #expect(replaced.succeeded, "\(replaced.report(in: .english))")
    let loaded = workspace.load()
    #expect(loaded.errors.isEmpty, "\(loaded.errors.map { $0.formatted(in: .english) })")
    let course = try #require(loaded.library?.course("mini"))
    #expect(course.questions.count == 7)
    #expect(course.question("mini-q-tf")?.prompt.vi == "Người dân có quyền đánh giá (sửa lại).")
    #expect(course.question("mini-q-tf")?.location.file.hasSuffix("questions/bank-2.yaml") == true)
    #expect(course.question("mini-q-match") != nil)
  }

  @Test func anIdOfAnotherCourseIsNeverTaken() throws {
    let workspace = try Workspace()
    try workspace.writeSampleCourse()
    let outcome = try importBank(
      "// [id:mini-q-tf]\nCâu. {T}\n", into: workspace, course: "other", replace: true)
    #expect(outcome.errors.map(\.message) == [.idInAnotherCourse("mini-q-tf", course: "mini")])
  }

  @Test func idsMadeForABankWithoutIdsAreTheSameOnEveryImport() throws {
    let workspace = try Workspace()
    #expect(try importBank(Self.bareBank, into: workspace, course: "nhap").succeeded)
    let again = try importBank(Self.bareBank, into: workspace, course: "nhap")
    #expect(
      again.errors.map(\.message).map { if case .idExists(let id, _) = $0 { id } else { "" } } == [
        "nhap-bank-001", "nhap-bank-002",
      ])
    let replaced = try importBank(Self.bareBank, into: workspace, course: "nhap", replace: true)
    #expect(replaced.succeeded)
    let files = try FileManager.default.contentsOfDirectory(atPath: workspace.path("Courses/nhap/questions"))
    #expect(files == ["bank.yaml"])  // every question of the old file was replaced: the file went
  }

  @Test func duplicateIdsInABankAreReportedAtBothPlaces() throws {
    let workspace = try Workspace()
    let outcome = try importBank(
      "// [id:q-a]\nMột. {T}\n\n// [id:q-a]\nHai. {F}\n", into: workspace, course: "nhap")
    let bank = workspace.path("bank.gift")
    #expect(
      outcome.errors.map { $0.formatted(in: .english) } == [
        "\(bank):5: error: the question id 'q-a' is already used at \(bank):2"
      ])
  }

  @Test func aCategoryNamedLikeAModuleGoesIntoItAndItsAreaIsAddedToTheCourse() throws {
    let workspace = try Workspace()
    try workspace.writeSampleCourse()
    let bank = """
      $CATEGORY: $course$/top/Hoc phan MOT

      // [tag:papi:D1]
      Người dân được bàn và quyết định một số việc ở cơ sở. {T####Luật cho phép.\\n\\nCăn cứ\\: luat-10-2022 | Điều 1}
      """
    let outcome = try importBank(bank, into: workspace)
    #expect(outcome.succeeded, "\(outcome.report(in: .english))")
    let loaded = workspace.load()
    #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map { $0.formatted(in: .english) })")
    let question = try #require(loaded.library?.course("mini")?.question("mini-bank-001"))
    #expect(question.module?.id == "mini-m1")
    #expect(question.area.id == "mini-hoc-phan-mot")
    #expect(loaded.library?.course("mini")?.area("mini-hoc-phan-mot")?.title.vi == "Hoc phan MOT")
    #expect(loaded.library?.course("mini")?.questions.count == 8)
  }

  @Test func aFolderOfTheCourseNameThatIsNoCourseIsNeverReplaced() throws {
    let workspace = try Workspace()
    try workspace.write("Courses/nhap/notes.txt", "ghi chú của giảng viên")
    let outcome = try importBank(Self.bareBank, into: workspace, course: "nhap")
    #expect(!outcome.succeeded)
    #expect(try workspace.read("Courses/nhap/notes.txt") == "ghi chú của giảng viên")
    #expect(!FileManager.default.fileExists(atPath: workspace.path("Courses/nhap/course.yaml")))
  }

  @Test func aLargeBankIsSplitIntoFilesLintCanRead() {
    let question = ImportedQuestion(
      id: "q", area: "a", areaTitle: "a",
      question: BankQuestion(
        body: .trueFalse(answer: true), prompt: LocalizedText(vi: String(repeating: "chữ ", count: 100)),
        location: BankLocation(file: "bank", line: 1)))
    var questions = Array(repeating: question, count: 50)
    for index in questions.indices { questions[index].id = QuestionID("q-\(index)") }
    let files = CourseYAML.files(questions, from: "bank", limit: 4_000)
    #expect(files.count > 5)
    #expect(files.allSatisfy { $0.utf8.count <= 4_000 && $0.contains("questions:\n") })
    #expect(files.joined().components(separatedBy: "  - id: q-").count - 1 == 50)
  }

  @Test func yamlQuotingEscapesWhatYAMLWouldNotKeep() {
    #expect(CourseYAML.quoted("a\\b \"c\" ạ\n\t") == #""a\\b \"c\" ạ\n\t""#)
    #expect(CourseYAML.quoted("x\u{1}y\u{85}z\u{2028}\u{FEFF}") == #""x\u0001y\u0085z\u2028\uFEFF""#)
  }

  @Test func decomposedLettersFromAnXMLBankAreWrittenInNFC() throws {
    let workspace = try Workspace()
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <quiz><question type="truefalse"><name><text>q</text></name>
      <questiontext format="html"><text>Xa\u{0303} co\u{0301} quye\u{0302}\u{0300}n?</text></questiontext>
      <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
      </question></quiz>
      """
    let outcome = try importBank(xml, into: workspace, course: "nhap", name: "bank.xml")
    #expect(outcome.succeeded)
    let file = try workspace.read("Courses/nhap/questions/bank.yaml")
    #expect(file.contains("prompt: \"Xã có quyền?\""))
    #expect(!file.unicodeScalars.contains { (0x300...0x36F).contains($0.value) })
  }
}

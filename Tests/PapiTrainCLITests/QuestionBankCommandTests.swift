import Curriculum
import Foundation
import PapiTrainTesting
import Testing

/// `papi-train import` and `export-questions` through the real binary: a bank from Excel into a
/// course that lint then checks, a course to Moodle and back, and the refusals.
@Suite struct QuestionBankCommandTests {
  /// A Courses/ folder in a temporary place with the shipped taxonomy and positions, no courses.
  static func emptyCourses() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("qb-cli-\(UUID().uuidString)")
    let courses = root.appendingPathComponent("Courses")
    try FileManager.default.createDirectory(at: courses, withIntermediateDirectories: true)
    for name in ["papi-taxonomy.yaml", "positions.yaml"] {
      try FileManager.default.copyItem(
        at: PapiTrainProcess.repositoryRoot.appendingPathComponent("Courses/\(name)"),
        to: courses.appendingPathComponent(name))
    }
    return root
  }

  @Test func anExcelBankComesInAndLintNamesEveryFieldToFill() throws {
    let root = try Self.emptyCourses()
    defer { try? FileManager.default.removeItem(at: root) }
    let template = PapiTrainProcess.repositoryRoot.appendingPathComponent("docs/question-bank-template.xlsx")
      .path
    let imported = try PapiTrainProcess.run(
      ["import", template, "--course", "mau", "--courses", "Courses", "--lang", "en"], in: root)
    #expect(imported.status == 0, "\(imported.output)\(imported.error)")
    #expect(
      imported.output
        == """
        imported 6 questions into course 'mau' (Courses/mau/questions/question-bank-template.yaml).
        to fill in: 2 PAPI codes, 5 legal sources, 1 explanations (marked 'CẦN ĐIỀN / TO FILL'); run 'papi-train lint' to see each place.

        """)
    let lint = try PapiTrainProcess.run(["lint", "Courses", "--lang", "en"], in: root)
    #expect(lint.status == 1)
    let errors = lint.output.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(errors.count == 8, "\(lint.output)")
    #expect(errors.allSatisfy { $0.hasPrefix("Courses/mau/questions/question-bank-template.yaml:") })
    #expect(errors.contains { $0.hasSuffix("error: 'explanation' is empty") })
  }

  @Test(arguments: ["gift", "moodle-xml", "xlsx"])
  func aShippedCourseGoesToMoodleAndComesBackClean(format: String) throws {
    let root = try Self.emptyCourses()
    defer { try? FileManager.default.removeItem(at: root) }
    let shipped = PapiTrainProcess.repositoryRoot.appendingPathComponent("Courses").path
    let bank = root.appendingPathComponent("gd.\(format == "moodle-xml" ? "xml" : format)").path
    let exported = try PapiTrainProcess.run(
      [
        "export-questions", "grassroots-democracy", "--format", format, "--courses", shipped, "-o", bank,
        "--lang", "en",
      ])
    #expect(exported.status == 0, "\(exported.output)")
    #expect(exported.output.hasPrefix("exported "))
    let again = try PapiTrainProcess.run(
      ["export-questions", "grassroots-democracy", "--format", format, "--courses", shipped, "-o", bank])
    #expect(again.status == 1)
    #expect(again.output.contains("đã có; dùng --force"))

    let imported = try PapiTrainProcess.run(
      ["import", bank, "--course", "gd-copy", "--courses", "Courses", "--lang", "en"], in: root)
    #expect(imported.status == 0, "\(imported.output)")
    #expect(!imported.output.contains("to fill in"))
    let lint = try PapiTrainProcess.run(["lint", "Courses", "--lang", "en"], in: root)
    #expect(lint.status == 0, "\(lint.output)")
    #expect(lint.output.contains(" 0 errors"))
  }

  /// Each question's sources by its id, every field an author writes (not where it stands in its file,
  /// nor the citation name a registry gives it).
  static func sources(of course: String, in courses: String) throws -> [String: [LegalSource]] {
    let loaded = CurriculumLoader().load(path: courses)
    let questions = try #require(loaded.library?.course(course)).questions
    return Dictionary(
      uniqueKeysWithValues: questions.map { question in
        (
          question.id.rawValue,
          question.sources.map {
            LegalSource(
              document: $0.document, article: $0.article, clause: $0.clause, point: $0.point,
              indicator: $0.indicator, history: $0.history)
          }
        )
      })
  }

  /// The one-stop-shop course cites clauses and points, and several sources for one question; the
  /// PAPI course cites indicators whose text holds ';' and brackets: all of them come back, field by
  /// field, through each Moodle format and Excel.
  @Test(arguments: ["one-stop-shop", "papi-dimensions"], ["gift", "moodle-xml", "xlsx"])
  func aShippedCourseComesBackWithEverySource(course: String, format: String) throws {
    let root = try Self.emptyCourses()
    defer { try? FileManager.default.removeItem(at: root) }
    let shipped = PapiTrainProcess.repositoryRoot.appendingPathComponent("Courses").path
    let bank = root.appendingPathComponent("bank.\(format == "moodle-xml" ? "xml" : format)").path
    let exported = try PapiTrainProcess.run(
      [
        "export-questions", course, "--format", format, "--courses", shipped, "-o", bank, "--lang",
        "en",
      ])
    #expect(exported.status == 0, "\(exported.output)")
    let imported = try PapiTrainProcess.run(
      ["import", bank, "--course", "shipped-copy", "--courses", "Courses", "--lang", "en"], in: root)
    #expect(imported.status == 0, "\(imported.output)")
    #expect(!imported.output.contains("to fill in"), "\(imported.output)")

    let original = try Self.sources(of: course, in: shipped)
    let back = try Self.sources(of: "shipped-copy", in: root.appendingPathComponent("Courses").path)
    #expect(original.count > 50)
    let cited = Array(original.values.joined())
    if course == "one-stop-shop" {
      #expect(original.values.contains { $0.count > 1 } && cited.contains { $0.point != nil })
    } else {
      #expect(cited.contains { $0.indicator?.contains(";") == true })
    }
    #expect(back.keys.sorted() == original.keys.sorted())
    for (id, sources) in original { #expect(back[id] == sources, "\(format): \(id)") }
    let lint = try PapiTrainProcess.run(["lint", "Courses", "--lang", "en"], in: root)
    #expect(lint.status == 0, "\(lint.output)")
  }

  @Test func aWindows1252BankIsRefusedInVietnameseAndNothingIsWritten() throws {
    let root = try Self.emptyCourses()
    defer { try? FileManager.default.removeItem(at: root) }
    var bytes = Data("::A:: C".utf8)
    bytes.append(contentsOf: [0xE2, 0x75, 0x20, 0x68, 0xF3, 0x69])
    bytes.append(contentsOf: Data(" {T}\n".utf8))
    try bytes.write(to: root.appendingPathComponent("moodle.gift"))
    let result = try PapiTrainProcess.run(
      ["import", "moodle.gift", "--course", "x", "--courses", "Courses"], in: root)
    #expect(result.status == 1)
    #expect(result.output.hasPrefix("moodle.gift:1: lỗi: tệp không phải văn bản UTF-8"))
    #expect(result.output.contains("không nhập gì: 1 lỗi."))
    let left = try FileManager.default.contentsOfDirectory(
      atPath: root.appendingPathComponent("Courses").path)
    #expect(left.sorted() == ["papi-taxonomy.yaml", "positions.yaml"])
  }

  @Test func anUnknownCourseOrQuizIsNamed() throws {
    let result = try PapiTrainProcess.run(
      [
        "export-questions", "no-such-thing", "--format", "gift", "-o", "/tmp/never-\(UUID().uuidString).gift",
        "--lang", "en",
      ])
    #expect(result.status == 1)
    #expect(result.output == "no course or quiz 'no-such-thing'\n")
  }
}

import Foundation
import PapiTrainTesting
import Testing

@Suite struct LintCommandTests {
  let fixtures = "Tests/CurriculumTests/Fixtures"

  @Test func shippedCoursesPassLint() throws {
    let result = try PapiTrainProcess.run(["lint", "Courses", "--lang", "en"])
    #expect(result.status == 0, "\(result.output)")
    #expect(!result.output.contains(": error:"))
    #expect(result.output.contains(" 0 errors"))
  }

  @Test func sourcesListsEachDocumentWithItsStatusAndCitations() throws {
    let result = try PapiTrainProcess.run(["lint", "--sources", "\(fixtures)/sources/cited", "--lang", "en"])
    #expect(result.status == 1)
    let lines = result.output.split(separator: "\n").map {
      $0.split(separator: " ", omittingEmptySubsequences: true)
    }
    let byID = Dictionary(
      lines.compactMap { words in words.first.map { (String($0), words.map(String.init)) } },
      uniquingKeysWith: { first, _ in first })
    #expect(result.output.contains("Documents cited (legal-sources.yaml)"))
    #expect(byID["law-old"]?.suffix(2).joined(separator: " ") == "3 1")
    #expect(result.output.contains("replaced by Luật 1/2025/QH15"))
    #expect(byID["decree-amend"]?.suffix(2).joined(separator: " ") == "1 0")
    #expect(result.output.contains("* read only in secondary sources"))
    let none = try PapiTrainProcess.run(["lint", "--sources", "\(fixtures)/valid", "--lang", "en"])
    #expect(none.output.contains("No legal-sources.yaml beside papi-taxonomy.yaml"))
  }

  @Test func validFixtureExitsZeroWithASummary() throws {
    let result = try PapiTrainProcess.run(["lint", "\(fixtures)/valid", "--lang", "en"])
    #expect(result.status == 0)
    #expect(result.output == "1 courses, 1 lessons, 6 questions: 0 errors, 0 warnings.\n")
  }

  @Test func brokenFilesExitOneWithCompilerStyleLines() throws {
    let result = try PapiTrainProcess.run(["lint", "\(fixtures)/broken/references", "--lang", "en"])
    #expect(result.status == 1)
    let lines = result.output.split(separator: "\n")
    #expect(
      lines.first
        == "\(fixtures)/broken/references/course.yaml:4:12: error: no position 'chairmen'; did you mean 'chairman'?"
    )
    let pattern = /^[^:]+:\d+:\d+: (error|warning): .+$/
    #expect(lines.dropLast().allSatisfy { $0.wholeMatch(of: pattern) != nil })
  }

  @Test func messagesAreVietnameseByDefaultAndEnglishOnRequest() throws {
    let vietnamese = try PapiTrainProcess.run(["lint", "\(fixtures)/broken/duplicate-key"])
    #expect(vietnamese.output.contains("khoá 'title' xuất hiện hai lần"))
    let english = try PapiTrainProcess.run(
      ["lint", "\(fixtures)/broken/duplicate-key"], environment: ["PAPI_LANG": "en"])
    #expect(english.output.contains("the key 'title' appears twice"))
  }

  @Test func strictTurnsWarningsIntoFailure() throws {
    let lessons = "\(fixtures)/broken/lessons"
    let plain = try PapiTrainProcess.run(["lint", "\(fixtures)/nine-dimensions"])
    #expect(plain.status == 0)
    let strict = try PapiTrainProcess.run(["lint", "--strict", lessons])
    #expect(strict.status == 1)
  }

  @Test func coverageShowsEveryDimensionAndTheGaps() throws {
    let result = try PapiTrainProcess.run(["lint", "--coverage", "\(fixtures)/valid", "--lang", "en"])
    #expect(result.status == 0)
    #expect(result.output.contains("Coverage by PAPI dimension"))
    let d1 = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("D1 ") })
    #expect(d1.split(separator: " ").suffix(2) == ["1", "4"])
    #expect(result.output.contains("Not served: D1.2, D2, D2.1"))
  }

  @Test func coverageOfANinthDimensionNeedsNoCodeChange() throws {
    let result = try PapiTrainProcess.run([
      "lint", "--coverage", "\(fixtures)/nine-dimensions", "--lang", "en",
    ])
    #expect(result.status == 0)
    #expect(result.output.contains("Commune digital transformation"))
  }

  @Test func aMissingFolderIsAnErrorNotACrash() throws {
    let result = try PapiTrainProcess.run(["lint", "/nonexistent/courses", "--lang", "en"])
    #expect(result.status == 1)
    #expect(result.output.contains("error: cannot read the file: not a folder"))
  }
}

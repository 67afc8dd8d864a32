import Assessment
import Curriculum
import Foundation
import PapiTrainTesting
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Whole sessions of the real binary driven through a pipe, on real SQLite files.
@Suite struct ShellPipeTests {
  let results = FileManager.default.temporaryDirectory.appendingPathComponent(
    "papi-shell-\(UUID().uuidString)")
  /// Xã Bình Lư, Tỉnh Lai Châu, in the shipped AdministrativeUnits/units.csv.
  let commune = "03390"

  /// The letters that answer `quizID` fully right when shuffled with `seed`, in asking order.
  static func rightAnswers(quiz quizID: String, seed: UInt64) throws -> [String] {
    let library = try #require(
      CurriculumLoader().load(path: PapiTrainProcess.repositoryRoot.appendingPathComponent("Courses").path)
        .library)
    let course = try #require(library.courses.first { $0.quiz(quizID) != nil })
    let assembled = try QuizAssembler(course: course, taxonomy: library.taxonomy).assemble(
      course.quiz(quizID)!, seed: seed)
    return assembled.items.map(AnswerParser.typedKey(for:))
  }

  func sqlite(_ sql: String) throws -> String {
    try sqlite3(results.appendingPathComponent("\(commune).sqlite"), sql)
  }

  @Test func aNewOfficialReadsALessonTakesAQuizAndSeesTheirWeakDimensions() throws {
    let answers = try Self.rightAnswers(quiz: "oss-pretest", seed: 11)
    let input =
      ["binh lu", "Nguyễn Thị Hoa", "c", "6", "read oss-l01", "quiz oss-pretest"] + answers + [
        "weak", "progress", "quit",
      ]
    let run = try PapiTrainProcess.run(
      ["--results", results.path, "--seed", "11"], input: input.joined(separator: "\n") + "\n")
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output.contains("Xã/phường: Xã Bình Lư, Tỉnh Lai Châu"))
    #expect(run.output.contains("Kết quả: \(answers.count)/\(answers.count) điểm (100%)."))
    #expect(run.output.contains("Theo chỉ số PAPI:"))
    #expect(run.output.contains("Tạm biệt."))
    #expect(
      try sqlite("SELECT status, (SELECT count(*) FROM answers) FROM attempts") == "finished|\(answers.count)"
    )
    #expect(try sqlite("SELECT name FROM officials") == "Nguyễn Thị Hoa")
    #expect(try sqlite("PRAGMA integrity_check") == "ok")
  }

  @Test func answersSurviveASIGKILLMidQuizAndTheAttemptResumes() throws {
    let answers = try Self.rightAnswers(quiz: "oss-pretest", seed: 5)
    let process = Process()
    process.executableURL = PapiTrainProcess.productsDirectory.appendingPathComponent("papi-train")
    process.arguments = [
      "--results", results.path, "--seed", "5", "--commune", commune, "--official", "Lê Văn Nam",
    ]
    process.currentDirectoryURL = PapiTrainProcess.repositoryRoot
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Register, start the quiz, answer three questions, and wait until the fourth is shown:
    // by then the third answer has been acknowledged, so it must be on disk.
    stdin.fileHandleForWriting.write(
      Data((["c", "1", "quiz oss-pretest"] + answers.prefix(3)).map { $0 + "\n" }.joined().utf8))
    var seen = Data()
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline, !String(decoding: seen, as: UTF8.self).contains("Câu 4/") {
      seen.append(stdout.fileHandleForReading.availableData)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(try sqlite("PRAGMA integrity_check") == "ok")
    #expect(try sqlite("SELECT count(*) FROM answers") == "3")
    #expect(try sqlite("SELECT status FROM attempts") == "in-progress")

    let rest = ["quiz oss-pretest", "c"] + answers.dropFirst(3) + ["quit"]
    let resumed = try PapiTrainProcess.run(
      ["--results", results.path, "--commune", commune, "--official", "Lê Văn Nam"],
      input: rest.joined(separator: "\n") + "\n")
    #expect(resumed.output.contains("đã trả lời 3/\(answers.count) câu"))
    #expect(resumed.output.contains("Kết quả: \(answers.count)/\(answers.count) điểm (100%)."))
    #expect(
      try sqlite("SELECT status, (SELECT count(*) FROM answers) FROM attempts") == "finished|\(answers.count)"
    )
  }

  /// The first start after a change writes the loaded courses to the cache on another thread
  /// (the prompt does not wait for it); a shell that quits at once still leaves the entry, and
  /// the next start reads it.
  @Test func theFirstStartLeavesTheCoursesCachedEvenWhenItQuitsAtOnce() throws {
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent(
      "papi-cache-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: cache) }
    let entries = cache.appendingPathComponent("papi-train/courses")
    for _ in 0..<2 {
      let run = try PapiTrainProcess.run(
        ["--results", results.path, "--commune", commune], input: "",
        environment: ["XDG_CACHE_HOME": cache.path])
      #expect(run.status == 0, "\(run.error)")
      let names = try FileManager.default.contentsOfDirectory(atPath: entries.path)
      #expect(names.count == 1 && names[0].hasSuffix(".json"), "\(names)")
    }
  }

  @Test func anUnknownCommuneOnTheCommandLineIsAskedAgainNotACrash() throws {
    let run = try PapiTrainProcess.run(["--results", results.path, "--commune", "99999"], input: "")
    #expect(run.status == 0)
    #expect(run.output.contains("Không tìm thấy xã/phường '99999'."))
  }
}

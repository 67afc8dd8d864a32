import Foundation
import PapiTrainTesting
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A full disk, a read-only results folder, and several shells and a merge on one commune at
/// once: the real binary on real files, the fault made real (a file-size limit, an immutable
/// file, another user), never simulated inside the program.
@Suite struct FaultTests {
  let results = FileManager.default.temporaryDirectory.appendingPathComponent(
    "papi-faults-\(UUID().uuidString)")
  static let commune = "03390"
  static let quiz = "mini-practice"
  static let seed: UInt64 = 3
  var file: URL { results.appendingPathComponent("\(Self.commune).sqlite") }

  func arguments(_ official: String, language: String = "vi", courses: String = miniCourse) -> [String] {
    [
      "--courses", courses, "--results", results.path, "--seed", String(Self.seed), "--commune",
      Self.commune, "--official", official, "--lang", language,
    ]
  }

  /// Registers `official` in a session of its own, so the file exists before a fault is made.
  func register(_ official: String) throws {
    let run = try PapiTrainProcess.run(arguments(official), input: "c\n1\nquit\n")
    #expect(run.status == 0, "\(run.error)")
  }

  /// Answers every question shown, right, until the quiz ends, `stopAfter` answers were
  /// acknowledged (then `between` runs), or `failure` appears. Returns the answers acknowledged
  /// (the next question or the result shown) and whether `failure` appeared.
  static func answer(
    _ shell: ShellDriver, answers: [String], failure: String, stopAfter: Int? = nil, between: () -> Void = {}
  ) -> (acknowledged: Int, failed: Bool) {
    var acknowledged = 0
    var pending = false
    while let seen = shell.expect(["Câu ", "Question ", "Kết quả:", "Result:", failure]) {
      if seen == failure { return (acknowledged, true) }
      if pending {
        acknowledged += 1
        pending = false
        if acknowledged == stopAfter { between() }
      }
      guard seen != "Kết quả:", seen != "Result:", let number = shell.number(before: "/") else { break }
      shell.send(answers[number - 1])
      pending = true
    }
    return (acknowledged, false)
  }

  func storedAnswers() throws -> Int {
    Int(try sqlite3(file, "SELECT count(*) FROM answers")) ?? -1
  }

  /// After the fault is gone, the official resumes with exactly the saved answers and finishes.
  func resumeAndFinish(_ official: String, saved: Int, answers: [String]) throws {
    let shell = try ShellDriver(arguments(official))
    shell.send("quiz \(Self.quiz)")
    #expect(shell.expect("đã trả lời \(saved)/\(answers.count) câu"))
    shell.send("c")
    _ = Self.answer(shell, answers: answers, failure: "CHƯA ĐƯỢC LƯU")
    #expect(
      shell.expect(" \(answers.count)/\(answers.count) điểm"), "\(shell.transcript.suffix(500))")
    shell.send("quit")
    #expect(shell.finish() == 0)
    #expect(try sqlite3(file, "PRAGMA integrity_check") == "ok")
  }

  /// A file-size limit of 60 kB, with SIGXFSZ back to its default action (the test runner ignores
  /// it, and children inherit that): papi-train itself must ignore it to survive.
  static let fileSizeLimit = ["/usr/bin/env", "--default-signal=XFSZ", "/usr/bin/prlimit", "--fsize=60000"]

  @Test(arguments: [
    ("vi", "CÂU TRẢ LỜI VỪA RỒI CHƯA ĐƯỢC LƯU", "không ghi được vào tệp"),
    ("en", "YOUR LAST ANSWER WAS NOT SAVED", "could not write to the file"),
  ])
  func aFullDiskIsNamedAtTheFailedAnswerWhichIsNotSavedAndNothingStoredIsLost(
    language: String, notSaved: String, reason: String
  ) throws {
    let answers = try rightAnswers(quiz: Self.quiz, seed: Self.seed, courses: miniCourse)
    try register("Lò Văn Đầy")
    // A file-size limit of 60 kB: the shared-memory index (32 kB) fits, the log grows by a few
    // 4 kB pages an answer (the answer, its key, the sums kept beside it), so a write in the
    // middle of the quiz fails with EFBIG: a disk that is full.
    // A wide terminal: the error names a long path, and the check reads its words on one line.
    let shell = try ShellDriver(
      arguments("Lò Văn Đầy", language: language), launcher: Self.fileSizeLimit,
      environment: ["COLUMNS": "1000"])
    shell.send("quiz \(Self.quiz)")
    let (acknowledged, failed) = Self.answer(shell, answers: answers, failure: notSaved)
    #expect(failed, "the write never failed:\n\(shell.transcript.suffix(800))")
    #expect(acknowledged >= 1 && acknowledged < answers.count)
    #expect(shell.expect(reason), "\(shell.transcript.suffix(500))")
    // The session goes on: the official can still look around, then leave normally.
    shell.send("whoami")
    #expect(shell.expect("Lò Văn Đầy"))
    shell.send("quit")
    #expect(shell.finish() == 0)
    #expect(try sqlite3(file, "PRAGMA integrity_check") == "ok")
    #expect(try storedAnswers() == acknowledged, "the failed answer is not stored, every earlier one is")
    try resumeAndFinish("Lò Văn Đầy", saved: acknowledged, answers: answers)
  }

  /// Whether files can be made immutable here: `chattr` installed, run as root (as in CI), on a
  /// file system that has the flag.
  static let immutableFilesWork: Bool = {
    guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr") else {
      return false
    }
    let probe = FileManager.default.temporaryDirectory.appendingPathComponent(
      "papi-immutable-\(UUID().uuidString)")
    guard FileManager.default.createFile(atPath: probe.path, contents: Data()) else { return false }
    defer { try? FileManager.default.removeItem(at: probe) }
    let works = (try? runTool("/usr/bin/chattr", ["+i", probe.path])) == 0
    _ = try? runTool("/usr/bin/chattr", ["-i", probe.path])
    return works
  }()

  @Test(.enabled(if: immutableFilesWork, "needs root and chattr +i (CI runs as root on ext4)"))
  func aResultsFileTurnedReadOnlyMidQuizIsNamedAndTheAnswerIsNotSaved() throws {
    let answers = try rightAnswers(quiz: Self.quiz, seed: Self.seed, courses: miniCourse)
    try register("Lò Văn Khoá")
    let shell = try ShellDriver(arguments("Lò Văn Khoá"))
    shell.send("quiz \(Self.quiz)")
    // After two answers the results files become immutable: even root's open handles cannot
    // write (what a USB stick remounted read-only does).
    // (The shared-memory index stays writable: it is mapped memory, which SQLite rebuilds.)
    let locked = ["", "-wal"].map { file.path + $0 }
    let (acknowledged, failed) = Self.answer(
      shell, answers: answers, failure: "CHƯA ĐƯỢC LƯU", stopAfter: 2,
      between: {
        for path in locked { _ = try? runTool("/usr/bin/chattr", ["+i", path]) }
      })
    defer { for path in locked { _ = try? runTool("/usr/bin/chattr", ["-i", path]) } }
    #expect(failed, "\(shell.transcript.suffix(800))")
    #expect(acknowledged == 2)
    shell.send("quit")
    #expect(shell.finish() == 0)
    for path in locked { _ = try runTool("/usr/bin/chattr", ["-i", path]) }
    #expect(try sqlite3(file, "PRAGMA integrity_check") == "ok")
    #expect(try storedAnswers() == 2)
    try resumeAndFinish("Lò Văn Khoá", saved: 2, answers: answers)
  }

  @Test func aReadOnlyResultsFolderIsNamedAtTheStartAndLeftUntouched() throws {
    try register("Lò Văn Đọc")
    let before = try Data(contentsOf: file)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: results.path)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
    defer {
      try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: results.path)
    }
    // Root writes through any permission: the shell then runs as `nobody`, for whom the folder
    // is read-only as it is for an official's account on a shared laptop.
    let launcher =
      geteuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] : []
    // The course (with the taxonomy and positions above it) and the units list from copies
    // beside the results: `nobody` may not enter the checkout (a clone in a private folder).
    let copy = results.deletingLastPathComponent().appendingPathComponent("papi-faults-course-\(UUID())")
    let fixtures = URL(fileURLWithPath: miniCourse).deletingLastPathComponent().deletingLastPathComponent()
    try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: copy) }
    for name in ["papi-taxonomy.yaml", "positions.yaml"] {
      try FileManager.default.copyItem(
        at: fixtures.appendingPathComponent(name), to: copy.appendingPathComponent(name))
    }
    let courses = copy.appendingPathComponent("mini")
    try FileManager.default.copyItem(atPath: miniCourse, toPath: courses.path)
    let units = copy.appendingPathComponent("units.csv")
    try FileManager.default.copyItem(
      at: PapiTrainProcess.repositoryRoot.appendingPathComponent("AdministrativeUnits/units.csv"), to: units)
    let shell = try ShellDriver(
      arguments("Lò Văn Đọc", language: "en", courses: courses.path), launcher: launcher,
      environment: ["COLUMNS": "1000", "PAPI_UNITS": units.path])
    #expect(shell.expect("Cannot open the commune's results file"), "\(shell.transcript.suffix(800))")
    #expect(shell.expect("could not write to the file"), "\(shell.transcript.suffix(800))")
    #expect(shell.finish() == 0)
    #expect(try Data(contentsOf: file) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: results.path) == ["\(Self.commune).sqlite"])
  }

  @Test func threeShellsAndMergesOnOneCommuneAtOnceLoseNothingAndNeverSayLocked() throws {
    let answers = try rightAnswers(quiz: Self.quiz, seed: Self.seed, courses: miniCourse)
    let nextAnswers = try rightAnswers(quiz: Self.quiz, seed: Self.seed + 1, courses: miniCourse)
    // Results from another machine, to be merged while the shells write.
    let elsewhere = results.appendingPathComponent("elsewhere")
    let input = (["c", "1", "quiz \(Self.quiz)"] + answers + ["quit"]).joined(separator: "\n") + "\n"
    for name in ["Tòng Văn Xa", "Tòng Thị Xa"] {
      let run = try PapiTrainProcess.run(
        [
          "--courses", miniCourse, "--results", elsewhere.path, "--seed", String(Self.seed), "--commune",
          Self.commune, "--official", name,
        ], input: input)
      #expect(run.status == 0, "\(run.error)")
    }
    let names = ["Lò Văn Một", "Lò Thị Hai", "Lò Văn Ba"]
    let outputs = Mutex([String](repeating: "", count: names.count + 1))
    let results = self.results
    DispatchQueue.concurrentPerform(iterations: names.count + 1) { index in
      var transcript = ""
      if index == names.count {
        // Merge the other machine's file five times while the shells run.
        for _ in 0..<5 {
          if let run = try? PapiTrainProcess.run(
            [
              "merge", "--results", results.path,
              elsewhere.appendingPathComponent("\(Self.commune).sqlite").path,
            ])
          {
            transcript += "status \(run.status)\n" + run.output + run.error
          }
        }
      } else {
        // Each shell takes the quiz twice, typing one answer at a time as a person would.
        if let shell = try? ShellDriver(
          [
            "--courses", miniCourse, "--results", results.path, "--seed", String(Self.seed), "--commune",
            Self.commune, "--official", names[index],
          ])
        {
          for (prompt, reply) in [("(c/k)", "c"), ("(gõ số)", "1")] where shell.expect(prompt) {
            shell.send(reply)
          }
          // The second quiz of a session is shuffled with the next seed.
          for answers in [answers, nextAnswers] {
            shell.send("quiz \(Self.quiz)")
            _ = Self.answer(shell, answers: answers, failure: "CHƯA ĐƯỢC LƯU")
          }
          shell.send("quit")
          transcript = "status \(shell.finish().map(String.init) ?? "none")\n" + shell.transcript
        }
      }
      outputs.withLock { $0[index] = transcript }
    }
    for (index, transcript) in outputs.withLock({ $0 }).enumerated() {
      #expect(transcript.hasPrefix("status 0\n"), "\(transcript.suffix(800))")
      for word in ["locked", "busy", "CHƯA ĐƯỢC LƯU", "Không mở được", "lỗi:", "error:"] {
        #expect(!transcript.contains(word), "process \(index) said '\(word)':\n\(transcript.suffix(800))")
      }
      if index < names.count {
        #expect(
          transcript.components(separatedBy: "Kết quả: 6/6 điểm").count == 3, "\(transcript.suffix(800))")
      }
    }
    #expect(try sqlite3(file, "PRAGMA integrity_check") == "ok")
    // Every answer of every shell, and every answer of the merged file, is there.
    #expect(
      try sqlite3(file, "SELECT count(*) FROM attempts WHERE status = 'finished'")
        == String(2 * names.count + 2))
    #expect(try storedAnswers() == (2 * names.count + 2) * answers.count)
    #expect(try sqlite3(file, "SELECT count(*) FROM officials") == String(names.count + 2))
  }
}

/// Runs a system tool and returns its exit status.
@discardableResult
func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  try process.run()
  process.waitUntilExit()
  return process.terminationStatus
}

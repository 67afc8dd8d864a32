import Assessment
import Foundation
import PapiTrainTesting
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Power cuts in a training room: the real shell killed with SIGKILL at 200 seeded random points
/// during quizzes, four shells at a time on two communes, then every results file checked.
@Suite struct CrashConsistencyTests {
  let results = FileManager.default.temporaryDirectory.appendingPathComponent(
    "papi-crash-\(UUID().uuidString)")
  /// Two communes of the shipped units file, two officials each.
  static let seats: [(commune: String, official: String)] = [
    ("03390", "Lò Văn Một"), ("03390", "Lò Thị Hai"), ("03394", "Tòng Văn Ba"), ("03394", "Tòng Thị Bốn"),
  ]
  static let seed: UInt64 = 7
  /// Six questions drawn from the small fixture course: a shell starts in a tenth of the time the
  /// shipped courses take, so 200 runs fit in CI.
  static let quiz = "mini-practice"
  static let rounds = 50

  /// What one shell did before it was killed.
  struct Run: Sendable {
    /// Answers the shell stored and said so (it went on to the next question or the result).
    var acknowledged = 0
    /// Answers written to it, acknowledged or not.
    var sent = 0
    var finishedQuizzes = 0
    /// Times the shell offered to continue an unfinished attempt.
    var resumed = 0
    /// What went wrong, if the shell did not behave.
    var problem: String?
  }

  /// Drives one shell through the quiz, answering each question shown, and kills it once it has
  /// been sent `killAfter` answers (plus a random few milliseconds, so the kill lands anywhere:
  /// while the answer is read, scored, written or acknowledged). nil: never killed, runs to the
  /// end of one whole quiz and quits.
  static func drive(seat: Int, answers: [String], killAfter: Int?, delay: UInt32, results: URL) throws -> Run
  {
    let (commune, official) = seats[seat]
    let shell = try ShellDriver([
      "--courses", miniCourse, "--results", results.path, "--seed", String(seed), "--commune", commune,
      "--official", official,
    ])
    var run = Run()
    var started = false
    var pending = false
    while true {
      let prompts = ["(c/k)", "(gõ số)", "papi> ", "tiếp tục, bắt đầu lại", "Câu ", "Kết quả:"]
      guard let seen = shell.expect(prompts, timeout: 30) else { break }
      if pending, seen == "Câu " || seen == "Kết quả:" {
        run.acknowledged += 1
        pending = false
      }
      switch seen {
      case "(c/k)": shell.send("c")
      case "tiếp tục, bắt đầu lại":
        run.resumed += 1
        shell.send("c")
      case "(gõ số)": shell.send("1")
      case "papi> ":
        guard !started || killAfter != nil else {
          shell.send("quit")
          let status = shell.finish()
          if status != 0 { run.problem = "exit status \(String(describing: status))" }
          return run
        }
        started = true
        shell.send("quiz \(quiz)")
        if killAfter == 0 {  // while the attempt is created or looked up
          usleep(delay)
          shell.killHard()
          return run
        }
      case "Kết quả:":
        run.finishedQuizzes += 1
      default:  // "Câu n/18"
        guard let number = shell.number(before: "/"), answers.indices.contains(number - 1) else { break }
        if let killAfter, run.sent >= killAfter {
          shell.killHard()
          return run
        }
        shell.send(answers[number - 1])
        run.sent += 1
        pending = true
        if let killAfter, run.sent >= killAfter {
          usleep(delay)
          shell.killHard()
          return run
        }
      }
    }
    shell.killHard()
    run.problem = "the shell stopped answering:\n\(shell.transcript.suffix(600))"
    return run
  }

  /// Answers stored for an official, over all their attempts.
  func storedAnswers(seat: Int) throws -> Int {
    let (commune, official) = Self.seats[seat]
    let count = try sqlite3(
      results.appendingPathComponent("\(commune).sqlite"),
      """
      SELECT count(*) FROM answers JOIN attempts ON attempts.id = answers.attempt_id
      JOIN officials ON officials.id = attempts.official_id WHERE officials.name = '\(official)'
      """)
    return Int(count) ?? -1
  }

  @Test func everyAcknowledgedAnswerSurvives200SIGKILLsAndEveryAttemptResumes() throws {
    let answers = try rightAnswers(quiz: Self.quiz, seed: Self.seed, courses: miniCourse)
    var generator = SeededGenerator(seed: 2026)
    var acknowledged = [Int](repeating: 0, count: Self.seats.count)
    var sent = [Int](repeating: 0, count: Self.seats.count)
    var kills = 0
    var resumed = 0
    for round in 0..<Self.rounds {
      // Kill after 0 to 4 answers (0: while the quiz starts or resumes), 0-4 ms after the last.
      let plans = Self.seats.indices.map { _ in
        (
          killAfter: Int.random(in: 0...4, using: &generator),
          delay: UInt32.random(in: 0...4000, using: &generator)
        )
      }
      let runs = Mutex([Run?](repeating: nil, count: Self.seats.count))
      let results = self.results
      DispatchQueue.concurrentPerform(iterations: Self.seats.count) { seat in
        let run = try? Self.drive(
          seat: seat, answers: answers, killAfter: plans[seat].killAfter, delay: plans[seat].delay,
          results: results)
        runs.withLock { $0[seat] = run }
      }
      for (seat, run) in runs.withLock({ $0 }).enumerated() {
        let run = try #require(run, "round \(round), seat \(seat): the shell did not start")
        #expect(run.problem == nil, "round \(round), seat \(seat)")
        kills += 1
        resumed += run.resumed
        acknowledged[seat] += run.acknowledged
        sent[seat] += run.sent
        let stored = try storedAnswers(seat: seat)
        #expect(
          stored >= acknowledged[seat],
          "round \(round), seat \(seat): \(acknowledged[seat]) answers acknowledged, \(stored) stored")
        #expect(
          stored <= sent[seat], "round \(round), seat \(seat): \(stored) stored, only \(sent[seat]) sent")
      }
    }
    #expect(kills == 200)
    #expect(acknowledged.allSatisfy { $0 > 20 }, "answers were acknowledged before kills: \(acknowledged)")
    #expect(resumed > 50, "unfinished attempts are offered again after a kill")
    for commune in Set(Self.seats.map(\.commune)) {
      let file = results.appendingPathComponent("\(commune).sqlite")
      #expect(try sqlite3(file, "PRAGMA integrity_check") == "ok", "\(commune)")
      #expect(try sqlite3(file, "SELECT count(*) FROM officials") == "2", "\(commune): registered once each")
    }
    // Every official resumes where the kills left them and finishes with every answer right.
    for seat in Self.seats.indices {
      let run = try Self.drive(seat: seat, answers: answers, killAfter: nil, delay: 0, results: results)
      #expect(run.problem == nil, "seat \(seat)")
      #expect(run.finishedQuizzes == 1, "seat \(seat)")
      let (commune, official) = Self.seats[seat]
      let finished = try sqlite3(
        results.appendingPathComponent("\(commune).sqlite"),
        """
        SELECT a.score || '/' || a.max_score || ' ' || (SELECT count(*) FROM answers WHERE attempt_id = a.id)
        FROM attempts a JOIN officials o ON o.id = a.official_id
        WHERE o.name = '\(official)' AND a.status = 'finished' ORDER BY a.ended_at DESC LIMIT 1
        """)
      let total = answers.count
      #expect(finished == "\(total).0/\(total).0 \(total)", "seat \(seat)")
    }
  }
}

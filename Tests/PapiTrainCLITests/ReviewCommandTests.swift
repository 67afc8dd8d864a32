import Assessment
import Curriculum
import Foundation
import PapiTrainTesting
import Testing
import Units

@testable import Gradebook

/// `review` in the real binary: an FSRS schedule over 30 days of simulated answers equals the
/// reference implementation's, reviews are their own record (never a quiz attempt), review files
/// merge, and a file whose reviews were stored as `#review` attempts migrates with them out of sight.
@Suite(.serialized) struct ReviewCommandTests {
  struct Reference: Decodable {
    struct Step: Decodable {
      var day: Int
      var grade: Int
      var stability: Double
      var difficulty: Double
      var interval: Int
    }
    var thirtyDays: [Step]
    enum CodingKeys: String, CodingKey { case thirtyDays = "thirty_days" }
  }

  /// 2026-12-01 08:00 UTC, the reference's first day.
  static let start = Date(timeIntervalSince1970: 1_796_112_000)
  static let seed: UInt64 = 5
  static let commune = "03637"

  let folder: TemporaryFolder
  var results: URL { folder.appending("Results") }
  var clock: URL { folder.appending("clock") }
  var file: URL { results.appendingPathComponent("\(Self.commune).sqlite") }

  init() throws { folder = try TemporaryFolder() }

  func setClock(_ date: Date) throws {
    try ISO8601DateFormatter().string(from: date).write(to: clock, atomically: true, encoding: .utf8)
  }

  func day(_ n: Int) -> Date { Self.start.addingTimeInterval(Double(n) * 86_400) }

  /// A shell on the small fixture course, signed in as Lò Thị Mai of Mường Kim, on the test clock.
  func startShell() throws -> ShellDriver {
    try ShellDriver(
      [
        "--courses", miniCourse, "--results", results.path, "--seed", String(Self.seed), "--commune",
        Self.commune,
        "--official", "Lò Thị Mai",
      ], environment: ["PAPI_CLOCK_FILE": clock.path])
  }

  /// The mini pre-test answered right but for its true/false question (mini-q-tf, key "sai"),
  /// which so enters review.
  func pretestMissingTheTrueFalseQuestion() throws -> [String] {
    let library = try #require(CurriculumLoader().load(path: miniCourse).library)
    let course = try #require(library.course("mini"))
    let drawn = try QuizAssembler(course: course, taxonomy: library.taxonomy).assemble(
      try #require(course.quiz("mini-pre")), seed: Self.seed)
    return drawn.items.map { $0.question.id == "mini-q-tf" ? "đ" : AnswerParser.typedKey(for: $0) }
  }

  static let dayFormat: DateFormatter = {
    let formatter = DateFormatter()
    formatter.dateFormat = "dd/MM/yyyy"
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter
  }()

  @Test func thirtyDaysOfReviewsFollowTheReferenceScheduleAndAreNoQuizAttempts() throws {
    let url = Repository.fixtures(of: "AssessmentTests").appendingPathComponent("fsrs-reference.json")
    let steps = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url)).thirtyDays
    #expect(steps.map(\.grade).contains(2), "the reference has a Hard answer")
    // A Hard answer is a right one given more than 60 s after the question was shown: the clock
    // moves 90 s on while it is shown, and every later review is 90 s later in its day (whole
    // days between reviews stay those of the reference).
    var offset = 0.0
    for (index, step) in steps.enumerated() {
      let shownAt = day(step.day).addingTimeInterval(offset)
      if step.grade == 2 { offset += 90 }
      try setClock(shownAt)
      let shell = try startShell()
      if index == 0 {
        #expect(shell.expect("(c/k)"))
        shell.send("c")
        #expect(shell.expect("(gõ số)"))
        shell.send("1")
        #expect(shell.expect("papi> "))
        shell.send("quiz mini-pre")
        for answer in try pretestMissingTheTrueFalseQuestion() { shell.send(answer) }
        #expect(shell.expect("Kết quả:"))
      }
      #expect(shell.expect("papi> "))
      shell.send(index % 2 == 0 ? "review" : "ôn tập")
      #expect(shell.expect("Câu 1/1"), "day \(step.day): \(shell.transcript)")
      // The answer prompt comes once the shell has looked at the clock for the question.
      #expect(shell.expect("\n> "), "day \(step.day): \(shell.transcript)")
      try setClock(day(step.day).addingTimeInterval(offset))
      shell.send(step.grade == 1 ? "đ" : "s")
      #expect(shell.expect(step.grade == 1 ? "✗ Chưa đúng." : "✓ Đúng."))
      #expect(shell.expect("Đã ôn 1 câu"))
      shell.send("quit")
      #expect(shell.finish() == 0)

      let card = try sqlite3(
        file,
        "SELECT reps, CAST(round(julianday(due) - julianday(last_review)) AS INTEGER), stability, difficulty FROM review_cards"
      ).split(separator: "|").map(String.init)
      #expect(card.count == 4, "\(card)")
      guard card.count == 4 else { return }
      #expect(Int(card[0]) == index + 1)
      #expect(
        Int(card[1]) == step.interval, "day \(step.day): interval \(card[1]), reference \(step.interval)")
      #expect(abs((Double(card[2]) ?? 0) - step.stability) < 1e-9, "day \(step.day): stability \(card[2])")
      #expect(abs((Double(card[3]) ?? 0) - step.difficulty) < 1e-9, "day \(step.day): difficulty \(card[3])")

      // The day after, nothing is due unless the interval is a day, and review says when.
      guard step.interval > 1 else { continue }
      try setClock(day(step.day + 1))
      let quiet = try startShell()
      quiet.send("review")
      quiet.send("quit")
      #expect(quiet.finish() == 0)
      let next = Self.dayFormat.string(from: day(step.day + step.interval))
      #expect(quiet.transcript.contains("Hiện không có câu nào cần ôn. Lần ôn tiếp theo: \(next)."))
    }

    // Reviews are reviews: one quiz attempt, every review in the log, none in progress.
    #expect(try sqlite3(file, "SELECT count(*) FROM attempts") == "1")
    #expect(try sqlite3(file, "SELECT count(*) FROM answers") == "3")
    #expect(
      try sqlite3(
        file, "SELECT group_concat(grade, ',') FROM (SELECT grade FROM review_log ORDER BY reviewed_at)")
        == steps.map { String($0.grade) }.joined(separator: ","))
    #expect(
      try sqlite3(
        file,
        "SELECT group_concat(elapsed_days, ',') FROM (SELECT elapsed_days FROM review_log ORDER BY reviewed_at)"
      )
        == "0," + zip(steps, steps.dropFirst()).map { String($1.day - $0.day) }.joined(separator: ","))
    try setClock(day(30))
    let last = try startShell()
    last.send("progress")
    last.send("quit")
    #expect(last.finish() == 0)
    #expect(last.transcript.contains("Khoá học nhỏ: đã làm 1 lượt,"), "\(last.transcript)")
    #expect(!last.transcript.contains("#review") && !last.transcript.contains("Ôn tập:"))
  }

  @Test func aReviewOnATerminalShowsAnExplanationThatDoesNotContradictTheVerdict() throws {
    try setClock(Self.start)
    let terminal = try PseudoTerminalSession(
      [
        "--courses", miniCourse, "--results", results.path, "--seed", String(Self.seed), "--commune",
        Self.commune,
        "--official", "Lò Thị Mai",
      ],
      environment: [
        "PAPI_CLOCK_FILE": clock.path, "XDG_STATE_HOME": folder.appending("state").path, "LANG": "",
        "LC_ALL": "",
      ], columns: 80)
    #expect(terminal.expect("(c/k)"))
    terminal.type("c\r")
    #expect(terminal.expect("(gõ số)"))
    terminal.type("1\r")
    #expect(terminal.expect("papi> "))
    terminal.type("quiz mini-pre\r")
    for answer in try pretestMissingTheTrueFalseQuestion() {
      #expect(terminal.expect("> "))
      terminal.type(answer + "\r")
    }
    #expect(terminal.expect("Có 1 câu cần ôn") || terminal.expect("papi> "))
    terminal.type("ôn tập\r")
    #expect(terminal.expect("Câu 1/1"))
    terminal.type("s\r")
    #expect(terminal.expect("✓ Đúng."))
    #expect(terminal.expect("Đã ôn 1 câu, đúng 1 câu."))
    let shown = terminal.transcript
    let after = shown[shown.range(of: "✓ Đúng.", options: .backwards)!.upperBound...]
    #expect(after.contains("Giải thích: Nhận định này không đúng"), "\(after)")
    #expect(!after.contains("Giải thích: Sai"))
    terminal.type("quit\r")
    #expect(terminal.waitForExit() == 0)
  }

  @Test func aFileWithReviewsMergesOnceAndItsCardsArrive() throws {
    try setClock(Self.start)
    let shell = try startShell()
    for line in ["c", "1", "quiz mini-pre"] + (try pretestMissingTheTrueFalseQuestion()) + [
      "review", "s", "quit",
    ] {
      shell.send(line)
    }
    #expect(shell.finish() == 0)
    let central = folder.appending("central")
    let environment = ["XDG_CONFIG_HOME": TestAccess.configHome.path]
    let first = try PapiTrainProcess.run(
      ["merge", file.path, "--results", central.path, "--lang", "en"], environment: environment)
    #expect(first.status == 0, "\(first.output)\(first.error)")
    #expect(first.output.contains("1 reviews"), "\(first.output)")
    let second = try PapiTrainProcess.run(
      ["merge", file.path, "--results", central.path, "--lang", "en"], environment: environment)
    #expect(second.status == 0 && second.output.contains("nothing new"), "\(second.output)")
    let merged = central.appendingPathComponent("\(Self.commune).sqlite")
    let card =
      "SELECT official_id, question_id, stability, difficulty, due, last_review, reps, lapses, state FROM review_cards"
    #expect(try sqlite3(merged, card) == sqlite3(file, card))
    #expect(try sqlite3(merged, "SELECT count(*) FROM review_log") == "1")
    #expect(try sqlite3(merged, "SELECT count(*) FROM attempts") == "1")
  }

  @Test func aFileWhoseReviewsWereAttemptsMigratesAndShowsNoReviewAttempt() throws {
    // Made as version 3 wrote it: the pre-test, then a review stored as attempt "mini#review".
    try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
    let official = UUID().uuidString
    let pretest = UUID().uuidString
    let review = UUID().uuidString
    try makeVersion3File(official: official, attempts: [(pretest, "mini-pre"), (review, "mini#review")])
    #expect(try sqlite3(file, "PRAGMA user_version") == "3")

    try setClock(day(1))
    let shell = try startShell()
    shell.send("progress")
    shell.send("review")
    shell.send("s")
    shell.send("quit")
    #expect(shell.finish() == 0)
    #expect(!shell.transcript.contains("#review"), "\(shell.transcript)")
    #expect(shell.transcript.contains("Ôn tập 1 câu đã trả lời sai"), "\(shell.transcript)")
    #expect(try sqlite3(file, "PRAGMA user_version") == String(CommuneStore.latestSchemaVersion))
    #expect(try sqlite3(file, "SELECT count(*) FROM attempts WHERE quiz_id = 'mini#review'") == "1")
    #expect(try sqlite3(file, "SELECT count(*) FROM review_log") == "1")
    // The pre-test's answer only: the review attempt's is no longer summed.
    #expect(try sqlite3(file, "SELECT sum(answers) FROM answer_sums") == "1")
  }

  /// A results file as papi-train wrote it at version 3 (its own migrations, up to the third), with
  /// one official and these attempts, each missing the true/false question mini-q-tf.
  func makeVersion3File(official: String, attempts: [(id: String, quiz: String)]) throws {
    var sql = """
      INSERT INTO meta (key, value) VALUES ('commune_code', '\(Self.commune)');
      INSERT INTO officials (id, name, position, commune_code, created_at, name_key)
        VALUES ('\(official)', 'Lò Thị Mai', 'chairman', '\(Self.commune)', '2026-11-01 08:00:00.000', 'lo thi mai');
      """
    for (index, attempt) in attempts.enumerated() {
      let moment = "2026-11-0\(index + 2) 08:00:00.000"
      sql += """
        INSERT INTO attempts (id, official_id, quiz_id, course_id, course_version, started_at, ended_at, seed,
          question_ids, score, max_score, status)
          VALUES ('\(attempt.id)', '\(official)', '\(attempt.quiz)', 'mini', '1', '\(moment)', '\(moment)', '5',
          '["mini-q-tf"]', 0.0, 1.0, 'finished');
        INSERT INTO answers (attempt_id, question_id, position, response, score, correct, time_taken, answered_at)
          VALUES ('\(attempt.id)', 'mini-q-tf', 0, '{"truth":true}', 0.0, 0, 4.0, '\(moment)');
        """
    }
    try Schema.makeOlderFile(at: file.path, version: 3, sql: sql)
  }
}

import Curriculum
import Foundation
import Gradebook
import PapiTrainTesting
import Testing
import Units

#if canImport(Glibc)
  import Glibc
#endif

/// A corpus of hostile and damaged results files, made by the tests themselves: one generator per
/// kind of damage (schema objects, value types and ranges, `-wal` states, special files, size).
/// Every case runs the real `papi-train merge` on the file and asserts exit status 1, a message
/// naming the file, a destination left byte for byte as it was, and a `TMPDIR` left empty.
@Suite(.serialized) struct HostileResultsFileTests {
  /// One hostile file: its name (for the test's arguments) and how to make it in a folder.
  struct Case: Sendable, CustomStringConvertible {
    var name: String
    var make: @Sendable (URL) throws -> String
    var description: String { name }
  }

  /// A sound results file of Mường Kim (03637) in `folder`, as the shell leaves it once closed:
  /// two officials (one renamed), a class with its code and a member, a finished attempt of
  /// three answers, and two reviews of a question.
  static func soundFile(in folder: URL, name: String = "03637.sqlite", keepOpen: Bool = false) throws
    -> (path: String, store: CommuneStore)
  {
    let results = ResultsDirectory(url: folder.appendingPathComponent("made-\(UUID().uuidString)"))
    let commune = try CommuneCode("03637")
    let trainingClass = try results.saveClass(
      TrainingClass(
        code: ClassCode("LC-2509-A"), title: "Tập huấn một cửa", trainer: "Nguyễn Thị Hằng",
        date: "2025-09-12",
        place: "Hội trường xã", communeCodes: [commune], pretestQuizID: "one-stop.check"))
    let store = try results.store(for: commune)
    let official = try store.addOfficial(name: "Lò Văn Thắng", position: "chairman")
    let other = try store.addOfficial(name: "Hoàng Thị Mái", position: "vice-chairman")
    try store.renameOfficial(other.id, to: "Hoàng Thị Mai", by: "Nguyễn Thị Hằng")
    try store.join(classID: trainingClass.id, officialID: official.id)
    let attempt = try store.startAttempt(
      Attempt(
        officialID: official.id, quizID: "one-stop.check", courseID: "one-stop", courseVersion: "2025.2",
        seed: 7, questionIDs: ["os.q1", "os.q2", "os.q3"],
        startedAt: Date(timeIntervalSince1970: 1_760_000_000)))
    for index in 0..<3 {
      try store.record(
        Answer(
          attemptID: attempt.id, questionID: QuestionID("os.q\(index + 1)"), position: index, response: "b",
          score: 1,
          isCorrect: true, timeTaken: 4.5,
          answeredAt: Date(timeIntervalSince1970: 1_760_000_010 + Double(index))))
    }
    try store.finishAttempt(attempt.id, score: 3, maxScore: 3, at: Date(timeIntervalSince1970: 1_760_000_100))
    for (index, day) in [1.0, 3].enumerated() {
      let reviewed = Date(timeIntervalSince1970: 1_760_000_000 + day * 86_400)
      try store.recordReview(
        ReviewLogEntry(
          card: ReviewCard(
            officialID: official.id, questionID: "os.q2", stability: 2.3 * day, difficulty: 2.1,
            due: reviewed.addingTimeInterval(2 * day * 86_400), lastReview: reviewed, reps: index + 1,
            lapses: 0),
          grade: 3, elapsedDays: index == 0 ? 0 : 2, response: "{\"choice\":\"b\"}", score: 1, timeTaken: 8))
    }
    let path = folder.appendingPathComponent(name).path
    if !keepOpen {
      _ = try sqlite3(store.fileURL, "PRAGMA wal_checkpoint(TRUNCATE)")
      try FileManager.default.copyItem(atPath: store.fileURL.path, toPath: path)
    }
    return (path, store)
  }

  /// A sound file changed by `sql` through the sqlite3 CLI.
  static func edited(_ name: String, _ sql: String) -> Case {
    Case(name: name) { folder in
      let path = try soundFile(in: folder).path
      // With the file's own triggers off, as a sender's tool may write it.
      let said = try sqlite3CLI(path, ".dbconfig enable_trigger off", sql)
      #expect(!said.contains("Error"), "\(name): \(said)")
      return path
    }
  }

  /// Schema objects of the sender's choosing: nothing more, nothing less than the version's schema.
  static let schemaObjects: [Case] = [
    edited("extra-trigger", "CREATE TRIGGER evil AFTER INSERT ON answers BEGIN DELETE FROM officials; END;"),
    edited(
      "recursive-view",
      "CREATE VIEW forever AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c;"
    ),
    edited("extra-index", "CREATE INDEX answers_by_response ON answers(response);"),
    edited("extra-table", "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"),
    edited("missing-index", "DROP INDEX attempts_by_official;"),
    edited(
      "changed-trigger",
      "DROP TRIGGER answers_are_kept_before_delete; CREATE TRIGGER answers_are_kept_before_delete "
        + "BEFORE DELETE ON answers BEGIN SELECT 1; END;"),
    edited(
      "meta-as-a-view",
      "DROP TABLE meta; CREATE VIEW meta(key, value) AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
        + "SELECT x + 1 FROM c) SELECT 'format', x FROM c;"),
  ]

  /// Values of the wrong type or out of range, in every table merge reads.
  static let valuesAndRanges: [Case] = [
    edited(
      "score-1000",
      "INSERT INTO answers SELECT attempt_id, 'os.q9', 8, 'b', 1000, 1, 1, answered_at FROM answers LIMIT 1;"),
    edited(
      "score-text",
      "INSERT INTO answers SELECT attempt_id, 'os.q9', 8, 'b', 'abc', 1, 1, answered_at FROM answers LIMIT 1;"
    ),
    edited(
      "date-not-a-date",
      "INSERT INTO answers SELECT attempt_id, 'os.q9', 8, 'b', 1, 1, 1, 'hôm qua' FROM answers LIMIT 1;"),
    edited(
      "date-30-february",
      "INSERT INTO answers SELECT attempt_id, 'os.q9', 8, 'b', 1, 1, 1, '2025-02-30 08:00:00.000' FROM answers LIMIT 1;"
    ),
    edited(
      "negative-time",
      "INSERT INTO answers SELECT attempt_id, 'os.q9', 8, 'b', 1, 1, -3, answered_at FROM answers LIMIT 1;"),
    edited(
      "position-blob",
      "INSERT INTO answers SELECT attempt_id, 'os.q9', x'00ff', 'b', 1, 1, 1, answered_at FROM answers LIMIT 1;"
    ),
    edited(
      "huge-response",
      "INSERT INTO answers SELECT attempt_id, 'os.q9', 8, printf('%.100000c', 'x'), 1, 1, 1, answered_at FROM answers LIMIT 1;"
    ),
    edited(
      "attempt-id-not-uuid",
      "INSERT INTO attempts (id, official_id, quiz_id, course_id, course_version, started_at, seed, question_ids, status) SELECT 'x', official_id, quiz_id, course_id, course_version, started_at, seed, question_ids, 'abandoned' FROM attempts LIMIT 1;"
    ),
    edited("seed-not-a-number", "UPDATE attempts SET seed = 'bảy';"),
    edited("question-list-not-json", "UPDATE attempts SET question_ids = '[\"os.q1\",';"),
    edited("started-as-a-number", "UPDATE attempts SET started_at = 1760000000;"),
    edited("commune-code-path", "UPDATE officials SET commune_code = '../x' WHERE rowid = 1;"),
    edited("class-date", "UPDATE classes SET date = '2025-13-01';"),
    edited(
      "review-grade-9",
      "PRAGMA ignore_check_constraints = ON; UPDATE review_log SET grade = 9 WHERE rowid = 1;"),
    edited("review-stability-negative", "UPDATE review_cards SET stability = -2;"),
    edited("review-due-not-a-date", "UPDATE review_cards SET due = 'ngày mai';"),
    edited("review-reps-text", "UPDATE review_log SET reps = 'nhiều' WHERE rowid = 2;"),
    edited(
      "review-state-unknown",
      "PRAGMA ignore_check_constraints = ON; UPDATE review_cards SET state = 'mastered';"),
    edited(
      "review-response-huge", "UPDATE review_log SET response = printf('%.100000c', 'x') WHERE rowid = 1;"),
    edited("review-difficulty-99", "UPDATE review_log SET difficulty = 99 WHERE rowid = 2;"),
    edited(
      "review-of-nobody",
      "PRAGMA foreign_keys = OFF; UPDATE review_log SET official_id = '00000000-0000-0000-0000-000000000000' WHERE rowid = 1;"
    ),
    edited("review-id-not-uuid", "UPDATE review_log SET id = 'ôn-1' WHERE rowid = 1;"),
    edited(
      "review-extra-trigger",
      "CREATE TRIGGER sneaky AFTER INSERT ON review_log BEGIN DELETE FROM review_cards; END;"),
    edited("review-log-kept-trigger-dropped", "DROP TRIGGER review_log_is_kept_before_delete;"),
    edited(
      "orphan-answer",
      "PRAGMA foreign_keys = OFF; INSERT INTO answers SELECT '00000000-0000-0000-0000-000000000000', question_id, position, response, score, correct, time_taken, answered_at FROM answers LIMIT 1;"
    ),
  ]

  /// Class records and the roster's record of changes (schema version 4) out of their rules.
  static let classesAndRoster: [Case] = [
    edited("class-code-path", "UPDATE classes SET code = '../x';"),
    edited("class-code-lower-case", "UPDATE classes SET code = 'lc-2509-a';"),
    edited("class-end-30-february", "UPDATE classes SET end_date = '2025-02-30';"),
    edited("class-closed-soon", "UPDATE classes SET closed_at = 'soon';"),
    edited("class-edited-in-3000", "UPDATE classes SET updated_at = '3000-01-01 00:00:00.000';"),
    edited("class-title-huge", "UPDATE classes SET title = printf('%.1000c', 'x');"),
    edited(
      "member-of-nobody",
      "PRAGMA foreign_keys = OFF; INSERT INTO class_members SELECT class_id, '00000000-0000-0000-0000-000000000000', joined_at FROM class_members LIMIT 1;"
    ),
    edited("member-joined-yesterday", "UPDATE class_members SET joined_at = 'hôm qua';"),
    edited(
      "roster-change-drop", "PRAGMA ignore_check_constraints = ON; UPDATE roster_changes SET kind = 'drop';"),
    edited("roster-change-kept-not-uuid", "UPDATE roster_changes SET kept_id = 'x';"),
    edited("roster-change-by-nobody-blob", "UPDATE roster_changes SET changed_by = x'00ff';"),
  ]

  /// `-wal` files that do not belong with the file beside them.
  static let walStates: [Case] = [
    Case(name: "stale-wal") { folder in
      let (_, store) = try soundFile(in: folder, keepOpen: true)
      let path = folder.appendingPathComponent("03637.sqlite").path
      try FileManager.default.copyItem(atPath: store.fileURL.path, toPath: path)
      try FileManager.default.copyItem(atPath: store.fileURL.path + "-wal", toPath: path + "-wal")
      try setModified(path + "-wal", secondsAgo: 3_600)
      return path
    },
    Case(name: "garbage-wal") { folder in
      let path = try soundFile(in: folder).path
      try Data(repeating: 0x5A, count: 4_096).write(to: URL(fileURLWithPath: path + "-wal"))
      return path
    },
    Case(name: "wal-is-a-folder") { folder in
      let path = try soundFile(in: folder).path
      try FileManager.default.createDirectory(atPath: path + "-wal", withIntermediateDirectories: false)
      return path
    },
    Case(name: "wal-beside-a-rollback-file") { folder in
      let (_, store) = try soundFile(in: folder, keepOpen: true)
      let path = try soundFile(in: folder, name: "03637.sqlite").path
      _ = try sqlite3(URL(fileURLWithPath: path), "PRAGMA journal_mode = DELETE")
      try FileManager.default.copyItem(atPath: store.fileURL.path + "-wal", toPath: path + "-wal")
      return path
    },
  ]

  /// Paths that are not regular files.
  static let specialFiles: [Case] = [
    Case(name: "fifo") { folder in
      let path = folder.appendingPathComponent("03637.sqlite").path
      #expect(mkfifo(path, 0o600) == 0)
      return path
    },
    Case(name: "folder-named-sqlite") { folder in
      let path = folder.appendingPathComponent("03637.sqlite").path
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
      return path
    },
    Case(name: "device") { _ in "/dev/zero" },
  ]

  /// A file over the size limit (sparse: nothing is read before it is refused).
  static let sizes: [Case] = [
    Case(name: "over-256-MiB") { folder in
      let path = try soundFile(in: folder).path
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
      try handle.truncate(atOffset: (256 << 20) + 1)
      try handle.close()
      return path
    }
  ]

  /// Runs the sqlite3 CLI on `path` with each of `commands` in turn; what it printed.
  static func sqlite3CLI(_ path: String, _ commands: String...) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", path] + commands
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  static func setModified(_ path: String, secondsAgo: Double) throws {
    let date = Date().addingTimeInterval(-secondsAgo)
    try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
  }

  /// Every file under `url`, with its bytes.
  static func contents(_ url: URL) -> [String: Data] {
    var found: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
    while let file = enumerator?.nextObject() as? URL {
      found[file.path] = (try? Data(contentsOf: file)) ?? Data()
    }
    return found
  }

  @Test(arguments: schemaObjects + valuesAndRanges + classesAndRoster + walStates + specialFiles + sizes)
  func aHostileFileIsRefusedByNameAndLeavesNothingBehind(_ hostile: Case) throws {
    let folder = try TemporaryFolder()
    let inputs = folder.appending("inputs")
    let temporary = folder.appending("tmp")
    let destination = folder.appending("Results")
    for made in [inputs, temporary, destination] {
      try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
    }
    // The destination already holds Khoen On's results: they must stay byte for byte.
    do {
      let khoenOn = try ResultsDirectory(url: destination).store(for: try CommuneCode("03640"))
      try khoenOn.addOfficial(name: "Lường Văn Hùng", position: "chairman")
    }
    let path = try hostile.make(inputs)
    let before = Self.contents(destination)

    let run = try PapiTrainProcess.run(
      ["merge", path, "--results", destination.path, "--lang", "en"], environment: ["TMPDIR": temporary.path])
    #expect(run.status == 1, "\(hostile): \(run.output)\(run.error)")
    #expect(run.error.contains(path), "\(hostile): \(run.error)")
    #expect(Self.contents(destination) == before, "\(hostile): the destination changed")
    let left = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
    #expect(left.isEmpty, "\(hostile): left in TMPDIR: \(left)")
  }

  /// Bad files among good ones: every bad one named, every good one merged, exit status 1, and
  /// a summary of both.
  @Test func theGoodFilesAreMergedAndTheBadOnesNamed() throws {
    let folder = try TemporaryFolder()
    let inputs = folder.appending("inputs")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    let bad = try Self.valuesAndRanges[0].make(inputs)
    let renamed = inputs.appendingPathComponent("a-bad.sqlite").path
    try FileManager.default.moveItem(atPath: bad, toPath: renamed)
    let good = try Self.soundFile(in: inputs, name: "b-good.sqlite").path
    let destination = folder.appending("Results")
    let run = try PapiTrainProcess.run(["merge", inputs.path, "--results", destination.path, "--lang", "en"])
    #expect(run.status == 1, "\(run.output)\(run.error)")
    #expect(run.error.contains(renamed) && run.error.contains("score"), "\(run.error)")
    #expect(run.output.contains(good) && run.output.contains("added 2 officials"), "\(run.output)")
    #expect(run.output.contains("1 merged, 1 refused"), "\(run.output)")
  }
}

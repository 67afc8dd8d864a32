import Access
import Assessment
import Curriculum
import Foundation
import PapiTrainTesting
import ProvinceServerTesting
import Sync
import Testing

/// Course versions published on the province server and pulled by a commune machine, through the
/// real binaries on a real PostgreSQL: the machine installs only what the publishing key it learnt
/// at enrolment signed, the shell teaches the pulled version, its attempts sync back and reports
/// read it.
@Suite(.serialized, .enabled(if: serverTestsCanRun)) struct CourseSyncTests {
  /// A question the published version adds (a copy of oss-q-001 under a new id, in the pre-test).
  static let newQuestion = "oss-q-901"
  static let newTitle = "Cơ chế một cửa, một cửa liên thông (bản 2026)"

  /// The province's copy of the courses with one-stop-shop at `version`: a new title, and one
  /// question more in its pre-test (one the shipped courses do not have).
  static func provinceCourses(in folder: TemporaryFolder, version: String) throws -> URL {
    let courses = folder.appending("province-Courses-\(version)")
    try FileManager.default.copyItem(at: Repository.courses, to: courses)
    let course = courses.appendingPathComponent("one-stop-shop")
    try edit(course.appendingPathComponent("course.yaml")) { text in
      text.replacingOccurrences(of: "\nversion: 2.0.0", with: "\nversion: \(version)")
        .replacingOccurrences(
          of: "  vi: Cơ chế một cửa, một cửa liên thông\n", with: "  vi: \(newTitle)\n"
        )
        .replacingOccurrences(of: "questions: [oss-q-001, ", with: "questions: [\(newQuestion), oss-q-001, ")
    }
    try edit(course.appendingPathComponent("questions/m1-foundations.yaml")) { text in
      let start = try #require(text.range(of: "\n- id: oss-q-001\n"))
      let end = try #require(text.range(of: "\n- id: ", range: start.upperBound..<text.endIndex))
      let block = text[start.lowerBound..<end.lowerBound].replacingOccurrences(
        of: "id: oss-q-001", with: "id: \(newQuestion)")
      return text + (text.hasSuffix("\n") ? "" : "\n") + String(block.dropFirst()) + "\n"
    }
    return course
  }

  static func edit(_ file: URL, _ change: (String) throws -> String) throws {
    try change(try String(contentsOf: file, encoding: .utf8)).write(
      to: file, atomically: true, encoding: .utf8)
  }

  /// The pulled courses on the province's commune machine.
  func pulled(_ province: Province) -> URL {
    URL(fileURLWithPath: province.machine.path("data")).appendingPathComponent("papi-train/courses")
  }

  func publish(_ province: Province, _ folder: URL) throws -> ServerRun {
    try province.papiServer(["courses", "publish", folder.path, "--courses", Repository.courses.path])
  }

  @Test func aPublishedVersionIsPulledTaughtSyncedBackAndReported() throws {
    let province = try Province()
    let folder = try TemporaryFolder("papi-course-sync")
    let course = try Self.provinceCourses(in: folder, version: "2.1.0")
    let published = try publish(province, course)
    #expect(published.status == 0, "\(published.error)")
    #expect(
      published.output.contains("Đã công bố khoá học one-stop-shop phiên bản 2.1.0"), "\(published.output)")
    let again = try publish(province, course)
    #expect(again.status == 1)
    #expect(again.error.contains("đã được công bố"), "\(again.error)")
    let list = try province.papiServer(["courses", "list"])
    #expect(list.output.hasPrefix("one-stop-shop  2.1.0  "), "\(list.output)")
    #expect(list.output.contains("đang dùng"))

    // The machine learns the publishing key at enrolment, and installs what it signed.
    try province.enrolMachine()
    let key = try province.papiServer(["courses", "key"])
    let publicKey = try #require(key.output.split(separator: " ").first { $0.count == 44 })
    let settings = try SyncSettings.load(from: SyncSettings.url(environment: province.environment))
    #expect(settings?.publisherKey == String(publicKey), "\(key.output)")
    let sync = try province.papiTrain(["sync", "--courses", Repository.courses.path])
    #expect(sync.status == 0, "\(sync.output) \(sync.error)")
    #expect(sync.output.contains("Received course one-stop-shop version 2.1.0"), "\(sync.output)")
    let yaml = try String(
      contentsOf: pulled(province).appendingPathComponent("one-stop-shop/course.yaml"), encoding: .utf8)
    #expect(yaml.contains("\nversion: 2.1.0"))
    let second = try province.papiTrain(["sync", "--courses", Repository.courses.path])
    #expect(
      second.output.contains("The courses here are the province's current versions (1)"), "\(second.output)")

    // The shell teaches the pulled version: its title, its new question, its version recorded.
    let answers = try pulledRightAnswers(quiz: "oss-pretest", seed: 11, pulled: pulled(province))
    #expect(answers.count == 19)
    let input = ["03388", "Lò Thị Mai", "c", "6", "courses", "quiz oss-pretest"] + answers + ["quit"]
    let shell = try PapiTrainProcess.run(
      ["--results", province.results.path, "--seed", "11"], input: input.joined(separator: "\n") + "\n",
      environment: province.environment)
    #expect(shell.status == 0, "\(shell.error)")
    #expect(shell.output.contains(Self.newTitle), "\(shell.output.prefix(3_000))")
    #expect(shell.output.contains("\(answers.count)/\(answers.count) điểm"), "\(shell.output.suffix(2_000))")

    // Its attempt syncs back: the server learns the new question from the published version.
    let back = try province.papiTrain(["sync", "--courses", Repository.courses.path])
    #expect(back.status == 0, "\(back.output) \(back.error)")
    #expect(back.output.contains("Sent \(answers.count) answers"), "\(back.output)")
    #expect(try province.count("SELECT count(*) FROM attempts WHERE course_version = '2.1.0'") == 1)
    #expect(try province.count("SELECT count(*) FROM answers WHERE question_id = '\(Self.newQuestion)'") == 1)

    // Reports load the pulled version too: the new question's answer counts.
    let withPulled = try answersCounted(
      province, environment: ["XDG_DATA_HOME": province.machine.path("data")])
    let without = try answersCounted(province, environment: ["XDG_DATA_HOME": folder.path("nothing-pulled")])
    #expect(
      withPulled > 0 && withPulled == without + 1, "with the pulled courses \(withPulled), without \(without)"
    )
  }

  @Test func aTamperedOrWronglySignedPackageIsRefusedWithTheReasonAndNothingInstalled() throws {
    let province = try Province()
    let folder = try TemporaryFolder("papi-course-sync")
    let published = try publish(province, try Self.provinceCourses(in: folder, version: "2.1.0"))
    #expect(published.status == 0, "\(published.error)")
    try province.enrolMachine()

    // One base64 character of course.yaml changed in the stored package.
    try province.cluster.psql(
      province.database,
      """
      UPDATE course_packages SET package = overlay(package placing
        (CASE WHEN get_byte(package, position('"contents":"'::bytea in package) + 21) = 65
          THEN '\\x42' ELSE '\\x41' END)::bytea
        from position('"contents":"'::bytea in package) + 22 for 1)
      """)
    let tampered = try province.papiTrain(["sync", "--courses", Repository.courses.path])
    #expect(tampered.status == 1)
    #expect(tampered.error.contains("not installed one-stop-shop-2.1.0.papicourse"), "\(tampered.error)")
    #expect(tampered.error.contains("the bytes of course.yaml are not the signed ones"), "\(tampered.error)")
    #expect(try installedEntries(province) == [])

    // A version signed by another key than the one given at enrolment (the key replaced on the
    // server) is refused too.
    try province.cluster.psql(province.database, "DELETE FROM publishing_keys")
    try FileManager.default.removeItem(at: province.publishingKeyFile)
    let other = try publish(province, try Self.provinceCourses(in: folder, version: "2.2.0"))
    #expect(other.status == 0, "\(other.error)")
    let untrusted = try province.papiTrain(["sync", "--courses", Repository.courses.path])
    #expect(untrusted.status == 1)
    #expect(untrusted.error.contains("one-stop-shop-2.2.0.papicourse"), "\(untrusted.error)")
    #expect(untrusted.error.contains("not trusted here"), "\(untrusted.error)")
    #expect(try installedEntries(province) == [])

    // The shell still teaches the shipped version.
    let shell = try PapiTrainProcess.run(
      ["--results", province.results.path], input: "03388\nLò Thị Mai\nc\n6\ncourses\nquit\n",
      environment: province.environment)
    #expect(shell.status == 0, "\(shell.error)")
    #expect(!shell.output.contains(Self.newTitle))
  }

  @Test func thePublishingKeysPrivateHalfIsInItsFileNeverInTheDatabase() throws {
    let province = try Province()
    let folder = try TemporaryFolder("papi-course-sync")
    try province.enrolMachine()
    // Made with the first enrolment code: the file (owner only), and the public half in the database.
    let attributes = try FileManager.default.attributesOfItem(atPath: province.publishingKeyFile.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    #expect(try province.count("SELECT count(*) FROM publishing_keys WHERE private_key IS NULL") == 1)
    let fileKey = try #require(try MachineKey.load(at: province.publishingKeyFile))
    let key = try province.papiServer(["courses", "key"])
    #expect(key.output.contains(fileKey.publicKeyText), "\(key.output) \(key.error)")
    let settings = try SyncSettings.load(from: SyncSettings.url(environment: province.environment))
    #expect(settings?.publisherKey == fileKey.publicKeyText)

    // Another key file, or none, cannot publish: refused with the file named, nothing stored.
    let course = try Self.provinceCourses(in: folder, version: "2.1.0")
    let otherFile = folder.appending("other-key")
    _ = try MachineKey.loadOrCreate(at: otherFile)
    for (path, reason) in [
      (otherFile.path, "không phải khoá công bố của tỉnh"),
      (folder.path("no-such-key"), "không có tệp khoá công bố"),
    ] {
      let refused = try province.papiServer(
        ["courses", "publish", course.path, "--courses", Repository.courses.path, "--publishing-key", path])
      #expect(refused.status == 1)
      #expect(refused.error.contains(reason) && refused.error.contains(path), "\(refused.error)")
    }
    #expect(try province.count("SELECT count(*) FROM course_packages") == 0)
    #expect(try publish(province, course).status == 0)
  }

  @Test func aPrivateHalfAnEarlierServerKeptInTheDatabaseMovesIntoTheKeyFile() throws {
    let province = try Province()
    let folder = try TemporaryFolder("papi-course-sync")
    try province.enrolMachine()
    // As schema versions 5 to 7 kept it: the private half in the database, no key file.
    let fileKey = try #require(try MachineKey.load(at: province.publishingKeyFile))
    let raw = fileKey.privateKey.rawRepresentation.base64EncodedString()
    try province.cluster.psql(
      province.database, "UPDATE publishing_keys SET private_key = decode('\(raw)', 'base64')")
    try FileManager.default.removeItem(at: province.publishingKeyFile)

    let published = try publish(province, try Self.provinceCourses(in: folder, version: "2.1.0"))
    #expect(published.status == 0, "\(published.error)")
    #expect(published.output.contains("đã được chuyển khỏi cơ sở dữ liệu"), "\(published.output)")
    #expect(try MachineKey.load(at: province.publishingKeyFile)?.publicKeyText == fileKey.publicKeyText)
    #expect(try province.count("SELECT count(*) FROM publishing_keys WHERE private_key IS NULL") == 1)
    // The machine enrolled before the move installs what the moved key signed.
    let sync = try province.papiTrain(["sync", "--courses", Repository.courses.path])
    #expect(sync.status == 0, "\(sync.output) \(sync.error)")
    #expect(sync.output.contains("Received course one-stop-shop version 2.1.0"), "\(sync.output)")
  }

  /// What the pulled courses folder holds, hidden entries too (a staging folder left behind).
  func installedEntries(_ province: Province) throws -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: pulled(province).path)) ?? []).sorted()
  }

  /// The keystrokes answering `quizID` right as the shell assembles it over the pulled courses.
  func pulledRightAnswers(quiz quizID: String, seed: UInt64, pulled: URL) throws -> [String] {
    let library = try #require(
      CurriculumLoader().load(path: Repository.courses.path, pulledCourses: pulled.path).library)
    let course = try #require(library.courses.first { $0.quiz(quizID) != nil })
    let quiz = try #require(course.quiz(quizID))
    let assembled = try QuizAssembler(course: course, taxonomy: library.taxonomy).assemble(quiz, seed: seed)
    return assembled.items.map(AnswerParser.typedKey(for:))
  }

  /// The answers `report readiness --json` counts for the commune over every dimension.
  func answersCounted(_ province: Province, environment: [String: String]) throws -> Int {
    let run = try PapiTrainProcess.run(
      [
        "report", "readiness", "--results", province.results.path, "--json", "--no-cache", "--commune",
        "03388",
      ],
      environment: environment)
    #expect(run.status == 0, "\(run.error)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    let communes = try #require(document["communes"] as? [[String: Any]])
    let entry = try #require(communes.first { $0["code"] as? String == "03388" })
    let dimensions = try #require(entry["dimensions"] as? [[String: Any]])
    return dimensions.compactMap { ($0["mastery"] as? [String: Any])?["answers"] as? Int }.reduce(0, +)
  }
}

import Access
import Assessment
import Curriculum
import Foundation
import PapiTrainTesting
import Testing

/// A course version published, installed and then used by the shell, through the real binary:
/// the attempt records the pulled version, and reports tell the versions apart.
@Suite struct CourseVersionCLITests {
  let folder: TemporaryFolder
  /// Xã Bình Lư, Tỉnh Lai Châu, in the shipped AdministrativeUnits/units.csv.
  let commune = "03390"

  init() throws { folder = try TemporaryFolder("papi-course-version") }

  var results: URL { folder.appending("Results") }

  /// The province's copy of the courses, with one-stop-shop at version 2.1.0.
  func provinceCourses() throws -> URL {
    let courses = folder.appending("province-Courses")
    try FileManager.default.copyItem(at: Repository.courses, to: courses)
    let file = courses.appendingPathComponent("one-stop-shop/course.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(of: "\nversion: 2.0.0", with: "\nversion: 2.1.0")
      .write(to: file, atomically: true, encoding: .utf8)
    return courses
  }

  func takePretest(as official: String, dataHome: URL) throws {
    let answers = try ShellPipeTests.rightAnswers(quiz: "oss-pretest", seed: 11)
    let input = ["binh lu", official, "c", "6", "quiz oss-pretest"] + answers + ["quit"]
    let run = try PapiTrainProcess.run(
      ["--results", results.path, "--seed", "11"], input: input.joined(separator: "\n") + "\n",
      environment: ["XDG_DATA_HOME": dataHome.path])
    #expect(run.status == 0, "\(run.error)")
  }

  func sqlite(_ sql: String) throws -> String {
    try sqlite3(results.appendingPathComponent("\(commune).sqlite"), sql)
  }

  @Test func aPulledVersionIsUsedByTheShellAndReportsTellVersionsApart() throws {
    let courses = try provinceCourses()
    let keyFile = folder.appending("province.key")
    let package = folder.path("one-stop-shop-2.1.0.papicourse")
    let pack = try PapiTrainProcess.run([
      "courses", "pack", courses.appendingPathComponent("one-stop-shop").path, "-o", package, "--key",
      keyFile.path,
    ])
    #expect(pack.status == 0, "\(pack.error)")
    #expect(pack.output.contains("one-stop-shop") && pack.output.contains("2.1.0"))
    let publisher = try MachineKey.loadOrCreate(at: keyFile).publicKeyText

    let pulled = folder.appending("pulled-data")
    let install = try PapiTrainProcess.run(
      ["courses", "install", package, "--publisher-key", publisher],
      environment: ["XDG_DATA_HOME": pulled.path])
    #expect(install.status == 0, "\(install.error)")
    let list = try PapiTrainProcess.run(["courses", "list"], environment: ["XDG_DATA_HOME": pulled.path])
    #expect(list.output.hasPrefix("one-stop-shop  2.1.0  "), "\(list.output)")

    // One attempt on the shipped version (nothing pulled), one on the pulled version.
    try takePretest(as: "Nguyễn Thị Hoa", dataHome: folder.appending("nothing-pulled"))
    try takePretest(as: "Trần Văn An", dataHome: pulled)
    let versions = try sqlite(
      "SELECT o.name, a.course_version, a.status FROM attempts a JOIN officials o ON o.id = a.official_id ORDER BY a.started_at"
    )
    #expect(versions == "Nguyễn Thị Hoa|2.0.0|finished\nTrần Văn An|2.1.0|finished", "\(versions)")

    let all = try answersCounted(nil)
    let pulledOnly = try answersCounted("2.1.0")
    #expect(pulledOnly > 0)
    #expect(try answersCounted("2.0.0") == pulledOnly)
    #expect(all == 2 * pulledOnly)
    #expect(try answersCounted("9.9.9") == 0)
  }

  /// The answers `report readiness --json` counts for the commune over every dimension, with
  /// `--course-version version` when given.
  func answersCounted(_ version: String?) throws -> Int {
    let run = try PapiTrainProcess.run(
      ["report", "readiness", "--results", results.path, "--json", "--no-cache", "--commune", commune]
        + (version.map { ["--course-version", $0] } ?? []))
    #expect(run.status == 0, "\(run.error)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    let communes = try #require(document["communes"] as? [[String: Any]])
    let entry = try #require(communes.first { $0["code"] as? String == commune })
    let dimensions = try #require(entry["dimensions"] as? [[String: Any]])
    return dimensions.compactMap { ($0["mastery"] as? [String: Any])?["answers"] as? Int }.reduce(0, +)
  }

  @Test func aPackageFromAnUntrustedKeyIsRefusedAndNothingIsInstalled() throws {
    let courses = try provinceCourses()
    let package = folder.path("p.papicourse")
    let pack = try PapiTrainProcess.run([
      "courses", "pack", courses.appendingPathComponent("one-stop-shop").path, "-o", package, "--key",
      folder.path("province.key"),
    ])
    #expect(pack.status == 0, "\(pack.error)")
    let stranger = try MachineKey.loadOrCreate(at: folder.appending("stranger.key")).publicKeyText
    let pulled = folder.appending("pulled-data")
    let install = try PapiTrainProcess.run(
      ["courses", "install", package, "--publisher-key", stranger],
      environment: ["XDG_DATA_HOME": pulled.path])
    #expect(install.status == 1)
    #expect(install.error.contains("không tin cậy"), "\(install.error)")
    let installed = pulled.appendingPathComponent("papi-train/courses/one-stop-shop")
    #expect(!FileManager.default.fileExists(atPath: installed.path))
  }
}

import Curriculum
import Foundation
import PapiTrainTesting
import ProvinceServer
import Testing

/// papi-server's courses come through papi-train's course cache, as the shell's do: validated
/// once, read back while nothing changes, read and validated again when a course file changes.
@Suite struct ReadinessCourseCacheTests {
  static let title = "The PAPI dimensions and what the commune can do"

  @Test func theCoursesAreReadBackFromTheCacheUntilACourseFileChanges() throws {
    let folder = try TemporaryFolder("papi-server-courses")
    let courses = folder.appending("Courses")
    try FileManager.default.copyItem(at: Repository.courses, to: courses)
    var settings = ServerSettings(
      host: "127.0.0.1", port: 0, tls: nil,
      database: try DatabaseSettings(url: "postgres://papi@127.0.0.1:1/papi"),
      coursesPath: courses.path)
    settings.courseCache = CurriculumCache(directory: folder.appending("cache"))

    let first = try settings.loadCourses()
    #expect(first.courses.contains { $0.title.en == Self.title })
    let entries = try cacheEntries(folder)
    #expect(entries.count == 1, "validated once, kept")

    // What the cache holds is what the next start gets: marked there, the mark comes back.
    let entry = try #require(entries.first)
    let text = try String(contentsOf: entry, encoding: .utf8)
    try text.replacingOccurrences(of: Self.title, with: Self.title + " (kept)").write(
      to: entry, atomically: true, encoding: .utf8)
    let kept = try settings.loadCourses()
    #expect(kept.courses.contains { $0.title.en == Self.title + " (kept)" }, "read back from the cache")

    // A course file changed: read and validated again, the cache's entry not used.
    let courseFile = courses.appendingPathComponent("papi-dimensions/course.yaml")
    let course = try String(contentsOf: courseFile, encoding: .utf8)
    try course.replacingOccurrences(of: "en: " + Self.title, with: "en: " + Self.title + " (edited)").write(
      to: courseFile, atomically: true, encoding: .utf8)
    let edited = try settings.loadCourses()
    #expect(edited.courses.contains { $0.title.en == Self.title + " (edited)" })
    #expect(try cacheEntries(folder).count == 2)
  }

  func cacheEntries(_ folder: TemporaryFolder) throws -> [URL] {
    try FileManager.default.contentsOfDirectory(
      at: folder.appending("cache"), includingPropertiesForKeys: nil
    )
    .filter { $0.pathExtension == "json" }
  }
}

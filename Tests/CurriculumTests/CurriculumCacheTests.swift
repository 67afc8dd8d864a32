import Foundation
import Testing

@testable import Curriculum

/// The cache of loaded courses gives back exactly what a load gives, and never an entry for files
/// that have changed since.
@Suite struct CurriculumCacheTests {
  /// A copy of the shipped courses and an empty cache folder, removed afterwards.
  final class Workspace {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "courses-cache-\(UUID().uuidString)")
    var courses: String { root.appendingPathComponent("Courses").path }
    var cache: CurriculumCache { CurriculumCache(directory: root.appendingPathComponent("cache")) }

    init() throws {
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
      try FileManager.default.copyItem(atPath: Fixtures.shippedCourses, toPath: courses)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var entries: [String] {
      (try? FileManager.default.contentsOfDirectory(atPath: cache.directory.path))?.sorted() ?? []
    }
  }

  @Test func aCachedLoadIsTheSameAsALoadAndIsReadFromTheCache() throws {
    let workspace = try Workspace()
    let fresh = CurriculumLoader().load(path: workspace.courses)
    let first = CurriculumLoader().load(path: workspace.courses, cache: workspace.cache)
    #expect(workspace.entries.count == 1)
    let second = CurriculumLoader().load(path: workspace.courses, cache: workspace.cache)
    #expect(first.library == fresh.library && first.diagnostics == fresh.diagnostics)
    #expect(second.library == fresh.library && second.diagnostics == fresh.diagnostics)
    #expect(second.isValid)

    // What the second load returned came from the entry: change the entry, see the change.
    let entryURL = workspace.cache.directory.appendingPathComponent(workspace.entries[0])
    var entry = try JSONDecoder().decode(CurriculumCache.Entry.self, from: Data(contentsOf: entryURL))
    entry.library?.courses[0].title.vi = "Đã đổi trong bộ đệm"
    try JSONEncoder().encode(entry).write(to: entryURL)
    let third = CurriculumLoader().load(path: workspace.courses, cache: workspace.cache)
    #expect(third.library?.courses[0].title.vi == "Đã đổi trong bộ đệm")
  }

  /// The shell's way: the load returns at once and the entry is written on another thread;
  /// once written it is what a load reads.
  @Test func anEntryWrittenInTheBackgroundIsInPlaceOnceWaitedFor() throws {
    let workspace = try Workspace()
    var cache = workspace.cache
    cache.writesInBackground = true
    let fresh = CurriculumLoader().load(path: workspace.courses, cache: cache)
    CurriculumCache.waitForWrites()
    #expect(workspace.entries.count == 1)
    let key = try #require(CurriculumLoader().cacheKey(path: workspace.courses, taxonomyPath: nil))
    let cached = try #require(workspace.cache.entry(for: key))
    #expect(cached.library == fresh.library && cached.diagnostics == fresh.diagnostics)
  }

  @Test func anEditedLessonOrTaxonomyIsLoadedAgain() throws {
    let workspace = try Workspace()
    let before = CurriculumLoader().load(path: workspace.courses, cache: workspace.cache)
    let course = try #require(before.library?.courses.first)
    let lesson = try #require(course.lessons.first)
    let lessonsFolder = URL(fileURLWithPath: workspace.courses).appendingPathComponent(
      URL(fileURLWithPath: course.directory).lastPathComponent + "/lessons")
    var lessonFile: String?
    for name in try FileManager.default.contentsOfDirectory(atPath: lessonsFolder.path).sorted()
    where name.hasSuffix(".md") && !name.hasSuffix(".en.md") {
      let text = try String(contentsOfFile: lessonsFolder.appendingPathComponent(name).path, encoding: .utf8)
      if text.contains("id: \(lesson.id)") { lessonFile = name }
    }
    let path = lessonsFolder.appendingPathComponent(try #require(lessonFile)).path
    try (String(contentsOfFile: path, encoding: .utf8) + "\nMột dòng mới.\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    let after = CurriculumLoader().load(path: workspace.courses, cache: workspace.cache)
    #expect(
      after.library?.course(course.id)?.lessons.first { $0.id == lesson.id }?.body.vi.contains(
        "Một dòng mới.") == true)
    #expect(workspace.entries.count == 2)

    // A broken taxonomy is an error at once, not the cached valid courses.
    try "edition: [".write(
      toFile: workspace.courses + "/papi-taxonomy.yaml", atomically: true, encoding: .utf8)
    let broken = CurriculumLoader().load(path: workspace.courses, cache: workspace.cache)
    #expect(!broken.isValid)
    #expect(broken.errors.contains { $0.location.file.hasSuffix("papi-taxonomy.yaml") })
  }

  @Test func anUnreadableEntryIsIgnoredAndWrittenAgain() throws {
    let workspace = try Workspace()
    _ = CurriculumLoader().load(path: workspace.courses, cache: workspace.cache)
    let entryURL = workspace.cache.directory.appendingPathComponent(workspace.entries[0])
    try Data("{ not json".utf8).write(to: entryURL)
    let loaded = CurriculumLoader().load(path: workspace.courses, cache: workspace.cache)
    #expect(loaded.isValid)
    #expect(
      try JSONDecoder().decode(CurriculumCache.Entry.self, from: Data(contentsOf: entryURL)).library != nil)
  }

  /// A shell killed while writing its entry leaves a temporary file: the next write removes it
  /// once it is old enough not to be another process's write under way.
  @Test func aTemporaryFileAWriteCutShortLeftIsRemovedOnceOld() throws {
    let workspace = try Workspace()
    let folder = workspace.cache.directory
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let stale = folder.appendingPathComponent(".0123abcd.\(UUID().uuidString).tmp")
    let fresh = folder.appendingPathComponent(".4567ef01.\(UUID().uuidString).tmp")
    try Data("{ half an ent".utf8).write(to: stale)
    try Data("{ being writ".utf8).write(to: fresh)
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(-CurriculumCache.abandonedAfter - 60)],
      ofItemAtPath: stale.path)
    _ = CurriculumLoader().load(path: workspace.courses, cache: workspace.cache)
    #expect(workspace.entries.filter { $0.hasSuffix(".json") }.count == 1)
    #expect(workspace.entries.filter { $0.hasSuffix(".tmp") } == [fresh.lastPathComponent])
  }

  @Test func onlyTheNewestEntriesAreKept() throws {
    let workspace = try Workspace()
    var cache = workspace.cache
    cache.capacity = 2
    for number in 0..<4 {
      try "\(number)".write(
        toFile: workspace.courses + "/note-\(number).txt", atomically: true, encoding: .utf8)
      _ = CurriculumLoader().load(path: workspace.courses, cache: cache)
    }
    #expect(workspace.entries.count == 2)
  }
}

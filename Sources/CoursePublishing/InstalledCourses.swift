import Curriculum
import Foundation
import Toolkit

#if canImport(Glibc)
  import Glibc
#endif

/// The course versions pulled onto this machine: one folder per course under
/// ``CurriculumLoader/pulledCoursesURL(environment:)`` (`$XDG_DATA_HOME/papi-train/courses/ID/`),
/// each with the signed manifest kept as `.package.json`. The shell loads them over the shipped
/// Courses/: a pulled course replaces the shipped course with the same id, whatever the two
/// versions, because the province decides which version its communes teach.
public struct InstalledCourses: Sendable {
  /// The folder holding one folder per pulled course.
  public let root: URL

  public init(root: URL) { self.root = root }

  /// This machine's pulled courses.
  public static func `default`(environment: [String: String]) -> InstalledCourses {
    InstalledCourses(root: CurriculumLoader.pulledCoursesURL(environment: environment))
  }

  /// The name of the signed manifest kept in an installed course's folder.
  public static let packageFileName = ".package.json"

  /// Installs `course`: its files are written into a new hidden folder beside the installed
  /// ones, loaded as the shell will load it (over the shipped courses at `coursesPath`: lint must
  /// find no error, and the course must be the manifest's course and version), and only then
  /// renamed into place. A reader sees the old version or the whole new one; a crash between the
  /// two renames leaves the shipped course in use until the next pull.
  @discardableResult
  public func install(_ course: VerifiedCourse, name: String, coursesPath: String) throws -> URL {
    let manifest = course.manifest
    let incoming = root.appendingPathComponent(".incoming-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: incoming) }
    let staging = incoming.appendingPathComponent(manifest.course)
    try write(course, into: staging)
    try checkLoads(incoming, as: manifest, name: name, coursesPath: coursesPath)
    let target = root.appendingPathComponent(manifest.course)
    let replaced = root.appendingPathComponent(".replaced-\(manifest.course)-\(UUID().uuidString)")
    let hadOne = FileManager.default.fileExists(atPath: target.path)
    guard !hadOne || rename(target.path, replaced.path) == 0, rename(staging.path, target.path) == 0 else {
      throw CoursePackageMessage.unwritable(target.path, reason: String(cString: strerror(errno)))
    }
    try? FileManager.default.removeItem(at: replaced)
    return target
  }

  /// The manifests of the installed courses, by course id.
  public func manifests() -> [CourseManifest] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return names.sorted().filter { !$0.hasPrefix(".") }.compactMap { name in
      let file = root.appendingPathComponent(name).appendingPathComponent(Self.packageFileName)
      guard let data = FileManager.default.contents(atPath: file.path),
        let package = try? JSONDecoder().decode(CoursePackage.self, from: data),
        let bytes = Data(base64Encoded: package.manifest)
      else { return nil }
      return try? JSONDecoder().decode(CourseManifest.self, from: bytes)
    }
  }

  private func write(_ course: VerifiedCourse, into staging: URL) throws {
    do {
      try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
      for file in course.files {
        let url = staging.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(file.data, to: url, replacing: false)
      }
      var kept = course.package
      kept.files = []
      try AtomicFile.write(try kept.encoded(), to: staging.appendingPathComponent(Self.packageFileName))
    } catch let failure as AtomicFile.Failure {
      throw CoursePackageMessage.unwritable(failure.path, reason: failure.reason)
    } catch {
      throw CoursePackageMessage.unwritable(staging.path, reason: error.localizedDescription)
    }
  }

  /// Lint finds no error in the shipped courses with the new one over them, and the new one
  /// alone is the manifest's course and version.
  private func checkLoads(_ incoming: URL, as manifest: CourseManifest, name: String, coursesPath: String)
    throws
  {
    let combined = CurriculumLoader().load(path: coursesPath, pulledCourses: incoming.path)
    guard combined.errors.isEmpty else { throw LintRefusal(folder: name, errors: combined.errors) }
    let taxonomy = (coursesPath as NSString).appendingPathComponent(CurriculumLoader.taxonomyFileName)
    let alone = CurriculumLoader().load(
      path: incoming.appendingPathComponent(manifest.course).path, taxonomyPath: taxonomy)
    let found = alone.library?.courses.first.map { "\($0.id) \($0.version)" } ?? "-"
    guard found == "\(manifest.course) \(manifest.version)" else {
      throw CoursePackageMessage.courseMismatch(
        package: name, declared: "\(manifest.course) \(manifest.version)", found: found)
    }
  }
}

import Curriculum
import Foundation
import Localization

/// The courses tests run on, each loaded once per test run: the shipped Courses/ (the real question
/// bank) and the small valid fixture courses of CurriculumTests (fast, and stable while the shipped
/// content changes).
public enum TestCourses {
  /// The shipped Courses/ folder.
  public static var shippedPath: String { Repository.courses.path }

  /// The valid fixture courses (the six-question `mini` course and its taxonomy).
  public static var fixturePath: String {
    Repository.fixtures(of: "CurriculumTests").appendingPathComponent("valid").path
  }

  /// The shipped courses, loaded and validated.
  public static func shipped() throws -> CourseLibrary { try loadedShipped.get() }

  /// The valid fixture courses, loaded and validated.
  public static func fixture() throws -> CourseLibrary { try loadedFixture.get() }

  /// The courses at `path`, or an error listing why they do not load.
  public static func load(_ path: String) throws -> CourseLibrary {
    let loaded = CurriculumLoader().load(path: path)
    guard let library = loaded.library else {
      let problems = loaded.diagnostics.prefix(5).map { $0.formatted(in: .english) }
      throw FixtureError("the courses at \(path) do not load: \(problems.joined(separator: "; "))")
    }
    return library
  }

  private static let loadedShipped = Result { try load(shippedPath) }
  private static let loadedFixture = Result { try load(fixturePath) }
}

import Curriculum
import Foundation

/// The fixture folder beside these tests, and helpers to lint a fixture with stable paths.
enum Fixtures {
  static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures").path

  /// The repository's shipped Courses/ folder.
  static let shippedCourses: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Courses").path

  static func load(_ relativePath: String) -> LoadedCurriculum {
    CurriculumLoader().load(path: root + "/" + relativePath)
  }

  /// Every diagnostic of a fixture, in English, with paths relative to the fixture folder.
  static func lint(_ relativePath: String) -> [String] {
    let prefix = root + "/" + relativePath + "/"
    return load(relativePath).diagnostics.map {
      $0.formatted(in: .english).replacingOccurrences(of: prefix, with: "")
    }
  }
}

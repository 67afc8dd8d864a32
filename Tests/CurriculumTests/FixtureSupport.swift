import Curriculum
import Foundation
import PapiTrainTesting

/// The fixture folder beside these tests, and helpers to lint a fixture with stable paths.
enum Fixtures {
  static let root: String = Repository.fixtures(of: "CurriculumTests").path

  /// The repository's shipped Courses/ folder.
  static let shippedCourses: String = TestCourses.shippedPath

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

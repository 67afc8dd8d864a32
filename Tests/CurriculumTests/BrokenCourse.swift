import Curriculum
import Foundation

/// The small valid fixture course, copied to a temporary folder, with one of its files replaced by
/// arbitrary bytes: how the fuzz target (Fuzz/, which compiles this very file) and the corpus test
/// feed broken files to the real loader and validator.
final class BrokenCourse {
  /// Which file of the course the bytes replace; a corpus keeps one folder per slot.
  enum Slot: String, CaseIterable, Sendable {
    case course, questions, lessons

    var relativePath: String {
      switch self {
      case .course: "mini/course.yaml"
      case .questions: "mini/questions/bank.yaml"
      case .lessons: "mini/lessons/mini-l1.md"
      }
    }
  }

  let root: URL

  /// Copies `fixtures/valid/mini`, `papi-taxonomy.yaml` and `positions.yaml` into a new folder.
  init(fixtures: URL) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("papi-broken-\(UUID().uuidString)")
    let manager = FileManager.default
    try manager.createDirectory(at: root, withIntermediateDirectories: true)
    try manager.copyItem(
      at: fixtures.appendingPathComponent("valid/mini"), to: root.appendingPathComponent("mini"))
    for name in ["papi-taxonomy.yaml", "positions.yaml"] {
      try manager.copyItem(at: fixtures.appendingPathComponent(name), to: root.appendingPathComponent(name))
    }
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// Loads the course with `bytes` in place of the file of `slot`.
  func load(_ bytes: Data, in slot: Slot) throws -> LoadedCurriculum {
    try bytes.write(to: root.appendingPathComponent(slot.relativePath))
    return CurriculumLoader().load(path: root.appendingPathComponent("mini").path)
  }

  /// The errors that do not say where they are: a file of the course, a line and a column.
  static func unlocated(_ loaded: LoadedCurriculum) -> [Diagnostic] {
    loaded.errors.filter { error in
      error.location.file.isEmpty || error.location.line < 1 || error.location.column < 1
    }
  }
}

import Foundation

/// Where the repository's own files are, for tests that read the shipped courses, the units list
/// or the fixtures beside a test target.
public enum Repository {
  /// The repository root (the folder holding Package.swift).
  public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The shipped Courses/ folder.
  public static var courses: URL { root.appendingPathComponent("Courses") }

  /// The fixtures folder of the test target `target` (Tests/TARGET/Fixtures).
  public static func fixtures(of target: String) -> URL {
    root.appendingPathComponent("Tests").appendingPathComponent(target).appendingPathComponent("Fixtures")
  }
}

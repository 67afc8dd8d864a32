import Access
import CoursePublishing
import Foundation
import Localization

/// `papi-train courses pack|install|list`: course versions the province publishes and the
/// commune machines pull (docs/course-versions.md).
public enum CourseActions {
  static var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// `courses pack FOLDER -o FILE`: linted, packed and signed (a leader's).
  public static func pack(folder: String, output: String, key: String?, language: Language) throws {
    try requireRole(.leader, language: language)
    try reportingErrors(in: language) {
      let keyURL = key.map { URL(fileURLWithPath: $0) } ?? MachineKey.defaultURL(environment: environment)
      print(try CourseDistribution.pack(folder: folder, output: output, keyURL: keyURL).text(in: language))
    }
  }

  /// `courses install FILE --publisher-key KEY`.
  public static func install(
    file: String, publisherKey: String, courses: String, language: Language
  ) throws {
    try reportingErrors(in: language) {
      let trusted: Set<String> = [try CourseDistribution.publisherKey(publisherKey)]
      print(
        try CourseDistribution.install(
          file: file, trusted: trusted, coursesPath: courses, into: .default(environment: environment)
        ).text(in: language))
    }
  }

  /// `courses list`: the versions installed here.
  public static func list() {
    for manifest in InstalledCourses.default(environment: environment).manifests() {
      print("\(manifest.course)  \(manifest.version)  \(manifest.publishedAt)  \(manifest.keyID)")
    }
  }
}

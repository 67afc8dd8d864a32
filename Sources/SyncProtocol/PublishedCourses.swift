import Foundation

/// One course version the province published, as `GET /v1/courses` lists it. The package itself
/// is `GET /v1/courses/{course}/{version}`: a `papi-train.course-package/1` document that the
/// machine verifies against the publishing key it learnt at enrolment before installing it.
public struct PublishedCourse: Sendable, Hashable, Codable {
  /// The course's id (`id:` in course.yaml).
  public var course: String
  /// The course's version (`version:` in course.yaml).
  public var version: String
  /// When it was published (ISO 8601, UTC).
  public var publishedAt: String
  /// The lower-case hex SHA-256 of the package's bytes.
  public var sha256: String
  /// The package's size in bytes.
  public var bytes: Int
  /// The first 16 hex digits of the SHA-256 of the publishing key that signed it.
  public var keyID: String
  /// Whether this is the version the province's communes teach now: the one of its course
  /// published last.
  public var current: Bool

  public init(
    course: String, version: String, publishedAt: String, sha256: String, bytes: Int, keyID: String,
    current: Bool
  ) {
    self.course = course
    self.version = version
    self.publishedAt = publishedAt
    self.sha256 = sha256
    self.bytes = bytes
    self.keyID = keyID
    self.current = current
  }

  /// The path that serves the package.
  public var packagePath: String { "/v1/courses/\(course)/\(version)" }
}

/// What `GET /v1/courses` answers: every published version, by course then publication.
public struct PublishedCourseList: Sendable, Hashable, Codable {
  public var courses: [PublishedCourse]

  public init(courses: [PublishedCourse]) { self.courses = courses }
}

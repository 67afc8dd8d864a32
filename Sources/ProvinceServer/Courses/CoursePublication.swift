import CoursePublishing
import Crypto
import Foundation

/// `papi-server courses publish DIR`: lints the course folder, packs it and signs it with the
/// province's publishing key, checks the package exactly as a commune machine will (the signature
/// with the publishing key, then loaded over the server's courses), and stores it. Every
/// enrolled machine pulls it on its next `papi-train sync`.
public struct CoursePublication: Sendable {
  /// The course folder (one course: its `course.yaml` and files).
  public var folder: String
  /// The province's courses, which the package is loaded over as the machines load it.
  public var coursesPath: String
  /// The taxonomy; nil: found above the folder, as `papi-train lint` finds it.
  public var taxonomyPath: String?

  public init(folder: String, coursesPath: String, taxonomyPath: String? = nil) {
    self.folder = folder
    self.coursesPath = coursesPath
    self.taxonomyPath = taxonomyPath
  }

  /// Publishes the folder as of `date`, signed with the key in `keyFile`. Throws `LintRefusal`
  /// (lint's errors) or `CoursePackageMessage` when the folder cannot be published,
  /// ``CoursePublicationMessage/alreadyPublished(course:version:)`` for a version published
  /// before, and the key file's refusals. What it says: the key moved out of the database, if it
  /// was, then what was published.
  public func publish(in repository: ProvinceRepository, keyFile: PublishingKeyFile, at date: Date = Date())
    async throws -> [CoursePublicationMessage]
  {
    let (key, moved) = try await keyFile.signingKey(in: repository)
    let notes = moved ? [CoursePublicationMessage.keyMovedOut(path: keyFile.url.path)] : []
    let package = try CoursePublisher(signingKey: key).pack(
      folder: folder, taxonomyPath: taxonomyPath, at: date)
    let data = try package.encoded()
    let verified = try CoursePackage.verify(
      data, name: folder, trusted: [key.publicKey.rawRepresentation.base64EncodedString()])
    try installsOverCourses(verified)
    let manifest = verified.manifest
    guard
      try await repository.storePackage(
        data, course: manifest.course, version: manifest.version, keyID: manifest.keyID,
        files: manifest.files.count, publishedAt: date)
    else {
      throw CoursePublicationMessage.alreadyPublished(course: manifest.course, version: manifest.version)
    }
    return notes + [
      .published(
        course: manifest.course, version: manifest.version, files: manifest.files.count, bytes: data.count,
        keyID: manifest.keyID)
    ]
  }

  /// Installs the package into a scratch folder over the server's courses, as a machine does:
  /// what every machine would refuse is refused here first.
  private func installsOverCourses(_ verified: VerifiedCourse) throws {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "papi-server-publish-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    try InstalledCourses(root: scratch).install(verified, name: folder, coursesPath: coursesPath)
  }

  /// What `papi-server courses key` prints: the public half of the publishing key (made first
  /// when the province has none), after moving the private half out of the database if it is
  /// still there.
  public static func keyLines(in repository: ProvinceRepository, keyFile: PublishingKeyFile) async throws
    -> [CoursePublicationMessage]
  {
    let (key, moved) = try await keyFile.signingKey(in: repository)
    let raw = key.publicKey.rawRepresentation
    return (moved ? [.keyMovedOut(path: keyFile.url.path)] : []) + [
      .publishingKey(key: raw.base64EncodedString(), keyID: CoursePublisher.keyID(raw))
    ]
  }
}

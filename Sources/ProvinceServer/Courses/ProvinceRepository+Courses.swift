import Crypto
import Foundation
import PostgresNIO
import SyncProtocol

/// The province's publishing key and its published course packages (schema version 5).
extension ProvinceRepository {
  /// The key that signs the province's course packages: made and kept the first time it is
  /// asked for (by an enrolment or a publication), the same one ever after.
  public func publishingKey() async throws -> Curve25519.Signing.PrivateKey {
    if let key = try await storedPublishingKey() { return key }
    let fresh = Curve25519.Signing.PrivateKey()
    let publicKey = fresh.publicKey.rawRepresentation.base64EncodedString()
    try await client.query(
      """
      INSERT INTO publishing_keys (id, private_key, public_key) VALUES (1, \(fresh.rawRepresentation), \(publicKey))
      ON CONFLICT (id) DO NOTHING
      """, logger: logger)
    guard let key = try await storedPublishingKey() else { throw CoursePublicationMessage.keyUnreadable }
    return key
  }

  private func storedPublishingKey() async throws -> Curve25519.Signing.PrivateKey? {
    let rows = try await client.query("SELECT private_key FROM publishing_keys WHERE id = 1", logger: logger)
    for try await raw in rows.decode(Data.self) {
      guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
        throw CoursePublicationMessage.keyUnreadable
      }
      return key
    }
    return nil
  }

  /// Stores a package of `course` at `version`; false when that version was published before
  /// (a published version never changes: a new one needs a new version number).
  func storePackage(
    _ package: Data, course: String, version: String, keyID: String, files: Int, publishedAt: Date
  ) async throws -> Bool {
    let digest = SHA256.hash(data: package).map { String(format: "%02x", $0) }.joined()
    return try await client.withTransaction(logger: logger) { connection in
      let rows = try await connection.query(
        """
        INSERT INTO course_versions (course_id, version, digest, published_at)
        VALUES (\(course), \(version), \(digest), \(publishedAt))
        ON CONFLICT (course_id, version) DO NOTHING RETURNING 1
        """, logger: logger)
      var inserted = false
      for try await _ in rows { inserted = true }
      guard inserted else { return false }
      try await connection.query(
        """
        INSERT INTO course_packages (course_id, version, package, sha256, key_id, file_count, published_at)
        VALUES (\(course), \(version), \(package), \(digest), \(keyID), \(files), \(publishedAt))
        """, logger: logger)
      return true
    }
  }

  /// Every published version, by course then publication; the newest of each course is current.
  public func publishedCourses() async throws -> [PublishedCourse] {
    let rows = try await client.query(
      """
      SELECT course_id, version, published_at, sha256, length(package), key_id,
        row_number() OVER (PARTITION BY course_id ORDER BY published_at DESC, version DESC) = 1
      FROM course_packages ORDER BY course_id, published_at, version
      """, logger: logger)
    var courses: [PublishedCourse] = []
    for try await row in rows.decode((String, String, Date, String, Int, String, Bool).self) {
      courses.append(
        PublishedCourse(
          course: row.0, version: row.1, publishedAt: ServerTime.text(row.2), sha256: row.3, bytes: row.4,
          keyID: row.5, current: row.6))
    }
    return courses
  }

  /// The package of one published version, as it was published; nil when there is none.
  public func coursePackage(course: String, version: String) async throws -> Data? {
    let rows = try await client.query(
      "SELECT package FROM course_packages WHERE course_id = \(course) AND version = \(version)",
      logger: logger)
    for try await package in rows.decode(Data.self) { return package }
    return nil
  }

  /// Every published package, oldest first.
  func coursePackages() async throws -> [Data] {
    let rows = try await client.query(
      "SELECT package FROM course_packages ORDER BY published_at, course_id, version", logger: logger)
    var packages: [Data] = []
    for try await package in rows.decode(Data.self) { packages.append(package) }
    return packages
  }

  /// A value that changes whenever a version is published: how many there are, and the newest.
  func publicationGeneration() async throws -> String {
    let rows = try await client.query(
      "SELECT count(*)::bigint, COALESCE(max(published_at)::text, '') FROM course_packages", logger: logger)
    for try await (count, newest) in rows.decode((Int64, String).self) { return "\(count) \(newest)" }
    return ""
  }
}

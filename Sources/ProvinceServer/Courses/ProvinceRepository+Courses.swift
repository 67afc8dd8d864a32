import Crypto
import Foundation
import PostgresNIO
import SyncProtocol

/// The province's publishing key and its published course packages (schema version 5).
extension ProvinceRepository {
  /// The publishing key as the database keeps it: its public half (base64), and its private half
  /// only in a database of versions 5 to 7 that no `courses publish` has moved out yet; nil
  /// before the first key is made.
  func storedPublishingKey() async throws -> (publicKey: String, privateKey: Data?)? {
    let rows = try await client.query(
      "SELECT public_key, private_key FROM publishing_keys WHERE id = 1", logger: logger)
    for try await (publicKey, privateKey) in rows.decode((String, Data?).self) {
      return (publicKey, privateKey)
    }
    return nil
  }

  /// The public half of the province's publishing key (base64 of the 32 raw bytes), what
  /// machines get at enrolment and verify packages with; nil before the first key is made.
  public func publishingPublicKey() async throws -> String? {
    try await storedPublishingKey()?.publicKey
  }

  /// Records `publicKey` as the province's publishing key unless one is recorded already; the
  /// key recorded after.
  func recordPublishingKey(_ publicKey: String) async throws -> String? {
    try await client.query(
      "INSERT INTO publishing_keys (id, public_key) VALUES (1, \(publicKey)) ON CONFLICT (id) DO NOTHING",
      logger: logger)
    return try await publishingPublicKey()
  }

  /// Clears a private half the database still holds, once it is safe in its key file.
  func forgetPublishingPrivateKey() async throws {
    try await client.query("UPDATE publishing_keys SET private_key = NULL WHERE id = 1", logger: logger)
  }

  /// Stores a package of `course` at `version`; false when that version was published before
  /// (a published version never changes: a new one needs a new version number).
  func storePackage(
    _ package: Data, course: String, version: String, keyID: String, files: Int, publishedAt: Date
  ) async throws -> Bool {
    let digest = SHA256.hash(data: package).map { String(format: "%02x", $0) }.joined()
    return try await client.transaction(logger: logger) { connection in
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

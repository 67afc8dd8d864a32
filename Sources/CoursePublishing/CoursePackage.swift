import Foundation

/// A course version as the province publishes it: one JSON document (format
/// `papi-train.course-package/1`) holding the manifest's exact bytes, the publisher's Ed25519
/// signature over those bytes, and every file of the course folder.
///
/// The manifest lists each file's path (relative, `/`-separated), size and SHA-256, the course's
/// id and version, the publisher's public key and key id, and when it was published. Packing the
/// same folder with the same key at the same time gives the same bytes: files are sorted by path
/// and the JSON keys are sorted.
public struct CoursePackage: Sendable, Hashable, Codable {
  /// The format tag of a package document.
  public static let format = "papi-train.course-package/1"
  /// The format tag of a manifest.
  public static let manifestFormat = "papi-train.course-manifest/1"
  /// The file name extension of a package.
  public static let fileExtension = "papicourse"

  public var format: String
  /// The manifest's bytes, base64: exactly what was signed.
  public var manifest: String
  /// The Ed25519 signature of the manifest's bytes, base64.
  public var signature: String
  /// The files, in the manifest's order: path and base64 contents.
  public var files: [Payload]

  /// One file's contents.
  public struct Payload: Sendable, Hashable, Codable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
      self.path = path
      self.contents = contents
    }
  }

  /// The package as bytes (sorted keys, so the same package always gives the same bytes).
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }
}

/// What a package declares about the course in it; signed by the publisher.
public struct CourseManifest: Sendable, Hashable, Codable {
  public var format: String
  /// The course's id (`id:` in course.yaml), also the folder it is installed into.
  public var course: String
  /// The course's version (`version:` in course.yaml), recorded with every attempt taken on it.
  public var version: String
  /// The publisher's public key: base64 of the 32 raw Ed25519 bytes (what `papi-train sign
  /// --print-key` prints).
  public var publisherKey: String
  /// A short id of that key: the first 16 hex digits of the SHA-256 of its raw bytes.
  public var keyID: String
  /// When it was published (ISO 8601, UTC).
  public var publishedAt: String
  /// Every file, sorted by path.
  public var files: [Entry]

  /// One file of the course folder.
  public struct Entry: Sendable, Hashable, Codable {
    public var path: String
    public var size: Int
    public var sha256: String

    public init(path: String, size: Int, sha256: String) {
      self.path = path
      self.size = size
      self.sha256 = sha256
    }
  }

  func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }
}

/// How much a package may hold: a course is text, so anything far larger is refused before it
/// is read.
public struct CoursePackageLimits: Sendable, Hashable {
  /// The largest package document, in bytes.
  public var packageBytes: Int
  /// The largest single file, in bytes.
  public var fileBytes: Int
  /// The most files.
  public var fileCount: Int
  /// The longest path, in UTF-8 bytes.
  public var pathBytes: Int

  public init(packageBytes: Int, fileBytes: Int, fileCount: Int, pathBytes: Int) {
    self.packageBytes = packageBytes
    self.fileBytes = fileBytes
    self.fileCount = fileCount
    self.pathBytes = pathBytes
  }

  /// 64 MiB in all, 16 MiB a file, 5,000 files, 255-byte paths.
  public static let standard = CoursePackageLimits(
    packageBytes: 64 << 20, fileBytes: 16 << 20, fileCount: 5_000, pathBytes: 255)
}

import Access
import Crypto
import Curriculum
import Foundation
import Localization

/// A course folder the validator refused: its errors, to be shown before
/// ``CoursePackageMessage/lintFailed(folder:count:)``.
public struct LintRefusal: Error, Sendable, LocalizedMessage {
  public var folder: String
  public var errors: [Diagnostic]

  /// The lint's messages, then the refusal.
  public func lines(in language: Language) -> [String] {
    errors.map { $0.formatted(in: language) }
      + [CoursePackageMessage.lintFailed(folder: folder, count: errors.count).text(in: language)]
  }

  /// The lines, one a line.
  public func text(in language: Language) -> String { lines(in: language).joined(separator: "\n") }
}

/// Turns a course folder into a signed ``CoursePackage``.
public struct CoursePublisher: Sendable {
  /// The publisher's Ed25519 key: a machine key (`papi-train courses pack`) or the province
  /// server's publishing key (`papi-server courses publish`).
  public var signingKey: Curve25519.Signing.PrivateKey
  public var limits: CoursePackageLimits

  public init(signingKey: Curve25519.Signing.PrivateKey, limits: CoursePackageLimits = .standard) {
    self.signingKey = signingKey
    self.limits = limits
  }

  /// A publisher signing with a machine key.
  public init(key: MachineKey, limits: CoursePackageLimits = .standard) {
    self.init(signingKey: key.privateKey, limits: limits)
  }

  /// Lints `folder` (one course folder; the taxonomy is `taxonomyPath` or found above it), and
  /// packs and signs it as published at `date`. Throws ``LintRefusal`` when lint finds errors,
  /// ``CoursePackageMessage`` otherwise.
  public func pack(folder: String, taxonomyPath: String? = nil, at date: Date = Date()) throws
    -> CoursePackage
  {
    let root = URL(fileURLWithPath: folder).standardizedFileURL
    guard FileManager.default.fileExists(atPath: root.appendingPathComponent("course.yaml").path) else {
      throw CoursePackageMessage.notACourse(folder)
    }
    let loaded = CurriculumLoader().load(path: folder, taxonomyPath: taxonomyPath)
    guard let course = loaded.library?.courses.first, loaded.errors.isEmpty else {
      throw LintRefusal(folder: folder, errors: loaded.errors)
    }
    let files = try collectFiles(in: root, display: folder)
    let manifest = CourseManifest(
      format: CoursePackage.manifestFormat, course: course.id, version: course.version,
      publisherKey: signingKey.publicKey.rawRepresentation.base64EncodedString(),
      keyID: Self.keyID(signingKey.publicKey.rawRepresentation),
      publishedAt: ISO8601DateFormatter().string(from: date),
      files: files.map {
        .init(path: $0.path, size: $0.data.count, sha256: Self.hex(SHA256.hash(data: $0.data)))
      })
    let manifestBytes = try manifest.encoded()
    let signature = try signingKey.signature(for: manifestBytes)
    return CoursePackage(
      format: CoursePackage.format, manifest: manifestBytes.base64EncodedString(),
      signature: signature.base64EncodedString(),
      files: files.map { .init(path: $0.path, contents: $0.data.base64EncodedString()) })
  }

  /// Every regular file under `root` but hidden ones, sorted by path; a symbolic link is refused.
  func collectFiles(in root: URL, display: String) throws -> [(path: String, data: Data)] {
    var found: [(path: String, data: Data)] = []
    try walk(root, relative: "", display: display, into: &found)
    guard found.count <= limits.fileCount else {
      throw CoursePackageMessage.tooManyFiles(package: display, count: found.count, limit: limits.fileCount)
    }
    return found.sorted { $0.path < $1.path }
  }

  private func walk(
    _ folder: URL, relative: String, display: String, into found: inout [(path: String, data: Data)]
  )
    throws
  {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    } catch {
      throw CoursePackageMessage.unreadable(folder.path, reason: error.localizedDescription)
    }
    for name in names.sorted() where !name.hasPrefix(".") {
      let url = folder.appendingPathComponent(name)
      let path = relative.isEmpty ? name : relative + "/" + name
      let shown = (display as NSString).appendingPathComponent(path)
      let values = try? url.resourceValues(forKeys: [.isSymbolicLinkKey, .isDirectoryKey, .isRegularFileKey])
      if values?.isSymbolicLink == true { throw CoursePackageMessage.symbolicLink(shown) }
      if values?.isDirectory == true {
        try walk(url, relative: path, display: display, into: &found)
      } else if values?.isRegularFile == true {
        guard CoursePath.isSafe(path, limit: limits.pathBytes) else {
          throw CoursePackageMessage.unsafePath(package: display, path: path)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
          throw CoursePackageMessage.unreadable(shown, reason: "cannot open")
        }
        guard data.count <= limits.fileBytes else {
          throw CoursePackageMessage.tooLarge(shown, bytes: data.count, limit: limits.fileBytes)
        }
        found.append((path: path, data: data))
      }
    }
  }

  /// The short id of a public key: the first 16 hex digits of the SHA-256 of its raw bytes.
  public static func keyID(_ rawPublicKey: Data) -> String {
    String(hex(SHA256.hash(data: rawPublicKey)).prefix(16))
  }

  static func hex(_ digest: SHA256.Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }
}

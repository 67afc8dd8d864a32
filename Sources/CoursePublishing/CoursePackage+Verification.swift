import Crypto
import Foundation

/// A package whose signature, key, paths, sizes and bytes all checked out.
public struct VerifiedCourse: Sendable {
  public var manifest: CourseManifest
  /// The manifest's signed bytes and the signature, kept beside the installed course.
  public var package: CoursePackage
  /// Every file, in the manifest's order.
  public var files: [(path: String, data: Data)]
}

extension CoursePackage {
  /// Checks `data`, a package from anywhere (a server, a USB stick), named `name` in messages:
  /// its size, its format, the signature over the manifest, that the key is one of `trusted`
  /// (base64 public keys), and that the files are exactly the ones listed, each a safe path of the
  /// signed size and SHA-256. Nothing is written.
  public static func verify(
    _ data: Data, name: String, trusted: Set<String>, limits: CoursePackageLimits = .standard
  ) throws(CoursePackageMessage) -> VerifiedCourse {
    guard data.count <= limits.packageBytes else {
      throw .tooLarge(name, bytes: data.count, limit: limits.packageBytes)
    }
    guard let package = try? JSONDecoder().decode(CoursePackage.self, from: data) else {
      throw .malformed(package: name, reason: "JSON")
    }
    guard package.format == format else { throw .malformed(package: name, reason: package.format) }
    let manifest = try package.signedManifest(name: name, trusted: trusted)
    let files = try package.checkedFiles(against: manifest, name: name, limits: limits)
    return VerifiedCourse(manifest: manifest, package: package, files: files)
  }

  /// The manifest, once its signature verifies with a trusted key.
  func signedManifest(name: String, trusted: Set<String>) throws(CoursePackageMessage) -> CourseManifest {
    guard let bytes = Data(base64Encoded: manifest), let signatureBytes = Data(base64Encoded: signature),
      let decoded = try? JSONDecoder().decode(CourseManifest.self, from: bytes)
    else { throw .malformed(package: name, reason: "manifest") }
    guard decoded.format == Self.manifestFormat else {
      throw .malformed(package: name, reason: decoded.format)
    }
    guard let rawKey = Data(base64Encoded: decoded.publisherKey),
      let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawKey),
      key.isValidSignature(signatureBytes, for: bytes)
    else { throw .badSignature(package: name) }
    guard trusted.contains(decoded.publisherKey) else {
      throw .untrustedKey(package: name, key: decoded.publisherKey)
    }
    guard CoursePath.isCourseID(decoded.course) else { throw .badCourseID(package: name, id: decoded.course) }
    return decoded
  }

  /// The files, once they are exactly the listed ones with the signed sizes and bytes.
  func checkedFiles(against manifest: CourseManifest, name: String, limits: CoursePackageLimits)
    throws(CoursePackageMessage) -> [(path: String, data: Data)]
  {
    for count in [manifest.files.count, files.count] where count > limits.fileCount {
      throw .tooManyFiles(package: name, count: count, limit: limits.fileCount)
    }
    var listed: [String: CourseManifest.Entry] = [:]
    for entry in manifest.files {
      guard CoursePath.isSafe(entry.path, limit: limits.pathBytes) else {
        throw .unsafePath(package: name, path: entry.path)
      }
      guard listed.updateValue(entry, forKey: entry.path) == nil else {
        throw .duplicatePath(package: name, path: entry.path)
      }
    }
    guard listed["course.yaml"] != nil else { throw .missingFile(package: name, path: "course.yaml") }
    var seen: Set<String> = []
    var checked: [String: Data] = [:]
    for payload in files {
      guard CoursePath.isSafe(payload.path, limit: limits.pathBytes) else {
        throw .unsafePath(package: name, path: payload.path)
      }
      guard let entry = listed[payload.path] else { throw .unlistedFile(package: name, path: payload.path) }
      guard seen.insert(payload.path).inserted else {
        throw .duplicatePath(package: name, path: payload.path)
      }
      checked[payload.path] = try Self.check(payload, against: entry, name: name, limits: limits)
    }
    return try manifest.files.map { entry throws(CoursePackageMessage) in
      guard let data = checked[entry.path] else { throw .missingFile(package: name, path: entry.path) }
      return (path: entry.path, data: data)
    }
  }

  private static func check(
    _ payload: Payload, against entry: CourseManifest.Entry, name: String, limits: CoursePackageLimits
  ) throws(CoursePackageMessage) -> Data {
    // Base64 is 4 characters per 3 bytes: a longer text cannot be a file within the limit.
    guard payload.contents.utf8.count <= (limits.fileBytes / 3 + 1) * 4 else {
      throw .tooLarge(
        "\(name): \(payload.path)", bytes: payload.contents.utf8.count / 4 * 3, limit: limits.fileBytes)
    }
    guard let data = Data(base64Encoded: payload.contents) else {
      throw .malformed(package: name, reason: "base64 \(payload.path)")
    }
    guard data.count == entry.size else {
      throw .sizeMismatch(package: name, path: payload.path, declared: entry.size, actual: data.count)
    }
    guard CoursePublisher.hex(SHA256.hash(data: data)) == entry.sha256 else {
      throw .hashMismatch(package: name, path: payload.path)
    }
    return data
  }
}

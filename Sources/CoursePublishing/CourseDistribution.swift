import Access
import Foundation
import Toolkit

/// The entry points of `papi-train courses pack|install` (and of the province server's publish
/// and the sync's pull): each does one whole step and says what it did.
public enum CourseDistribution {
  /// Lints, packs and signs the course folder `folder` with the machine key at `keyURL` (made
  /// there first if there is none), and writes the package to `output` atomically.
  public static func pack(
    folder: String, taxonomyPath: String? = nil, output: String, keyURL: URL, at date: Date = Date()
  ) throws -> CoursePackageMessage {
    let key = try MachineKey.loadOrCreate(at: keyURL)
    let package = try CoursePublisher(key: key).pack(folder: folder, taxonomyPath: taxonomyPath, at: date)
    let manifest = try package.verifiedManifest()
    do {
      try AtomicFile.write(try package.encoded(), to: URL(fileURLWithPath: output))
    } catch let failure as AtomicFile.Failure {
      throw CoursePackageMessage.unwritable(failure.path, reason: failure.reason)
    }
    return .packed(
      course: manifest.course, version: manifest.version, file: output, files: manifest.files.count)
  }

  /// Verifies the package `data` (named `name`) against the publisher keys `trusted` and installs
  /// it over the shipped courses at `coursesPath` into `installed`.
  public static func install(
    _ data: Data, name: String, trusted: Set<String>, coursesPath: String, into installed: InstalledCourses
  ) throws -> CoursePackageMessage {
    let verified = try CoursePackage.verify(data, name: name, trusted: trusted)
    let folder = try installed.install(verified, name: name, coursesPath: coursesPath)
    return .installed(
      course: verified.manifest.course, version: verified.manifest.version, folder: folder.path)
  }

  /// Reads the package file at `path` (refusing one over the size limit before reading it) and
  /// installs it as ``install(_:name:trusted:coursesPath:into:)`` does.
  public static func install(
    file path: String, trusted: Set<String>, coursesPath: String, into installed: InstalledCourses
  ) throws -> CoursePackageMessage {
    let limit = CoursePackageLimits.standard.packageBytes
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size <= limit else { throw CoursePackageMessage.tooLarge(path, bytes: size, limit: limit) }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CoursePackageMessage.unreadable(path, reason: "cannot open")
    }
    return try install(data, name: path, trusted: trusted, coursesPath: coursesPath, into: installed)
  }

  /// A publisher key given on the command line: the base64 key itself, or a file holding it.
  public static func publisherKey(_ given: String) throws -> String {
    if FileManager.default.fileExists(atPath: given) { return try TrustRegistry.publicKey(inFile: given) }
    guard let raw = Data(base64Encoded: given), raw.count == 32 else { throw TrustMessage.notAKey(given) }
    return given
  }
}

extension CoursePackage {
  /// The manifest of a package this machine just made.
  func verifiedManifest() throws -> CourseManifest {
    guard let bytes = Data(base64Encoded: manifest) else {
      throw CoursePackageMessage.malformed(package: "-", reason: "manifest")
    }
    return try JSONDecoder().decode(CourseManifest.self, from: bytes)
  }
}

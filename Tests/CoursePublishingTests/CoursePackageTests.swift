import Access
import CoursePublishing
import Crypto
import Curriculum
import Foundation
import PapiTrainTesting
import Testing

/// Course packages on real folders: packed from a copy of the shipped courses, verified,
/// installed, and every kind of tampering refused with what and where.
@Suite struct CoursePackageTests {
  let folder: TemporaryFolder
  let courses: URL
  let key: MachineKey
  let published = Date(timeIntervalSince1970: 1_796_000_000)

  init() throws {
    folder = try TemporaryFolder("papi-course-package")
    courses = folder.appending("Courses")
    try FileManager.default.copyItem(at: Repository.courses, to: courses)
    try Self.setVersion("2.1.0", in: courses.appendingPathComponent("one-stop-shop"))
    key = try MachineKey.loadOrCreate(at: folder.appending("province.key"))
  }

  static func setVersion(_ version: String, in course: URL) throws {
    let file = course.appendingPathComponent("course.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasPrefix("version:") ? "version: \(version)" : String($0)
    }
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
  }

  var courseFolder: String { courses.appendingPathComponent("one-stop-shop").path }
  var trusted: Set<String> { [key.publicKeyText] }

  func pack() throws -> CoursePackage {
    try CoursePublisher(key: key).pack(folder: courseFolder, at: published)
  }

  /// `package` with its manifest replaced by `change`d and signed again by `signer`.
  func resigned(
    _ package: CoursePackage, by signer: MachineKey? = nil, _ change: (inout CourseManifest) -> Void
  )
    throws -> CoursePackage
  {
    var manifest = try JSONDecoder().decode(
      CourseManifest.self, from: try #require(Data(base64Encoded: package.manifest)))
    change(&manifest)
    let bytes = try JSONEncoder().encode(manifest)
    var copy = package
    copy.manifest = bytes.base64EncodedString()
    copy.signature = try (signer ?? key).privateKey.signature(for: bytes).base64EncodedString()
    return copy
  }

  func refusal(_ package: CoursePackage, trusted: Set<String>? = nil, limits: CoursePackageLimits = .standard)
    throws -> CoursePackageMessage?
  {
    let data = try package.encoded()
    do {
      let keys = trusted ?? self.trusted
      _ = try CoursePackage.verify(data, name: "p.papicourse", trusted: keys, limits: limits)
      return nil
    } catch { return error }
  }

  @Test func aPackedCourseVerifiesAndInstallsByteForByteAndReplacesTheShippedOne() throws {
    let package = try pack()
    let verified = try CoursePackage.verify(try package.encoded(), name: "p", trusted: trusted)
    #expect(verified.manifest.course == "one-stop-shop")
    #expect(verified.manifest.version == "2.1.0")
    #expect(verified.manifest.publisherKey == key.publicKeyText)
    #expect(verified.manifest.publishedAt == ISO8601DateFormatter().string(from: published))
    #expect(verified.manifest.keyID.count == 16)
    #expect(verified.files.map(\.path).contains("course.yaml"))
    #expect(verified.files.map(\.path) == verified.files.map(\.path).sorted())

    let installed = InstalledCourses(root: folder.appending("pulled"))
    let target = try installed.install(verified, name: "p", coursesPath: Repository.courses.path)
    for file in verified.files {
      let original = try Data(contentsOf: courses.appendingPathComponent("one-stop-shop/\(file.path)"))
      #expect(try Data(contentsOf: target.appendingPathComponent(file.path)) == original, "\(file.path)")
    }
    #expect(installed.manifests().map(\.version) == ["2.1.0"])
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: installed.root.path)
    #expect(leftovers == ["one-stop-shop"])

    let loaded = CurriculumLoader().load(path: Repository.courses.path, pulledCourses: installed.root.path)
    #expect(loaded.errors.isEmpty)
    let library = try #require(loaded.library)
    #expect(library.courses.filter { $0.id == "one-stop-shop" }.map(\.version) == ["2.1.0"])
    #expect(library.courses.count == (try TestCourses.shipped()).courses.count)
  }

  @Test func packingIsDeterministic() throws {
    #expect(try pack().encoded() == (try pack().encoded()))
  }

  @Test func aNewerPullReplacesTheInstalledVersionWholly() throws {
    let installed = InstalledCourses(root: folder.appending("pulled"))
    try installed.install(
      try CoursePackage.verify(try pack().encoded(), name: "p", trusted: trusted), name: "p",
      coursesPath: Repository.courses.path)
    try Self.setVersion("2.2.0", in: URL(fileURLWithPath: courseFolder))
    try installed.install(
      try CoursePackage.verify(try pack().encoded(), name: "p", trusted: trusted), name: "p",
      coursesPath: Repository.courses.path)
    #expect(installed.manifests().map(\.version) == ["2.2.0"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: installed.root.path) == ["one-stop-shop"])
  }

  @Test func aCourseWithLintErrorsIsNotPacked() throws {
    let broken = courses.appendingPathComponent("one-stop-shop/course.yaml")
    try Data("id: one-stop-shop\nversion: [\n".utf8).write(to: broken)
    #expect(throws: LintRefusal.self) { try pack() }
    do {
      _ = try pack()
    } catch let refusal as LintRefusal {
      #expect(!refusal.errors.isEmpty)
      #expect(refusal.text(in: .english).contains("course.yaml"))
      #expect(refusal.text(in: .english).contains("lint found"))
    }
  }

  @Test func changedBytesAreRefusedNamingTheFile() throws {
    var package = try pack()
    let index = try #require(package.files.firstIndex { $0.path == "course.yaml" })
    var bytes = try #require(Data(base64Encoded: package.files[index].contents))
    bytes[bytes.count - 1] ^= 1
    package.files[index].contents = bytes.base64EncodedString()
    #expect(try refusal(package) == .hashMismatch(package: "p.papicourse", path: "course.yaml"))
  }

  @Test func anEditedManifestOrSignatureIsRefused() throws {
    let package = try pack()
    var edited = package
    let bytes = try #require(Data(base64Encoded: package.manifest))
    edited.manifest = Data(
      String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "2.1.0", with: "2.0.0").utf8
    )
    .base64EncodedString()
    #expect(try refusal(edited) == .badSignature(package: "p.papicourse"))
    var forged = package
    forged.signature = Data(repeating: 7, count: 64).base64EncodedString()
    #expect(try refusal(forged) == .badSignature(package: "p.papicourse"))
  }

  @Test func aPackageSignedWithAnotherKeyIsRefused() throws {
    let other = try MachineKey.loadOrCreate(at: folder.appending("other.key"))
    let package = try resigned(try pack(), by: other) { $0.publisherKey = other.publicKeyText }
    #expect(try refusal(package) == .untrustedKey(package: "p.papicourse", key: other.publicKeyText))
    // The manifest naming the trusted key but signed by another is a bad signature.
    let borrowed = try resigned(try pack(), by: other) { _ in }
    #expect(try refusal(borrowed) == .badSignature(package: "p.papicourse"))
  }

  @Test(arguments: [
    "../evil.md", "/etc/passwd", "lessons/../../x", "a//b", ".hidden", "lessons/.x", "a\\b", "",
  ])
  func aPathThatCouldLeaveTheFolderIsRefusedEvenWhenSigned(_ path: String) throws {
    var package = try pack()
    package.files.append(.init(path: path, contents: Data("x".utf8).base64EncodedString()))
    let signed = try resigned(package) {
      $0.files.append(.init(path: path, size: 1, sha256: String(repeating: "0", count: 64)))
    }
    #expect(try refusal(signed) == .unsafePath(package: "p.papicourse", path: path))
  }

  @Test func unlistedMissingAndDuplicateFilesAreRefused() throws {
    var extra = try pack()
    extra.files.append(.init(path: "lessons/extra.md", contents: Data("x".utf8).base64EncodedString()))
    #expect(try refusal(extra) == .unlistedFile(package: "p.papicourse", path: "lessons/extra.md"))
    var missing = try pack()
    let dropped = missing.files.removeLast()
    #expect(try refusal(missing) == .missingFile(package: "p.papicourse", path: dropped.path))
    var twice = try pack()
    twice.files.append(twice.files[0])
    #expect(try refusal(twice) == .duplicatePath(package: "p.papicourse", path: twice.files[0].path))
    let listedTwice = try resigned(try pack()) { $0.files.append($0.files[0]) }
    #expect(
      try refusal(listedTwice) == .duplicatePath(package: "p.papicourse", path: listedTwice.files[0].path))
  }

  @Test func aSizeOtherThanTheSignedOneIsRefused() throws {
    let package = try resigned(try pack()) { manifest in
      let index = manifest.files.firstIndex { $0.path == "course.yaml" }!
      manifest.files[index].size += 1
    }
    let size = try #require(
      package.files.first { $0.path == "course.yaml" }.flatMap { Data(base64Encoded: $0.contents) }
    ).count
    #expect(
      try refusal(package)
        == .sizeMismatch(package: "p.papicourse", path: "course.yaml", declared: size + 1, actual: size))
  }

  @Test func oversizedPackagesFilesAndCountsAreRefusedBeforeDecoding() throws {
    let package = try pack()
    let bytes = try package.encoded().count
    let small = CoursePackageLimits(
      packageBytes: bytes - 1, fileBytes: 1 << 20, fileCount: 100, pathBytes: 255)
    #expect(try refusal(package, limits: small) == .tooLarge("p.papicourse", bytes: bytes, limit: bytes - 1))
    let few = CoursePackageLimits(packageBytes: 1 << 26, fileBytes: 1 << 20, fileCount: 2, pathBytes: 255)
    #expect(
      try refusal(package, limits: few)
        == .tooManyFiles(package: "p.papicourse", count: package.files.count, limit: 2))
    let tiny = CoursePackageLimits(packageBytes: 1 << 26, fileBytes: 10, fileCount: 100, pathBytes: 255)
    guard case .tooLarge = try refusal(package, limits: tiny) else {
      Issue.record("a file over the limit was accepted")
      return
    }
  }

  @Test func notAPackageAndABadCourseIDAreRefused() throws {
    #expect(throws: CoursePackageMessage.malformed(package: "x", reason: "JSON")) {
      try CoursePackage.verify(Data("{\"format\":1}".utf8), name: "x", trusted: trusted)
    }
    let escaping = try resigned(try pack()) { $0.course = "../one-stop-shop" }
    #expect(try refusal(escaping) == .badCourseID(package: "p.papicourse", id: "../one-stop-shop"))
  }

  @Test func aManifestNamingAnotherCourseThanItsCourseFileIsNotInstalled() throws {
    let package = try resigned(try pack()) { $0.version = "9.9.9" }
    let verified = try CoursePackage.verify(try package.encoded(), name: "p", trusted: trusted)
    let installed = InstalledCourses(root: folder.appending("pulled"))
    #expect(
      throws: CoursePackageMessage.courseMismatch(
        package: "p", declared: "one-stop-shop 9.9.9", found: "one-stop-shop 2.1.0")
    ) {
      try installed.install(verified, name: "p", coursesPath: Repository.courses.path)
    }
    let left = (try? FileManager.default.contentsOfDirectory(atPath: installed.root.path)) ?? []
    #expect(left.isEmpty, "\(left)")
  }
}

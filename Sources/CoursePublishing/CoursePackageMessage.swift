import Foundation
import Localization

/// The messages of publishing and pulling a course version, Vietnamese first. Every refusal
/// names what was refused and where (the package, and the file inside it).
public enum CoursePackageMessage: Error, MessageCatalogue, Hashable {
  /// The course folder has lint errors; `count` of them (printed before this message).
  case lintFailed(folder: String, count: Int)
  /// Not a course folder (no course.yaml).
  case notACourse(String)
  /// A file could not be read.
  case unreadable(String, reason: String)
  /// The course folder holds a symbolic link, which a package does not carry.
  case symbolicLink(String)
  /// A file or the package is larger than allowed.
  case tooLarge(String, bytes: Int, limit: Int)
  /// More files than allowed.
  case tooManyFiles(package: String, count: Int, limit: Int)
  /// Not a course package at all (format, JSON, base64).
  case malformed(package: String, reason: String)
  /// The signature does not verify with the key the manifest names.
  case badSignature(package: String)
  /// Signed by a key this machine does not trust.
  case untrustedKey(package: String, key: String)
  /// A path that could leave the course folder or is not a plain relative path.
  case unsafePath(package: String, path: String)
  /// A file in the package that the manifest does not list.
  case unlistedFile(package: String, path: String)
  /// A file the manifest lists that the package does not hold.
  case missingFile(package: String, path: String)
  /// A path listed twice.
  case duplicatePath(package: String, path: String)
  /// A file whose size is not the one signed.
  case sizeMismatch(package: String, path: String, declared: Int, actual: Int)
  /// A file whose bytes are not the ones signed.
  case hashMismatch(package: String, path: String)
  /// A course id that cannot name a folder.
  case badCourseID(package: String, id: String)
  /// course.yaml in the package names another course or version than the manifest.
  case courseMismatch(package: String, declared: String, found: String)
  /// The installed folder could not be written.
  case unwritable(String, reason: String)
  /// A package was written.
  case packed(course: String, version: String, file: String, files: Int)
  /// A package was verified and installed.
  case installed(course: String, version: String, folder: String)

  public func text(in language: Language) -> String {
    language == .vietnamese ? vietnamese : english
  }

  private var vietnamese: String {
    switch self {
    case .lintFailed(let folder, let count):
      return "không đóng gói \(folder): kiểm tra khoá học thấy \(count) lỗi (xem ở trên)"
    case .notACourse(let path): return "\(path): không phải thư mục khoá học (thiếu course.yaml)"
    case .unreadable(let path, let reason): return "không đọc được \(path): \(reason)"
    case .symbolicLink(let path): return "\(path): là liên kết tượng trưng, gói khoá học không mang theo"
    case .tooLarge(let path, let bytes, let limit):
      return "\(path): \(bytes) byte, quá giới hạn \(limit) byte"
    case .tooManyFiles(let package, let count, let limit):
      return "\(package): \(count) tệp, quá giới hạn \(limit) tệp"
    case .malformed(let package, let reason): return "\(package): không phải gói khoá học (\(reason))"
    case .badSignature(let package): return "\(package): chữ ký sai, gói đã bị sửa hoặc giả mạo"
    case .untrustedKey(let package, let key):
      return "\(package): ký bằng khoá \(key) mà máy này không tin cậy"
    case .unsafePath(let package, let path):
      return "\(package): đường dẫn không an toàn \"\(path)\" (ra ngoài thư mục khoá học)"
    case .unlistedFile(let package, let path):
      return "\(package): tệp \(path) không có trong bản kê đã ký"
    case .missingFile(let package, let path): return "\(package): thiếu tệp \(path) có trong bản kê"
    case .duplicatePath(let package, let path): return "\(package): tệp \(path) xuất hiện hai lần"
    case .sizeMismatch(let package, let path, let declared, let actual):
      return "\(package): tệp \(path) dài \(actual) byte, bản kê ghi \(declared) byte"
    case .hashMismatch(let package, let path):
      return "\(package): nội dung tệp \(path) khác với bản đã ký (SHA-256)"
    case .badCourseID(let package, let id): return "\(package): mã khoá học \"\(id)\" không hợp lệ"
    case .courseMismatch(let package, let declared, let found):
      return "\(package): bản kê ghi khoá học \(declared) nhưng course.yaml ghi \(found)"
    case .unwritable(let path, let reason): return "không ghi được \(path): \(reason)"
    case .packed(let course, let version, let file, let files):
      return "Đã đóng gói và ký khoá học \(course) phiên bản \(version) (\(files) tệp) vào \(file)"
    case .installed(let course, let version, let folder):
      return "Đã kiểm tra chữ ký và cài khoá học \(course) phiên bản \(version) vào \(folder)"
    }
  }

  private var english: String {
    switch self {
    case .lintFailed(let folder, let count):
      return "not packing \(folder): lint found \(count) error(s) (above)"
    case .notACourse(let path): return "\(path): not a course folder (no course.yaml)"
    case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
    case .symbolicLink(let path): return "\(path): a symbolic link, which a course package does not carry"
    case .tooLarge(let path, let bytes, let limit):
      return "\(path): \(bytes) bytes, over the limit of \(limit)"
    case .tooManyFiles(let package, let count, let limit):
      return "\(package): \(count) files, over the limit of \(limit)"
    case .malformed(let package, let reason): return "\(package): not a course package (\(reason))"
    case .badSignature(let package):
      return "\(package): the signature does not verify: the package was changed or forged"
    case .untrustedKey(let package, let key):
      return "\(package): signed with the key \(key), not trusted here"
    case .unsafePath(let package, let path):
      return "\(package): unsafe path \"\(path)\" (it leaves the course folder)"
    case .unlistedFile(let package, let path):
      return "\(package): the file \(path) is not in the signed manifest"
    case .missingFile(let package, let path):
      return "\(package): the manifest lists \(path) but the package lacks it"
    case .duplicatePath(let package, let path): return "\(package): the file \(path) appears twice"
    case .sizeMismatch(let package, let path, let declared, let actual):
      return "\(package): \(path) has \(actual) bytes, the manifest says \(declared)"
    case .hashMismatch(let package, let path):
      return "\(package): the bytes of \(path) are not the signed ones (SHA-256)"
    case .badCourseID(let package, let id): return "\(package): \"\(id)\" is not a valid course id"
    case .courseMismatch(let package, let declared, let found):
      return "\(package): the manifest says course \(declared) but course.yaml says \(found)"
    case .unwritable(let path, let reason): return "cannot write \(path): \(reason)"
    case .packed(let course, let version, let file, let files):
      return "Packed and signed course \(course) version \(version) (\(files) files) into \(file)"
    case .installed(let course, let version, let folder):
      return "Verified and installed course \(course) version \(version) into \(folder)"
    }
  }

  /// One of every case, for the test that renders every message in both languages.
  public static var samples: [CoursePackageMessage] {
    let package = "one-stop-shop-2.1.0.papicourse"
    return [
      .lintFailed(folder: "Courses/one-stop-shop", count: 2), .notACourse("Courses/x"),
      .unreadable("Courses/one-stop-shop/course.yaml", reason: "Permission denied"),
      .symbolicLink("Courses/one-stop-shop/lessons/a.md"),
      .tooLarge(package, bytes: 70_000_000, limit: 67_108_864),
      .tooManyFiles(package: package, count: 6_000, limit: 5_000),
      .malformed(package: package, reason: "JSON"), .badSignature(package: package),
      .untrustedKey(package: package, key: "b2xkIGtleSBvZiBh"),
      .unsafePath(package: package, path: "../../.bashrc"),
      .unlistedFile(package: package, path: "lessons/x.md"),
      .missingFile(package: package, path: "course.yaml"),
      .duplicatePath(package: package, path: "course.yaml"),
      .sizeMismatch(package: package, path: "course.yaml", declared: 120, actual: 121),
      .hashMismatch(package: package, path: "questions/m1.yaml"),
      .badCourseID(package: package, id: "../x"),
      .courseMismatch(package: package, declared: "one-stop-shop 2.1.0", found: "one-stop-shop 2.0.0"),
      .unwritable("courses/one-stop-shop", reason: "Permission denied"),
      .packed(course: "one-stop-shop", version: "2.1.0", file: package, files: 14),
      .installed(course: "one-stop-shop", version: "2.1.0", folder: "courses/one-stop-shop"),
    ]
  }
}

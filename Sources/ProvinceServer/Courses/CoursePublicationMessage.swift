import Foundation
import Localization

/// What `papi-server courses` says, Vietnamese first.
public enum CoursePublicationMessage: Error, MessageCatalogue, Hashable {
  /// A version was published.
  case published(course: String, version: String, files: Int, bytes: Int, keyID: String)
  /// That version of that course was published before; published versions never change.
  case alreadyPublished(course: String, version: String)
  /// The key file is not the province's publishing key (its public half is another).
  case keyFileDoesNotMatch(path: String, keyID: String)
  /// The province has a publishing key, but its private half is not in the key file here.
  case keyFileMissing(path: String, keyID: String)
  /// The private half was moved out of the database into the key file.
  case keyMovedOut(path: String)
  /// The publishing key's public half, for `courses install --publisher-key`.
  case publishingKey(key: String, keyID: String)
  /// No version was published yet.
  case nonePublished
  /// One published version, as `courses list` prints it.
  case listed(course: String, version: String, publishedAt: String, keyID: String, current: Bool)

  public func text(in language: Language) -> String {
    language == .vietnamese ? vietnamese : english
  }

  private var vietnamese: String {
    switch self {
    case .published(let course, let version, let files, let bytes, let keyID):
      return
        "Đã công bố khoá học \(course) phiên bản \(version) (\(files) tệp, \(bytes) byte, ký bằng khoá \(keyID)). Các máy xã nhận ở lần đồng bộ tới."
    case .alreadyPublished(let course, let version):
      return
        "khoá học \(course) phiên bản \(version) đã được công bố và không thể thay đổi: hãy tăng số phiên bản (dòng version:) trong course.yaml"
    case .keyFileDoesNotMatch(let path, let keyID):
      return
        "tệp khoá \(path) không phải khoá công bố của tỉnh (khoá của tỉnh có mã \(keyID)): hãy chỉ tệp đúng bằng --publishing-key"
    case .keyFileMissing(let path, let keyID):
      return
        "không có tệp khoá công bố \(path): phần bí mật của khoá công bố của tỉnh (mã \(keyID)) nằm ở máy đã tạo khoá; hãy chép tệp đó sang máy này hoặc chỉ nó bằng --publishing-key"
    case .keyMovedOut(let path):
      return
        "Phần bí mật của khoá công bố đã được chuyển khỏi cơ sở dữ liệu sang tệp \(path) (chỉ người dùng này đọc được). Hãy sao lưu tệp này ở nơi an toàn."
    case .publishingKey(let key, let keyID): return "Khoá công bố khoá học của tỉnh: \(key) (mã \(keyID))"
    case .nonePublished: return "Chưa công bố khoá học nào"
    case .listed(let course, let version, let publishedAt, let keyID, let current):
      return "\(course)  \(version)  \(publishedAt)  \(keyID)" + (current ? "  đang dùng" : "  bản cũ")
    }
  }

  private var english: String {
    switch self {
    case .published(let course, let version, let files, let bytes, let keyID):
      return
        "Published course \(course) version \(version) (\(files) files, \(bytes) bytes, signed with key \(keyID)). Commune machines receive it on their next sync."
    case .alreadyPublished(let course, let version):
      return
        "course \(course) version \(version) was published before and cannot change: raise the version in course.yaml"
    case .keyFileDoesNotMatch(let path, let keyID):
      return
        "the key file \(path) is not the province's publishing key (the province's key has id \(keyID)): give the right file with --publishing-key"
    case .keyFileMissing(let path, let keyID):
      return
        "no publishing key file at \(path): the private half of the province's publishing key (id \(keyID)) is on the machine that made it; copy that file here or give it with --publishing-key"
    case .keyMovedOut(let path):
      return
        "The publishing key's private half was moved out of the database into \(path) (readable by this user only). Keep a backup of that file somewhere safe."
    case .publishingKey(let key, let keyID):
      return "The province's course publishing key: \(key) (id \(keyID))"
    case .nonePublished: return "No course version published yet"
    case .listed(let course, let version, let publishedAt, let keyID, let current):
      return "\(course)  \(version)  \(publishedAt)  \(keyID)" + (current ? "  current" : "  earlier")
    }
  }

  /// One of every case, for the test that renders every message in both languages.
  public static var samples: [CoursePublicationMessage] {
    [
      .published(
        course: "one-stop-shop", version: "2.1.0", files: 14, bytes: 301_220, keyID: "3f9a0c1b2d4e5f60"),
      .alreadyPublished(course: "one-stop-shop", version: "2.1.0"),
      .keyFileDoesNotMatch(path: "/root/.local/share/papi-server/publishing-key", keyID: "3f9a0c1b2d4e5f60"),
      .keyFileMissing(path: "/root/.local/share/papi-server/publishing-key", keyID: "3f9a0c1b2d4e5f60"),
      .keyMovedOut(path: "/root/.local/share/papi-server/publishing-key"),
      .publishingKey(key: "b2xkIGtleSBvZiBhIHByb3ZpbmNlIHNlcnZlciBoZXJl", keyID: "3f9a0c1b2d4e5f60"),
      .nonePublished,
      .listed(
        course: "one-stop-shop", version: "2.1.0", publishedAt: "2026-12-03T14:00:00Z",
        keyID: "3f9a0c1b2d4e5f60",
        current: true),
      .listed(
        course: "one-stop-shop", version: "2.0.1", publishedAt: "2026-11-03T14:00:00Z",
        keyID: "3f9a0c1b2d4e5f60",
        current: false),
    ]
  }
}

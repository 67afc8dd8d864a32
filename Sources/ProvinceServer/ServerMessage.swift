import Foundation
import Localization

/// What papi-server says to the person running it, and the reasons it gives a commune machine
/// for a refusal, Vietnamese first.
public enum ServerMessage: Error, MessageCatalogue, Hashable {
  case badDatabaseURL(String)
  case noDatabaseURL
  case newerSchema(found: Int, supported: Int)
  case migrated([Int])
  case upToDate(Int)
  case unknownCommune(String)
  case enrolmentCode(code: String, commune: String, name: String, expires: String)
  case noDevices
  case device(
    key: String, commune: String, machine: String, enrolled: String, revoked: String?, lastSeen: String?)
  case unknownDevice(String)
  case ambiguousDevice(String)
  case revoked(key: String, commune: String)
  case listening(String)
  case unreadableFile(String)
  case coursesDoNotLoad(String)
  case unitsDoNotLoad(String, String)
  // Refusals sent to a commune machine.
  case unsigned
  case staleTimestamp
  case replayedNonce
  case badSignature
  case unknownKey
  case revokedKey
  case malformedJSON(String)
  case bodyTooLarge(Int)
  case badBatch(Int)
  case otherCommune(String)
  case badEnrolmentCode
  case keyEnrolledElsewhere(String)
  case notFound
  case unavailable

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .badDatabaseURL(let url):
      return vi
        ? "địa chỉ cơ sở dữ liệu không hợp lệ: \(url) (dạng postgres://NGƯỜI_DÙNG@MÁY:CỔNG/TÊN)"
        : "not a database URL: \(url) (postgres://USER@HOST:PORT/NAME)"
    case .noDatabaseURL:
      return vi
        ? "chưa chỉ định cơ sở dữ liệu: dùng --database-url hoặc biến PAPI_DATABASE_URL"
        : "no database given: use --database-url or PAPI_DATABASE_URL"
    case .newerSchema(let found, let supported):
      return vi
        ? "cơ sở dữ liệu ở phiên bản \(found), mới hơn phiên bản \(supported) mà papi-server này hiểu: hãy cập nhật papi-server"
        : "the database is at version \(found), newer than the \(supported) this papi-server knows: update papi-server"
    case .migrated(let versions):
      let list = versions.map(String.init).joined(separator: ", ")
      return vi ? "Đã cập nhật cơ sở dữ liệu: phiên bản \(list)" : "Migrated the database: version \(list)"
    case .upToDate(let version):
      return vi
        ? "Cơ sở dữ liệu đã ở phiên bản mới nhất (\(version))"
        : "The database is up to date (version \(version))"
    case .unknownCommune(let code):
      return vi
        ? "xã \(code) không có trong danh sách đơn vị hành chính (--units)"
        : "commune \(code) is not in the administrative units list (--units)"
    case .enrolmentCode(let code, let commune, let name, let expires):
      return vi
        ? "Mã đăng ký máy cho \(name) (\(commune)): \(code)\nDùng một lần, hết hạn lúc \(expires). Trên máy của xã: papi-train sync enrol ĐỊA_CHỈ \(code)"
        : "Enrolment code for \(name) (\(commune)): \(code)\nOne use only, expires at \(expires). On the commune's machine: papi-train sync enrol URL \(code)"
    case .noDevices:
      return vi ? "Chưa có máy nào được đăng ký" : "No machine is enrolled yet"
    case .device(let key, let commune, let machine, let enrolled, let revoked, let lastSeen):
      let state = revoked.map { vi ? "thu hồi \($0)" : "revoked \($0)" } ?? (vi ? "tin cậy" : "trusted")
      let seen =
        lastSeen.map { vi ? "gửi lần cuối \($0)" : "last seen \($0)" } ?? (vi ? "chưa gửi" : "never seen")
      return "\(commune)  \(key)  \(machine)  \(vi ? "đăng ký" : "enrolled") \(enrolled)  \(state)  \(seen)"
    case .unknownDevice(let key):
      return vi ? "không có máy nào với khoá \(key)" : "no enrolled machine has the key \(key)"
    case .ambiguousDevice(let key):
      return vi
        ? "nhiều khoá bắt đầu bằng \(key): hãy ghi đầy đủ" : "several keys start with \(key): give more of it"
    case .revoked(let key, let commune):
      return vi
        ? "Đã thu hồi khoá \(key) (xã \(commune)): máy này không gửi được nữa"
        : "Revoked the key \(key) (commune \(commune)): this machine can no longer send"
    case .listening(let address):
      return vi ? "papi-server đang phục vụ tại \(address)" : "papi-server is listening on \(address)"
    case .unreadableFile(let path):
      return vi ? "không đọc được tệp \(path)" : "cannot read \(path)"
    case .coursesDoNotLoad(let path):
      return vi
        ? "không nạp được khoá học ở \(path): chạy papi-train lint \(path)"
        : "the courses at \(path) do not load: run papi-train lint \(path)"
    case .unitsDoNotLoad(let path, let reason):
      return vi
        ? "không đọc được danh sách đơn vị hành chính \(path): \(reason)"
        : "cannot read the administrative units list \(path): \(reason)"
    case .unsigned:
      return vi
        ? "yêu cầu chưa được ký: thiếu hoặc sai các tiêu đề chữ ký của máy"
        : "the request is not signed: X-Papi-Key, X-Papi-Timestamp, X-Papi-Nonce or X-Papi-Signature missing or malformed"
    case .staleTimestamp:
      return vi
        ? "thời điểm ký lệch quá 5 phút so với máy chủ: hãy chỉnh đồng hồ của máy"
        : "the signing time is more than 5 minutes from the server's clock: set the machine's clock"
    case .replayedNonce:
      return vi ? "yêu cầu này đã được gửi trước đó (lặp lại)" : "this request was sent before (a replay)"
    case .badSignature:
      return vi ? "chữ ký không đúng với yêu cầu" : "the signature does not match the request"
    case .unknownKey:
      return vi
        ? "máy này chưa được đăng ký với tỉnh: chạy papi-train sync enrol"
        : "this machine is not enrolled with the province: run papi-train sync enrol"
    case .revokedKey:
      return vi
        ? "khoá của máy này đã bị tỉnh thu hồi: liên hệ tỉnh để đăng ký lại"
        : "the province revoked this machine's key: ask the province to enrol it again"
    case .malformedJSON(let reason):
      return vi ? "nội dung JSON không hợp lệ: \(reason)" : "the JSON is not valid: \(reason)"
    case .bodyTooLarge(let limit):
      return vi
        ? "nội dung quá lớn (tối đa \(limit / 1_048_576) MiB)"
        : "the body is too large (at most \(limit / 1_048_576) MiB)"
    case .badBatch(let count):
      return vi
        ? "lô dữ liệu bị từ chối: \(count) dòng không hợp lệ, không lưu gì"
        : "batch refused: \(count) rows are not valid, nothing was stored"
    case .otherCommune(let commune):
      return vi
        ? "máy này được đăng ký cho xã \(commune), không gửi được kết quả của xã khác"
        : "this machine is enrolled for commune \(commune) and cannot send another commune's results"
    case .badEnrolmentCode:
      return vi
        ? "mã đăng ký không đúng, đã dùng hoặc đã hết hạn: xin tỉnh mã mới"
        : "the enrolment code is wrong, used or expired: ask the province for a new one"
    case .keyEnrolledElsewhere(let commune):
      return vi
        ? "khoá này đã được đăng ký cho xã \(commune)" : "this key is already enrolled for commune \(commune)"
    case .notFound:
      return vi ? "không có địa chỉ này" : "no such path"
    case .unavailable:
      return vi
        ? "máy chủ tạm thời không truy cập được cơ sở dữ liệu: thử lại sau"
        : "the server cannot reach its database for now: try again later"
    }
  }

  public static let samples: [ServerMessage] = [
    .badDatabaseURL("mysql://x"), .noDatabaseURL, .newerSchema(found: 3, supported: 1), .migrated([1]),
    .upToDate(1), .unknownCommune("99999"),
    .enrolmentCode(
      code: "K7QX-3MPA-9TZC", commune: "03388", name: "Phường Đoàn Kết", expires: "2026-12-04 10:00"),
    .noDevices,
    .device(
      key: "AAAA", commune: "03388", machine: "may-xa", enrolled: "2026-12-03", revoked: nil, lastSeen: nil),
    .device(
      key: "AAAA", commune: "03388", machine: "may-xa", enrolled: "2026-12-03", revoked: "2026-12-04",
      lastSeen: "2026-12-03"),
    .unknownDevice("AAAA"), .ambiguousDevice("AAAA"), .revoked(key: "AAAA", commune: "03388"),
    .listening("https://127.0.0.1:8443"), .unreadableFile("/tmp/x"), .coursesDoNotLoad("Courses"),
    .unitsDoNotLoad("units.csv", "dòng 3"), .unsigned, .staleTimestamp, .replayedNonce, .badSignature,
    .unknownKey, .revokedKey, .malformedJSON("dòng 1"), .bodyTooLarge(16_777_216), .badBatch(2),
    .otherCommune("03388"), .badEnrolmentCode, .keyEnrolledElsewhere("03388"), .notFound, .unavailable,
  ]
}

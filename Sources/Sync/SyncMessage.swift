import Foundation
import Localization
import SyncProtocol

/// What `papi-train sync` says, Vietnamese first.
public enum SyncMessage: Error, MessageCatalogue, Hashable {
  case notEnrolled
  case damagedSettings(String)
  case unwritable(String)
  case badServerAddress(String)
  case enrolled(server: String, commune: String)
  case refused(status: Int, code: String, message: String, english: String, problems: [String])
  case unreachable(server: String, attempts: Int, reason: String)
  case unexpectedAnswer(status: Int)
  case nothingToSend(commune: String)
  case sent(answers: Int, attempts: Int, officials: Int, batches: Int, seconds: Double)
  case progress(done: Int, total: Int, secondsLeft: Int?)
  case retrying(seconds: Double, reason: String)
  case stopped
  case noResults(commune: String)

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .notEnrolled:
      return vi
        ? "máy này chưa đăng ký với tỉnh: chạy papi-train sync enrol ĐỊA_CHỈ MÃ (mã do tỉnh cấp)"
        : "this machine is not enrolled with the province: run papi-train sync enrol URL CODE (the province gives the code)"
    case .damagedSettings(let path):
      return vi ? "tệp cấu hình đồng bộ \(path) bị hỏng" : "the sync settings \(path) are damaged"
    case .unwritable(let path):
      return vi ? "không ghi được \(path)" : "cannot write \(path)"
    case .badServerAddress(let text):
      return vi
        ? "địa chỉ máy chủ không hợp lệ: \(text) (dạng https://máy-chủ:cổng)"
        : "not a server address: \(text) (https://host:port)"
    case .enrolled(let server, let commune):
      return vi
        ? "Đã đăng ký máy này với \(server) cho xã \(commune). Gửi kết quả: papi-train sync"
        : "Enrolled this machine with \(server) for commune \(commune). To send results: papi-train sync"
    case .refused(let status, let code, let message, let english, let problems):
      let rows = problems.isEmpty ? "" : "\n  " + problems.joined(separator: "\n  ")
      return
        (vi
        ? "máy chủ từ chối (\(status) \(code)): \(message)"
        : "the server refused (\(status) \(code)): \(english)")
        + rows
    case .unreachable(let server, let attempts, let reason):
      return vi
        ? "không liên lạc được với \(server) sau \(attempts) lần thử (\(reason)); kết quả vẫn an toàn trên máy, lần sau sẽ gửi tiếp"
        : "cannot reach \(server) after \(attempts) tries (\(reason)); the results are safe on this machine and the next sync carries on"
    case .unexpectedAnswer(let status):
      return vi
        ? "máy chủ trả lời không như mong đợi (\(status))" : "unexpected answer from the server (\(status))"
    case .nothingToSend(let commune):
      return vi
        ? "Máy chủ đã có đủ kết quả của xã \(commune)" : "The server has every result of commune \(commune)"
    case .sent(let answers, let attempts, let officials, let batches, let seconds):
      let time = String(format: "%.1f", seconds)
      return vi
        ? "Đã gửi \(answers) câu trả lời, \(attempts) lượt làm bài, \(officials) cán bộ trong \(batches) lô (\(time) giây)"
        : "Sent \(answers) answers, \(attempts) attempts and \(officials) officials in \(batches) batches (\(time) s)"
    case .progress(let done, let total, let secondsLeft):
      let left = secondsLeft.map { vi ? ", còn khoảng \($0) giây" : ", about \($0) s left" } ?? ""
      return (vi ? "Đang gửi \(done)/\(total)" : "Sending \(done)/\(total)") + left
    case .retrying(let seconds, let reason):
      let time = String(format: "%.1f", seconds)
      return vi ? "thử lại sau \(time) giây (\(reason))" : "retrying in \(time) s (\(reason))"
    case .stopped:
      return vi
        ? "Đã dừng. Những lô đã gửi được giữ lại; lần sync sau sẽ gửi tiếp phần còn lại"
        : "Stopped. Batches sent are kept; the next sync sends the rest"
    case .noResults(let commune):
      return vi
        ? "Chưa có kết quả nào của xã \(commune) trên máy này"
        : "No results of commune \(commune) on this machine yet"
    }
  }

  public static let samples: [SyncMessage] = [
    .notEnrolled, .damagedSettings("/tmp/sync.json"), .unwritable("/tmp/sync.json"),
    .badServerAddress("ftp://x"),
    .enrolled(server: "https://tinh.example:8443", commune: "03388"),
    .refused(
      status: 422, code: "invalid-batch", message: "lô dữ liệu bị từ chối", english: "batch refused",
      problems: ["dòng 3: điểm 5"]),
    .unreachable(server: "https://tinh.example:8443", attempts: 8, reason: "timed out"),
    .unexpectedAnswer(status: 500), .nothingToSend(commune: "03388"),
    .sent(answers: 1200, attempts: 60, officials: 25, batches: 3, seconds: 2.5),
    .progress(done: 400, total: 1200, secondsLeft: 5), .progress(done: 0, total: 1200, secondsLeft: nil),
    .retrying(seconds: 2, reason: "503"), .stopped, .noResults(commune: "03388"),
  ]
}

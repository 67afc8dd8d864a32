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
  /// A province leader approved a class's results.
  case classApproved(code: String, title: String, leader: String, day: String)
  /// A province leader returned a class's results to the trainer, with a note.
  case classReturned(code: String, title: String, leader: String, day: String, note: String)
  /// The server sent a decision that breaks the rules: row and column named, nothing kept.
  case badDecision(row: Int, column: String)
  /// Several messages, one after another.
  case several([SyncMessage])

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
    case .classApproved(let code, let title, let leader, let day):
      let named = title.isEmpty ? code : "\(code) (\(title))"
      return vi
        ? "Tỉnh đã duyệt kết quả lớp \(named): \(leader), ngày \(day)"
        : "The province approved the results of class \(named): \(leader), \(day)"
    case .classReturned(let code, let title, let leader, let day, let note):
      let named = title.isEmpty ? code : "\(code) (\(title))"
      let lines = note.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ")
      return
        (vi
        ? "Tỉnh trả lại kết quả lớp \(named) để sửa: \(leader), ngày \(day)\n  Ghi chú: "
        : "The province returned the results of class \(named) for correction: \(leader), \(day)\n  Note: ")
        + lines
    case .badDecision(let row, let column):
      let rule = Self.decisionRule(column, vi: vi)
      return vi
        ? "máy chủ gửi quyết định duyệt lớp không hợp lệ (reviews, dòng \(row), cột \(column): \(rule)); không lưu quyết định nào"
        : "the server sent a class decision that breaks the rules (reviews, row \(row), column \(column): \(rule)); no decision was kept"
    case .several(let messages):
      return messages.map { $0.text(in: language) }.joined(separator: "\n")
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
    .classApproved(code: "LC-2612-A", title: "Tập huấn một cửa", leader: "Lò Văn Minh", day: "2026-12-03"),
    .classReturned(
      code: "LC-2612-A", title: "", leader: "Lò Văn Minh", day: "2026-12-03",
      note: "Thiếu bài kiểm tra cuối khoá của 2 học viên\nxin bổ sung"),
    .badDecision(row: 2, column: "decision"), .badDecision(row: 0, column: "note"),
    .badDecision(row: 1, column: "leader"), .badDecision(row: 3, column: "decidedAt"),
    .badDecision(row: 4, column: "classID"),
    .several([.nothingToSend(commune: "03388"), .stopped]),
  ]
}

extension SyncMessage {
  /// What a decision's `column` must hold, as ``DecisionsReceived`` checks it.
  static func decisionRule(_ column: String, vi: Bool) -> String {
    switch column {
    case "classID": "uuid"
    case "decision": "approved | returned"
    case "decidedAt": "yyyy-MM-dd HH:mm:ss.SSS"
    case "note":
      vi
        ? "chữ in được, tối đa \(DecisionsReceived.maximumNoteBytes) byte"
        : "printable text, at most \(DecisionsReceived.maximumNoteBytes) bytes"
    default:
      vi
        ? "một tên, chữ in được, tối đa \(DecisionsReceived.maximumLeaderBytes) byte"
        : "a name, printable, at most \(DecisionsReceived.maximumLeaderBytes) bytes"
    }
  }
}

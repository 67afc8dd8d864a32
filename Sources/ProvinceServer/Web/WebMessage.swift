import Foundation
import Localization

/// What the leaders' web pages and `papi-server leaders` say, Vietnamese first: the pages' words,
/// and the reasons a form is refused.
public enum WebMessage: Error, MessageCatalogue, Hashable {
  // The pages' frame.
  case siteTitle
  case signedInAs(name: String, province: String)
  case reportingLink, readinessLink, classesLink
  case signOut
  // Signing in and out.
  case signInHeading, nameLabel, passphraseLabel, signIn
  case wrongSignIn
  case signInLocked(Int)
  case signedOut
  // Reporting rate.
  case reportingHeading(String)
  case reportingSummary(sent: Int, communes: Int, never: Int, trained: Int, roster: Int)
  case communeColumn, statusColumn, lastSyncColumn, trainedColumn, machinesColumn
  case sent, enrolledNotSent, notEnrolled, never
  // Readiness.
  case readinessHeading(String)
  case allResults, approvedOnly
  case showingApprovedOnly, showingAll
  case readinessUnavailable
  case profileOf, everyCommune, showProfile
  case profilesWeakest(shown: Int, of: Int)
  // Class approval.
  case classesHeading(String)
  case classColumn, trainerColumn, datesColumn, attemptsColumn, decisionColumn
  case classOpen, classClosed
  case andOtherCommunes(first: String, others: Int)
  case awaiting
  case approvedBy(leader: String, day: String)
  case returnedBy(leader: String, day: String)
  case approve, sendBack, noteLabel, changeDecision
  case noClasses
  case classApproved(String)
  case classReturned(String)
  // Refusals: nothing was changed.
  case noSession
  case forgedForm
  case otherProvince
  case unknownClass
  case formTooLarge(Int)
  case malformedForm
  case noteRequired
  case noteTooLong(Int)
  case unavailable
  case refusedHeading
  case backLink
  // papi-server leaders.
  case leaderAdded(name: String, province: String)
  case leaderExists(String)
  case badLeaderName
  case unknownProvince(String)
  case passphrasePrompt
  case passphraseAgain
  case passphrasesDiffer
  case noPassphrase
  case noLeaders
  case leaderListing(name: String, province: String, created: String)

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .siteTitle: return vi ? "papi-train · Trang của lãnh đạo tỉnh" : "papi-train · Province leaders"
    case .signedInAs(let name, let province):
      return vi ? "Đăng nhập: \(name) · \(province)" : "Signed in: \(name) · \(province)"
    case .reportingLink: return vi ? "Tình hình gửi kết quả" : "Reporting rate"
    case .readinessLink: return vi ? "Mức sẵn sàng" : "Readiness"
    case .classesLink: return vi ? "Duyệt lớp" : "Class approval"
    case .signOut: return vi ? "Đăng xuất" : "Sign out"
    case .signInHeading: return vi ? "Đăng nhập dành cho lãnh đạo tỉnh" : "Sign in for province leaders"
    case .nameLabel: return vi ? "Tên đăng nhập" : "Name"
    case .passphraseLabel: return vi ? "Mật khẩu" : "Passphrase"
    case .signIn: return vi ? "Đăng nhập" : "Sign in"
    case .wrongSignIn:
      return vi ? "Tên đăng nhập hoặc mật khẩu không đúng." : "The name or the passphrase is wrong."
    case .signedOut: return vi ? "Đã đăng xuất." : "Signed out."
    case .signInLocked(let minutes):
      return vi
        ? "Nhập sai mật khẩu quá nhiều lần: tài khoản tạm khoá, hãy thử lại sau \(minutes) phút."
        : "Too many wrong passphrases: the account is locked, try again in \(minutes) minutes."
    default: return pageText(vi) ?? refusalText(vi) ?? commandText(vi) ?? ""
    }
  }

  private func pageText(_ vi: Bool) -> String? {
    switch self {
    case .reportingHeading(let province):
      return vi ? "Tình hình gửi kết quả của các xã: \(province)" : "Communes reporting: \(province)"
    case .reportingSummary(let sent, let communes, let never, let trained, let roster):
      return vi
        ? "\(sent)/\(communes) xã đã gửi kết quả, \(never) xã chưa gửi lần nào; \(trained)/\(roster) cán bộ đã học."
        : "\(sent) of \(communes) communes have sent results, \(never) never have; \(trained) of \(roster) officials trained."
    case .communeColumn: return vi ? "Xã/phường" : "Commune"
    case .statusColumn: return vi ? "Tình trạng" : "Status"
    case .lastSyncColumn: return vi ? "Lần gửi gần nhất" : "Last sync"
    case .trainedColumn: return vi ? "Cán bộ đã học / trong danh sách" : "Officials trained / on the roster"
    case .machinesColumn: return vi ? "Máy đã đăng ký" : "Machines enrolled"
    case .sent: return vi ? "đã gửi" : "sent"
    case .enrolledNotSent: return vi ? "đã đăng ký máy, chưa gửi" : "enrolled, nothing sent"
    case .notEnrolled: return vi ? "chưa đăng ký máy" : "no machine enrolled"
    case .never: return vi ? "chưa bao giờ" : "never"
    case .readinessHeading(let province):
      return vi ? "Mức sẵn sàng theo xã: \(province)" : "Readiness by commune: \(province)"
    case .allResults: return vi ? "Mọi kết quả" : "All results"
    case .approvedOnly: return vi ? "Chỉ kết quả đã duyệt" : "Approved results only"
    case .showingApprovedOnly:
      return vi
        ? "Đang tính chỉ kết quả của các lớp đã được duyệt."
        : "Counting only the results of approved classes."
    case .showingAll: return vi ? "Đang tính mọi kết quả đã nhận." : "Counting every result received."
    case .readinessUnavailable:
      return vi ? "Chưa tính được mức sẵn sàng: thử lại sau." : "Readiness cannot be computed now: try later."
    case .profileOf: return vi ? "Hồ sơ của xã" : "Profile of"
    case .everyCommune: return vi ? "mọi xã có số liệu" : "every commune with data"
    case .showProfile: return vi ? "Xem" : "Show"
    case .profilesWeakest(let shown, let of):
      return vi
        ? "Hồ sơ của \(shown) xã yếu nhất trong \(of) xã có số liệu; chọn một xã ở trên để xem hồ sơ của xã đó."
        : "The \(shown) weakest of the \(of) communes with data; choose a commune above to see its profile."
    case .classesHeading(let province):
      return vi ? "Duyệt kết quả các lớp: \(province)" : "Approving classes' results: \(province)"
    case .classColumn: return vi ? "Lớp" : "Class"
    case .trainerColumn: return vi ? "Giảng viên, địa điểm" : "Trainer, place"
    case .datesColumn: return vi ? "Thời gian" : "Dates"
    case .attemptsColumn: return vi ? "Học viên / bài làm" : "Officials / attempts"
    case .decisionColumn: return vi ? "Quyết định" : "Decision"
    case .classOpen: return vi ? "đang mở" : "open"
    case .classClosed: return vi ? "đã kết thúc" : "closed"
    case .andOtherCommunes(let first, let others):
      return vi ? "\(first) và \(others) xã/phường khác" : "\(first) and \(others) other communes"
    case .awaiting: return vi ? "chờ duyệt" : "awaiting approval"
    case .approvedBy(let leader, let day):
      return vi ? "đã duyệt (\(leader), \(day))" : "approved (\(leader), \(day))"
    case .returnedBy(let leader, let day):
      return vi ? "đã trả lại (\(leader), \(day))" : "sent back (\(leader), \(day))"
    case .approve: return vi ? "Duyệt" : "Approve"
    case .sendBack: return vi ? "Trả lại" : "Send back"
    case .noteLabel: return vi ? "Ghi chú cho giảng viên" : "Note for the trainer"
    case .changeDecision:
      return vi
        ? "Đổi quyết định: trả lại cho giảng viên" : "Change the decision: send it back to the trainer"
    case .noClasses: return vi ? "Chưa có lớp nào của tỉnh." : "The province has no class yet."
    case .classApproved(let code):
      return vi ? "Đã duyệt kết quả lớp \(code)." : "Approved the results of class \(code)."
    case .classReturned(let code):
      return vi
        ? "Đã trả lại lớp \(code): giảng viên thấy ghi chú ở lần đồng bộ sau."
        : "Sent class \(code) back: the trainer sees the note at the next sync."
    default: return nil
    }
  }

  private func refusalText(_ vi: Bool) -> String? {
    switch self {
    case .noSession:
      return vi
        ? "Chưa đăng nhập hoặc phiên đã hết hạn: hãy đăng nhập lại. Không có gì thay đổi."
        : "Not signed in, or the session expired: sign in again. Nothing was changed."
    case .forgedForm:
      return vi
        ? "Biểu mẫu không hợp lệ (mã chống giả mạo không khớp với phiên): không có gì thay đổi. Hãy mở lại trang rồi gửi lại."
        : "The form is not valid (its anti-forgery token does not match the session): nothing was changed. Open the page again and resend."
    case .otherProvince:
      return vi
        ? "Lớp này không thuộc tỉnh của anh/chị: không có gì thay đổi."
        : "This class is not of your province: nothing was changed."
    case .unknownClass:
      return vi ? "Không có lớp này: không có gì thay đổi." : "There is no such class: nothing was changed."
    case .formTooLarge(let limit):
      return vi
        ? "Biểu mẫu quá lớn (tối đa \(limit / 1_024) KiB): không có gì thay đổi."
        : "The form is too large (at most \(limit / 1_024) KiB): nothing was changed."
    case .malformedForm:
      return vi
        ? "Biểu mẫu thiếu hoặc sai trường: không có gì thay đổi."
        : "The form lacks a field or has a wrong one: nothing was changed."
    case .noteRequired:
      return vi
        ? "Trả lại một lớp cần ghi chú cho giảng viên: không có gì thay đổi."
        : "Sending a class back needs a note for the trainer: nothing was changed."
    case .noteTooLong(let limit):
      return vi
        ? "Ghi chú dài quá \(limit) ký tự: không có gì thay đổi."
        : "The note is longer than \(limit) characters: nothing was changed."
    case .unavailable:
      return vi
        ? "Máy chủ tạm thời không truy cập được cơ sở dữ liệu: không có gì thay đổi, hãy thử lại sau."
        : "The server cannot reach its database for now: nothing was changed, try again later."
    case .refusedHeading: return vi ? "Không thực hiện được" : "Refused"
    case .backLink: return vi ? "Quay lại" : "Back"
    default: return nil
    }
  }

  private func commandText(_ vi: Bool) -> String? {
    switch self {
    case .leaderAdded(let name, let province):
      return vi
        ? "Đã tạo tài khoản lãnh đạo \(name) cho tỉnh \(province)."
        : "Added the leader \(name) for province \(province)."
    case .leaderExists(let name):
      return vi ? "đã có tài khoản lãnh đạo tên \(name)" : "a leader named \(name) already exists"
    case .badLeaderName:
      return vi
        ? "tên đăng nhập cần từ 1 đến 100 ký tự, không có ký tự điều khiển"
        : "a leader's name has 1 to 100 characters and no control characters"
    case .unknownProvince(let code):
      return vi
        ? "tỉnh \(code) không có trong danh sách đơn vị hành chính (--units)"
        : "province \(code) is not in the administrative units list (--units)"
    case .passphrasePrompt: return vi ? "Mật khẩu của lãnh đạo: " : "Leader's passphrase: "
    case .passphraseAgain: return vi ? "Nhập lại mật khẩu: " : "Passphrase again: "
    case .passphrasesDiffer: return vi ? "hai lần nhập mật khẩu không khớp" : "the two passphrases differ"
    case .noPassphrase: return vi ? "chưa nhập mật khẩu" : "no passphrase given"
    case .noLeaders: return vi ? "Chưa có tài khoản lãnh đạo nào" : "No leader account yet"
    case .leaderListing(let name, let province, let created):
      return vi
        ? "\(name)  tỉnh \(province)  tạo \(created)" : "\(name)  province \(province)  added \(created)"
    default: return nil
    }
  }

  public static let samples: [WebMessage] = [
    .siteTitle, .signedInAs(name: "nguyen.van.a", province: "Tỉnh Lai Châu"), .reportingLink, .readinessLink,
    .classesLink, .signOut, .signInHeading, .nameLabel, .passphraseLabel, .signIn, .wrongSignIn,
    .signInLocked(10), .signedOut,
    .reportingHeading("Lai Châu"),
    .reportingSummary(sent: 3, communes: 98, never: 95, trained: 40, roster: 75),
    .communeColumn, .statusColumn, .lastSyncColumn, .trainedColumn, .machinesColumn, .sent, .enrolledNotSent,
    .notEnrolled, .never, .readinessHeading("Lai Châu"), .allResults, .approvedOnly, .showingApprovedOnly,
    .showingAll, .readinessUnavailable, .profileOf, .everyCommune, .showProfile,
    .profilesWeakest(shown: 12, of: 98), .classesHeading("Lai Châu"), .classColumn, .trainerColumn,
    .datesColumn, .attemptsColumn, .decisionColumn, .classOpen, .classClosed,
    .andOtherCommunes(first: "Phường Đoàn Kết", others: 79), .awaiting,
    .approvedBy(leader: "nguyen.van.a", day: "2026-12-03"),
    .returnedBy(leader: "nguyen.van.a", day: "2026-12-03"),
    .approve, .sendBack, .noteLabel, .changeDecision, .noClasses, .classApproved("LC-2612-A"),
    .classReturned("LC-2612-A"),
    .noSession, .forgedForm, .otherProvince, .unknownClass, .formTooLarge(16_384), .malformedForm,
    .noteRequired, .noteTooLong(2_000), .unavailable, .refusedHeading, .backLink,
    .leaderAdded(name: "nguyen.van.a", province: "12"), .leaderExists("nguyen.van.a"), .badLeaderName,
    .unknownProvince("99"), .passphrasePrompt, .passphraseAgain, .passphrasesDiffer, .noPassphrase,
    .noLeaders,
    .leaderListing(name: "nguyen.van.a", province: "12", created: "2026-12-03"),
  ]
}

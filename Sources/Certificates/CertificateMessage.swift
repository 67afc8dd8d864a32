import Access
import Localization
import Units

/// What `papi-train certificate issue|verify` says, Vietnamese first.
public enum CertificateMessage: Error, MessageCatalogue, Hashable {
  case registerUnreadable(String)
  case registerDamaged(String)
  case unreadable(String)
  case unwritable(String, String)
  case pdfFailed(String, String)
  case issuedHeading(count: Int, classTitle: String, folder: String)
  case issuedOne(code: String, name: String, commune: String, score: String)
  case notPassed(name: String, commune: String, score: String, passMark: String)
  case withoutPostTest(Int)
  case htmlOnlyAsked
  case noChromium
  case printed(Int, String)
  /// What checking a certificate found.
  case verdict(CertificateVerdict)

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .registerUnreadable(let path):
      return vi
        ? "không đọc được sổ cấp giấy chứng nhận \(path)" : "cannot read the certificate register \(path)"
    case .registerDamaged(let path):
      return vi ? "sổ cấp giấy chứng nhận \(path) bị hỏng" : "the certificate register \(path) is damaged"
    case .unreadable(let path): return vi ? "không đọc được \(path)" : "cannot read \(path)"
    case .unwritable(let path, let reason):
      return vi ? "\(path): không ghi được: \(reason)" : "\(path): cannot write: \(reason)"
    case .pdfFailed(let path, let reason):
      return vi
        ? "\(path): Chromium không in được PDF (\(reason)); trang HTML vẫn ở bên cạnh"
        : "\(path): Chromium could not print the PDF (\(reason)); the HTML page is beside it"
    case .issuedHeading(let count, let title, let folder):
      return vi
        ? "Đã cấp \(count) giấy chứng nhận cho \(title) vào \(folder)"
        : "Issued \(count) certificates for \(title) into \(folder)"
    case .issuedOne(let code, let name, let commune, let score):
      return vi
        ? "  \(code)  \(name) (\(commune)): đạt \(score)%"
        : "  \(code)  \(name) (\(commune)): scored \(score)%"
    case .notPassed(let name, let commune, let score, let passMark):
      return vi
        ? "  chưa đạt: \(name) (\(commune)): \(score)%, điểm đạt \(passMark)%; không cấp"
        : "  not passed: \(name) (\(commune)): \(score)%, pass mark \(passMark)%; none issued"
    case .withoutPostTest(let count):
      return vi
        ? "  \(count) cán bộ chưa làm xong bài kiểm tra cuối khoá; không cấp"
        : "  \(count) officials have not finished a post-test; none issued"
    case .htmlOnlyAsked:
      return vi ? "Chỉ ghi trang HTML (theo --html-only)." : "HTML pages only (as --html-only asked)."
    case .noChromium:
      return vi
        ? "Không có Chromium trên máy này: chỉ ghi trang HTML (mở bằng trình duyệt rồi in, khổ A4 ngang)."
        : "Chromium is not installed here: HTML pages only (open one in a browser and print, A4 landscape)."
    case .printed(let count, let browser):
      return vi
        ? "Đã in \(count) tệp PDF bằng \(browser) (mỗi tệp một trang A4)."
        : "Printed \(count) PDF files with \(browser) (one A4 page each)."
    case .verdict(let verdict): return Self.text(of: verdict, vi: vi)
    }
  }

  private static func text(of verdict: CertificateVerdict, vi: Bool) -> String {
    let refused = vi ? "KHÔNG HỢP LỆ" : "NOT VALID"
    switch verdict {
    case .valid(let certificate, let signer):
      let facts = certificate.facts
      let by =
        switch signer {
        case .thisMachine: vi ? "máy này" : "this computer"
        case .enrolled(let machine):
          vi
            ? "máy đã đăng ký của xã \(machine.commune)"
            : "the enrolled machine of commune \(machine.commune)"
        }
      return vi
        ? "Hợp lệ: giấy chứng nhận \(certificate.code) cấp cho \(facts.name) (\(facts.position.vi), \(facts.communeName)), \(facts.classTitle), kết quả \(facts.score)% ngày \(facts.passedOn), cấp ngày \(facts.issuedOn), ký bởi \(by)"
        : "Valid: certificate \(certificate.code) for \(facts.name) (\(facts.position.en ?? facts.position.vi), \(facts.communeName)), \(facts.classTitle), scored \(facts.score)% on \(facts.passedOn), issued \(facts.issuedOn), signed by \(by)"
    case .notFound(let subject):
      return vi
        ? "\(refused): \(subject): không có tệp này, và sổ cấp của máy này không có giấy chứng nhận nào mang mã này"
        : "\(refused): \(subject): no such file, and this computer's register has no certificate with this code"
    case .notACertificate(let path):
      return vi
        ? "\(refused): \(path) không phải giấy chứng nhận của papi-train (hãy đưa tệp .html hoặc .json, hoặc mã xác minh)"
        : "\(refused): \(path) is not a papi-train certificate (give its .html or .json file, or its code)"
    case .pageChanged(let path, let certificate):
      return vi
        ? "\(refused): trang \(path) đã bị sửa sau khi cấp: nội dung khác với giấy chứng nhận \(certificate.code) đã ký"
        : "\(refused): the page \(path) was edited after issuing: it differs from the signed certificate \(certificate.code)"
    case .factsDoNotMatchCode(let certificate):
      return vi
        ? "\(refused): thông tin trên giấy chứng nhận (họ tên, chức vụ, xã, lớp, điểm, ngày) không khớp với mã xác minh \(certificate.code): đã bị sửa sau khi cấp"
        : "\(refused): the certificate's facts (name, position, commune, class, score, dates) do not match its code \(certificate.code): changed after issuing"
    case .badSignature(let certificate):
      return vi
        ? "\(refused): chữ ký của giấy chứng nhận \(certificate.code) không đúng: chữ ký hoặc khoá đã bị thay"
        : "\(refused): the signature of certificate \(certificate.code) does not verify: the signature or the key was replaced"
    case .unknownKey(let certificate):
      return vi
        ? "\(refused): giấy chứng nhận \(certificate.code) được ký bằng khoá \(certificate.publicKey), không phải của máy này và không có trong danh sách máy tin cậy của tỉnh"
        : "\(refused): certificate \(certificate.code) is signed with the key \(certificate.publicKey), neither this computer's nor enrolled by the province (papi-train keys enrol)"
    case .revokedKey(let certificate, let machine):
      return vi
        ? "\(refused): giấy chứng nhận \(certificate.code) được ký bằng khoá \(machine.publicKey) đã bị thu hồi lúc \(machine.revokedAt ?? "?")"
        : "\(refused): certificate \(certificate.code) is signed with the key \(machine.publicKey), revoked at \(machine.revokedAt ?? "?")"
    }
  }

  /// A certificate for the samples (its signature is not checked by a message).
  static let sampleCertificate = SignedCertificate(
    format: CertificateFacts.format,
    facts: CertificateFacts(
      name: "Nguyễn Thị Hoa", officialID: "6F1C2D3E-0000-4000-8000-000000000001",
      position: LocalizedText(
        vi: "Chủ tịch Ủy ban nhân dân xã", en: "Chairman of the commune People's Committee"),
      communeCode: "03637", communeName: "Xã Mường Kim", classID: "0C1A55E5-0000-4000-8000-000000000001",
      classCode: "LC-2612-A", classTitle: "Lớp tập huấn tại Phong Thổ, ngày 2026-10-15",
      trainer: "Đặng Văn Lâm",
      course: LocalizedText(vi: "Cơ chế một cửa", en: "The one-stop shop"),
      postTest: LocalizedText(vi: "Kiểm tra cuối khoá", en: "Post-test"), score: "85.5", passMark: "70",
      passedOn: "2026-10-15", issuedOn: "2026-12-03", issuer: "may-tap-huan"),
    code: "7KQ2M-9XD3F", publicKey: "p0JXcMdqf8Y0Nq0F3m0w5o8s9Qv8y2bBq6T8nS1y3cM=", signature: "")

  public static var samples: [CertificateMessage] {
    guard let commune = try? CommuneCode("03637") else { return [] }
    let machine = TrustedMachine(
      publicKey: sampleCertificate.publicKey, commune: commune, enrolledAt: "2026-11-01T08:00:00Z")
    var revoked = machine
    revoked.revokedAt = "2026-11-20T08:00:00Z"
    return [
      .registerUnreadable("/home/hoa/.local/share/papi-train/certificates.json"),
      .registerDamaged("/home/hoa/.local/share/papi-train/certificates.json"), .unreadable("chung-nhan.html"),
      .unwritable("chung-nhan", "Permission denied"), .pdfFailed("chung-nhan/7KQ2M-9XD3F.pdf", "timeout"),
      .issuedHeading(
        count: 3, classTitle: "Lớp tập huấn tại Phong Thổ, ngày 2026-10-15", folder: "chung-nhan"),
      .issuedOne(code: "7KQ2M-9XD3F", name: "Nguyễn Thị Hoa", commune: "Xã Mường Kim", score: "85.5"),
      .notPassed(name: "Lò Văn Thắng", commune: "Xã Mường Kim", score: "40", passMark: "70"),
      .withoutPostTest(2),
      .htmlOnlyAsked, .noChromium, .printed(3, "/usr/bin/chromium"),
      .verdict(.valid(sampleCertificate, .thisMachine)),
      .verdict(.valid(sampleCertificate, .enrolled(machine))),
      .verdict(.notFound("7KQ2M-9XD3X")), .verdict(.notACertificate("chung-nhan/7KQ2M-9XD3F.pdf")),
      .verdict(.pageChanged("chung-nhan/7KQ2M-9XD3F.html", sampleCertificate)),
      .verdict(.factsDoNotMatchCode(sampleCertificate)), .verdict(.badSignature(sampleCertificate)),
      .verdict(.unknownKey(sampleCertificate)), .verdict(.revokedKey(sampleCertificate, revoked)),
    ]
  }
}

import Access
import Certificates
import Foundation
import PapiTrainTesting
import ResultsExport
import Testing
import Toolkit
import Units

@Suite struct SigningTests {
  func verifier(_ folder: TemporaryFolder, ownKey: String?) -> CertificateVerifier {
    CertificateVerifier(
      register: CertificateRegister(url: folder.appending("certificates.json")),
      trust: TrustRegistry(url: folder.appending("trusted-machines.json")), ownKey: ownKey)
  }

  @Test func aCertificateSignedHereVerifiesFromItsJSONAndItsCode() throws {
    let folder = try TemporaryFolder()
    let key = try freshKey(in: folder)
    let certificate = try SignedCertificate(facts: sampleFacts(), key: key)
    let check = verifier(folder, ownKey: key.publicKeyText)
    #expect(try check.verify(certificate) == .valid(certificate, .thisMachine))
    let read = try #require(SignedCertificate.read(json: try certificate.json()))
    #expect(read == certificate)
    // By its code, once recorded in the register; typed in lower case, without the dash, O for 0.
    try check.register.record([certificate])
    let typed = certificate.code.lowercased().replacingOccurrences(of: "-", with: "")
      .replacingOccurrences(of: "0", with: "o")
    #expect(try check.verify(typed) == .valid(certificate, .thisMachine))
    #expect(try check.verify("ZZZZZ-ZZZZZ") == .notFound("ZZZZZ-ZZZZZ"))
    // The code has 10 characters of Crockford's alphabet, and other facts give another code.
    #expect(
      certificate.code.count == 11
        && certificate.code.allSatisfy { $0 == "-" || "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) })
    #expect(sampleFacts(name: "Nguyễn Thị Hòa").code != sampleFacts().code)
  }

  @Test func aChangedNameScoreCodeOrSignatureIsRefused() throws {
    let folder = try TemporaryFolder()
    let key = try freshKey(in: folder)
    let certificate = try SignedCertificate(facts: sampleFacts(), key: key)
    let check = verifier(folder, ownKey: key.publicKeyText)
    var renamed = certificate
    renamed.facts.name = "Nguyễn Thị Hoà"
    #expect(try check.verify(renamed) == .factsDoNotMatchCode(renamed))
    var rescored = certificate
    rescored.facts.score = "100"
    #expect(try check.verify(rescored) == .factsDoNotMatchCode(rescored))
    var recoded = certificate
    recoded.code = sampleFacts(score: "100").code.description
    #expect(try check.verify(recoded) == .factsDoNotMatchCode(recoded))
    // Facts and code changed together: the signature no longer covers them.
    var forged = certificate
    forged.facts.score = "100"
    forged.code = forged.facts.code.description
    #expect(try check.verify(forged) == .badSignature(forged))
    var resigned = certificate
    var bytes = Array(Data(base64Encoded: resigned.signature)!)
    bytes[7] ^= 0x01
    resigned.signature = Data(bytes).base64EncodedString()
    #expect(try check.verify(resigned) == .badSignature(resigned))
    // Signed again by another key put in its place: not this computer's, and unknown.
    let other = try freshKey(in: folder, "other-key")
    let borrowed = try SignedCertificate(facts: sampleFacts(), key: other)
    #expect(try check.verify(borrowed) == .unknownKey(borrowed))
    // The messages say what was wrong.
    let message = CertificateMessage.verdict(.factsDoNotMatchCode(renamed)).text(in: .vietnamese)
    #expect(message.hasPrefix("KHÔNG HỢP LỆ") && message.contains("không khớp với mã xác minh"))
  }

  @Test func aKeyUnknownOrRevokedByTheProvinceIsRefusedAndAnEnrolledOneTrusted() throws {
    let folder = try TemporaryFolder()
    let key = try freshKey(in: folder)
    let certificate = try SignedCertificate(facts: sampleFacts(), key: key)
    let elsewhere = verifier(folder, ownKey: nil)
    #expect(try elsewhere.verify(certificate) == .unknownKey(certificate))
    let machine = try elsewhere.trust.enrol(publicKey: key.publicKeyText, commune: CommuneCode("03637"))
    #expect(try elsewhere.verify(certificate) == .valid(certificate, .enrolled(machine)))
    let revoked = try elsewhere.trust.revoke(key.publicKeyText)
    #expect(try elsewhere.verify(certificate) == .revokedKey(certificate, revoked))
    // A revoked key is refused even on the computer that holds it.
    #expect(
      try verifier(folder, ownKey: key.publicKeyText).verify(certificate) == .revokedKey(certificate, revoked)
    )
  }

  @Test func theRegisterKeepsOneEntryPerCodeAndAnEditedEntryFails() throws {
    let folder = try TemporaryFolder()
    let key = try freshKey(in: folder)
    let check = verifier(folder, ownKey: key.publicKeyText)
    let certificate = try SignedCertificate(facts: sampleFacts(), key: key)
    try check.register.record([certificate])
    try check.register.record([
      certificate, try SignedCertificate(facts: sampleFacts(name: "Lò Văn Thắng"), key: key),
    ])
    #expect(try check.register.certificates().count == 2)
    let path = check.register.url.path
    let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
      of: "\"90\"", with: "\"99\"")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    #expect(!(try check.verify(certificate.code).isValid))
    try "{".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: CertificateMessage.registerDamaged(path)) { try check.verify(certificate.code) }
  }
}

@Suite struct PageTests {
  @Test func thePageIsTheSignedFactsAndAnEditedPageIsRefused() throws {
    let folder = try TemporaryFolder()
    let key = try freshKey(in: folder)
    let certificate = try SignedCertificate(facts: sampleFacts(name: "Nguyễn <Thị> Hoa & \"con\""), key: key)
    let html = try CertificatePage.html(certificate)
    #expect(try CertificatePage.html(certificate) == html)
    #expect(html.contains("Nguyễn &lt;Thị&gt; Hoa &amp; &quot;con&quot;"))
    #expect(html.contains("Giấy chứng nhận") && html.contains(certificate.code))
    #expect(html.contains("3 tháng 12 năm 2026") && html.contains("Chủ tịch Ủy ban nhân dân xã"))
    #expect(
      html.range(of: "Giấy chứng nhận")!.lowerBound < html.range(of: "Certificate of completion")!.lowerBound)
    // Nothing runs and nothing is fetched: the only script is the certificate's data.
    #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="))
    #expect(html.components(separatedBy: "<script").count == 2 && html.contains("type=\"application/json\""))
    let check = CertificateVerifier(
      register: CertificateRegister(url: folder.appending("certificates.json")),
      trust: TrustRegistry(url: folder.appending("trust.json")), ownKey: key.publicKeyText)
    let page = folder.appending("page.html")
    try html.write(to: page, atomically: true, encoding: .utf8)
    #expect(try check.verify(fileAtPath: page.path) == .valid(certificate, .thisMachine))
    let edited = html.replacingOccurrences(of: "<strong>90%</strong>", with: "<strong>99%</strong>")
    #expect(edited != html)
    try edited.write(to: page, atomically: true, encoding: .utf8)
    #expect(try check.verify(fileAtPath: page.path) == .pageChanged(page.path, certificate))
    let json = folder.appending("c.json")
    try certificate.json().write(to: json)
    #expect(try check.verify(fileAtPath: json.path).isValid)
    try Data("%PDF-1.4".utf8).write(to: folder.appending("c.pdf"))
    #expect(try check.verify(fileAtPath: folder.path("c.pdf")) == .notACertificate(folder.path("c.pdf")))
    // A folder or a FIFO is refused without being read (reading a FIFO would block).
    #expect(try check.verify(fileAtPath: folder.url.path) == .notACertificate(folder.url.path))
    #expect(mkfifo(folder.path("fifo"), 0o600) == 0)
    #expect(try check.verify(folder.path("fifo")) == .notACertificate(folder.path("fifo")))
  }

  /// The print CSS asks for one A4 page: landscape, no margins, a page box inside the sheet with
  /// nothing overflowing it.
  @Test func thePrintStyleFitsOneA4Page() throws {
    let folder = try TemporaryFolder()
    let html = try CertificatePage.html(
      try SignedCertificate(facts: sampleFacts(), key: try freshKey(in: folder)))
    #expect(html.contains("@page { size: A4 landscape; margin: 0; }"))
    let page = try #require(html.range(of: ".page {")).upperBound
    let rule = String(html[page..<html.range(of: "}", range: page..<html.endIndex)!.lowerBound])
    #expect(
      rule.contains("width: 297mm") && rule.contains("height: 209mm") && rule.contains("overflow: hidden"))
    #expect(html.components(separatedBy: "class=\"page\"").count == 2)
  }

  /// Through Debian's chromium when it is installed: one page, A4 landscape, even for a long name
  /// and a long class title.
  @Test(.enabled(if: PDFRenderer.find(environment: ProcessInfo.processInfo.environment) != nil))
  func chromiumPrintsExactlyOneA4Page() throws {
    let folder = try TemporaryFolder()
    var facts = sampleFacts(name: "Nguyễn Thị Thanh Hương Lan Phượng Hoàng Diệu Linh Ngọc")
    facts.classTitle = String(repeating: "Lớp tập huấn nghiệp vụ một cửa liên thông cấp xã ", count: 4)
    let certificate = try SignedCertificate(facts: facts, key: try freshKey(in: folder))
    let page = folder.appending("c.html")
    try CertificatePage.html(certificate).write(to: page, atomically: true, encoding: .utf8)
    let renderer = try #require(PDFRenderer.find(environment: ProcessInfo.processInfo.environment))
    try renderer.render(page: page, to: folder.appending("c.pdf"))
    let pdf = String(decoding: try Data(contentsOf: folder.appending("c.pdf")), as: UTF8.self)
    let pages =
      pdf.components(separatedBy: "/Type /Page").count - 1
      - (pdf.components(separatedBy: "/Type /Pages").count - 1)
    #expect(pages == 1)
    // 297 × 210 mm is 842 × 595 points.
    #expect(pdf.contains("/MediaBox [0 0 842") || pdf.contains("/MediaBox [0 0 841"))
  }
}

@Suite struct ClassCertificateTests {
  /// By hand (see ``ClassFixture``): Hoa 90% and Thắng's best 70% earn certificates; Mai's 60% is
  /// below the pass mark; Hùng took no post-test.
  @Test(arguments: [true, false])
  func whoPassedThePostTestIsCertifiedWithTheirBestScore(titled: Bool) throws {
    let fixture = try ClassFixture(titled: titled)
    let results = try ClassResults.load(
      from: fixture.directory, selection: ExportSelection(classID: ClassFixture.classID))
    let outcome = ClassCertificates(
      results: results, library: shippedLibrary, communeNames: [try CommuneCode("03637"): "Xã Mường Kim"],
      issuedOn: Day("2026-12-03")!, issuer: "may", timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
    #expect(
      outcome.earned.map(\.name) == ["Lò Văn Thắng", "Nguyễn Thị Hoa"]
        || outcome.earned.map(\.name) == ["Nguyễn Thị Hoa", "Lò Văn Thắng"])
    let hoa = try #require(outcome.earned.first { $0.name == "Nguyễn Thị Hoa" })
    #expect(hoa.score == "90" && hoa.passMark == "70" && hoa.passedOn == "2026-10-15")
    #expect(hoa.position.vi == "Chủ tịch Ủy ban nhân dân xã" && hoa.communeName == "Xã Mường Kim")
    #expect(hoa.postTest.vi == "Kiểm tra cuối khóa – Cơ chế một cửa")
    #expect(hoa.classID == ClassFixture.classID.uuidString && hoa.trainer == "Đặng Văn Lâm")
    if titled {
      #expect(hoa.classCode == "LC-2610-A" && hoa.classTitle == "Tập huấn một cửa, đợt 2")
    } else {
      #expect(hoa.classCode == nil && hoa.classTitle == "Lớp tập huấn tại Phong Thổ, ngày 2026-10-15")
    }
    #expect(outcome.earned.first { $0.name == "Lò Văn Thắng" }?.score == "70")
    #expect(outcome.notPassed.map(\.name) == ["Hoàng Thị Mai"] && outcome.notPassed.first?.score == "60")
    #expect(outcome.withoutPostTest == 1)
  }
}

import Access
import Crypto
import CryptoExtras
import Foundation
import PapiTrainTesting
import ProvinceServer
import ProvinceServerTesting
import Testing

/// The leaders' pages through HTTP: accounts, signing in and out, the session cookie, and every
/// form refused with its reason when it lacks a session or the session's token, names a class
/// of another province, or is too large; a refused form changes nothing.
@Suite(.serialized, .enabled(if: serverTestsCanRun)) struct WebTests {
  /// One of RFC 7914 section 12's test vectors.
  struct ScryptVector: Sendable, CustomTestStringConvertible {
    var passphrase: String
    var salt: String
    var n: Int
    var r: Int
    var p: Int
    /// The 64-byte key, in hexadecimal.
    var key: String
    var testDescription: String { "scrypt(\(passphrase), \(salt), N=\(n), r=\(r), p=\(p))" }
  }

  /// The vectors that fit in scrypt's memory here (the third needs 1 GiB).
  static let vectors = [
    ScryptVector(
      passphrase: "password", salt: "NaCl", n: 1_024, r: 8, p: 16,
      key:
        "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"
    ),
    ScryptVector(
      passphrase: "pleaseletmein", salt: "SodiumChloride", n: 16_384, r: 8, p: 1,
      key:
        "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"
    ),
  ]

  /// scrypt gives RFC 7914's keys, and a leader's passphrase check (Access's PassphraseHash, 32
  /// bytes: the first half of the vector's 64) accepts the vector's passphrase and nothing else.
  @Test(arguments: vectors)
  func scryptMatchesRFC7914(_ vector: ScryptVector) throws {
    let key = try KDF.Scrypt.deriveKey(
      from: Data(vector.passphrase.utf8), salt: Data(vector.salt.utf8), outputByteCount: 64, rounds: vector.n,
      blockSize: vector.r, parallelism: vector.p)
    #expect(key.withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined() == vector.key)
    let stored = """
      {"algorithm":"scrypt","rounds":\(vector.n),"blockSize":\(vector.r),"parallelism":\(vector.p),\
      "salt":"\(Data(vector.salt.utf8).base64EncodedString())","hash":"\(Data(hex: vector.key.prefix(64)).base64EncodedString())"}
      """
    let hash = try JSONDecoder().decode(PassphraseHash.self, from: Data(stored.utf8))
    #expect(hash.matches(vector.passphrase))
    #expect(!hash.matches(vector.passphrase + " "))
  }

  @Test func aLeaderIsAddedOnceWithAStrongPassphraseForAProvinceOfTheList() throws {
    let province = try Province()
    try province.addLeader()
    #expect(
      try province.count("SELECT count(*) FROM leaders WHERE name = 'lanh.dao' AND province_code = '12'") == 1
    )
    #expect(
      try province.count("SELECT count(*) FROM leaders WHERE passphrase::text LIKE '%đồng lúa%'") == 0,
      "only the hash is kept")
    let again = try province.papiServer(
      ["leaders", "add", "lanh.dao", "--province", "12"], input: "một câu khác 7\n")
    #expect(again.status != 0)
    #expect(again.error.contains("đã có tài khoản lãnh đạo tên lanh.dao"), "\(again.error)")
    let weak = try province.papiServer(["leaders", "add", "yeu", "--province", "12"], input: "12345678\n")
    #expect(weak.status != 0)
    let elsewhere = try province.papiServer(
      ["leaders", "add", "xa", "--province", "99"], input: "một câu khác 7\n")
    #expect(elsewhere.status != 0)
    #expect(elsewhere.error.contains("tỉnh 99 không có"), "\(elsewhere.error)")
    #expect(try province.count("SELECT count(*) FROM leaders") == 1)
    let list = try province.papiServer(["leaders", "list"])
    #expect(list.output.contains("lanh.dao  tỉnh 12"), "\(list.output)")
  }

  @Test func signingInGivesAStrictHttpOnlyCookieAndSigningOutEndsTheSession() throws {
    let province = try Province()
    try province.addLeader()
    var browser = WebClient(base: province.server.url)
    let unsigned = try browser.get("/leaders/reporting")
    #expect(unsigned.status == 303)
    #expect(unsigned.header("Location") == ["/leaders/sign-in"])

    let wrong = try browser.signIn("lanh.dao", "không phải mật khẩu")
    #expect(wrong.status == 401)
    #expect(wrong.body.contains("Tên đăng nhập hoặc mật khẩu không đúng"))
    #expect(wrong.setCookie("papi_session") == nil)
    let nobody = try browser.signIn("không.có.ai", Province.leaderPassphrase)
    #expect(nobody.status == 401)

    let signedIn = try browser.signIn("lanh.dao", Province.leaderPassphrase)
    #expect(signedIn.status == 303)
    #expect(signedIn.header("Location") == ["/leaders/reporting"])
    let cookie = try #require(signedIn.setCookie("papi_session"))
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
      #expect(cookie.contains(attribute), "\(cookie)")
    }
    #expect(!cookie.contains("Secure"), "plain HTTP: no Secure attribute")
    #expect(try province.count("SELECT count(*) FROM web_sessions") == 1)
    let token = try #require(browser.cookies["papi_session"])
    #expect(
      try province.count("SELECT count(*) FROM web_sessions WHERE token_hash = '\(token)'") == 0,
      "only a hash")

    let page = try browser.get("/leaders/reporting")
    #expect(page.status == 200)
    #expect(page.body.contains("Tình hình gửi kết quả của các xã: Tỉnh Lai Châu"))
    #expect(page.header("Content-Security-Policy").first?.contains("default-src 'none'") == true)

    let out = try browser.post("/leaders/sign-out", [("csrf", page.csrf ?? "")])
    #expect(out.status == 303)
    #expect(try province.count("SELECT count(*) FROM web_sessions") == 0)
    var stolen = WebClient(base: province.server.url)
    stolen.cookies["papi_session"] = token
    let refused = try stolen.get("/leaders/reporting")
    #expect(refused.status == 303, "the old cookie opens nothing")
  }

  @Test func fiveWrongPassphrasesInARowLockTheNameForAWhile() throws {
    let province = try Province()
    try province.addLeader()
    var browser = WebClient(base: province.server.url)
    for _ in 0..<5 {
      let wrong = try browser.signIn("lanh.dao", "sai mật khẩu rồi")
      #expect(wrong.status == 401)
    }
    let locked = try browser.signIn("lanh.dao", Province.leaderPassphrase)
    #expect(locked.status == 429)
    #expect(locked.body.contains("tài khoản tạm khoá, hãy thử lại sau 10 phút"))
    #expect(locked.setCookie("papi_session") == nil)
    try province.cluster.psql(
      province.database, "UPDATE leaders SET locked_until = now() - interval '1 second'")
    let open = try browser.signIn("lanh.dao", Province.leaderPassphrase)
    #expect(open.status == 303, "the lock ends")
  }

  @Test func anExpiredSessionOpensNoPage() throws {
    let province = try Province()
    try province.addLeader()
    var browser = WebClient(base: province.server.url)
    try browser.signIn("lanh.dao", Province.leaderPassphrase)
    let open = try browser.get("/leaders/classes")
    #expect(open.status == 200)
    try province.cluster.psql(
      province.database, "UPDATE web_sessions SET expires_at = now() - interval '1 second'")
    let expired = try browser.get("/leaders/classes")
    #expect(expired.status == 303)
    #expect(expired.header("Location") == ["/leaders/sign-in"])
  }

  @Test func badFormsAreRefusedWithTheReasonAndChangeNothing() throws {
    let province = try Province()
    try province.addLeader()
    let ours = try province.insertClass(code: "LC-2611-A")
    let theirs = try province.insertClass(code: "HG-2611-B", commune: "99001", province: "99")
    var browser = WebClient(base: province.server.url)
    try browser.signIn("lanh.dao", Province.leaderPassphrase)
    let page = try browser.get("/leaders/classes")
    let csrf = try #require(page.csrf)
    let path = { (id: UUID) in "/leaders/classes/\(id.uuidString.lowercased())/review" }

    // No session: the same form from a browser that never signed in.
    var stranger = WebClient(base: province.server.url)
    let noSession = try stranger.post(path(ours), [("csrf", csrf), ("decision", "approved")])
    #expect(noSession.status == 401)
    #expect(noSession.body.contains("Chưa đăng nhập hoặc phiên đã hết hạn"))
    #expect(noSession.body.contains("Not signed in"))

    let forged = try browser.post(path(ours), [("csrf", String(csrf.reversed())), ("decision", "approved")])
    #expect(forged.status == 403)
    #expect(forged.body.contains("mã chống giả mạo không khớp"))
    let missing = try browser.post(path(ours), [("decision", "approved")])
    #expect(missing.status == 403)

    let other = try browser.post(path(theirs), [("csrf", csrf), ("decision", "approved")])
    #expect(other.status == 403)
    #expect(other.body.contains("Lớp này không thuộc tỉnh của anh/chị"))
    let unknown = try browser.post(path(UUID()), [("csrf", csrf), ("decision", "approved")])
    #expect(unknown.status == 404)

    let huge = try browser.post(
      path(ours), [("csrf", csrf), ("decision", "returned"), ("note", String(repeating: "a", count: 20_000))])
    #expect(huge.status == 413)
    #expect(huge.body.contains("Biểu mẫu quá lớn"))
    let noNote = try browser.post(path(ours), [("csrf", csrf), ("decision", "returned"), ("note", "  ")])
    #expect(noNote.status == 422)
    let odd = try browser.post(
      path(ours), [("csrf", csrf), ("decision", "approved"), ("decision", "returned")])
    #expect(odd.status == 400)
    #expect(try province.count("SELECT count(*) FROM class_reviews") == 0, "nothing was changed")

    let returned = try browser.post(
      path(ours), [("csrf", csrf), ("decision", "returned"), ("note", "Thiếu bài kiểm tra sau")])
    #expect(returned.status == 303)
    #expect(
      try province.count(
        "SELECT count(*) FROM class_reviews WHERE decision = 'returned' AND note = 'Thiếu bài kiểm tra sau' AND leader = 'lanh.dao'"
      )
        == 1)
    let shown = try browser.get(try #require(returned.header("Location").first))
    #expect(shown.body.contains("Đã trả lại lớp LC-2611-A"))
    #expect(!shown.body.contains("HG-2611-B"), "another province's class is not listed")
  }
}

/// A decision taken by mistake can be changed on the page.
@Suite(.serialized, .enabled(if: serverTestsCanRun)) struct WebDecisionTests {
  @Test func anApprovedClassCanBeSentBackWithANote() throws {
    let province = try Province()
    try province.addLeader()
    let id = try province.insertClass(code: "LC-2611-A")
    var browser = WebClient(base: province.server.url)
    try browser.signIn("lanh.dao", Province.leaderPassphrase)
    let csrf = try #require(try browser.get("/leaders/classes").csrf)
    let path = "/leaders/classes/\(id.uuidString.lowercased())/review"
    #expect(try browser.post(path, [("csrf", csrf), ("decision", "approved")]).status == 303)

    let approved = try browser.get("/leaders/classes")
    let row = try #require(WebInChromiumTests.row(of: "data-class=\"LC-2611-A\"", in: approved.body))
    #expect(row.contains("đã duyệt (lanh.dao,"), "\(row)")
    #expect(!row.contains("id=\"approve-LC-2611-A\""), "no approve button once approved")
    #expect(row.contains("<summary>Đổi quyết định: trả lại cho giảng viên</summary>"), "\(row)")
    #expect(row.contains("id=\"return-LC-2611-A\""))

    let note = "Duyệt nhầm: thiếu bài kiểm tra sau"
    let back = try browser.post(path, [("csrf", csrf), ("decision", "returned"), ("note", note)])
    #expect(back.status == 303)
    #expect(
      try province.count(
        "SELECT count(*) FROM class_reviews WHERE decision = 'returned' AND note = '\(note)' AND leader = 'lanh.dao'"
      )
        == 1)
    let returned = try browser.get(try #require(back.header("Location").first))
    let now = try #require(WebInChromiumTests.row(of: "data-class=\"LC-2611-A\"", in: returned.body))
    #expect(now.contains("đã trả lại (lanh.dao,") && now.contains(note), "\(now)")
    #expect(now.contains("id=\"approve-LC-2611-A\""), "a class sent back can be approved again")
  }
}

/// What the pages name: the leader's province by its name in the units list, and every commune a
/// class is for, by name.
@Suite(.serialized, .enabled(if: serverTestsCanRun)) struct WebNamesTests {
  @Test func theFrameNamesTheProvinceAndAClassRowNamesEveryCommuneOfTheClass() throws {
    let province = try Province()
    try province.addLeader()
    // Ids without digits, so that no commune code can appear in a row by chance.
    let small = try province.insertClass(
      code: "LC-2611-C", id: try #require(UUID(uuidString: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")))
    let large = try province.insertClass(
      code: "LC-2611-D", id: try #require(UUID(uuidString: "aaaaaaaa-bbbb-4ccc-8ddd-ffffffffffff")))
    // One commune the units list does not know, under the name the server was given.
    try province.cluster.psql(
      province.database,
      "INSERT INTO communes (code, province_code, name) VALUES ('99999', '12', 'Xã Thử Nghiệm')")
    try addCommunes(["03388", "03390", "03394", "99999"], to: small, in: province)
    let others = ["03430", "03433", "03434", "03439", "03442", "03445", "03451"]
    try addCommunes(["03388"] + others, to: large, in: province)

    var browser = WebClient(base: province.server.url)
    try browser.signIn("lanh.dao", Province.leaderPassphrase)
    let page = try browser.get("/leaders/classes")
    #expect(page.status == 200)
    #expect(
      page.body.contains("<span class=\"who\">Đăng nhập: lanh.dao · Tỉnh Lai Châu</span>"), "\(page.body)")
    #expect(!page.body.contains("tỉnh 12"), "the province's name, not its code")

    let row = try #require(WebInChromiumTests.row(of: "data-class=\"LC-2611-C\"", in: page.body))
    #expect(row.contains("Phường Đoàn Kết, Xã Bình Lư, Xã Sin Suối Hồ, Xã Thử Nghiệm"), "\(row)")
    for code in ["03388", "03390", "03394", "99999"] {
      #expect(!row.contains(code), "\(code) shown as a code")
    }
    let many = try #require(WebInChromiumTests.row(of: "data-class=\"LC-2611-D\"", in: page.body))
    #expect(many.contains("<summary>Phường Đoàn Kết và 7 xã/phường khác</summary>"), "\(many)")
    for name in [
      "Xã Khun Há", "Xã Bum Tở", "Xã Nậm Hàng", "Xã Thu Lũm", "Xã Pa Ủ", "Xã Mường Tè", "Xã Mù Cả",
    ] {
      #expect(many.contains(name), "\(name) missing")
    }
    for path in ["/leaders/reporting", "/leaders/readiness"] {
      #expect(try browser.get(path).body.contains("Đăng nhập: lanh.dao · Tỉnh Lai Châu"), "\(path)")
    }
  }

  /// Registers `codes` as communes of the class (server schema version 2's `class_communes`).
  func addCommunes(_ codes: [String], to id: UUID, in province: Province) throws {
    let rows = codes.map { "('\(id.uuidString.lowercased())', '\($0)')" }.joined(separator: ", ")
    try province.cluster.psql(
      province.database, "INSERT INTO class_communes (class_id, commune_code) VALUES \(rows)")
  }
}

/// The readiness page through curl: only for a signed-in leader, only their province, nothing of
/// the address echoed unescaped, and a sync's answers on the page at the next request.
@Suite(.serialized, .enabled(if: serverTestsCanRun)) struct WebReadinessTests {
  @Test func theReadinessPageNeedsASessionAndFollowsEachSync() throws {
    let province = try Province()
    try province.addLeader()
    try province.insertClass(code: "HG-2611-B", commune: "99001", province: "99")
    var stranger = WebClient(base: province.server.url)
    let away = try stranger.get("/leaders/readiness")
    #expect(away.status == 303)
    #expect(away.header("Location") == ["/leaders/sign-in"])

    var browser = WebClient(base: province.server.url)
    try browser.signIn("lanh.dao", Province.leaderPassphrase)
    let empty = try browser.get("/leaders/readiness?commune=%3Cscript%3Ealert(1)%3C/script%3E")
    #expect(empty.status == 200)
    #expect(empty.header("Content-Security-Policy").first?.contains("default-src 'none'") == true)
    #expect(!empty.body.contains("<script"), "nothing of the address comes back as markup")
    #expect(!empty.body.contains("99001"), "another province's communes are not shown")
    #expect(empty.body.contains("Số liệu: chưa có câu trả lời nào."))
    let before = WebInChromiumTests.heatMapScores(of: Province.commune, in: empty.body)
    #expect(before.count == 8 && before.allSatisfy { $0 == nil }, "\(before)")
    let unsent = try browser.get("/leaders/reporting")
    let unsentRow = try #require(
      WebInChromiumTests.row(of: "data-commune=\"\(Province.commune)\"", in: unsent.body))
    #expect(unsentRow.contains("chưa đăng ký máy") && unsentRow.contains("<td>0/0</td>"), "\(unsentRow)")

    try province.generateResults(officials: 6, attempts: 4)
    try province.enrolMachine()
    let machineClass = try #require(try province.machineClasses().first)
    try province.insertClass(code: machineClass.code, id: machineClass.id)
    let sync = try province.papiTrain(["sync"])
    #expect(sync.status == 0, "\(sync.output) \(sync.error)")
    let after = try browser.get("/leaders/readiness")
    let shown = WebInChromiumTests.heatMapScores(of: Province.commune, in: after.body)
    #expect(shown.contains { $0 != nil }, "the synced answers count at the next request: \(shown)")
    #expect(shown == WebInChromiumTests.shown(try province.sqlReadiness(approvedOnly: false)))
    let trained = try province.count(
      "SELECT count(DISTINCT official_id) FROM attempts WHERE status = 'finished' AND right(quiz_id, 7) <> '#review'"
    )
    #expect(trained > 0)
    let sent = try browser.get("/leaders/reporting")
    let sentRow = try #require(
      WebInChromiumTests.row(of: "data-commune=\"\(Province.commune)\"", in: sent.body))
    #expect(
      sentRow.contains("đã gửi") && sentRow.contains("<td>\(trained)/6</td>"),
      "the sync at the next request: \(sentRow)")

    // Limited to approved results (none yet), the data period and the officials trained are too.
    let period = try #require(Self.paragraph(id: "data-period", in: after.body))
    #expect(
      period.contains("câu trả lời từ ngày") && period.contains("\(trained) cán bộ đã học trên 6"),
      "\(period)")
    let approved = try browser.get("/leaders/readiness?approved=1")
    #expect(approved.body.contains("Đang tính chỉ kết quả của các lớp đã được duyệt."))
    let approvedPeriod = try #require(Self.paragraph(id: "data-period", in: approved.body))
    #expect(approvedPeriod.contains("Số liệu: chưa có câu trả lời nào."), "\(approvedPeriod)")
    #expect(approved.body.contains("Cán bộ đã học: 0/6"), "nobody trained by approved results")
  }

  /// The paragraph with id `id`.
  static func paragraph(id: String, in html: String) -> String? {
    guard let start = html.range(of: "id=\"\(id)\""),
      let end = html.range(of: "</p>", range: start.upperBound..<html.endIndex)
    else { return nil }
    return String(html[start.lowerBound..<end.upperBound])
  }
}

extension Data {
  /// Bytes from hexadecimal text.
  init<Text: StringProtocol>(hex: Text) {
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex), index != hex.endIndex {
      bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
      index = next
    }
    self.init(bytes)
  }
}

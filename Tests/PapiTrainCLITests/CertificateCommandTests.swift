import Foundation
import Gradebook
import PapiTrainTesting
import Testing
import Units

/// `papi-train certificate issue|verify` and `report items`, through the real binary on real
/// results files.
@Suite struct CertificateCommandTests {
  static let classID = "0C1A55E5-0000-4000-8000-0000000CE271"
  static let day = Date(timeIntervalSince1970: 1_792_027_800)  // 2026-10-15 01:30 UTC

  /// A class over 03637 and 03640: on `oss-posttest` (pass mark 70%, five questions asked),
  /// Hoa 5/5 and Thắng 4/5 pass, Mai 2/5 does not. Every answer chose option a.
  func classFolder() throws -> TemporaryFolder {
    let folder = try TemporaryFolder("papi-certificate-cli")
    let results = ResultsDirectory(url: folder.appending("Results"))
    let questions = Array(
      ReportCommandTests.library.course("one-stop-shop")!.quiz("oss-posttest")!.questions.map(\.questionID)
        .prefix(5))
    let id = ClassID(Self.classID)!
    try results.saveClass(
      TrainingClass(
        id: id, code: ClassCode("LC-2610-A"), title: "Tập huấn một cửa, đợt 2", trainer: "Đặng Văn Lâm",
        date: "2026-10-15", place: "Phong Thổ", communeCodes: [CommuneCode("03637"), CommuneCode("03640")],
        posttestQuizID: "oss-posttest"))
    for (code, name, right) in [
      ("03637", "Nguyễn Thị Hoa", 5), ("03637", "Lò Văn Thắng", 4), ("03640", "Hoàng Thị Mai", 2),
    ] {
      let store = try results.store(for: CommuneCode(code))
      let official = try store.addOfficial(name: name, position: "chairman")
      let attempt = try store.startAttempt(
        Attempt(
          officialID: official.id, quizID: "oss-posttest", courseID: "one-stop-shop", courseVersion: "1.0.0",
          classID: id, seed: 3, questionIDs: questions, startedAt: Self.day))
      for (index, question) in questions.enumerated() {
        let mark: Double = index < right ? 1 : 0
        try store.record(
          Answer(
            attemptID: attempt.id, questionID: question, position: index, response: #"{"choice":{"_0":"a"}}"#,
            score: mark, isCorrect: mark == 1, timeTaken: 9, answeredAt: Self.day.addingTimeInterval(60)))
      }
      try store.finishAttempt(
        attempt.id, score: Double(right), maxScore: 5, at: Self.day.addingTimeInterval(600))
    }
    return folder
  }

  func run(
    _ arguments: [String], _ folder: TemporaryFolder, environment: [String: String] = [:]
  ) throws -> PapiTrainProcess.Result {
    try PapiTrainProcess.run(
      arguments,
      environment: ["XDG_DATA_HOME": folder.path("data"), "TZ": "Asia/Ho_Chi_Minh"].merging(environment) {
        $1
      })
  }

  @Test func aClassIsCertifiedAndEachCertificateVerifiesByCodeAndFileUntilEdited() throws {
    let folder = try classFolder()
    let issue = try run(
      [
        "certificate", "issue", "--class", "lc2610a", "--out", folder.path("out"), "--results",
        folder.path("Results"), "--html-only",
      ], folder)
    #expect(issue.status == 0, "\(issue.error)")
    #expect(issue.output.contains("Đã cấp 2 giấy chứng nhận cho Tập huấn một cửa, đợt 2 vào"))
    #expect(issue.output.contains("chưa đạt: Hoàng Thị Mai (Xã Khoen On): 40%, điểm đạt 70%"))
    #expect(issue.output.contains("Chỉ ghi trang HTML"))
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path("out")).sorted()
    #expect(files.count == 4 && files.filter { $0.hasSuffix(".html") }.count == 2)
    let line = try #require(issue.output.split(separator: "\n").first { $0.contains("Nguyễn Thị Hoa") })
    let code = String(line.split(separator: " ")[0])
    #expect(line.contains("đạt 100%"))

    let byCode = try run(["certificate", "verify", code.lowercased()], folder)
    #expect(byCode.status == 0, "\(byCode.error)")
    #expect(byCode.output.hasPrefix("Hợp lệ: giấy chứng nhận \(code) cấp cho Nguyễn Thị Hoa"))
    #expect(byCode.output.contains("ký bởi máy này"))
    let page = try String(contentsOfFile: folder.path("out/\(code).html"), encoding: .utf8)
    #expect(page.contains("Tập huấn một cửa, đợt 2 (LC-2610-A)"))
    let english = try run(["certificate", "verify", folder.path("out/\(code).html"), "--lang", "en"], folder)
    #expect(english.status == 0 && english.output.hasPrefix("Valid: certificate \(code)"))

    let json = folder.path("out/\(code).json")
    let edited = try String(contentsOfFile: json, encoding: .utf8)
      .replacingOccurrences(of: "Nguyễn Thị Hoa", with: "Nguyễn Thị Hoà")
    try edited.write(toFile: json, atomically: true, encoding: .utf8)
    let tampered = try run(["certificate", "verify", json], folder)
    #expect(tampered.status == 1)
    #expect(tampered.output.contains("KHÔNG HỢP LỆ: thông tin trên giấy chứng nhận"))
    let unknown = try run(["certificate", "verify", "ZZZZZ-ZZZZZ"], folder)
    #expect(unknown.status == 1 && unknown.output.contains("không có giấy chứng nhận nào mang mã này"))
    // Another computer (another key, no register) knows neither the code nor the key.
    let elsewhere = try run(
      ["certificate", "verify", folder.path("out/\(code).html")], folder,
      environment: ["XDG_DATA_HOME": folder.path("elsewhere")])
    #expect(elsewhere.status == 1 && elsewhere.output.contains("không có trong danh sách máy tin cậy"))
  }

  @Test func withoutChromiumTheHTMLIsWrittenAndSaidSoAndWithItEachPDFIsOnePage() throws {
    let folder = try classFolder()
    let arguments = ["certificate", "issue", "--class", Self.classID, "--results", folder.path("Results")]
    let plain = try run(
      arguments + ["--out", folder.path("plain")], folder, environment: ["PAPI_CHROMIUM": ""])
    #expect(plain.status == 0, "\(plain.error)")
    #expect(plain.output.contains("Không có Chromium trên máy này: chỉ ghi trang HTML"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path("plain")).allSatisfy {
        !$0.hasSuffix(".pdf")
      })
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else { return }
    let printed = try run(
      arguments + ["--out", folder.path("pdf")], folder, environment: ["PAPI_CHROMIUM": "/usr/bin/chromium"])
    #expect(printed.status == 0, "\(printed.error)")
    #expect(printed.output.contains("Đã in 2 tệp PDF"))
    let pdfs = try FileManager.default.contentsOfDirectory(atPath: folder.path("pdf")).filter {
      $0.hasSuffix(".pdf")
    }
    #expect(pdfs.count == 2)
    for pdf in pdfs {
      let text = String(decoding: try Data(contentsOf: folder.appending("pdf/\(pdf)")), as: UTF8.self)
      #expect(text.hasPrefix("%PDF"))
      #expect(
        text.components(separatedBy: "/Type /Page").count - text.components(separatedBy: "/Type /Pages").count
          == 1)
    }
  }

  @Test func certificatesNeedTheTrainerAndAnUnknownClassIsRefused() throws {
    let folder = try classFolder()
    let unknown = try run(
      [
        "certificate", "issue", "--class", "0C1A55E5-0000-4000-8000-000000000000", "--results",
        folder.path("Results"),
      ],
      folder)
    #expect(unknown.status == 1 && unknown.error.hasPrefix("lỗi: "))
    let locked = try run(
      ["certificate", "issue", "--class", Self.classID, "--results", folder.path("Results")], folder,
      environment: ["XDG_CONFIG_HOME": folder.path("no-access")])
    #expect(locked.status == 1 && locked.error.contains("chưa đặt mật khẩu"))
  }

  /// `report items` on the class: per question its text, and per option how many chose it. By
  /// hand: every answer chose a, so on the first question a 3 (100%), the others 0; the figures
  /// rest on 3 attempts, so "chưa đủ dữ liệu". Every line fits 60, 80 and 120 columns.
  @Test func reportItemsShowsEachOptionsCountBesideTheQuestionTextWithinTheWidth() throws {
    let folder = try classFolder()
    let first = try #require(
      ReportCommandTests.library.course("one-stop-shop")?.quiz("oss-posttest")?.questions.first?.id)
    let question = try #require(
      ReportCommandTests.library.course("one-stop-shop")?.questions.first { $0.id.rawValue == first })
    for width in [60, 80, 120] {
      let items = try run(
        ["report", "items", "--class", Self.classID, "--results", folder.path("Results")], folder,
        environment: ["COLUMNS": String(width)])
      #expect(items.status == 0, "\(items.error)")
      let lines = items.output.split(separator: "\n", omittingEmptySubsequences: false)
      for line in lines { #expect(line.count <= width, "\(width): \(line)") }
      // The text as read, wrapped lines put back together.
      let flat = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
      #expect(flat.contains("oss-posttest · Kiểm tra cuối khóa – Cơ chế một cửa: 3 lượt làm bài hoàn thành"))
      // Three attempts: no verdict on any question, only "chưa đủ dữ liệu".
      #expect(flat.components(separatedBy: "chưa đủ dữ liệu").count - 1 == 1 + 5)
      #expect(!flat.contains("phân biệt âm") && !flat.contains("· quá khó"))
      let head = try #require(lines.firstIndex { $0.hasPrefix(first + "  ") })
      let prompt = question.prompt.vi.split(whereSeparator: \.isWhitespace).prefix(3).joined(separator: " ")
      #expect(lines[head].contains(prompt))
      let options = lines[head...].prefix { !$0.isEmpty }.filter {
        $0.hasPrefix("  ✓ ") || $0.hasPrefix("    ")
      }
      let counted = options.compactMap { line -> (String, Int)? in
        let words = line.split(separator: " ")
        guard words.count >= 3, words[words.count - 1].hasSuffix("%"), let count = Int(words[words.count - 2])
        else {
          return nil
        }
        return (String(line.dropFirst(4).prefix(1)), count)
      }
      if case .singleChoice(let choices, _) = question.body {
        #expect(counted.map(\.0) == choices.map(\.id), "\(options)")
        #expect(counted.map(\.1) == choices.map { $0.id == "a" ? 3 : 0 })
      }
    }
  }
}

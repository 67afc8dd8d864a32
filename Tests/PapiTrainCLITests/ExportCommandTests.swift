import Access
import Foundation
import Gradebook
import PapiTrainTesting
import Testing
import Units

/// `papi-train export`, run as a trainer would, on real results files.
@Suite struct ExportCommandTests {
  typealias Folder = ReportCommandTests.Folder
  static let classID = "0C1A55E5-0000-4000-8000-0000000000C1"
  static let day = Date(timeIntervalSince1970: 1_792_027_800)  // 2026-10-15 01:30 UTC

  /// A class across communes 03637 and 03640: five officials (one named "=1+1", one "+1 Trần")
  /// each finish the one-stop-shop pre-test on four questions, official n getting n right.
  func classFolder() throws -> Folder {
    let folder = try Folder()
    let results = folder.results
    let questions = Array(ReportCommandTests.library.course("one-stop-shop")!.questions.map(\.id).prefix(4))
    let id = ClassID(Self.classID)!
    try results.saveClass(
      TrainingClass(
        id: id, trainer: "Đặng Văn Lâm", date: "2026-10-15", place: "Phong Thổ",
        communeCodes: [CommuneCode("03637"), CommuneCode("03640")]))
    let people = [
      ("03637", "Nguyễn Thị Hoa"), ("03637", "=1+1"), ("03637", "Lò Văn Thắng"), ("03640", "+1 Trần"),
      ("03640", "Hoàng Thị Mai"),
    ]
    for (number, (code, name)) in people.enumerated() {
      let store = try results.store(for: CommuneCode(code))
      let official = try store.addOfficial(name: name, position: "chairman")
      let attempt = try store.startAttempt(
        Attempt(
          officialID: official.id, quizID: "oss-pretest", courseID: "one-stop-shop", courseVersion: "1.0.0",
          classID: id, seed: 3, questionIDs: questions, startedAt: Self.day))
      for (index, question) in questions.enumerated() {
        let mark: Double = index < number ? 1 : 0
        try store.record(
          Answer(
            attemptID: attempt.id, questionID: question, position: index, response: #"{"choice":{"_0":"a"}}"#,
            score: mark, isCorrect: mark == 1, timeTaken: 9, answeredAt: Self.day.addingTimeInterval(60)))
      }
      try store.finishAttempt(attempt.id, score: Double(min(number, 4)), maxScore: 4, at: Self.day)
    }
    return folder
  }

  func export(_ arguments: [String], _ folder: Folder) throws -> PapiTrainProcess.Result {
    try PapiTrainProcess.run(
      ["export"] + arguments + ["--results", folder.path("Results")], environment: ["TZ": "Asia/Ho_Chi_Minh"])
  }

  /// The sheets of a workbook as Python's zipfile and XML parser read them: name → rows of
  /// cells `{r, t|n, s}`, with whether the header is frozen; fails on any formula cell.
  func sheets(_ path: String) throws -> [String: [String: Any]] {
    let script = """
      import json, sys, zipfile, xml.etree.ElementTree as ET
      ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
      z = zipfile.ZipFile(sys.argv[1])
      assert z.testzip() is None
      shared = [si.find('m:t', ns).text for si in ET.fromstring(z.read('xl/sharedStrings.xml'))]
      names = [s.get('name') for s in ET.fromstring(z.read('xl/workbook.xml')).find('m:sheets', ns)]
      sheets = {}
      for i, name in enumerate(names):
          root = ET.fromstring(z.read(f'xl/worksheets/sheet{i+1}.xml'))
          assert not root.findall('.//m:f', ns)
          pane = root.find('m:sheetViews/m:sheetView/m:pane', ns)
          rows = [[{'t': shared[int(c.find('m:v', ns).text)]} if c.get('t') == 's'
                   else {'n': float(c.find('m:v', ns).text)} for c in row] for row in root.find('m:sheetData', ns)]
          sheets[name] = {'frozen': pane.get('state'), 'rows': rows}
      print(json.dumps(sheets))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
  }

  @Test func writesAWorkbookWithFourSheetsTypedCellsAndFrozenHeaders() throws {
    let folder = try classFolder()
    let output = folder.path("lop-phong-tho.xlsx")
    let result = try export(["--class", Self.classID, "--output", output], folder)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("Đã ghi \(output)"))
    #expect(result.output.contains("5 cán bộ, 5 lượt làm bài, 20 câu trả lời, 2 xã."))
    let workbook = try sheets(output)
    #expect(
      Set(workbook.keys) == [
        "Điểm", "Câu trả lời", "Thống kê câu hỏi", "Phương án", "Bài kiểm tra", "Cần hỗ trợ", "Hướng dẫn đọc",
      ])
    for sheet in workbook.values { #expect(sheet["frozen"] as? String == "frozen") }
    let scores = try #require(workbook["Điểm"]?["rows"] as? [[[String: Any]]])
    #expect(
      scores[0].prefix(5).map { $0["t"] as? String } == [
        "Mã xã", "Xã", "Họ và tên", "Chức vụ", "Kiểm tra đầu vào – Cơ chế một cửa: điểm (%)",
      ])
    #expect(scores.count == 6)
    let formula = try #require(scores.first { $0[2]["t"] as? String == "=1+1" })
    #expect(formula[1]["t"] as? String == "Xã Mường Kim")
    #expect(formula[4]["n"] as? Double == 25)
    let answers = try #require(workbook["Câu trả lời"]?["rows"] as? [[[String: Any]]])
    #expect(answers.count == 21)
    // The answer's time is a date-time (a number: 08:31 on 2026-10-15, 46310 days after 1899-12-30).
    let time = try #require(answers[1][11]["n"] as? Double)
    #expect(abs(time - (46_310 + (8 * 60 + 31) / 1_440.0)) < 1e-8)
    // Nothing but the workbook was left in the folder: the temporary file was moved into place.
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter {
      $0.hasSuffix(".tmp")
    }
    #expect(left.isEmpty)
  }

  /// Exports and reports only read: every results file keeps its bytes and its modification
  /// time, and no `-wal` or `-shm` file is left beside it.
  @Test func exportsAndReportsChangeNoResultsFile() throws {
    let folder = try classFolder()
    let results = folder.url.appendingPathComponent("Results")
    func state() throws -> (bytes: [String: Data], times: [String: Date]) {
      var bytes: [String: Data] = [:]
      var times: [String: Date] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: results.path) {
        let path = results.appendingPathComponent(name).path
        bytes[name] = FileManager.default.contents(atPath: path)
        times[name] = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
      }
      return (bytes, times)
    }
    let before = try state()
    #expect(before.bytes.keys.sorted() == ["03637.sqlite", "03640.sqlite"])
    // Old enough that a file written again would show a new time.
    Thread.sleep(forTimeInterval: 0.05)
    for arguments in [
      ["export", "--class", Self.classID, "--output", folder.path("class.xlsx")],
      ["export", "--commune", "03640", "--output", folder.path("xb.csv")],
      ["report", "weak", "--class", Self.classID],
      ["report", "items", "--commune", "03637"],
      ["roster", "list", "--commune", "03637"],
    ] {
      let run = try PapiTrainProcess.run(
        arguments + ["--results", results.path, "--lang", "en"], environment: ["TZ": "Asia/Ho_Chi_Minh"])
      #expect(run.status == 0, "\(arguments): \(run.error)")
      let after = try state()
      #expect(after.bytes == before.bytes, "\(arguments)")
      #expect(after.times == before.times, "\(arguments)")
    }
  }

  @Test func writesOneCSVFilePerTableWithAByteOrderMarkUnlessPlain() throws {
    let folder = try classFolder()
    let result = try export(
      ["--commune", "03637", "--output", folder.path("xa.csv"), "--lang", "en"], folder)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.hasSuffix("3 officials, 3 attempts, 12 answers, 1 commune.\n"))
    for table in ["scores", "answers", "items", "options", "quizzes", "needs-help", "guide"] {
      let data = try Data(contentsOf: URL(fileURLWithPath: folder.path("xa-\(table).csv")))
      #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(table)")
      #expect(result.output.contains("Wrote \(folder.path("xa-\(table).csv"))"))
    }
    let scores = try String(contentsOfFile: folder.path("xa-scores.csv"), encoding: .utf8)
    #expect(scores.hasPrefix("Commune code,Commune,Name,Position,Pre-test – The one-stop shop: score (%),"))
    // A word joiner (invisible) keeps a spreadsheet from reading the code as the number 3637.
    #expect(
      scores.contains("\r\n\u{2060}03637,Xã Mường Kim,'=1+1,Chairman of the commune People's Committee,25,0,")
    )
    #expect(!scores.contains("Hoàng Thị Mai"))
    let plain = try export(
      [
        "--class", Self.classID, "--table", "answers", "--plain", "--output", folder.path("answers.txt"),
        "--format", "csv",
      ], folder)
    #expect(plain.status == 0, "\(plain.error)")
    let text = try String(contentsOfFile: folder.path("answers.txt"), encoding: .utf8)
    #expect(text.hasPrefix("Mã xã,Họ và tên,Bài kiểm tra,"))
    #expect(text.contains("\r\n03637,") && !text.contains("\u{2060}"))
    #expect(text.contains(",'+1 Trần,"))
  }

  /// Thắng's post-test (0 of 4) is below the pass mark and below his pre-test (2 of 4): he is
  /// listed with lessons to reread; nobody else took a post-test.
  @Test func needsHelpListsThoseBelowThePassMarkWithLessons() throws {
    let folder = try classFolder()
    let store = try folder.results.store(for: CommuneCode("03637"))
    let thang = try #require(try store.officials().first { $0.name == "Lò Văn Thắng" })
    let questions = Array(ReportCommandTests.library.course("one-stop-shop")!.questions.map(\.id).prefix(4))
    let attempt = try store.startAttempt(
      Attempt(
        officialID: thang.id, quizID: "oss-posttest", courseID: "one-stop-shop", courseVersion: "1.0.0",
        classID: ClassID(Self.classID), seed: 4, questionIDs: questions,
        startedAt: Self.day.addingTimeInterval(3600)))
    for (index, question) in questions.enumerated() {
      try store.record(
        Answer(
          attemptID: attempt.id, questionID: question, position: index, response: #"{"choice":{"_0":"b"}}"#,
          score: 0, isCorrect: false, timeTaken: 9, answeredAt: Self.day.addingTimeInterval(3700)))
    }
    try store.finishAttempt(attempt.id, score: 0, maxScore: 4, at: Self.day.addingTimeInterval(3800))
    let result = try PapiTrainProcess.run(
      ["report", "needs-help", "--class", Self.classID, "--results", folder.path("Results")])
    #expect(result.status == 0, "\(result.error)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("Cán bộ cần hỗ trợ: 1 trên 5") == true)
    #expect(lines.dropFirst().first?.contains("Lò Văn Thắng") == true)
    #expect(lines.dropFirst().first?.contains("0%, điểm đạt 70%, đầu vào 50%") == true)
    #expect(lines.contains("  chưa đạt điểm kiểm tra cuối khoá; điểm cuối khoá thấp hơn đầu vào"))
    #expect(lines.contains { $0.hasPrefix("  đọc lại: oss-") })
  }

  @Test func writesTheJSONDocument() throws {
    let folder = try classFolder()
    let output = folder.path("class.json")
    let result = try export(["--class", Self.classID, "--quiz", "oss-pretest", "--output", output], folder)
    #expect(result.status == 0, "\(result.error)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any]
    )
    #expect(document["schema"] as? String == "papi-train.export/2")
    #expect((document["attempts"] as? [Any])?.count == 5)
    #expect((document["selection"] as? [String: Any])?["quizzes"] as? [String] == ["oss-pretest"])
  }

  @Test func neverReplacesAFileWithoutForce() throws {
    let folder = try classFolder()
    let output = folder.path("lop.xlsx")
    try Data("bài cũ".utf8).write(to: URL(fileURLWithPath: output))
    let refused = try export(["--class", Self.classID, "--output", output], folder)
    #expect(refused.status == 1)
    #expect(refused.error == "lỗi: \(output): tệp đã tồn tại; dùng --force để ghi đè\n")
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "bài cũ")
    // Of several CSV files, one existing stops them all before any is written.
    try Data().write(to: URL(fileURLWithPath: folder.path("lop-items.csv")))
    let csv = try export(
      ["--class", Self.classID, "--output", folder.path("lop.csv"), "--lang", "en"], folder)
    #expect(
      csv.error
        == "error: \(folder.path("lop-items.csv")): the file already exists; use --force to replace it\n")
    #expect(!FileManager.default.fileExists(atPath: folder.path("lop-scores.csv")))
    let forced = try export(["--class", Self.classID, "--output", output, "--force"], folder)
    #expect(forced.status == 0, "\(forced.error)")
    #expect(try sheets(output).count == 7)
  }

  /// The passphrase is checked while the results are read: a wrong one still ends the export
  /// with its own error (before any other), having written and shown nothing, and the files
  /// checked meanwhile are not remembered; the right one exports and remembers them.
  @Test func aWrongPassphraseStillWritesNothing() throws {
    let folder = try classFolder()
    // A machine of its own (wrong tries are counted in its access file), cheap scrypt.
    let config = folder.path("config")
    let store = AccessStore(
      url: URL(fileURLWithPath: config).appendingPathComponent("papi-train/access.json"))
    let hash = try PassphraseHash(passphrase: "lớp học mùa đông", rounds: 1 << 10)
    try store.update { $0.passphrases[Role.trainer.rawValue] = hash }
    let cache = folder.path("cache")
    let checked = cache + "/papi-train/checked-files"
    func export(_ arguments: [String], _ passphrase: String) throws -> PapiTrainProcess.Result {
      try PapiTrainProcess.run(
        ["export"] + arguments + ["--results", folder.path("Results")],
        environment: ["XDG_CONFIG_HOME": config, "XDG_CACHE_HOME": cache, "PAPI_PASSPHRASE": passphrase])
    }
    // Files are remembered once they have been left alone a few seconds (CheckedFiles.settling).
    Thread.sleep(forTimeInterval: 3.2)
    let output = folder.path("lop.xlsx")
    let wrong = try export(["--class", Self.classID, "--output", output], "đoán bừa")
    #expect(wrong.status == 1 && wrong.error == "lỗi: sai mật khẩu; thử lại sau 1 giây\n", "\(wrong.error)")
    #expect(wrong.output.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: output))
    #expect(!FileManager.default.fileExists(atPath: checked))
    // A wrong passphrase and a class that is not there: the passphrase's error alone.
    let stranger = "11111111-2222-4333-8444-555555555555"
    let both = try export(["--class", stranger, "--output", output], "lại đoán bừa")
    #expect(both.status == 1 && both.error.contains("sai mật khẩu"), "\(both.error)")
    #expect(!both.error.contains(stranger), "\(both.error)")
    Thread.sleep(forTimeInterval: Double(AccessGate.lockout(afterFailures: 2)) + 0.2)
    let right = try export(["--class", Self.classID, "--output", output], "lớp học mùa đông")
    #expect(right.status == 0, "\(right.error)")
    #expect(try sheets(output).count == 7)
    let remembered = try String(contentsOfFile: checked, encoding: .utf8)
    #expect(remembered.contains("03637.sqlite") && remembered.contains("03640.sqlite"), "\(remembered)")
  }

  @Test func namesWhatItCannotFindAndNeverWritesAnEmptyFile() throws {
    let folder = try classFolder()
    let output = folder.path("x.xlsx")
    let stranger = "11111111-2222-4333-8444-555555555555"
    let cases: [([String], String)] = [
      (["--class", stranger], "lỗi: không có lớp tập huấn mã \(stranger) trong thư mục kết quả"),
      (["--class", "lop-10"], "lỗi: 'lop-10' không phải mã lớp tập huấn"),
      (["--commune", "09999"], "lỗi: không có kết quả của xã 09999 trong thư mục"),
      (
        ["--class", Self.classID, "--commune", "03643"],
        "lỗi: xã 03643 không thuộc lớp tập huấn \(Self.classID)"
      ),
      (
        ["--commune", "03637", "--from", "2026-11-01"],
        "lỗi: không có câu trả lời nào khớp lựa chọn (xã 03637, từ 2026-11-01); không ghi tệp nào"
      ),
      (["--quiz", "oss-nothing"], "lỗi: không có bài kiểm tra 'oss-nothing' trong các khoá học"),
      (["--from", "15/10/2026"], "lỗi: ngày '15/10/2026' không hợp lệ"),
    ]
    for (arguments, message) in cases {
      let result = try export(arguments + ["--output", output], folder)
      #expect(result.status == 1, "\(arguments)")
      #expect(result.error.hasPrefix(message), "\(arguments): \(result.error)")
      #expect(!FileManager.default.fileExists(atPath: output))
    }
    let english = try export(["--commune", "09999", "--output", output, "--lang", "en"], folder)
    #expect(english.error.hasPrefix("error: no results for commune 09999 in the folder"))
    let format = try export(["--commune", "03637", "--output", folder.path("x.ods")], folder)
    #expect(format.error.contains("không biết định dạng của '\(folder.path("x.ods"))'"))
    let table = try export(
      ["--commune", "03637", "--output", folder.path("x.json"), "--table", "items"], folder)
    #expect(table.error.contains("--table chỉ dùng với csv hoặc xlsx"))
  }
}

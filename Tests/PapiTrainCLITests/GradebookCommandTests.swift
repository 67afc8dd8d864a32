import Foundation
import PapiTrainTesting
import Synchronization
import Testing

/// `papi-train merge`, `roster` and `units`, run as a user would, on real files.
@Suite struct GradebookCommandTests {
  let fixtures = "Tests/GradebookTests/Fixtures"
  let unitsFixtures = "Tests/UnitsTests/Fixtures"

  /// A fresh folder, removed when the test ends.
  final class Folder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("papi-cli-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
  }

  /// `sqlite3 FILE SQL`, the way someone handed the file would look at it.
  func sqlite(_ path: String, _ sql: String) throws -> String {
    try sqlite3(URL(fileURLWithPath: path), sql)
  }

  /// Runs several `papi-train` processes at the same moment and returns their results.
  func runTogether(_ commands: [[String]]) -> [PapiTrainProcess.Result?] {
    let results = ResultBox(count: commands.count)
    DispatchQueue.concurrentPerform(iterations: commands.count) { index in
      results.set(index, try? PapiTrainProcess.run(commands[index]))
    }
    return results.values
  }

  @Test func twoProcessesWritingTheSameCommuneAtOnceBothSucceed() throws {
    let folder = try Folder()
    let results = folder.path("Results")
    let names = [
      "Lò Văn Thắng", "Hoàng Thị Mai", "Tòng Văn Hùng", "Lường Thị Hoa", "Quàng Văn Dũng", "Lò Thị Lan",
    ]
    // Rounds of three processes at once; the first round also races to create the file.
    for round in names.chunked(3) {
      let outcomes = runTogether(
        round.map {
          ["roster", "add", "--commune", "03637", "--position", "chairman", "--results", results, $0]
        })
      for (name, outcome) in zip(round, outcomes) {
        #expect(outcome?.status == 0, "\(name): \(outcome?.error ?? "did not run")")
      }
    }
    let list = try PapiTrainProcess.run(["roster", "list", "--commune", "03637", "--results", results])
    for name in names { #expect(list.output.contains(name)) }
    #expect(list.output.contains("6 cán bộ, xã 03637."))
    let file = folder.path("Results/03637.sqlite")
    #expect(try sqlite(file, "PRAGMA integrity_check") == "ok")
    #expect(try sqlite(file, "PRAGMA journal_mode") == "wal")
    #expect(try sqlite(file, "SELECT count(*) FROM officials") == "6")
  }

  @Test func aWriterWaitsForAnotherProcessesTransactionInsteadOfFailing() throws {
    let folder = try Folder()
    let results = folder.path("Results")
    let add: @Sendable (String) throws -> PapiTrainProcess.Result = { name in
      try PapiTrainProcess.run([
        "roster", "add", "--commune", "03637", "--position", "chairman", "--results", results, name,
      ])
    }
    #expect(try add("Lò Văn Thắng").status == 0)

    // Another process (sqlite3) opens a write transaction on the commune's file and holds it.
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    holder.arguments = ["sqlite3", folder.path("Results/03637.sqlite")]
    let input = Pipe()
    let output = Pipe()
    holder.standardInput = input
    holder.standardOutput = output
    try holder.run()
    input.fileHandleForWriting.write(
      Data("BEGIN IMMEDIATE;\nINSERT INTO meta (key, value) VALUES ('held', '1');\nSELECT 'locked';\n".utf8))
    var seen = ""
    while !seen.contains("locked") {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      seen += String(decoding: chunk, as: UTF8.self)
    }
    #expect(seen.contains("locked"))

    let done = DispatchSemaphore(value: 0)
    let outcome = ResultBox(count: 1)
    Thread.detachNewThread {
      outcome.set(0, try? add("Hoàng Thị Mai"))
      done.signal()
    }
    Thread.sleep(forTimeInterval: 2.5)
    #expect(done.wait(timeout: .now()) == .timedOut, "the second writer must still be waiting")
    input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
    try input.fileHandleForWriting.close()
    holder.waitUntilExit()
    #expect(done.wait(timeout: .now() + 20) == .success)
    let result = outcome.values[0]
    #expect(result?.status == 0, "\(result?.error ?? "did not run")")
    let list = try PapiTrainProcess.run(["roster", "list", "--commune", "03637", "--results", results])
    #expect(list.output.contains("Hoàng Thị Mai") && list.output.contains("2 cán bộ"))
    #expect(
      try sqlite(folder.path("Results/03637.sqlite"), "SELECT count(*) FROM meta WHERE key = 'held'") == "0")
  }

  @Test func aCommuneCodeIsNeverAPath() throws {
    let folder = try Folder()
    let results = folder.path("deep/Results")
    for code in ["../../x", "03637/../../y", "x"] {
      let outcome = try PapiTrainProcess.run([
        "roster", "add", "--commune", code, "--position", "chairman", "--results", results, "A",
      ])
      #expect(outcome.status == 1)
      // A path is refused as a code; a word is looked up as a commune's name and names none alone.
      #expect(
        outcome.error.contains("mã đơn vị hành chính '\(code)' không hợp lệ")
          || outcome.error.contains("'\(code)' khớp nhiều xã"))
    }
    #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.url.path).isEmpty)
  }

  /// A roster is a listed commune's: a well-formed code that the units list does not list as a
  /// commune (`12345678`; `12`, a province) gets no results file, by `add` or by `import`.
  @Test func aCodeTheUnitsListDoesNotListAsACommuneGetsNoRoster() throws {
    let folder = try Folder()
    let results = folder.path("Results")
    for code in ["12345678", "12"] {
      for command in [
        ["add", "--position", "chairman", "Lò Văn A"], ["import", "\(fixtures)/roster-muong-kim.csv"],
      ] {
        let outcome = try PapiTrainProcess.run(
          ["roster"] + command + ["--commune", code, "--results", results])
        #expect(outcome.status == 1, "\(command)")
        #expect(
          outcome.error.contains("mã '\(code)' không phải xã/phường nào trong danh mục đơn vị hành chính"),
          "\(outcome.error)")
      }
    }
    #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.url.path).isEmpty)
    let listed = try PapiTrainProcess.run([
      "roster", "add", "--commune", "03637", "--position", "chairman", "--results", results, "Lò Văn A",
      "--lang", "en",
    ])
    #expect(listed.status == 0, "\(listed.error)")
    #expect(listed.output.contains("Added Lò Văn A (chairman) to the roster of commune 03637."))
  }

  @Test func aRosterCommuneIsNamedByItsCodeOrItsNameWithOrWithoutDiacritics() throws {
    let folder = try Folder()
    let environment = ["PAPI_RESULTS": folder.path("Results")]
    let added = try PapiTrainProcess.run(
      ["roster", "add", "--commune", "sin ho", "--position", "chairman", "Lò Văn Nam", "--lang", "en"],
      environment: environment)
    #expect(added.status == 0, "\(added.error)")
    let imported = try PapiTrainProcess.run(
      ["roster", "import", "--commune", "Sìn Hồ", "\(fixtures)/roster-muong-kim.csv", "--lang", "en"],
      environment: environment)
    #expect(imported.output.hasPrefix("Added 8 officials"))
    let list = try PapiTrainProcess.run(
      ["roster", "list", "--commune", "03478", "--lang", "en"], environment: environment)
    #expect(list.output.contains("Lò Văn Nam"))
    #expect(list.output.hasSuffix("9 officials, commune 03478.\n"))
    let unknown = try PapiTrainProcess.run(
      ["roster", "list", "--commune", "Xã Không Có", "--lang", "en"], environment: environment)
    #expect(unknown.status != 0)
    #expect(unknown.error.contains("Xã Không Có"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("Results/03637.sqlite")))
  }

  @Test func rosterImportReportsUnmappedRowsByLineAndAddsNothingTheSecondTime() throws {
    let folder = try Folder()
    let file = "\(fixtures)/roster-muong-kim.csv"
    let environment = ["PAPI_RESULTS": folder.path("Results")]
    let first = try PapiTrainProcess.run(
      ["roster", "import", "--commune", "03637", file], environment: environment)
    #expect(first.status == 1)
    #expect(first.output == "Đã thêm 8 cán bộ; 1 người đã có trong danh sách.\n")
    #expect(
      first.error.split(separator: "\n") == [
        "lỗi: \(file):9: Vàng A Sử: chức vụ 'Chỉ huy trưởng Quân sự' không khớp vị trí nào trong positions.yaml",
        "lỗi: \(file):10: thiếu họ và tên",
        "lỗi: \(file):15: Cà Thị Nga: thiếu chức vụ",
      ])
    let second = try PapiTrainProcess.run(
      ["roster", "import", "--commune", "03637", file, "--lang", "en"], environment: environment)
    #expect(second.output == "Added 0 officials; 9 were already on the roster.\n")
    let list = try PapiTrainProcess.run(
      ["roster", "list", "--commune", "03637", "--lang", "en"], environment: environment)
    #expect(
      list.output.contains("Tao Văn Khánh    Official of the commune Public Administration Service Centre"))
    #expect(list.output.hasSuffix("8 officials, commune 03637.\n"))
  }

  @Test func mergeReportsWhatItAddedChangesNothingTheSecondTimeAndNeverTouchesItsInput() throws {
    let folder = try Folder()
    let laptop = folder.path("laptop")
    let roster = "\(fixtures)/roster-muong-kim.csv"
    _ = try PapiTrainProcess.run(["roster", "import", "--commune", "03637", "--results", laptop, roster])
    _ = try PapiTrainProcess.run([
      "roster", "add", "--commune", "03640", "--position", "one-stop-staff", "--results", laptop,
      "Lò Thị Lan",
    ])
    let other = folder.path("other")
    _ = try PapiTrainProcess.run([
      "roster", "add", "--commune", "03637", "--position", "TP-HT", "--results", other, "luong thi hoa",
    ])
    let inputs = try FileManager.default.contentsOfDirectory(atPath: laptop).sorted().map {
      (laptop as NSString).appendingPathComponent($0)
    }
    let before = inputs.map { FileManager.default.contents(atPath: $0) }

    let province = folder.path("province")
    let first = try PapiTrainProcess.run(["merge", laptop, other, "--results", province, "--lang", "en"])
    #expect(first.status == 0, "\(first.error)")
    #expect(first.output.contains("\(laptop)/03637.sqlite: commune 03637: added 8 officials, 0 classes"))
    #expect(first.output.contains("\(laptop)/03640.sqlite: commune 03640: added 1 officials"))
    #expect(first.output.contains("possibly the same person, added on two machines: Lường Thị Hoa"))
    #expect(first.output.contains("  commune 03637: added 9 officials"))

    let second = try PapiTrainProcess.run(["merge", laptop, other, "--results", province, "--lang", "en"])
    #expect(second.status == 0)
    #expect(second.output.contains("\(laptop)/03637.sqlite: commune 03637: nothing new"))
    #expect(!second.output.contains("added"))
    #expect(try sqlite("\(province)/03637.sqlite", "SELECT count(*) FROM officials") == "9")

    // The inputs, byte for byte, and no file added beside them.
    #expect(inputs.map { FileManager.default.contents(atPath: $0) } == before)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: laptop).sorted().map {
        (laptop as NSString).appendingPathComponent($0)
      } == inputs)
  }

  @Test func mergeRefusesWhatIsNotAResultsFileAndSaysWhy() throws {
    let folder = try Folder()
    let foreign = folder.path("03637.sqlite")
    _ = try sqlite(
      foreign, "CREATE TABLE invoices (id INTEGER PRIMARY KEY); INSERT INTO invoices VALUES (1);")
    let text = folder.path("notes.sqlite")
    try Data("Biên bản họp\n".utf8).write(to: URL(fileURLWithPath: text))
    let outcome = try PapiTrainProcess.run(["merge", foreign, text, "--results", folder.path("Results")])
    #expect(outcome.status == 1)
    #expect(
      outcome.error.split(separator: "\n") == [
        "lỗi: \(foreign): không phải tệp kết quả của papi-train (cơ sở dữ liệu SQLite khác)",
        "lỗi: \(text): không phải cơ sở dữ liệu SQLite",
      ])
    #expect(try sqlite(foreign, "SELECT count(*) FROM invoices") == "1")
    #expect(!FileManager.default.fileExists(atPath: folder.path("Results")))
  }

  @Test func unitsImportBothTheThreeTierAndTheTwoTierList() throws {
    let folder = try Folder()
    let units = folder.path("units.csv")
    let three = try PapiTrainProcess.run([
      "units", "import", "\(unitsFixtures)/statistics-office-2024-cao-bang.csv", "--units", units, "--lang",
      "en",
    ])
    #expect(three.status == 0, "\(three.error)")
    #expect(three.output == "Wrote 1 provinces, 2 districts, 10 communes to \(units).\n")
    let list = try PapiTrainProcess.run(["units", "list", "--province", "4", "--units", units])
    #expect(list.output.hasPrefix("04  Tỉnh Cao Bằng  (10 đơn vị cấp xã)\n"))
    #expect(list.output.contains("  052      Huyện Nguyên Bình\n    01726  Thị trấn Nguyên Bình\n"))
    #expect(list.output.contains("  053      Huyện Thạch An\n    01786  Thị trấn Đông Khê\n"))

    let refused = try PapiTrainProcess.run([
      "units", "import", "\(unitsFixtures)/statistics-office-2025-lai-chau.csv", "--units", units,
    ])
    #expect(refused.status == 1)
    #expect(refused.error == "lỗi: \(units):1: tệp đã tồn tại; dùng --replace để ghi đè\n")
    let two = try PapiTrainProcess.run(
      [
        "units", "import", "\(unitsFixtures)/statistics-office-2025-lai-chau.csv", "--replace", "--lang",
        "en",
      ],
      environment: ["PAPI_UNITS": units])
    #expect(two.output == "Wrote 1 provinces, 6 communes to \(units).\n")
    let provinces = try PapiTrainProcess.run(["units", "list"], environment: ["PAPI_UNITS": units])
    #expect(provinces.output == "12  Tỉnh Lai Châu  6 đơn vị cấp xã\n")
  }

  @Test func unitsImportNamesEveryBadRowAndWritesNothing() throws {
    let folder = try Folder()
    let units = folder.path("units.csv")
    let bad = "\(unitsFixtures)/statistics-office-bad-rows.csv"
    let outcome = try PapiTrainProcess.run(["units", "import", bad, "--units", units, "--lang", "en"])
    #expect(outcome.status == 1)
    let lines = outcome.error.split(separator: "\n")
    #expect(lines.count == 5)
    #expect(lines.first == "error: \(bad):3: column 'Mã PX': '0364O' is not a code")
    #expect(lines.allSatisfy { $0.hasPrefix("error: \(bad):") })
    #expect(!FileManager.default.fileExists(atPath: units))
  }

  @Test func theShippedUnitsListLaiChau() throws {
    let outcome = try PapiTrainProcess.run(["units", "list", "--province", "12", "--lang", "en"])
    #expect(outcome.status == 0)
    #expect(
      outcome.output.hasPrefix("12  Tỉnh Lai Châu  (38 commune-level units)\n  03388  Phường Đoàn Kết\n"))
    #expect(outcome.output.contains("  03637  Xã Mường Kim\n"))
  }
}

/// Results written by concurrent threads, each to its own slot, read after they all finished.
private final class ResultBox: Sendable {
  private let slots: Mutex<[PapiTrainProcess.Result?]>

  init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

  func set(_ index: Int, _ value: PapiTrainProcess.Result?) {
    slots.withLock { $0[index] = value }
  }

  var values: [PapiTrainProcess.Result?] { slots.withLock { $0 } }
}

extension Array {
  fileprivate func chunked(_ size: Int) -> [[Element]] {
    stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
  }
}

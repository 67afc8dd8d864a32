import Access
import Foundation
import PapiTrainTesting
import Testing

/// A trainer's class from `class create` to `class show` and `export --class CODE`, officials of
/// two communes joining it through the real shell on real results files; the trainer session.
@Suite struct ClassCommandTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "papi-class-\(UUID().uuidString)")
  var results: String { folder.appendingPathComponent("Results").path }
  /// Xã Bình Lư and Xã Sìn Hồ, Tỉnh Lai Châu, in the shipped units list.
  let binhLu = "03390"
  let sinHo = "03478"

  var trainer: [String: String] {
    ["XDG_CONFIG_HOME": TestAccess.configHome.path, "PAPI_PASSPHRASE": TestAccess.passphrase]
  }

  func papi(_ arguments: [String], input: String = "", environment: [String: String]? = nil) throws
    -> PapiTrainProcess.Result
  {
    try PapiTrainProcess.run(
      arguments + ["--results", results], input: input, environment: environment ?? trainer)
  }

  func sqlite(_ commune: String, _ sql: String) throws -> String {
    try sqlite3(URL(fileURLWithPath: results).appendingPathComponent("\(commune).sqlite"), sql)
  }

  /// An official's whole session through a pipe: commune, name, registration, class, both tests.
  func takeBothTests(commune: String, name: String, seed: UInt64, classInput: [String], extra: [String] = [])
    throws -> PapiTrainProcess.Result
  {
    let pre = try ShellPipeTests.rightAnswers(quiz: "oss-pretest", seed: seed)
    let post = try ShellPipeTests.rightAnswers(quiz: "oss-posttest", seed: seed + 1)
    let input =
      [commune, name, "c", "6"] + classInput + ["quiz oss-pretest"] + pre + ["quiz oss-posttest"] + post + [
        "quit"
      ]
    return try papi(["shell", "--seed", String(seed)] + extra, input: input.joined(separator: "\n") + "\n")
  }

  @Test func aClassAcrossTwoCommunesIsJoinedThroughTheShellAndSeenByShowAndExport() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let created = try papi([
      "class", "create", "--title", "Tập huấn một cửa", "--trainer", "Nguyễn Thị Hằng", "--place",
      "Hội trường huyện", "--start", "2026-12-03", "--end", "2026-12-04", "--commune", binhLu, "--commune",
      "Xã Sìn Hồ", "--pretest", "oss-pretest", "--posttest", "oss-posttest",
    ])
    #expect(created.status == 0, "\(created.error)")
    #expect(created.output.contains("Đã tạo lớp LC-2612-A: Tập huấn một cửa (2 xã)."), "\(created.output)")

    // One official joins with --class (typed in lower case, without dashes), the other picks it.
    let first = try takeBothTests(
      commune: binhLu, name: "Nguyễn Thị Hoa", seed: 11, classInput: [], extra: ["--class", "lc2612a"])
    #expect(first.status == 0, "\(first.error)")
    #expect(first.output.contains("Bạn đã vào lớp LC-2612-A: Tập huấn một cửa."), "\(first.output)")
    let second = try takeBothTests(commune: sinHo, name: "Lò Văn Thắng", seed: 21, classInput: ["1"])
    #expect(second.status == 0, "\(second.error)")
    #expect(
      second.output.contains("1. LC-2612-A  Tập huấn một cửa (2026-12-03…2026-12-04)"), "\(second.output)")
    #expect(second.output.contains("Bạn đã vào lớp LC-2612-A"))

    // Every attempt carries the class, in both communes' files.
    for commune in [binhLu, sinHo] {
      let classID = try sqlite(commune, "SELECT id FROM classes WHERE code = 'LC-2612-A'")
      #expect(try sqlite(commune, "SELECT count(*) FROM attempts WHERE class_id = '\(classID)'") == "2")
      #expect(try sqlite(commune, "SELECT count(*) FROM class_members") == "1")
    }

    let shown = try papi(["class", "show", "LC-2612-A"])
    #expect(shown.status == 0, "\(shown.error)")
    for text in [
      "Nguyễn Thị Hoa", "Lò Văn Thắng", "Bình Lư", "Sìn Hồ", "100%",
      "2 học viên; 2 đã làm bài đầu vào; 2 đã làm bài cuối khoá.",
    ] {
      #expect(shown.output.contains(text), "\(text): \(shown.output)")
    }
    let listed = try papi(["class", "list", "--open"])
    #expect(listed.output.contains("LC-2612-A") && listed.output.contains("đang mở"), "\(listed.output)")

    let json = folder.appendingPathComponent("lop.json").path
    let exported = try papi(["export", "--class", "LC-2612-A", "--output", json])
    #expect(exported.status == 0, "\(exported.error)")
    let document = try String(contentsOfFile: json, encoding: .utf8)
    #expect(document.contains("Nguyễn Thị Hoa") && document.contains("Lò Văn Thắng"))
    #expect(document.contains("\"LC-2612-A\"") && document.contains("\"2026-12-04\""))
    let report = try papi(["report", "gain", "--class", "lc-2612-a"])
    #expect(report.status == 0, "\(report.error)")

    // Closed: nobody joins any more.
    let closed = try papi(["class", "close", "LC-2612-A"])
    #expect(closed.output.contains("Đã đóng lớp LC-2612-A"), "\(closed.output)")
    let late = try papi(
      ["shell", "--class", "LC-2612-A"],
      input: [binhLu, "Nguyễn Thị Hoa", "quit"].joined(separator: "\n") + "\n")
    #expect(late.output.contains("Lớp LC-2612-A đã đóng"), "\(late.output)")
    #expect(try papi(["class", "list", "--open"]).output.contains("Chưa có lớp tập huấn nào."))
  }

  /// The trainer's `items` covers a class across its communes: the class named, or the one the
  /// shell was started for; without a class, the commune signed in to.
  @Test func theTrainersItemsCoverTheClassAcrossItsCommunes() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let created = try papi([
      "class", "create", "--title", "Tập huấn một cửa", "--trainer", "Nguyễn Thị Hằng", "--place",
      "Hội trường huyện", "--start", "2026-12-03", "--end", "2026-12-04", "--commune", binhLu, "--commune",
      sinHo, "--pretest", "oss-pretest", "--posttest", "oss-posttest",
    ])
    #expect(created.status == 0, "\(created.error)")
    for (commune, name, seed) in [(binhLu, "Nguyễn Thị Hoa", 11), (sinHo, "Lò Văn Thắng", 21)] {
      let taken = try takeBothTests(
        commune: commune, name: name, seed: UInt64(seed), classInput: [], extra: ["--class", "LC-2612-A"])
      #expect(taken.status == 0, "\(taken.error)")
    }
    func trainerItems(_ commands: [String], extra: [String] = []) throws -> String {
      let input = ["gv", TestAccess.passphrase, "Nguyễn Thị Hằng", binhLu] + commands + ["quit"]
      let run = try papi(["shell"] + extra, input: input.joined(separator: "\n") + "\n")
      #expect(run.status == 0, "\(run.error)")
      return run.output
    }
    let heading = "oss-pretest · "
    // Signed in to Bình Lư: its one attempt; the class named: both communes' two.
    let named = try trainerItems(["items oss-pretest", "items LC-2612-A oss-pretest", "items LC-2612-Z"])
    let parts = named.components(separatedBy: "Lớp LC-2612-A (Tập huấn một cửa), 2 xã:")
    try #require(parts.count == 2, "\(named)")
    #expect(parts[0].contains(heading) && parts[0].contains(": 1 lượt làm bài hoàn thành"), "\(parts[0])")
    #expect(parts[1].contains(": 2 lượt làm bài hoàn thành"), "\(parts[1])")
    #expect(parts[1].contains("không có lớp tập huấn mã LC-2612-Z"), "\(parts[1])")
    // Started for the class: `items` alone covers it.
    let given = try trainerItems(["items"], extra: ["--class", "LC-2612-A"])
    #expect(given.contains("Lớp LC-2612-A (Tập huấn một cửa), 2 xã:"), "\(given)")
    #expect(given.contains(": 2 lượt làm bài hoàn thành"), "\(given)")
    #expect(!given.contains(": 1 lượt làm bài hoàn thành"), "\(given)")
  }

  @Test func classCommandsNeedTheTrainerAndACodeThatExists() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let nobody = try papi(
      ["class", "list"],
      environment: ["XDG_CONFIG_HOME": folder.appendingPathComponent("empty-config").path])
    #expect(nobody.status != 0)
    let unknown = try papi(["class", "show", "LC-2612-Z"])
    #expect(
      unknown.status == 1 && unknown.error.contains("không có lớp tập huấn mã LC-2612-Z"), "\(unknown.error)")
    let notACode = try papi([
      "export", "--class", "lop-1", "--output", folder.appendingPathComponent("x.csv").path,
    ])
    #expect(notACode.status == 1)
  }
}

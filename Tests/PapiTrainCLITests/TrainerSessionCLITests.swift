import Access
import Foundation
import PapiTrainTesting
import Testing

/// The trainer's session, roster changes and the prompts' suggestions on the real binary.
@Suite struct TrainerSessionCLITests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "papi-trainer-\(UUID().uuidString)")
  var results: String { folder.appendingPathComponent("Results").path }
  var trainer: [String: String] {
    ["XDG_CONFIG_HOME": TestAccess.configHome.path, "PAPI_PASSPHRASE": TestAccess.passphrase]
  }

  func papi(_ arguments: [String], input: String = "", environment: [String: String]? = nil) throws
    -> PapiTrainProcess.Result
  {
    try PapiTrainProcess.run(
      arguments + ["--results", results], input: input, environment: environment ?? trainer)
  }

  /// A computer of its own with a trainer passphrase: a wrong try here (which counts towards a
  /// lockout) cannot hold up the other tests' trainer commands.
  func ownConfig() throws -> String {
    let config = folder.appendingPathComponent("config")
    let store = AccessStore(url: config.appendingPathComponent("papi-train/access.json"))
    let hash = try PassphraseHash(passphrase: TestAccess.passphrase, rounds: 1 << 10)
    try store.update { $0.passphrases[Role.trainer.rawValue] = hash }
    return config.path
  }

  @Test func theTrainerSignsInAtTheFirstPromptAndTheSessionLocksWhenIdle() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let config = try ownConfig()
    // An official registers first, so the trainer has a roster to look at.
    _ = try papi(["shell"], input: "03390\nNguyễn Thị Hoa\nc\n6\nquit\n")
    let shell = try ShellDriver(
      ["shell", "--results", results, "--trainer-idle", "0.05"], environment: ["XDG_CONFIG_HOME": config])
    #expect(shell.expect("giảng viên gõ gv)"))
    shell.send("gv")
    #expect(shell.expect("Mật khẩu giảng viên:"))
    shell.send(TestAccess.passphrase)
    #expect(shell.expect("Họ tên giảng viên"))
    shell.send("Nguyễn Thị Hằng")
    #expect(shell.expect("Xã/phường cần xem"))
    shell.send("binh lu")
    #expect(shell.expect("Phiên giảng viên: Nguyễn Thị Hằng"))
    #expect(shell.expect("giảng-viên> "))
    shell.send("roster")
    #expect(shell.expect("1. Nguyễn Thị Hoa"))
    // Nothing typed for the idle limit (3 s): the session locks then, not at the next line.
    let waiting = Date()
    #expect(shell.expect("Phiên giảng viên đã khoá sau 0.1 phút không dùng.", timeout: 30))
    #expect(Date().timeIntervalSince(waiting) > 2.5)
    #expect(shell.expect("Mật khẩu giảng viên:"))
    shell.send("không nhớ")
    #expect(shell.expect("Đã kết thúc phiên giảng viên."))
    // Back at the first prompt: an official now, and the trainer's views stay shut.
    shell.send("03390")
    shell.send("Nguyễn Thị Hoa")
    #expect(shell.expect("Xin chào Nguyễn Thị Hoa"))
    shell.send("class")
    #expect(shell.expect("chỉ dùng trong phiên giảng viên"))
    shell.send("quit")
    #expect(shell.finish() == 0)
    #expect(!shell.transcript.contains(TestAccess.passphrase))
  }

  @Test func onAComputerWithoutAPassphraseTheTrainerIsToldHowToSetOneAndNotAskedForIt() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try papi(
      ["shell"], input: "gv\nquit\n",
      environment: ["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path])
    #expect(run.output.contains("Máy này chưa đặt mật khẩu giảng viên"), "\(run.output)")
    #expect(!run.output.contains("Mật khẩu giảng viên:"))
    let weak = try PapiTrainProcess.run(
      ["access", "setup", "--role", "trainer"], input: "abc\nabc\n",
      environment: ["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path])
    #expect(weak.status == 1 && weak.error.contains("mật khẩu cần ít nhất 8 ký tự"), "\(weak.error)")
    let common = try PapiTrainProcess.run(
      ["access", "setup", "--role", "trainer"], input: "12345678\n12345678\n",
      environment: ["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path])
    #expect(common.status == 1 && common.error.contains("quá phổ biến"), "\(common.error)")
  }

  @Test func thePromptsSuggestTheCommuneAndTheNameMeant() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try papi(["shell"], input: "03478\nNguyễn Thị Hoa\nc\n6\nquit\n")
    let run = try papi(["shell"], input: "sin hoo\nc\nNguyen Thi Hao\nc\nwhoami\nquit\n")
    #expect(run.output.contains("Có phải 'Xã Sìn Hồ (03478)'? (c/k)"), "\(run.output)")
    #expect(run.output.contains("Có phải 'Nguyễn Thị Hoa'? (c/k)"))
    #expect(run.output.contains("Xin chào Nguyễn Thị Hoa"))
    let code = try papi(["shell"], input: "3478\nc\nNguyễn Thị Hoa\nquit\n")
    #expect(code.output.contains("Có phải 'Xã Sìn Hồ (03478)'?"), "\(code.output)")
    #expect(code.output.contains("Xin chào Nguyễn Thị Hoa"))
    #expect(
      try sqlite3(
        URL(fileURLWithPath: results).appendingPathComponent("03478.sqlite"), "SELECT count(*) FROM officials"
      ) == "1")
  }

  @Test func rosterChangesAreRecordedAndAnEntryWithAttemptsIsNotRemoved() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let answers = try ShellPipeTests.rightAnswers(quiz: "oss-pretest", seed: 5)
    let input = ["03390", "Nguyễn Thị Hoa", "c", "6", "quiz oss-pretest"] + answers + ["quit"]
    _ = try papi(["shell", "--seed", "5"], input: input.joined(separator: "\n") + "\n")
    _ = try papi(["roster", "add", "--commune", "03390", "--position", "chairman", "Nguyen Thi Hoa"])
    _ = try papi(["roster", "add", "--commune", "03390", "--position", "chairman", "Lò Văn Tháng"])
    let ids = try sqlite3(
      URL(fileURLWithPath: results).appendingPathComponent("03390.sqlite"),
      "SELECT id FROM officials WHERE name = 'Nguyen Thi Hoa' UNION ALL SELECT id FROM officials WHERE name = 'Nguyễn Thị Hoa'"
    ).split(separator: "\n").map(String.init)
    try #require(ids.count == 2)
    let refused = try papi(["roster", "remove", "--commune", "03390", ids[1], "--by", "Hằng"])
    #expect(refused.status == 1 && refused.error.contains("đã có 1 lần làm bài"), "\(refused.error)")
    let renamed = try papi([
      "roster", "rename", "--commune", "03390", "Lò Văn Tháng", "Lò Văn Thắng", "--by", "Hằng",
    ])
    #expect(renamed.output.contains("Đã sửa tên 'Lò Văn Tháng' thành 'Lò Văn Thắng'."), "\(renamed.error)")
    let merged = try papi(["roster", "merge", "--commune", "03390", ids[1], ids[0], "--by", "Hằng"])
    #expect(
      merged.output.contains("Đã gộp 'Nguyễn Thị Hoa' vào 'Nguyen Thi Hoa' (1 lần làm bài chuyển sang)."),
      "\(merged.error)")
    let removed = try papi(["roster", "remove", "--commune", "03390", "Lò Văn Thắng", "--by", "Hằng"])
    #expect(removed.output.contains("Đã xoá 'Lò Văn Thắng' khỏi danh sách."), "\(removed.error)")
    let changes = try papi(["roster", "changes", "--commune", "03390"])
    let lines = changes.output.split(separator: "\n").filter { $0.contains("Hằng: ") }
    #expect(lines.count == 3, "\(changes.output)")
    let roster = try papi(["roster", "list", "--commune", "03390"])
    #expect(roster.output.contains("Nguyen Thi Hoa") && !roster.output.contains("Lò Văn"), "\(roster.output)")
  }
}

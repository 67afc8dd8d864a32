import Foundation
import PapiTrainTesting
import Testing

/// The shell on a real pseudo-terminal: GNU readline's line editing, history, completion and
/// Ctrl-C / Ctrl-D, as a person at the keyboard meets them.
@Suite(.serialized) struct ShellTerminalTests {
  let home = FileManager.default.temporaryDirectory.appendingPathComponent("papi-pty-\(UUID().uuidString)")

  func start(_ extra: [String] = []) throws -> PseudoTerminalSession {
    try PseudoTerminalSession(
      ["--results", home.appendingPathComponent("Results").path] + extra,
      environment: ["XDG_STATE_HOME": home.appendingPathComponent("state").path, "LANG": "", "LC_ALL": ""])
  }

  func signIn(_ terminal: PseudoTerminalSession) {
    #expect(terminal.expect("Xã/phường của bạn"))
    terminal.type("03390\r")
    #expect(terminal.expect("Họ và tên"))
    terminal.type("Phạm Thu\r")
    #expect(terminal.expect("(c/k)"))
    terminal.type("c\r")
    #expect(terminal.expect("(gõ số)"))
    terminal.type("3\r")
    #expect(terminal.expect("papi> "))
  }

  /// The shell on a machine with the trainer's passphrase set, signed in as the trainer: they
  /// say so at the first prompt; the passphrase comes next, then their name and the commune to
  /// look at.
  func startAsTrainer(_ extra: [String] = []) throws -> PseudoTerminalSession {
    let terminal = try PseudoTerminalSession(
      ["--results", home.appendingPathComponent("Results").path] + extra,
      environment: [
        "XDG_STATE_HOME": home.appendingPathComponent("state").path, "LANG": "", "LC_ALL": "",
        "XDG_CONFIG_HOME": TestAccess.configHome.path,
      ])
    #expect(terminal.expect("giảng viên gõ gv)"))
    terminal.type("gv\r")
    #expect(terminal.expect("Mật khẩu giảng viên:"))
    terminal.type(TestAccess.passphrase + "\r")
    #expect(terminal.expect("Họ tên giảng viên"))
    terminal.type("Nguyễn Thị Hằng\r")
    #expect(terminal.expect("Xã/phường cần xem"))
    terminal.type("03390\r")
    #expect(terminal.expect("giảng-viên> "))
    return terminal
  }

  @Test func ctrlCClearsTheLineAndCtrlDLeavesCleanly() throws {
    let terminal = try start()
    signIn(terminal)
    terminal.type("cour\u{03}")
    #expect(terminal.expect("Ctrl-C: đã xoá dòng"))
    #expect(terminal.process.isRunning)
    // As a person would: Ctrl-D at the next prompt. Typed before it, while the terminal is between
    // two readline calls (cooked mode), the line discipline may take it as its own end of file.
    #expect(terminal.expect("papi> "))
    terminal.type("\u{04}")
    #expect(terminal.expect("Tạm biệt."))
    #expect(terminal.waitForExit() == 0)
  }

  @Test func aWindowMadeNarrowerDuringTheSessionGetsTextLaidOutToItsNewWidth() throws {
    let terminal = try start()
    signIn(terminal)
    terminal.resize(columns: 60)
    terminal.type("help\r")
    #expect(terminal.expect("Gõ 'help LỆNH'"))
    #expect(terminal.expect("papi> "))
    let help = try #require(terminal.transcript.components(separatedBy: "papi> help").last)
    let escapes = /\u{1B}\[[0-9;?]*[A-Za-z]/
    let lines = help.replacing(escapes, with: "").components(separatedBy: "\r\n")
    #expect(lines.contains { $0.hasPrefix("  help [LỆNH]") })
    #expect(lines.allSatisfy { $0.count <= 60 }, "\(lines.filter { $0.count > 60 })")
    terminal.type("quit\r")
    #expect(terminal.waitForExit() == 0)
  }

  @Test func historyIsRecalledWithTheUpArrowAndKeptOnDiskWithoutRepeats() throws {
    let terminal = try start()
    signIn(terminal)
    terminal.type("courses\r")
    #expect(terminal.expect("Các khoá học:"))
    terminal.type("courses\r")
    #expect(terminal.expect("Các khoá học:"))
    terminal.type("\u{1B}[A\r")  // up arrow recalls "courses"
    #expect(terminal.expect("Các khoá học:"))
    terminal.type("quit\r")
    #expect(terminal.waitForExit() == 0)
    let history = try String(
      contentsOf: home.appendingPathComponent("state/papi-train/history"), encoding: .utf8)
    #expect(history.split(separator: "\n").filter { $0 == "courses" }.count == 1)
  }

  @Test func tabCompletesCommandsAndIds() throws {
    let terminal = try start()
    signIn(terminal)
    terminal.type("cours\t")
    terminal.type("\t\t")
    #expect(terminal.expect("course"))
    terminal.type("\u{15}read oss-l0\t\t")  // Ctrl-U clears the line first
    #expect(terminal.expect("oss-l01"))
    terminal.type("\u{15}quit\r")
    #expect(terminal.waitForExit() == 0)
  }

  @Test func vietnameseInputWorksEvenWithoutAUTF8LocaleAndBackspaceRemovesAWholeLetter() throws {
    let terminal = try start()
    #expect(terminal.expect("Xã/phường của bạn"))
    // "Bình Lưx", then one backspace: the x goes, the ư stays whole.
    terminal.type("Bình Lưx\u{7F}\r")
    #expect(terminal.expect("Xã/phường: Xã Bình Lư, Tỉnh Lai Châu"))
    #expect(terminal.expect("Họ và tên"))
    terminal.type("Đặng Thị Ngọc\u{7F}\u{7F}ọc\r")
    #expect(terminal.expect("Chưa có 'Đặng Thị Ngọc'"))
    terminal.type("k\r")
    // Ctrl-D once the name is asked again: typed ahead while the terminal is between two
    // readline calls (in its cooked mode), a busy machine could lose it.
    #expect(terminal.expect("Họ và tên"))
    terminal.type("\u{04}")
    #expect(terminal.waitForExit() == 0)
  }

  @Test func theTrainerPassphraseIsTypedWithoutEchoAndOpensTheClassView() throws {
    let terminal = try startAsTrainer()
    terminal.type("class\r")
    #expect(terminal.expect("Chưa có lượt làm bài nào hoàn thành."))
    terminal.type("quit\r")
    #expect(terminal.waitForExit() == 0)
    // Nothing of the passphrase reached the screen or the history.
    #expect(!terminal.transcript.contains("thử nghiệm"))
    let history = try String(
      contentsOf: home.appendingPathComponent("state/papi-train/history"), encoding: .utf8)
    #expect(!history.contains("thử nghiệm") && history.contains("class"))
  }

  /// On a terminal the idle lock comes on a timer: with a half-typed line at the prompt and no
  /// key for the limit, the screen is cleared, the line dropped and the passphrase asked again.
  /// The trainer's help lists the trainer's commands, not the officials'; the goodbye says no
  /// results were saved.
  @Test func anIdleTrainerSessionLocksOnATimerAndClearsTheScreen() throws {
    let terminal = try startAsTrainer(["--trainer-idle", "0.05"])
    terminal.type("help\r")
    #expect(terminal.expect("Các lệnh:"))
    #expect(terminal.expect("giảng-viên> "))
    let help = terminal.transcript
    #expect(help.contains("items [MÃ-LỚP]") && help.contains("roster"), "\(help)")
    #expect(!help.contains("quiz MÃ-BÀI-KIỂM-TRA") && !help.contains("progress"), "\(help)")
    terminal.type("rost")
    let waiting = Date()
    #expect(terminal.expect("\u{1B}[2J", timeout: 30))
    #expect(Date().timeIntervalSince(waiting) > 2.5)
    #expect(terminal.expect("Phiên giảng viên đã khoá sau 0.1 phút không dùng."))
    #expect(terminal.expect("Mật khẩu giảng viên:"))
    terminal.type(TestAccess.passphrase + "\r")
    #expect(terminal.expect("giảng-viên> "))
    // The half-typed "rost" went with the lock: "class" runs as typed.
    terminal.type("class\r")
    #expect(terminal.expect("Chưa có lượt làm bài nào hoàn thành."))
    terminal.type("quit\r")
    #expect(terminal.expect("Đã kết thúc phiên giảng viên."))
    #expect(terminal.expect("Tạm biệt."))
    #expect(terminal.waitForExit() == 0)
    #expect(!terminal.transcript.contains("Kết quả của bạn đã được lưu"))
    #expect(!terminal.transcript.contains("thử nghiệm"))
  }
}

import Assessment
import Curriculum
import Foundation
import Gradebook
import Localization
import TerminalUI
import Testing

@testable import Shell

/// The trainer's own session: signed in at the first prompt (never as an official), the only
/// place trainer views run, locked after an idle time and on `switch`.
@Suite struct TrainerSessionTests {
  /// A reader that moves a clock forward before each line it returns.
  final class ClockedReader: LineReader {
    var lines: [(text: String, after: TimeInterval)]
    let output: Transcript
    let clock: Clock
    init(_ lines: [(String, TimeInterval)], output: Transcript, clock: Clock) {
      self.lines = lines.map { (text: $0.0, after: $0.1) }
      self.output = output
      self.clock = clock
    }
    func next(_ prompt: String, echo: Bool) -> LineInput {
      guard !lines.isEmpty else { return .endOfInput }
      let (text, after) = lines.removeFirst()
      clock.now += after
      output.write(prompt + (echo ? text : "") + "\n")
      return .line(text)
    }
    func readLine(prompt: String, completion: Completion?, remember: Bool) -> LineInput {
      next(prompt, echo: true)
    }
    func readSecret(prompt: String) -> LineInput { next(prompt, echo: false) }
    func saveHistory() {}
  }

  final class Clock {
    var now = Date(timeIntervalSince1970: 1_800_000_000)
  }

  static let passphrase = "mật khẩu lớp học"

  func run(_ lines: [(String, TimeInterval)], configured: Bool = true, store: MemoryStore = MemoryStore())
    -> String
  {
    let output = Transcript()
    let clock = Clock()
    let configuration = ShellSession.Configuration(
      library: library, communes: communes, openStore: { _ in store }, language: .vietnamese,
      terminal: Terminal(isInteractive: false, usesColor: false), now: { clock.now }, makeSeed: { 42 },
      checkTrainerPassphrase: { typed, _ in typed == Self.passphrase ? .granted : .denied("Sai mật khẩu.") },
      trainerConfigured: { configured }, trainerIdleLimit: 600)
    let shell = ShellSession(
      configuration: configuration, reader: ClockedReader(lines, output: output, clock: clock), output: output
    )
    _ = shell.run()
    return output.text
  }

  func typed(_ lines: String...) -> [(String, TimeInterval)] { lines.map { ($0, 1) } }

  @Test func trainerViewsRunOnlyInTheTrainerSessionNeverForAnOfficial() throws {
    let store = MemoryStore()
    let official = run(
      typed("12345", "An", "c", "1", "quiz mini-practice")
        + (try rightAnswers(for: "mini-practice")).map { ($0, 1) }
        + typed("class", "items", "roster", "quit"), store: store)
    #expect(official.components(separatedBy: "chỉ dùng trong phiên giảng viên").count == 4)
    #expect(!official.contains("Kết quả của Xã Tiên Lữ"))
    #expect(!official.contains("Mật khẩu giảng viên"))

    let trainer = run(
      typed(
        "gv", "sai rồi", "gv", Self.passphrase, "Nguyễn Thị Hằng", "12345", "class", "items", "roster",
        "quiz mini-practice", "switch"),
      store: store)
    #expect(trainer.contains("Sai mật khẩu."))
    #expect(trainer.contains("Phiên giảng viên: Nguyễn Thị Hằng, Xã Tiên Lữ"))
    #expect(trainer.contains("Kết quả của Xã Tiên Lữ"))
    #expect(trainer.contains("mini-practice") && trainer.contains(": 1 lượt làm bài hoàn thành"))
    #expect(trainer.contains("1. An:"))
    #expect(trainer.contains("dành cho cán bộ học"))  // a trainer does not take quizzes as themself
    #expect(trainer.contains("Đã kết thúc phiên giảng viên."))
    #expect(!trainer.contains(Self.passphrase))
  }

  @Test func noPassphraseIsAskedOnAComputerWithoutOne() {
    let transcript = run(typed("gv", "quit"), configured: false)
    #expect(transcript.contains("Máy này chưa đặt mật khẩu giảng viên"))
    #expect(!transcript.contains("Mật khẩu giảng viên:"))
  }

  @Test func anIdleTrainerSessionLocksAndEndsWithoutThePassphrase() {
    let signIn: [(String, TimeInterval)] = typed("gv", Self.passphrase, "Hằng", "12345")
    let resumed = run(signIn + [("class", 1), ("items", 601), (Self.passphrase, 1), ("quit", 1)])
    #expect(resumed.contains("Phiên giảng viên đã khoá sau 10 phút không dùng."))
    #expect(resumed.contains("Chưa có lượt làm bài nào hoàn thành."))  // items ran after the passphrase

    let ended = run(signIn + [("items", 601), ("đoán thử", 1), ("class", 1), ("quit", 1)])
    #expect(ended.contains("Phiên giảng viên đã khoá"))
    #expect(ended.contains("Sai mật khẩu."))
    #expect(ended.contains("Đã kết thúc phiên giảng viên."))
    // Back at the first prompt: 'class' is not a commune.
    #expect(ended.contains("Không tìm thấy xã/phường 'class'"))
  }

  @Test func rosterChangesInTheTrainerSessionAreMadeWithTheTrainersName() {
    let store = MemoryStore()
    _ = run(typed("12345", "An", "c", "1", "quit"), store: store)
    _ = run(typed("12345", "Binh", "c", "1", "quit"), store: store)
    let transcript = run(
      typed(
        "gv", Self.passphrase, "Hằng", "12345", "roster", "roster rename 2 Bình", "roster remove 9",
        "roster remove 1", "quit"),
      store: store)
    #expect(transcript.contains("Đã sửa tên 'Binh' thành 'Bình'."))
    #expect(transcript.contains("Cách dùng: roster"))
    #expect(transcript.contains("Đã xoá 'An' khỏi danh sách."))
    #expect(store.roster.map(\.name) == ["Bình"])
  }
}

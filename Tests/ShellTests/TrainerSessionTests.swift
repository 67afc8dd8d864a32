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
    /// The idle limit each prompt was read with, and the line `idle` given as the prompt
    /// giving up.
    var limits: [TimeInterval?] = []
    static let idle = "<no key for the limit>"
    func readLine(prompt: String, completion: Completion?, remember: Bool, idleLimit: TimeInterval?)
      -> LineInput
    {
      limits.append(idleLimit)
      if lines.first?.text == Self.idle, idleLimit != nil {
        lines.removeFirst()
        output.write(prompt + "\n")
        return .idle
      }
      return next(prompt, echo: true)
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
    session(lines, configured: configured, store: store).text
  }

  /// The transcript, and the idle limit each prompt was read with.
  func session(_ lines: [(String, TimeInterval)], configured: Bool = true, store: MemoryStore = MemoryStore())
    -> (text: String, limits: [TimeInterval?])
  {
    let output = Transcript()
    let clock = Clock()
    let configuration = ShellSession.Configuration(
      library: library, communes: communes, openStore: { _ in store }, language: .vietnamese,
      terminal: Terminal(isInteractive: false, usesColor: false), now: { clock.now }, makeSeed: { 42 },
      checkTrainerPassphrase: { typed, _ in typed == Self.passphrase ? .granted : .denied("Sai mật khẩu.") },
      trainerConfigured: { configured }, trainerIdleLimit: 600)
    let reader = ClockedReader(lines, output: output, clock: clock)
    let shell = ShellSession(configuration: configuration, reader: reader, output: output)
    _ = shell.run()
    return (output.text, reader.limits)
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

  /// The trainer's prompts wait at most the idle limit (an official's for ever); a prompt that
  /// gives up locks the session there, without a line typed.
  @Test func aPromptThatWaitsPastTheLimitLocksTheSessionThen() {
    let signIn: [(String, TimeInterval)] = typed("gv", Self.passphrase, "Hằng", "12345")
    let idle = (ClockedReader.idle, 0.0)
    let resumed = session(
      signIn + [idle, (Self.passphrase, 1), ("items", 1), ("quit", 1)])
    #expect(resumed.text.contains("Phiên giảng viên đã khoá sau 10 phút không dùng."))
    #expect(resumed.text.contains("Chưa có lượt làm bài nào hoàn thành."))  // items ran after the passphrase
    #expect(resumed.limits.contains(600))

    let ended = session(signIn + [idle, ("đoán thử", 1), ("quit", 1)])
    #expect(ended.text.contains("Sai mật khẩu."))
    #expect(ended.text.contains("Đã kết thúc phiên giảng viên."))
    // Back at the first prompt, which waits for ever: no idle line is taken there.
    #expect(ended.limits.last == .some(nil))

    let official = session(
      typed("12345", "An", "c", "1", "help", "quit"))
    #expect(official.limits.allSatisfy { $0 == nil })
  }

  /// Help lists what runs in the session: the trainer's views to a trainer, an official's
  /// commands to an official; the goodbye after a trainer's session says nothing of results saved.
  @Test func helpAndGoodbyeFitWhoIsSignedIn() {
    let trainer = run(typed("gv", Self.passphrase, "Hằng", "12345", "help", "quit"))
    #expect(trainer.contains("items [MÃ-LỚP]") && trainer.contains("roster"))
    #expect(!trainer.contains("quiz MÃ-BÀI-KIỂM-TRA") && !trainer.contains("progress"))
    #expect(trainer.hasSuffix("Đã kết thúc phiên giảng viên.\nTạm biệt.\n"), "\(trainer.suffix(200))")
    #expect(!trainer.contains("Kết quả của bạn đã được lưu"))

    let official = run(typed("12345", "An", "c", "1", "help", "quit"))
    #expect(official.contains("quiz MÃ-BÀI-KIỂM-TRA") && official.contains("progress"))
    #expect(!official.contains("items [MÃ-LỚP]") && !official.contains("roster ["))
    #expect(official.hasSuffix("Tạm biệt. Kết quả của bạn đã được lưu.\n"))
  }
}

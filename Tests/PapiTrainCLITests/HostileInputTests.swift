import Assessment
import Foundation
import PapiTrainTesting
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The shell given what a shared laptop gets: random keystrokes, control characters, a megabyte
/// pasted on one line, bytes that are not UTF-8, through a pipe and on a real terminal. It must
/// neither crash nor hang, must end normally, and must leave the results file sound.
@Suite struct HostileInputTests {
  let home = FileManager.default.temporaryDirectory.appendingPathComponent(
    "papi-hostile-\(UUID().uuidString)")
  var results: URL { home.appendingPathComponent("Results") }
  var file: URL { results.appendingPathComponent("03390.sqlite") }

  /// Seeded random bytes: control characters, ASCII, UTF-8 Vietnamese and invalid UTF-8.
  static func garbage(_ count: Int, using generator: inout SeededGenerator, excluding: Set<UInt8> = [])
    -> [UInt8]
  {
    var bytes: [UInt8] = []
    while bytes.count < count {
      switch Int.random(in: 0..<10, using: &generator) {
      case 0: bytes += Array("ư".utf8)
      case 1: bytes += [0xC3]  // a lead byte cut short
      case 2: bytes += [0xFF, 0xFE, 0x80]  // never valid
      case 3: bytes += [0x1B, 0x5B, UInt8.random(in: 0x41...0x44, using: &generator)]  // arrows
      case 4: bytes.append(UInt8.random(in: 0x00...0x1F, using: &generator))
      default: bytes.append(UInt8.random(in: 0x20...0x7E, using: &generator))
      }
      bytes.removeAll { excluding.contains($0) }
    }
    return bytes
  }

  @Test func randomBytesLongLinesAndInvalidUTF8ThroughAPipe() throws {
    var generator = SeededGenerator(seed: 99)
    var input: [UInt8] = []
    input += Array("\u{FF}\u{01}../../x\n".utf8) + [0xC3, 0x0A]  // the commune prompt
    input += Array("03390\nLò Văn Rác\nc\n1\n".utf8)
    input += [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20) + [0x0A]  // a megabyte at papi>
    input += [0xE1, 0xBB, 0x0A]  // a cut letter
    for round in 0..<30 {
      if round.isMultiple(of: 10) { input += Array("quiz mini-practice\n".utf8) }
      input += Self.garbage(200, using: &generator, excluding: [0x0A]) + [0x0A]
    }
    input += Array("quiz mini-practice\n".utf8) + [UInt8](repeating: 0xFF, count: 1 << 20) + [0x0A]
    let shell = try ShellDriver(["--courses", miniCourse, "--results", results.path])
    // Write from another thread while reading, so a full pipe cannot stall either side.
    let bytes = input
    let shellInput = shell.input
    let writer = Thread { shellInput.send(bytes: bytes) }
    writer.start()
    let deadline = Date().addingTimeInterval(60)
    while !shell.transcript.contains("Xin chào"), Date() < deadline, shell.readSome(timeout: 0.5) {}
    while writer.isExecuting, Date() < deadline { shell.readSome(timeout: 0.1) }
    #expect(shell.finish(timeout: 60) == 0, "\(shell.transcript.suffix(800))")
    #expect(shell.transcript.contains("Xin chào Lò Văn Rác"))
    #expect(shell.transcript.hasSuffix("Tạm biệt. Kết quả của bạn đã được lưu.\n"))
    #expect(try sqlite3(file, "PRAGMA integrity_check") == "ok")
    #expect(try FileManager.default.contentsOfDirectory(atPath: results.path).sorted() == ["03390.sqlite"])
  }

  @Test func randomKeystrokesOnATerminal() throws {
    let terminal = try PseudoTerminalSession(
      [
        "--courses", miniCourse, "--results", results.path, "--commune", "03390", "--official", "Lò Văn Phím",
      ],
      environment: ["XDG_STATE_HOME": home.appendingPathComponent("state").path])
    #expect(terminal.expect("(c/k)"))
    terminal.type("c\r")
    #expect(terminal.expect("(gõ số)"))
    terminal.type("1\r")
    #expect(terminal.expect("papi> "))
    var generator = SeededGenerator(seed: 7)
    // Every byte but those the terminal turns into job control or flow control (Ctrl-Z, Ctrl-\,
    // Ctrl-S), Ctrl-D (it would leave) and Ctrl-X (Ctrl-X Ctrl-E starts an editor).
    let excluded: Set<UInt8> = [0x1A, 0x1C, 0x13, 0x04, 0x18]
    for _ in 0..<20 {
      let keys = Self.garbage(100, using: &generator, excluding: excluded)
      terminal.type(bytes: keys)
      terminal.drain()
      #expect(terminal.process.isRunning, "\(terminal.transcript.suffix(600))")
    }
    terminal.type(String(repeating: "x", count: 4000) + "\r")
    // Ctrl-G ends a search, Ctrl-C clears the line; at the prompt `quit` leaves.
    terminal.type("\u{07}\u{03}")
    usleep(200_000)
    terminal.type("\u{07}\u{15}quit\r")
    if terminal.waitForExit(timeout: 5) == nil {
      // A garbage line may have started a quiz or a question: leave it, then the shell.
      terminal.type("\u{03}c\r\u{15}quit\r")
    }
    #expect(terminal.waitForExit(timeout: 20) == 0, "\(terminal.transcript.suffix(800))")
    #expect(try sqlite3(file, "PRAGMA integrity_check") == "ok")
  }
}

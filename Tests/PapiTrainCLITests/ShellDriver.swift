import Assessment
import Curriculum
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The real `papi-train` shell on pipes, driven line by line as its output arrives: what a
/// script at a training-room laptop would do, and what a crash or a full disk interrupts.
///
/// One thread may send while another reads: they use different pipes.
final class ShellDriver: @unchecked Sendable {
  let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  /// Everything the shell printed so far.
  private(set) var transcript = ""
  /// Where the last successful `expect` matched; the next one looks after it.
  private var mark: String.Index

  /// Starts `papi-train ARGUMENTS`, optionally through `launcher` (e.g. `prlimit --fsize=N --`).
  init(_ arguments: [String], launcher: [String] = [], environment: [String: String] = [:]) throws {
    let binary = PapiTrainProcess.productsDirectory.appendingPathComponent("papi-train").path
    if let tool = launcher.first {
      process.executableURL = URL(fileURLWithPath: tool)
      process.arguments = Array(launcher.dropFirst()) + [binary] + arguments
    } else {
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = arguments
    }
    process.currentDirectoryURL = PapiTrainProcess.repositoryRoot
    process.environment = PapiTrainProcess.environment(environment)
    process.standardInput = input
    process.standardOutput = output
    process.standardError = output
    mark = transcript.startIndex
    // Writing to a shell that has just died must fail with EPIPE, not kill the test run.
    signal(SIGPIPE, SIG_IGN)
    try process.run()
  }

  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  /// Sends one line, as typed and followed by Enter. A shell already gone is not an error here:
  /// the caller sees it from `expect` and the exit status.
  func send(_ line: String) {
    send(bytes: Array((line + "\n").utf8))
  }

  /// Sends raw bytes, invalid UTF-8 and control characters included.
  func send(bytes: [UInt8]) {
    let fd = input.fileHandleForWriting.fileDescriptor
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }

  /// Closes the shell's standard input: Ctrl-D at the end of a pipe.
  func closeInput() {
    try? input.fileHandleForWriting.close()
  }

  /// Reads what is there, waiting at most `timeout` seconds for something; false at end of output.
  @discardableResult
  func readSome(timeout: TimeInterval) -> Bool {
    var descriptor = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, Int32(timeout * 1000)) > 0 else { return true }
    var buffer = [UInt8](repeating: 0, count: 65536)
    let count = read(descriptor.fd, &buffer, buffer.count)
    guard count > 0 else { return false }
    transcript += String(decoding: buffer[0..<count], as: UTF8.self)
    return true
  }

  /// Waits until one of `texts` appears after the last match and returns it (nil on timeout or
  /// when the shell ends first).
  @discardableResult
  func expect(_ texts: [String], timeout: TimeInterval = 20) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let found = texts.compactMap { text in
        transcript.range(of: text, range: mark..<transcript.endIndex).map { (text, $0) }
      }.min { $0.1.lowerBound < $1.1.lowerBound }
      if let (text, range) = found {
        mark = range.upperBound
        return text
      }
      guard Date() < deadline, readSome(timeout: 0.05) else { return nil }
    }
  }

  @discardableResult
  func expect(_ text: String, timeout: TimeInterval = 20) -> Bool {
    expect([text], timeout: timeout) != nil
  }

  /// The number printed right after the last match, up to `terminator` ("3" of "Câu 3/6").
  func number(before terminator: String) -> Int? {
    let start = mark
    guard expect(terminator) else { return nil }
    return Int(transcript[start...].prefix { $0.isNumber })
  }

  /// Everything printed since the last successful `expect`.
  var sinceMark: Substring { transcript[mark...] }

  /// Kills the shell with SIGKILL, as a power cut would, and waits for it to be gone.
  func killHard() {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// Closes the input, waits for the shell to end (reading everything it prints) and returns
  /// its exit status, or nil if it does not end within `timeout` seconds (it is then killed).
  func finish(timeout: TimeInterval = 30) -> Int32? {
    closeInput()
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline, readSome(timeout: 0.1) {}
    while process.isRunning, Date() < deadline { usleep(10_000) }
    if process.isRunning {
      killHard()
      return nil
    }
    return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
  }
}

/// A small seeded generator (SplitMix64), so every random kill point can be replayed.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Runs `sqlite3 FILE SQL` and returns its output, trimmed.
func sqlite3(_ file: URL, _ sql: String) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["sqlite3", file.path, sql]
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// The small valid course of the curriculum fixtures (six questions, a pre-test, a practice quiz):
/// the shell starts on it in a fraction of the time the shipped courses take.
let miniCourse = PapiTrainProcess.repositoryRoot.appendingPathComponent(
  "Tests/CurriculumTests/Fixtures/valid/mini"
).path

/// The keystrokes that answer `quizID` of the courses at `courses` fully right when shuffled with
/// `seed`, in asking order.
func rightAnswers(quiz quizID: String, seed: UInt64, courses: String) throws -> [String] {
  let library = try #require(CurriculumLoader().load(path: courses).library)
  let course = try #require(library.courses.first { $0.quiz(quizID) != nil })
  let assembled = try QuizAssembler(course: course, taxonomy: library.taxonomy).assemble(
    course.quiz(quizID)!, seed: seed)
  return assembled.items.map(AnswerParser.typedKey(for:))
}

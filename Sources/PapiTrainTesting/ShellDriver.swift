import Assessment
import Curriculum
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The real `papi-train` shell on pipes, driven line by line as its output arrives: what a
/// script at a training-room laptop would do, and what a crash or a full disk interrupts.
///
/// Another thread may send through ``input`` while this one reads: they use different pipes.
public final class ShellDriver {
  public let process = Process()
  private let inputPipe = Pipe()
  private let output = Pipe()
  /// Everything the shell printed so far.
  public private(set) var transcript = ""
  /// Where the last successful `expect` matched; the next one looks after it.
  private var mark: String.Index

  /// Starts `papi-train ARGUMENTS`, optionally through `launcher` (e.g. `prlimit --fsize=N --`).
  public init(_ arguments: [String], launcher: [String] = [], environment: [String: String] = [:]) throws {
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
    process.standardInput = inputPipe
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
  public func send(_ line: String) {
    send(bytes: Array((line + "\n").utf8))
  }

  /// Sends raw bytes, invalid UTF-8 and control characters included.
  public func send(bytes: [UInt8]) {
    input.send(bytes: bytes)
  }

  /// The shell's standard input, to write from another thread while this one reads.
  public var input: ShellInput { ShellInput(descriptor: inputPipe.fileHandleForWriting.fileDescriptor) }

  /// Closes the shell's standard input: Ctrl-D at the end of a pipe.
  public func closeInput() {
    try? inputPipe.fileHandleForWriting.close()
  }

  /// Reads what is there, waiting at most `timeout` seconds for something; false at end of output.
  @discardableResult
  public func readSome(timeout: TimeInterval) -> Bool {
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
  public func expect(_ texts: [String], timeout: TimeInterval = 20) -> String? {
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
  public func expect(_ text: String, timeout: TimeInterval = 20) -> Bool {
    expect([text], timeout: timeout) != nil
  }

  /// The number printed right after the last match, up to `terminator` ("3" of "Câu 3/6").
  public func number(before terminator: String) -> Int? {
    let start = mark
    guard expect(terminator) else { return nil }
    return Int(transcript[start...].prefix { $0.isNumber })
  }

  /// Everything printed since the last successful `expect`.
  public var sinceMark: Substring { transcript[mark...] }

  /// Kills the shell with SIGKILL, as a power cut would, and waits for it to be gone.
  public func killHard() {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// Closes the input, waits for the shell to end (reading everything it prints) and returns
  /// its exit status, or nil if it does not end within `timeout` seconds (it is then killed).
  public func finish(timeout: TimeInterval = 30) -> Int32? {
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

/// The shell's standard input as a value another thread may hold: writes go straight to the pipe.
public struct ShellInput: Sendable {
  let descriptor: Int32

  /// Writes every byte, stopping quietly if the shell is gone (EPIPE).
  public func send(bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = write(descriptor, base + offset, buffer.count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }
}

/// Runs `sqlite3 FILE SQL` and returns its output, trimmed.
public func sqlite3(_ file: URL, _ sql: String) throws -> String {
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
public let miniCourse = Repository.fixtures(of: "CurriculumTests").appendingPathComponent("valid/mini").path

/// The keystrokes that answer `quizID` of the courses at `courses` fully right when shuffled with
/// `seed`, in asking order.
public func rightAnswers(quiz quizID: String, seed: UInt64, courses: String) throws -> [String] {
  guard let library = CurriculumLoader().load(path: courses).library else {
    throw FixtureError("the courses at \(courses) do not load")
  }
  guard let course = library.courses.first(where: { $0.quiz(quizID) != nil }), let quiz = course.quiz(quizID)
  else {
    throw FixtureError("no course at \(courses) has the quiz \(quizID)")
  }
  let assembled = try QuizAssembler(course: course, taxonomy: library.taxonomy).assemble(quiz, seed: seed)
  return assembled.items.map(AnswerParser.typedKey(for:))
}

/// A fixture the tests rely on is missing or broken.
public struct FixtureError: Error, Sendable, CustomStringConvertible {
  public var description: String

  public init(_ description: String) { self.description = description }
}

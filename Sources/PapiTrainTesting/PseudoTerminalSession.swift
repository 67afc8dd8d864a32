import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs `papi-train` on a pseudo-terminal, as a person at a keyboard would: readline is active,
/// Ctrl-C (byte 0x03) reaches the program as SIGINT because `setsid --ctty` makes the terminal the
/// child's controlling terminal.
public final class PseudoTerminalSession {
  public let process = Process()
  private let master: Int32
  public private(set) var transcript = ""

  public init(_ arguments: [String], environment: [String: String] = [:], columns: Int = 100, rows: Int = 40)
    throws
  {
    // posix_openpt and friends are not in Swift's Glibc module; on Linux they are /dev/ptmx and
    // two ioctls: TIOCSPTLCK (unlock the slave) and TIOCGPTN (its number under /dev/pts).
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0
    else {
      throw POSIXError(.EIO)
    }
    let slaveName = "/dev/pts/\(number)"
    self.master = master
    var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    guard let slave = FileHandle(forUpdatingAtPath: slaveName) else { throw POSIXError(.ENOENT) }
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
    process.arguments =
      ["--ctty", "--wait", PapiTrainProcess.productsDirectory.appendingPathComponent("papi-train").path]
      + arguments
    process.currentDirectoryURL = PapiTrainProcess.repositoryRoot
    var merged = ProcessInfo.processInfo.environment
    merged["PAPI_LANG"] = nil
    merged["TERM"] = "xterm"
    merged["NO_COLOR"] = "1"
    merged["INPUTRC"] = "/dev/null"
    merged.merge(environment) { $1 }
    process.environment = merged
    process.standardInput = slave
    process.standardOutput = slave
    process.standardError = slave
    try process.run()
    try slave.close()
    let flags = fcntl(master, F_GETFL)
    _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
  }

  deinit {
    if process.isRunning { process.terminate() }
    close(master)
  }

  /// Resizes the terminal, as a person dragging the window's edge: the program gets SIGWINCH.
  public func resize(columns: Int, rows: Int = 40) {
    var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
  }

  /// Types text as keystrokes.
  public func type(_ text: String) {
    type(bytes: Array(text.utf8))
  }

  /// Types raw bytes, invalid UTF-8 included.
  public func type(bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(master, buffer.baseAddress! + offset, buffer.count - offset)
        if written > 0 { offset += written } else { usleep(1000) }
      }
    }
  }

  /// Where the last successful `expect` matched; the next one looks after it.
  private var mark = 0

  /// Reads output until `text` appears after the last match, or the timeout passes.
  @discardableResult
  public func expect(_ text: String, timeout: TimeInterval = 10) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    repeat {
      drain()
      let from = transcript.utf8.index(transcript.startIndex, offsetBy: mark)
      if let found = transcript.range(of: text, range: from..<transcript.endIndex) {
        mark = transcript.utf8.distance(from: transcript.startIndex, to: found.upperBound)
        return true
      }
      if !process.isRunning { return false }
      usleep(10_000)
    } while Date() < deadline
    return false
  }

  /// Everything printed since the last successful `expect`.
  var sinceMark: Substring { transcript[transcript.utf8.index(transcript.startIndex, offsetBy: mark)...] }

  public func drain() {
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = read(master, &buffer, buffer.count)
      if count <= 0 { break }
      transcript += String(decoding: buffer[0..<count], as: UTF8.self)
    }
  }

  /// Waits for the program to end and returns its exit status, or nil on timeout.
  public func waitForExit(timeout: TimeInterval = 10) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline {
      drain()
      usleep(10_000)
    }
    drain()
    return process.isRunning ? nil : process.terminationStatus
  }
}

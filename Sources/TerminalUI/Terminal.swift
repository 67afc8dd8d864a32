import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about the terminal the shell runs in, read at start; its size again at each use when
/// it ``followsResizes``.
public struct Terminal: Sendable {
  /// Whether standard input and standard output are both terminals (readline is used only then).
  public var isInteractive: Bool
  /// Whether to colour output: a terminal, and NO_COLOR unset.
  public var usesColor: Bool
  public var width: Int
  public var height: Int
  /// Whether ``resized()`` reads the size of standard output's terminal again: true for the
  /// terminal ``current(environment:)`` found on standard output, so that a window made narrower
  /// during a session gets text laid out to its new width.
  public var followsResizes: Bool

  public init(
    isInteractive: Bool, usesColor: Bool, width: Int = 80, height: Int = 24, followsResizes: Bool = false
  ) {
    self.isInteractive = isInteractive
    self.usesColor = usesColor
    self.width = width
    self.height = height
    self.followsResizes = followsResizes
  }

  /// This terminal at its size now (unchanged unless it ``followsResizes``).
  public func resized() -> Terminal {
    guard followsResizes, let size = Self.windowSize() else { return self }
    var now = self
    now.width = max(20, size.width)
    now.height = max(5, size.height)
    return now
  }

  /// The size of the terminal on standard output; nil through a pipe.
  static func windowSize() -> (width: Int, height: Int)? {
    var size = winsize()
    guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0
    else { return nil }
    return (Int(size.ws_col), Int(size.ws_row))
  }

  /// The terminal of this process, honouring NO_COLOR. The width (and height) is the terminal's
  /// real one when standard output is a terminal; through a pipe, COLUMNS (LINES) when set, else
  /// 80 (24).
  public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal
  {
    let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    let width = environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 80
    let height = environment["LINES"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 24
    let found = Terminal(
      isInteractive: interactive, usesColor: Style.standardOutput(environment: environment).enabled,
      width: max(20, width), height: max(5, height), followsResizes: windowSize() != nil)
    return found.resized()
  }

  /// Makes sure the C library reads UTF-8: readline takes its character set from the locale, and
  /// with LANG unset or LC_ALL=C Vietnamese input breaks (đ dropped, backspace splits letters).
  public static func prepareUTF8Locale() {
    setlocale(LC_ALL, "")
    let current = String(cString: setlocale(LC_CTYPE, nil))
    if !current.uppercased().contains("UTF-8") && !current.uppercased().contains("UTF8") {
      setenv("LC_CTYPE", "C.UTF-8", 1)
      unsetenv("LC_ALL")
      setlocale(LC_CTYPE, "C.UTF-8")
    }
  }
}

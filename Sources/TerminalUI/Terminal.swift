import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about the terminal the shell runs in, read once at start.
public struct Terminal: Sendable {
  /// Whether standard input and standard output are both terminals (readline is used only then).
  public var isInteractive: Bool
  /// Whether to colour output: a terminal, and NO_COLOR unset.
  public var usesColor: Bool
  public var width: Int
  public var height: Int

  public init(isInteractive: Bool, usesColor: Bool, width: Int = 80, height: Int = 24) {
    self.isInteractive = isInteractive
    self.usesColor = usesColor
    self.width = width
    self.height = height
  }

  /// The terminal of this process, honouring NO_COLOR. The width (and height) is the terminal's
  /// real one when standard output is a terminal; through a pipe, COLUMNS (LINES) when set, else
  /// 80 (24).
  public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal
  {
    let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    var width = environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 80
    var height = environment["LINES"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 24
    var size = winsize()
    if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      width = Int(size.ws_col)
      height = Int(size.ws_row)
    }
    return Terminal(
      isInteractive: interactive, usesColor: Style.standardOutput(environment: environment).enabled,
      width: max(20, width), height: max(5, height))
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

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Terminal {
  /// One line of standard input without its newline, or nil at the end of input. On a terminal
  /// the prompt goes to standard error and what is typed is not echoed (a passphrase); from a
  /// pipe the line is read as it is.
  public static func readSecretLine(prompt: String) -> String? {
    guard isatty(STDIN_FILENO) == 1 else { return Swift.readLine(strippingNewline: true) }
    // Echo off before the prompt shows, so keys typed the moment it appears are not echoed; what
    // was typed ahead is kept (not flushed), as it is at any other prompt.
    var saved = termios()
    tcgetattr(STDIN_FILENO, &saved)
    var silent = saved
    silent.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(STDIN_FILENO, TCSANOW, &silent)
    defer {
      tcsetattr(STDIN_FILENO, TCSANOW, &saved)
      FileHandle.standardError.write(Data("\n".utf8))
    }
    FileHandle.standardError.write(Data(prompt.utf8))
    return Swift.readLine(strippingNewline: true)
  }
}

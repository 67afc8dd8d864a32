import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// ANSI styles, applied only when the terminal uses colour.
public struct Style: Sendable {
  public var enabled: Bool

  public init(enabled: Bool) { self.enabled = enabled }

  /// The style for standard output: colour only on a terminal, with `NO_COLOR` unset (or empty)
  /// and no `--no-color` flag (`noColor`).
  public static func standardOutput(
    noColor: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Style {
    let disabledByEnvironment = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    return Style(enabled: !noColor && !disabledByEnvironment && isatty(STDOUT_FILENO) == 1)
  }

  /// A background for a cell: the four bands of a readiness table.
  public enum Highlight: Sendable {
    /// Green with white text, light green, yellow and red with white text.
    case green, lightGreen, yellow, red

    var code: String {
      switch self {
      case .green: "42;97"
      case .lightGreen: "102;30"
      case .yellow: "103;30"
      case .red: "41;97"
      }
    }
  }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  public func bold(_ text: String) -> String { wrap(text, "1") }
  public func italic(_ text: String) -> String { wrap(text, "3") }
  public func dim(_ text: String) -> String { wrap(text, "2") }
  public func green(_ text: String) -> String { wrap(text, "32") }
  public func red(_ text: String) -> String { wrap(text, "31") }
  public func yellow(_ text: String) -> String { wrap(text, "33") }
  public func cyan(_ text: String) -> String { wrap(text, "36") }
  public func highlight(_ text: String, _ highlight: Highlight) -> String { wrap(text, highlight.code) }
}

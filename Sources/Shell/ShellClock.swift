import Foundation

/// The shell's clock: the computer's, or, for tests and rehearsals of a review schedule, the
/// moment written in the file `PAPI_CLOCK_FILE` names (ISO 8601, `2026-12-01T08:00:00Z`), read
/// afresh each time the shell looks at the clock, so a test can move time between answers.
public enum ShellClock {
  /// The environment variable that names the clock file.
  public static let environmentVariable = "PAPI_CLOCK_FILE"

  /// The clock `environment` asks for: the file's moment when it names a file that holds one,
  /// else the computer's time.
  public static func fromEnvironment(_ environment: [String: String]) -> @Sendable () -> Date {
    guard let path = environment[environmentVariable], !path.isEmpty else { return { Date() } }
    return { moment(in: path) ?? Date() }
  }

  /// The moment written in the file at `path`, if it holds one.
  static func moment(in path: String) -> Date? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }
}

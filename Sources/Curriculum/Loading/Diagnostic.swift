import Localization

/// How serious a problem in a course file is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
  /// The content cannot be taught as it is; `papi-train lint` exits 1.
  case error
  /// Worth a look (often a typo), but the content still loads.
  case warning

  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    lhs == .error && rhs == .warning
  }
}

/// One problem found in a course file, with its place.
public struct Diagnostic: Sendable, Hashable, Codable, Comparable {
  public var severity: Severity
  public var location: SourceLocation
  public var message: CurriculumMessage

  public init(_ severity: Severity, _ message: CurriculumMessage, at location: SourceLocation) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  /// The compiler-style line editors understand: `file:line:column: error: message`.
  public func formatted(in language: Language) -> String {
    "\(location): \(severity.rawValue): \(message.text(in: language))"
  }

  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    (lhs.location, lhs.severity) < (rhs.location, rhs.severity)
  }
}

/// Collects diagnostics while files are read.
final class DiagnosticLog {
  private(set) var diagnostics: [Diagnostic] = []

  func error(_ message: CurriculumMessage, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.error, message, at: location))
  }

  func warning(_ message: CurriculumMessage, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.warning, message, at: location))
  }

  func append(_ more: [Diagnostic]) {
    diagnostics.append(contentsOf: more)
  }

  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

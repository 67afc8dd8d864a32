import Localization

/// One problem found in a bank or while importing it, with its place.
///
/// An error stops the import (nothing is written); a note names a question that was left out,
/// or something about one that was imported, with the reason.
public struct BankProblem: Sendable, Hashable, Comparable {
  public enum Severity: String, Sendable, Hashable {
    case error
    case note
  }

  public var severity: Severity
  public var location: BankLocation
  public var message: QuestionBankMessage

  public init(_ severity: Severity, _ message: QuestionBankMessage, at location: BankLocation) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  /// `file:line: error: message`, the way editors and `lint` print it.
  public func formatted(in language: Language) -> String {
    let label: String
    switch (severity, language) {
    case (.error, .vietnamese): label = "lỗi"
    case (.error, .english): label = "error"
    case (.note, .vietnamese): label = "lưu ý"
    case (.note, .english): label = "note"
    }
    return "\(location): \(label): \(message.text(in: language))"
  }

  public static func < (lhs: BankProblem, rhs: BankProblem) -> Bool { lhs.location < rhs.location }
}

/// Collects problems while a bank is read; every reader reports all it finds in one run.
struct ProblemLog {
  private(set) var problems: [BankProblem] = []

  mutating func error(_ message: QuestionBankMessage, at location: BankLocation) {
    problems.append(BankProblem(.error, message, at: location))
  }

  mutating func note(_ message: QuestionBankMessage, at location: BankLocation) {
    problems.append(BankProblem(.note, message, at: location))
  }

  mutating func append(_ more: [BankProblem]) { problems += more }

  var hasErrors: Bool { problems.contains { $0.severity == .error } }
}

/// What reading a bank gave: its questions and every problem found.
public struct BankContents: Sendable {
  public var questions: [BankQuestion]
  public var problems: [BankProblem]

  public init(questions: [BankQuestion], problems: [BankProblem]) {
    self.questions = questions
    self.problems = problems
  }

  public var errors: [BankProblem] { problems.filter { $0.severity == .error } }
}

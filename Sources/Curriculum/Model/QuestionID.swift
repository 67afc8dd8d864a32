/// The id a course author gives a question (`papi-q-d1-01`), as a course file writes it and a
/// results file stores it.
///
/// A question id is its own type, so it cannot be passed where an official's id, an attempt's id,
/// a commune code or a class id is meant (nor one of those where a question id is): that does not
/// compile. It is as cheap as the text it wraps: comparing, hashing and storing it is the
/// `String`'s. Written as a literal (`"q1"`) where a test or an example names one.
public struct QuestionID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// The id as written.
  public let rawValue: String

  /// The question id `rawValue`, as written in a course file, a results file or on a command line.
  public init(_ rawValue: String) { self.rawValue = rawValue }

  public init(stringLiteral value: String) { self.init(value) }

  public var description: String { rawValue }

  /// In the order of their text.
  public static func < (lhs: QuestionID, rhs: QuestionID) -> Bool { lhs.rawValue < rhs.rawValue }

  /// Decodes the id from its text.
  public init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode(String.self))
  }

  /// Encodes the id as its text.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

extension Reference {
  /// The question this reference names (a quiz's list of questions names them by id).
  public var questionID: QuestionID { QuestionID(id) }
}

/// What an administrative code and a commune code share: text of ASCII digits only, ordered
/// shorter first and then as text, written as that text in JSON and in messages.
public protocol DigitCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The code as written, leading zeros included ("03637").
  var rawValue: String { get }
  /// The code of `text`; throws ``UnitsError/invalidCode(_:)`` unless it is digits only.
  init(_ text: String) throws
}

extension DigitCode {
  public var description: String { rawValue }

  /// Shorter codes first (a province before its communes), then in text order.
  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.rawValue.count, lhs.rawValue) < (rhs.rawValue.count, rhs.rawValue)
  }

  public init(from decoder: any Decoder) throws {
    try self.init(try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

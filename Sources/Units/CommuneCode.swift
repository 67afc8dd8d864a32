/// The administrative code of a commune, ward or special zone (5 digits in the national list,
/// "03637"): what names a commune's results file (`Results/03637.sqlite`).
///
/// A commune code is only ever made of the ASCII digits 0-9 (at most
/// ``UnitCode/maximumLength``), so it can never become a path: `../../x`, full-width digits and
/// an empty string are refused by ``init(_:)``. Unlike a ``UnitCode``, which may name a province
/// or a district, a `CommuneCode` always stands for a commune-level unit, so one cannot be passed
/// where the other is meant.
public struct CommuneCode: DigitCode {
  /// The code as written, leading zeros included ("03637").
  public let rawValue: String

  /// A commune code from its text, as typed on the command line, stated in a results file or
  /// named by a file (`03637` of `03637.sqlite`); throws ``UnitsError/invalidCode(_:)`` unless
  /// it is 1 to ``UnitCode/maximumLength`` ASCII digits.
  public init(_ text: String) throws {
    guard UnitCode.isValid(text) else { throw UnitsError.invalidCode(text) }
    rawValue = text
  }

  /// The commune-level unit `code` of a unit list (its rules are a commune code's).
  public init(_ code: UnitCode) {
    rawValue = code.rawValue
  }

  /// The same code as a unit code, to look the commune up in a ``UnitHierarchy``.
  public var unitCode: UnitCode { UnitCode(self) }
}

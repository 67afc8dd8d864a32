/// An administrative code (Decision 124/2004/QĐ-TTg): 2 digits for a province, 3 for a district,
/// 5 for a commune, ward or special zone.
///
/// A code names a results file (`Results/03637.sqlite`), so it is only ever made of the ASCII digits
/// 0-9: anything else (`../../x`, full-width digits, an empty string) is refused before it can
/// become part of a path.
public struct UnitCode: DigitCode {
  /// The code as written, leading zeros included ("03637").
  public let rawValue: String

  /// The longest code accepted; real codes have at most 5 digits.
  public static let maximumLength = 12

  /// A code from its text; throws ``UnitsError/invalidCode(_:)`` unless it is 1 to 12 ASCII digits.
  public init(_ text: String) throws {
    guard Self.isValid(text) else { throw UnitsError.invalidCode(text) }
    rawValue = text
  }

  /// A commune's code as a unit code, to look it up in a ``UnitHierarchy``.
  public init(_ commune: CommuneCode) {
    rawValue = commune.rawValue
  }

  /// Whether `text` is 1 to 12 ASCII digits.
  public static func isValid(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.count <= maximumLength && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
  }
}

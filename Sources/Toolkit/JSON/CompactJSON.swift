import Foundation

/// Compact JSON written straight into bytes, as Foundation's `JSONEncoder` writes it: no
/// spaces, keys in the order written (in the order of their bytes, they are what `.sortedKeys`
/// gives), `/` escaped as `\/`, `"` and `\` escaped,
/// control characters as `\b`, `\t`, `\n`, `\f`, `\r` or `\u00xx`, everything else as its UTF-8;
/// whole numbers without a fraction, other numbers as Swift prints them; a number that is not
/// finite throws, as `JSONEncoder` does. For documents written in bulk (a sync batch of
/// thousands of answers), where `JSONEncoder`'s boxing of every value costs more than the
/// writing.
///
/// ```swift
/// var json = CompactJSON()
/// try json.object { json in
///   json.field("name", "Lò Thị Hằng")
///   try json.field("score", 0.5)
/// }
/// json.bytes  // {"name":"Lò Thị Hằng","score":0.5}
/// ```
public struct CompactJSON: Sendable {
  /// What was written so far.
  public private(set) var bytes: [UInt8] = []
  /// Whether the next value is the first of its object or array (or follows its key): no comma.
  private var first = true

  /// An empty document, room made for `capacity` bytes.
  public init(capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  // MARK: - Values

  /// An object: its fields are what `body` writes.
  public mutating func object(_ body: (inout CompactJSON) throws -> Void) rethrows {
    open(0x7B)
    try body(&self)
    close(0x7D)
  }

  /// An array of `elements`, each written by `body`.
  public mutating func array<Elements: Sequence>(
    _ elements: Elements, _ body: (inout CompactJSON, Elements.Element) throws -> Void
  ) rethrows {
    open(0x5B)
    for element in elements { try body(&self, element) }
    close(0x5D)
  }

  /// A string.
  public mutating func value(_ text: String) {
    separate()
    writeString(text)
  }

  /// An integer.
  public mutating func value(_ number: Int64) {
    separate()
    bytes.append(contentsOf: String(number).utf8)
  }

  /// A number; throws `EncodingError.invalidValue` for infinity and NaN.
  public mutating func value(_ number: Double) throws {
    guard number.isFinite else { throw JSONBytes.notFinite(number, codingPath: []) }
    separate()
    bytes.append(contentsOf: JSONBytes.numberText(number.description).utf8)
  }

  /// `true` or `false`.
  public mutating func value(_ flag: Bool) {
    separate()
    bytes.append(contentsOf: flag ? Self.trueBytes : Self.falseBytes)
  }

  // MARK: - Fields of an object

  /// The key of the next value.
  public mutating func key(_ name: String) {
    separate()
    writeString(name)
    bytes.append(0x3A)
    first = true
  }

  /// A string field.
  public mutating func field(_ name: String, _ text: String) {
    key(name)
    value(text)
  }

  /// A string field, left out when nil (as `JSONEncoder` leaves out an optional).
  public mutating func field(_ name: String, _ text: String?) {
    guard let text else { return }
    field(name, text)
  }

  /// An integer field.
  public mutating func field(_ name: String, _ number: Int64) {
    key(name)
    value(number)
  }

  /// An integer field.
  public mutating func field(_ name: String, _ number: Int) {
    field(name, Int64(number))
  }

  /// A number field.
  public mutating func field(_ name: String, _ number: Double) throws {
    key(name)
    try value(number)
  }

  /// A number field, left out when nil.
  public mutating func field(_ name: String, _ number: Double?) throws {
    guard let number else { return }
    try field(name, number)
  }

  /// A `true` or `false` field.
  public mutating func field(_ name: String, _ flag: Bool) {
    key(name)
    value(flag)
  }

  /// A field holding an array of strings.
  public mutating func field(_ name: String, _ texts: [String]) {
    key(name)
    array(texts) { $0.value($1) }
  }

  // MARK: - Writing

  private static let trueBytes = Array("true".utf8)
  private static let falseBytes = Array("false".utf8)

  private mutating func separate() {
    if !first { bytes.append(0x2C) }
    first = false
  }

  private mutating func open(_ bracket: UInt8) {
    separate()
    bytes.append(bracket)
    first = true
  }

  private mutating func close(_ bracket: UInt8) {
    bytes.append(bracket)
    first = false
  }

  /// `text` in quotes, escaped as `JSONEncoder` escapes it (`/` too).
  private mutating func writeString(_ text: String) {
    JSONBytes.appendString(text, escapingSlashes: true, to: &bytes)
  }
}

import Foundation
import Testing
import Toolkit

/// `CompactJSON` writes what `JSONEncoder` writes for the same values: the same escapes, the
/// same numbers, keys in the same order (sorted); and refuses what it refuses.
@Suite struct CompactJSONTests {
  struct Row: Encodable {
    var text: String
    var optional: String?
    var number: Double
    var integer: Int64
    var flag: Bool
    var list: [String]
    var maybe: Double?
  }

  /// JSONEncoder's bytes, keys sorted (without, their order changes from run to run).
  static func encoded(_ value: some Encodable) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return Array(try encoder.encode(value))
  }

  /// The row's fields in the order of their keys' bytes.
  static func write(_ row: Row) throws -> [UInt8] {
    var json = CompactJSON()
    try json.object { json in
      json.field("flag", row.flag)
      json.field("integer", row.integer)
      json.field("list", row.list)
      try json.field("maybe", row.maybe)
      try json.field("number", row.number)
      json.field("optional", row.optional)
      json.field("text", row.text)
    }
    return json.bytes
  }

  /// Text of the pieces that need care: Vietnamese letters (composed and not), quotes,
  /// backslashes, slashes, every control character, DEL, an emoji, line and paragraph separators.
  static func text(_ generator: inout SystemRandomNumberGenerator) -> String {
    let pieces =
      [
        "Lò Thị Hằng", "Nguyễn", "e\u{0301}", "\"", "\\", "/", "\u{7F}", "🇻🇳", "\u{2028}", "\u{2029}", " ",
        "a",
      ]
      + (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
    return (0..<Int.random(in: 0..<12, using: &generator)).map { _ in
      pieces.randomElement(using: &generator) ?? ""
    }.joined()
  }

  static let numbers: [Double] = [
    0, -0.0, 1, -1, 0.5, 0.1, 1.0 / 3, 2.5e-7, 1e-7, 1e15, 1e16, 1.5e16, 1e21, 123_456_789.123, 3.5, 100,
    .ulpOfOne, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, -1e300, 65_536,
  ]

  @Test func itWritesWhatJSONEncoderWrites() throws {
    var generator = SystemRandomNumberGenerator()
    for index in 0..<2_000 {
      let number =
        index < Self.numbers.count
        ? Self.numbers[index] : Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator))
      guard number.isFinite else { continue }
      let row = Row(
        text: Self.text(&generator), optional: Bool.random(using: &generator) ? Self.text(&generator) : nil,
        number: number, integer: Int64.random(in: .min ... .max, using: &generator),
        flag: Bool.random(using: &generator),
        list: (0..<Int.random(in: 0..<4, using: &generator)).map { _ in Self.text(&generator) },
        maybe: Bool.random(using: &generator) ? Double(Int.random(in: -5...5, using: &generator)) / 4 : nil)
      let expected = try Self.encoded(row)
      #expect(try Self.write(row) == expected, "\(String(decoding: expected, as: UTF8.self))")
    }
    for integer in [Int64.min, .max, 0, -1] {
      let row = Row(text: "", number: 0, integer: integer, flag: false, list: [])
      #expect(try Self.write(row) == Self.encoded(row))
    }
  }

  @Test func aNumberThatIsNotFiniteThrowsAsJSONEncoderDoes() {
    for number in [Double.nan, .infinity, -.infinity] {
      let row = Row(text: "", number: number, integer: 0, flag: true, list: [])
      #expect(throws: EncodingError.self) { try JSONEncoder().encode(row) }
      #expect(throws: EncodingError.self) { try Self.write(row) }
      var json = CompactJSON()
      #expect(throws: EncodingError.self) { try json.array([1.0, number]) { try $0.value($1) } }
    }
  }

  @Test func arraysAndNestedObjectsTakeTheirCommas() throws {
    var json = CompactJSON()
    try json.object { json in
      json.key("rows")
      try json.array([1.0, 2.5]) { json, number in
        try json.object { try $0.field("n", number) }
      }
      json.field("empty", [])
      json.key("none")
      json.array([String]()) { $0.value($1) }
    }
    #expect(
      String(decoding: json.bytes, as: UTF8.self) == #"{"rows":[{"n":1},{"n":2.5}],"empty":[],"none":[]}"#)
  }
}

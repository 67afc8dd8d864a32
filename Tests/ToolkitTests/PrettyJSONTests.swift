import Foundation
import Testing
import Toolkit

/// PrettyJSON writes what `JSONEncoder` writes with the options of papi-train's documents.
@Suite struct PrettyJSONTests {
  private var foundation: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
  }

  private func expectSame(_ value: some Encodable, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let expected = String(decoding: try foundation.encode(value), as: UTF8.self)
    #expect(try PrettyJSON.string(value) == expected, sourceLocation: sourceLocation)
  }

  struct Document: Encodable {
    enum Kind: String, Encodable { case weak, adequate }

    struct Nested: Encodable {
      var code: String
      var score: Double?
      var counts: [Int]
      var flags: Set<String>

      enum CodingKeys: String, CodingKey { case code, score, counts }

      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encodeIfPresent(score, forKey: .score)
        var counts = container.nestedUnkeyedContainer(forKey: .counts)
        for count in self.counts { try counts.encode(count) }
      }
    }

    var schema = "papi-train.test/1"
    var generatedAt: Date
    var kind: Kind
    var averages: [String: Double?]
    var nested: [Nested]
    var empty: [String] = []
    var none: [String: Int] = [:]
    var flag = true
    var small: Int8 = -7
    var large: UInt64 = .max
    var ratio: Float = 0.1
    var nothing: String? = nil
    var url = URL(string: "https://example.org/a/b?c=d")!
    var bytes = Data([0, 1, 2, 250])
  }

  @Test func writesADocumentAsJSONEncoderDoes() throws {
    let document = Document(
      generatedAt: Date(timeIntervalSince1970: 1_700_000_000.75), kind: .weak,
      averages: [
        "D1": 0.5, "D10": nil, "D2": 1, "a9": 1e-7, "B": 2.5e15, "_x": -0.0, "é": 1e22, "e": 0.1 + 0.2,
      ],
      nested: [
        Document.Nested(code: "D1.1", score: nil, counts: [], flags: []),
        Document.Nested(code: "Xã Sìn Hồ", score: 0.123456789, counts: [1, -2, 3], flags: ["a"]),
      ])
    try expectSame(document)
  }

  @Test func writesTextsAsJSONEncoderDoes() throws {
    let controls = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
    for text in [
      "", "plain", "quote \" and backslash \\ and slash /", controls, "\u{7F}\u{2028}\u{2029}",
      "Ủy ban nhân dân xã", "e\u{301} combining", "emoji 🇻🇳", "<script>&'",
    ] {
      try expectSame(text)
      try expectSame([text: [text]])
    }
  }

  @Test func writesNumbersAsJSONEncoderDoes() throws {
    var generator = SystemRandomNumberGenerator()
    var numbers: [Double] = [
      0, -0.0, 1, -1, 0.1, 1.5, 100, 1e15, 1e16, 1e17, 9_007_199_254_740_992, 1e-4, 1e-5, 123.456e-10,
      .pi, .greatestFiniteMagnitude, .leastNonzeroMagnitude, .leastNormalMagnitude, 4_503_599_627_370_496.5,
    ]
    for _ in 0..<2_000 {
      let bits = UInt64.random(in: 0...UInt64.max, using: &generator)
      let value = Double(bitPattern: bits)
      if value.isFinite { numbers.append(value) }
      numbers.append(Double.random(in: -1_000...1_000, using: &generator))
    }
    try expectSame(numbers)
    try expectSame([Int.min, Int.max, 0, -1])
    try expectSame([Float(0.1), 3.4e38, .leastNonzeroMagnitude])
  }

  @Test func writesEmptyAndNestedContainersAsJSONEncoderDoes() throws {
    try expectSame([String]())
    try expectSame([String: Int]())
    try expectSame([[[Int]]]([[[]], [[1]], []]))
    try expectSame([1: "one", 2: "two"])
    try expectSame(["a": ["b": ["c": [String: Int]()]]])
  }

  @Test func aNumberThatIsNotFiniteThrowsAsJSONEncoderDoes() {
    for value in [Double.nan, .infinity, -.infinity] {
      #expect(throws: EncodingError.self) { try foundation.encode(["x": value]) }
      #expect(throws: EncodingError.self) { try PrettyJSON.encode(["x": value]) }
    }
  }
}

extension PrettyJSON {
  /// Writes nodes as `JSONEncoder`'s pretty printer does: two spaces a level, `"key" : value`,
  /// keys in the order of their UTF-8 bytes, an empty array or object as an empty line between
  /// its brackets.
  struct Writer {
    var bytes: [UInt8] = []

    mutating func write(_ node: Node, indent: Int) {
      switch node {
      case .string(let text): write(string: text)
      case .number(let text): bytes.append(contentsOf: text.utf8)
      case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
      case .null: bytes.append(contentsOf: "null".utf8)
      case .object(let fields): write(fields, indent: indent)
      case .array(let items): write(items, indent: indent)
      }
    }

    private mutating func write(_ fields: Fields, indent: Int) {
      let keys = fields.keys
      bytes.append(UInt8(ascii: "{"))
      for (position, index) in Self.byteOrder(keys).enumerated() {
        startItem(first: position == 0, indent: indent + 2)
        write(string: keys[index])
        bytes.append(contentsOf: " : ".utf8)
        write(fields.values[index], indent: indent + 2)
      }
      close(UInt8(ascii: "}"), indent: indent, empty: keys.isEmpty)
    }

    /// The positions of `keys` in the order of their UTF-8 bytes; most types encode their keys in
    /// that order already, and are not sorted again.
    private static func byteOrder(_ keys: [String]) -> [Int] {
      let inOrder = zip(keys, keys.dropFirst()).allSatisfy { !$1.utf8.lexicographicallyPrecedes($0.utf8) }
      guard !inOrder else { return Array(keys.indices) }
      return keys.indices.sorted { keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) }
    }

    private mutating func write(_ items: Items, indent: Int) {
      bytes.append(UInt8(ascii: "["))
      for (position, item) in items.values.enumerated() {
        startItem(first: position == 0, indent: indent + 2)
        write(item, indent: indent + 2)
      }
      close(UInt8(ascii: "]"), indent: indent, empty: items.values.isEmpty)
    }

    /// A comma after the item before, then a new line indented by `indent`.
    private mutating func startItem(first: Bool, indent: Int) {
      if !first { bytes.append(UInt8(ascii: ",")) }
      bytes.append(0x0A)
      space(indent)
    }

    private mutating func close(_ bracket: UInt8, indent: Int, empty: Bool) {
      bytes.append(0x0A)
      if empty { bytes.append(0x0A) }
      space(indent)
      bytes.append(bracket)
    }

    private mutating func space(_ count: Int) {
      bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// A string in quotes, escaped as `JSONEncoder` escapes it without escaping slashes.
    mutating func write(string text: String) {
      JSONBytes.appendString(text, escapingSlashes: false, to: &bytes)
    }
  }
}

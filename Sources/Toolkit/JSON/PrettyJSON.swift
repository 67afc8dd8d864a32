import Foundation

/// Writes an `Encodable` value as the JSON that Foundation's `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and `.iso8601` dates, byte for byte,
/// in a fraction of its time: the documents papi-train prints for scripts (readiness over a
/// province's thousand communes, a class export) are large, and `JSONEncoder` spent most of their
/// time in its generic containers.
///
/// The value is encoded into a small tree (``PrettyJSON/Node``), which is then written with keys in
/// the order of their UTF-8 bytes, two spaces a level, `"key" : value`, as `JSONEncoder` does.
/// Numbers are written as `JSONEncoder` writes them (a `Double` as its `description`, without a
/// trailing `.0`); a number that is not finite throws `EncodingError.invalidValue`, as it does.
public enum PrettyJSON {
  /// The JSON of `value`, as UTF-8 bytes.
  public static func encode(_ value: some Encodable) throws -> [UInt8] {
    let node = try Node.of(value, path: .root)
    var writer = Writer()
    writer.write(node, indent: 0)
    return writer.bytes
  }

  /// The JSON of `value`, as a string.
  public static func string(_ value: some Encodable) throws -> String {
    String(decoding: try encode(value), as: UTF8.self)
  }

  /// A value once encoded: what the writer writes.
  enum Node {
    case string(String)
    /// A number, already in its written form.
    case number(String)
    case bool(Bool)
    case null
    case object(Fields)
    case array(Items)

    /// The node of `value`: texts, numbers and dates directly (told by their type, not by casts
    /// that would be tried in turn), anything else by its `encode(to:)`.
    static func of<T: Encodable>(_ value: T, path: @autoclosure () -> CodingPath) throws -> Node {
      if T.self == String.self { return .string(value as! String) }
      if T.self == Double.self { return try .double(value as! Double, path: path()) }
      if T.self == Int.self { return .number(String(value as! Int)) }
      if T.self == Bool.self { return .bool(value as! Bool) }
      if T.self == Date.self { return .string((value as! Date).formatted(.iso8601)) }
      if T.self == URL.self { return .string((value as! URL).absoluteString) }
      if T.self == Data.self { return .string((value as! Data).base64EncodedString()) }
      let encoder = TreeEncoder(path: path())
      try value.encode(to: encoder)
      return encoder.node ?? .object(Fields())
    }

    /// A `Double` as `JSONEncoder` writes it.
    static func double(_ value: Double, path: @autoclosure () -> CodingPath) throws -> Node {
      guard value.isFinite else { throw JSONBytes.notFinite(value, codingPath: path().keys) }
      return .number(JSONBytes.numberText(value.description))
    }

    /// A `Float` as `JSONEncoder` writes it.
    static func float(_ value: Float, path: @autoclosure () -> CodingPath) throws -> Node {
      guard value.isFinite else { throw JSONBytes.notFinite(value, codingPath: path().keys) }
      return .number(JSONBytes.numberText(value.description))
    }
  }

  /// An object's fields in the order they were encoded, filled by a keyed container (a class:
  /// nested containers fill it later). A key encoded again replaces its value, as in `JSONEncoder`.
  final class Fields {
    var keys: [String] = []
    var values: [Node] = []

    func set(_ key: String, _ value: Node) {
      if let index = keys.firstIndex(of: key) {
        values[index] = value
      } else {
        keys.append(key)
        values.append(value)
      }
    }
  }

  /// Where a value is in the document: made as values are encoded, read only when an error
  /// names it (an array of keys per value would cost more than the rest of the encoding).
  indirect enum CodingPath {
    case root
    case key(any CodingKey, in: CodingPath)

    /// The path's keys, from the document's root.
    var keys: [any CodingKey] {
      var keys: [any CodingKey] = []
      var path = self
      while case .key(let key, let parent) = path {
        keys.append(key)
        path = parent
      }
      return keys.reversed()
    }

    func appending(_ key: some CodingKey) -> CodingPath { .key(key, in: self) }
  }

  /// An array's items, filled by an unkeyed container.
  final class Items {
    var values: [Node] = []
  }
}

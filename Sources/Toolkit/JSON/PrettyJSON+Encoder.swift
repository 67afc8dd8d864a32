import Foundation

extension PrettyJSON {
  /// The `Encoder` a value encodes itself to: it leaves the value's ``Node``.
  final class TreeEncoder: Encoder {
    let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var node: Node?

    init(path: CodingPath) {
      self.path = path
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
      let fields: Fields
      if case .object(let existing)? = node {
        fields = existing
      } else {
        fields = Fields()
        node = .object(fields)
      }
      return KeyedEncodingContainer(KeyedContainer<Key>(fields: fields, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
      let items: Items
      if case .array(let existing)? = node {
        items = existing
      } else {
        items = Items()
        node = .array(items)
      }
      return UnkeyedContainer(items: items, path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
      SingleValueContainer(encoder: self)
    }
  }

  /// A key of an array's item in a coding path.
  struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
  }

  struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let fields: Fields
    let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }

    mutating func encodeNil(forKey key: Key) throws {
      fields.set(key.stringValue, .null)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
      fields.set(key.stringValue, .string(value))
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
      fields.set(key.stringValue, .bool(value))
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
      fields.set(key.stringValue, .number(String(value)))
    }

    mutating func encode(_ value: Int8, forKey key: Key) throws {
      fields.set(key.stringValue, .number(String(value)))
    }
    mutating func encode(_ value: Int16, forKey key: Key) throws {
      fields.set(key.stringValue, .number(String(value)))
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
      fields.set(key.stringValue, .number(String(value)))
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
      fields.set(key.stringValue, .number(String(value)))
    }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
      fields.set(key.stringValue, .number(String(value)))
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
      fields.set(key.stringValue, .number(String(value)))
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
      fields.set(key.stringValue, .number(String(value)))
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
      fields.set(key.stringValue, .number(String(value)))
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
      fields.set(key.stringValue, .number(String(value)))
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
      fields.set(key.stringValue, try .double(value, path: path.appending(key)))
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
      fields.set(key.stringValue, try .float(value, path: path.appending(key)))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
      fields.set(key.stringValue, try .of(value, path: path.appending(key)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
      -> KeyedEncodingContainer<NestedKey>
    {
      let nested = Fields()
      fields.set(key.stringValue, .object(nested))
      return KeyedEncodingContainer(KeyedContainer<NestedKey>(fields: nested, path: path.appending(key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
      let nested = Items()
      fields.set(key.stringValue, .array(nested))
      return UnkeyedContainer(items: nested, path: path.appending(key))
    }

    mutating func superEncoder() -> any Encoder {
      let fields = self.fields
      return DeferredEncoder(path: path) { fields.set("super", $0) }
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
      let fields = self.fields
      return DeferredEncoder(path: path.appending(key)) { fields.set(key.stringValue, $0) }
    }
  }

  struct UnkeyedContainer: UnkeyedEncodingContainer {
    let items: Items
    let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }
    var count: Int { items.values.count }

    private var nextPath: CodingPath { path.appending(IndexKey(count)) }

    mutating func encodeNil() throws { items.values.append(.null) }
    mutating func encode(_ value: String) throws { items.values.append(.string(value)) }
    mutating func encode(_ value: Bool) throws { items.values.append(.bool(value)) }
    mutating func encode(_ value: Int) throws { items.values.append(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { items.values.append(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { items.values.append(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { items.values.append(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { items.values.append(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { items.values.append(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { items.values.append(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { items.values.append(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { items.values.append(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { items.values.append(.number(String(value))) }
    mutating func encode(_ value: Double) throws { items.values.append(try .double(value, path: nextPath)) }
    mutating func encode(_ value: Float) throws { items.values.append(try .float(value, path: nextPath)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
      items.values.append(try .of(value, path: nextPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
      -> KeyedEncodingContainer<NestedKey>
    {
      let nested = Fields()
      let path = nextPath
      items.values.append(.object(nested))
      return KeyedEncodingContainer(KeyedContainer<NestedKey>(fields: nested, path: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
      let nested = Items()
      let path = nextPath
      items.values.append(.array(nested))
      return UnkeyedContainer(items: nested, path: path)
    }

    mutating func superEncoder() -> any Encoder {
      let items = self.items
      let index = items.values.count
      items.values.append(.null)
      return DeferredEncoder(path: nextPath) { items.values[index] = $0 }
    }
  }

  struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    private var path: CodingPath { encoder.path }

    mutating func encodeNil() throws { encoder.node = .null }
    mutating func encode(_ value: String) throws { encoder.node = .string(value) }
    mutating func encode(_ value: Bool) throws { encoder.node = .bool(value) }
    mutating func encode(_ value: Int) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: Double) throws { encoder.node = try .double(value, path: path) }
    mutating func encode(_ value: Float) throws { encoder.node = try .float(value, path: path) }

    mutating func encode<T: Encodable>(_ value: T) throws {
      encoder.node = try .of(value, path: path)
    }
  }

  /// A super encoder: what is encoded to it is stored where it belongs when it is done with.
  final class DeferredEncoder: Encoder {
    private let tree: TreeEncoder
    private let store: (Node) -> Void
    var codingPath: [any CodingKey] { tree.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(path: CodingPath, store: @escaping (Node) -> Void) {
      tree = TreeEncoder(path: path)
      self.store = store
    }

    deinit { store(tree.node ?? .object(Fields())) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
      tree.container(keyedBy: type)
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { tree.unkeyedContainer() }
    func singleValueContainer() -> any SingleValueEncodingContainer { tree.singleValueContainer() }
  }
}

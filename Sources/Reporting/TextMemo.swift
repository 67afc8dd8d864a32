import Foundation
import VietnameseText

/// A text compared and hashed by its UTF-8 bytes, without the canonical equivalence `String`'s
/// own `==` and hash work out (which normalises non-ASCII text on every hash). Two spellings of
/// one text are two keys here: the writers normalise each once, which is all a memo needs.
struct TextKey: Hashable {
  let text: String

  static func == (lhs: TextKey, rhs: TextKey) -> Bool {
    let count = lhs.text.utf8.count
    guard count == rhs.text.utf8.count else { return false }
    return lhs.text.withUTF8Bytes { left in
      rhs.text.withUTF8Bytes { right in
        count == 0 || memcmp(left.baseAddress!, right.baseAddress!, count) == 0
      }
    }
  }

  func hash(into hasher: inout Hasher) {
    text.withUTF8Bytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}

extension String {
  /// `body` over the text's UTF-8 bytes, contiguous (copied only when the string is not).
  func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
    return ContiguousArray(utf8).withUnsafeBufferPointer(body)
  }
}

/// What a writer has already encoded, column by column: a table repeats the same texts (a
/// question's text on every answer to it, an official's name on every answer they gave), and
/// each distinct text is encoded once.
///
/// Two levels: texts recently seen in the column, recognised by their storage in O(1) (a row of
/// an answer table shares its official's, its attempt's and its question's strings with other
/// rows: a small table by storage address, each entry holding its string so the address cannot
/// be reused for another text while it is there); then a table of texts by their bytes. The CSV
/// writer keeps a table per column and gives it up for a column whose texts hardly repeat
/// (times, ids), where it would only cost memory; the XLSX writer keeps one table for every text
/// (its shared strings).
struct TextMemo<Value> {
  private struct Last {
    var text: String
    var address: UnsafeRawPointer
    var value: Value
  }

  private struct Lookup {
    var table: [TextKey: Value] = [:]
    var enabled = true
    var hits = 0
    var misses = 0
  }

  /// Per column, texts seen by storage address: entry `address / 16 % recentSlots`.
  private var recents: [[Last?]] = []
  private var lookups: [Lookup] = []
  /// One table for all columns, kept whatever its hits.
  private let shared: Bool

  init(shared: Bool = false) { self.shared = shared }

  /// A string stored at least this long is never kept inline in the `String` itself (inline
  /// strings hold at most 15 bytes), so its storage address identifies it while it is alive.
  private static var shortest: Int { 16 }

  private static func address(of text: String) -> UnsafeRawPointer? {
    guard text.utf8.count >= shortest else { return nil }
    return text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
  }

  /// How many texts a column recognises by address (a power of two).
  private static var recentSlots: Int { 512 }

  private static func slot(of address: UnsafeRawPointer) -> Int {
    Int(truncatingIfNeeded: UInt(bitPattern: address) >> 4) & (recentSlots - 1)
  }

  private mutating func make(_ column: Int) -> Int {
    while recents.count <= column { recents.append([]) }
    let lookup = shared ? 0 : column
    while lookups.count <= lookup { lookups.append(Lookup()) }
    return lookup
  }

  /// The value stored for `text` in `column`, if any.
  mutating func value(for text: String, column: Int) -> Value? {
    let index = make(column)
    let address = Self.address(of: text)
    if let address, let last = recents[column].isEmpty ? nil : recents[column][Self.slot(of: address)],
      last.address == address, last.text.utf8.count == text.utf8.count
    {
      return last.value
    }
    guard lookups[index].enabled else { return nil }
    guard let found = lookups[index].table[TextKey(text: text)] else {
      lookups[index].misses += 1
      if !shared, lookups[index].misses >= 2048, lookups[index].misses > 4 * lookups[index].hits {
        lookups[index].enabled = false
        lookups[index].table = [:]
      }
      return nil
    }
    lookups[index].hits += 1
    if let address { remember(text, at: address, value: found, column: column) }
    return found
  }

  private mutating func remember(_ text: String, at address: UnsafeRawPointer, value: Value, column: Int) {
    if recents[column].isEmpty { recents[column] = Array(repeating: nil, count: Self.recentSlots) }
    recents[column][Self.slot(of: address)] = Last(text: text, address: address, value: value)
  }

  /// Remembers `value` for `text` in `column` (after ``value(for:column:)`` found none).
  mutating func store(_ value: Value, for text: String, column: Int) {
    let index = make(column)
    if let address = Self.address(of: text) { remember(text, at: address, value: value, column: column) }
    if lookups[index].enabled { lookups[index].table[TextKey(text: text)] = value }
  }
}

/// Numbers written as the writers write them, straight into bytes.
enum NumberText {
  /// A number without a needless ".0", with up to 6 decimals: `String(format: "%.6f")` with the
  /// trailing zeros removed, which stays the reference for the rare values the fast path leaves
  /// to it (ties after scaling, very large or tiny values, non-finite ones).
  static func append(_ value: Double, to bytes: inout [UInt8]) {
    if value.rounded() == value, abs(value) < 1e15 {
      appendInteger(Int64(value), to: &bytes)
      return
    }
    if value.isFinite, abs(value) < 1e9 {
      // |value × 10⁶| < 10¹⁵ < 2⁵⁰, so the product is within 1/16 of the exact one: away from a
      // tie it rounds to the integer printf's correctly rounded "%.6f" shows.
      let scaled = value * 1e6
      let rounded = scaled.rounded()
      let units = Int64(abs(rounded))
      if abs(scaled - rounded) < 0.4, units % 1_000_000 != 0 {
        if value < 0 { bytes.append(0x2D) }
        appendInteger(units / 1_000_000, to: &bytes)
        bytes.append(0x2E)
        var fraction = units % 1_000_000
        var digits = 6
        while fraction % 10 == 0 {
          fraction /= 10
          digits -= 1
        }
        let start = bytes.count
        for _ in 0..<digits {
          bytes.append(UInt8(truncatingIfNeeded: 0x30 + fraction % 10))
          fraction /= 10
        }
        bytes[start...].reverse()
        return
      }
    }
    bytes += formatted(value).utf8
  }

  /// The reference: `%.6f` without trailing zeros, and without a dot left bare (1.9999999 is
  /// `2`, not `2.`; -0.0000001 is `0`, not `-0.`).
  static func formatted(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
    var text = String(format: "%.6f", value)
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }

  static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(0x2D) }
    var magnitude = value.magnitude
    let start = bytes.count
    repeat {
      bytes.append(UInt8(truncatingIfNeeded: 0x30 + magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    bytes[start...].reverse()
  }
}

extension [UInt8] {
  /// Appends static text's bytes (without the retain that appending another array costs).
  mutating func append(_ text: StaticString) {
    append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Appends a copy of bytes already in the array (a memo hit), without the copy of the whole
  /// array that appending a slice of itself would make.
  mutating func appendCopy(of range: Range<Int>) {
    let start = count
    append(contentsOf: repeatElement(0, count: range.count))
    withUnsafeMutableBufferPointer { buffer in
      let base = buffer.baseAddress!
      (base + start).update(from: base + range.lowerBound, count: range.count)
    }
  }
}

import Foundation
import VietnameseText

/// A text compared and hashed by its UTF-8 bytes, without the canonical equivalence `String`'s
/// own `==` and hash work out (which normalises non-ASCII text on every hash). Two spellings of
/// one text are two keys here: the writers normalise each once, which is all a memo needs.
///
/// The bytes are hashed once, when the key is made: a table's lookups and insertions then hash the
/// stored value alone.
struct TextKey: Hashable {
  let text: String
  private let bytesHash: Int

  init(text: String) {
    self.text = text
    var hasher = Hasher()
    text.withUTF8Bytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    bytesHash = hasher.finalize()
  }

  static func == (lhs: TextKey, rhs: TextKey) -> Bool {
    guard lhs.bytesHash == rhs.bytesHash else { return false }
    let count = lhs.text.utf8.count
    guard count == rhs.text.utf8.count else { return false }
    return lhs.text.withUTF8Bytes { left in
      rhs.text.withUTF8Bytes { right in
        count == 0 || memcmp(left.baseAddress!, right.baseAddress!, count) == 0
      }
    }
  }

  func hash(into hasher: inout Hasher) { hasher.combine(bytesHash) }
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
/// Two levels: texts recently seen in the column, recognised in O(1) by the `String` value's own
/// 16 bytes (a row of an answer table shares its official's, its attempt's and its question's
/// strings with other rows); then a table of texts by their bytes. The CSV writer keeps a table
/// per column and gives it up for a column whose texts hardly repeat (times, ids), where it would
/// only cost memory; the XLSX writer keeps one table for every text (its shared strings).
struct TextMemo<Value> {
  private struct Lookup {
    var table: [TextKey: Value] = [:]
    var enabled = true
    var hits = 0
    var misses = 0
  }

  /// Texts seen by their bits: column `c`'s are entries `c * recentSlots + slot`, where `slot`
  /// is ``StringBits/slot(among:)``. Kept in three arrays, so that a lookup compares bits and
  /// reads a value without retaining the text.
  private var recentBits: [StringBits] = []
  private var recentValues: [Value?] = []
  /// Held so that their storage, which the bits point to, cannot be freed and reused for another
  /// text while the entry is there.
  private var recentTexts: [String] = []
  /// How many columns have their entries.
  private var columns = 0
  private var lookups: [Lookup] = []
  /// One table for all columns, kept whatever its hits.
  private let shared: Bool
  /// The key of the text last looked up and not found: storing it next does not hash it again.
  private var lastMiss: (bits: StringBits, key: TextKey)?

  init(shared: Bool = false) { self.shared = shared }

  /// How many texts a column recognises by their bits (a power of two).
  private static var recentSlots: Int { 2048 }

  /// The lookup table of `column`, made with the column's entries when first met.
  private mutating func make(_ column: Int) -> Int {
    if column >= columns {
      let count = (column + 1 - columns) * Self.recentSlots
      recentBits += repeatElement(StringBits(low: 0, high: 0), count: count)
      recentValues += repeatElement(nil, count: count)
      recentTexts += repeatElement("", count: count)
      columns = column + 1
    }
    let lookup = shared ? 0 : column
    while lookups.count <= lookup { lookups.append(Lookup()) }
    return lookup
  }

  /// The value stored for `text` in `column`, if any.
  mutating func value(for text: String, column: Int) -> Value? {
    let index = make(column)
    let bits = StringBits(text)
    let recent = column * Self.recentSlots + bits.slot(among: Self.recentSlots)
    if recentBits[recent] == bits, let value = recentValues[recent] { return value }
    guard lookups[index].enabled else { return nil }
    let key = TextKey(text: text)
    guard let found = lookups[index].table[key] else {
      lastMiss = (bits, key)
      lookups[index].misses += 1
      if !shared, lookups[index].misses >= 2048, lookups[index].misses > 4 * lookups[index].hits {
        lookups[index].enabled = false
        lookups[index].table = [:]
      }
      return nil
    }
    lookups[index].hits += 1
    remember(text, bits: bits, value: found, column: column)
    return found
  }

  private mutating func remember(_ text: String, bits: StringBits, value: Value, column: Int) {
    let recent = column * Self.recentSlots + bits.slot(among: Self.recentSlots)
    recentBits[recent] = bits
    recentValues[recent] = value
    recentTexts[recent] = text
  }

  /// Remembers `value` for `text` in `column` (after ``value(for:column:)`` found none).
  mutating func store(_ value: Value, for text: String, column: Int) {
    let index = make(column)
    let bits = StringBits(text)
    remember(text, bits: bits, value: value, column: column)
    guard lookups[index].enabled else { return }
    let key = lastMiss.flatMap { $0.bits == bits ? $0.key : nil } ?? TextKey(text: text)
    lastMiss = nil
    lookups[index].table[key] = value
  }
}

/// A `String` value's 16 bytes: its characters for a text of up to 15 bytes (kept in the value
/// itself), else its length, flags and the address of its storage. Two strings with the same
/// bits hold the same text while the storage is alive (``TextMemo`` holds the string); two equal
/// texts may have different bits (then the memo's table by bytes finds them).
struct StringBits: Hashable {
  let low: UInt64
  let high: UInt64

  init(low: UInt64, high: UInt64) {
    self.low = low
    self.high = high
  }

  init(_ text: String) {
    (low, high) = unsafeBitCast(text, to: (UInt64, UInt64).self)
  }

  /// A slot in a table of `count` (a power of two): both words mixed by a multiplication.
  func slot(among count: Int) -> Int {
    let mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: mixed >> 40) & (count - 1)
  }
}

/// Numbers written as the writers write them, straight into bytes.
enum NumberText {
  /// A number without a needless ".0", with up to 6 decimals: `String(format: "%.6f")` with the
  /// trailing zeros removed, which stays the reference for the rare values the fast path leaves
  /// to it (ties after scaling, very large or tiny values, non-finite ones).
  static func append(_ value: Double, to bytes: inout [UInt8]) {
    guard fastPath(value) else {
      bytes += formatted(value).utf8
      return
    }
    bytes.appendWriting(atMost: longestFast) { write(value, to: &$0) }
  }

  /// The most bytes ``write(_:to:)`` writes.
  static let longestFast = 24

  /// Whether `value` is written without ``formatted(_:)``: whole numbers under 10¹⁵, and others
  /// under 10⁹ whose six decimals are not a tie after scaling.
  static func fastPath(_ value: Double) -> Bool {
    if value.rounded() == value, abs(value) < 1e15 { return true }
    guard value.isFinite, abs(value) < 1e9 else { return false }
    let scaled = value * 1e6
    let rounded = scaled.rounded()
    return abs(scaled - rounded) < 0.4 && Int64(abs(rounded)) % 1_000_000 != 0
  }

  /// Writes a value on the fast path (``fastPath(_:)``): at most ``longestFast`` bytes.
  static func write(_ value: Double, to cursor: inout ByteCursor) {
    if value.rounded() == value, abs(value) < 1e15 {
      cursor.putInteger(Int64(value))
      return
    }
    // |value × 10⁶| < 10¹⁵ < 2⁵⁰, so the product is within 1/16 of the exact one: away from a
    // tie it rounds to the integer printf's correctly rounded "%.6f" shows.
    let units = Int64(abs((value * 1e6).rounded()))
    if value < 0 { cursor.put(0x2D) }
    cursor.putInteger(units / 1_000_000)
    cursor.put(0x2E)
    var fraction = units % 1_000_000
    var digits = 6
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    cursor.putDigits(UInt64(fraction), count: digits)
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
    var count = 1
    var rest = value.magnitude / 10
    while rest > 0 {
      count += 1
      rest /= 10
    }
    appendDigits(value.magnitude, count: count, to: &bytes)
  }

  /// Appends the last `count` decimal digits of `value` (at most 20), leading zeros kept: made in
  /// a small buffer and appended at once (a CSV export writes half a million numbers).
  static func appendDigits(_ value: UInt64, count: Int, to bytes: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var rest = value
      for index in stride(from: count - 1, through: 0, by: -1) {
        digits[index] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
        rest /= 10
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[..<count]))
    }
  }
}

/// Bytes written through a pointer into room made ahead (a row's worth at a time,
/// ``Swift/Array/appendWriting(atMost:_:)``), without an array append per piece.
struct ByteCursor {
  let start: UnsafeMutablePointer<UInt8>
  /// How many bytes were written.
  private(set) var count = 0

  init(_ start: UnsafeMutablePointer<UInt8>) { self.start = start }

  mutating func put(_ byte: UInt8) {
    start[count] = byte
    count += 1
  }

  mutating func put(_ text: StaticString) {
    (start + count).update(from: text.utf8Start, count: text.utf8CodeUnitCount)
    count += text.utf8CodeUnitCount
  }

  mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress else { return }
    (start + count).update(from: base, count: bytes.count)
    count += bytes.count
  }

  /// A whole number (at most 20 bytes).
  mutating func putInteger(_ value: Int64) {
    if value < 0 { put(0x2D) }
    var digits = 1
    var rest = value.magnitude / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    putDigits(value.magnitude, count: digits)
  }

  /// The last `digits` decimal digits of `value`, leading zeros kept.
  mutating func putDigits(_ value: UInt64, count digits: Int) {
    var rest = value
    for index in stride(from: count + digits - 1, through: count, by: -1) {
      start[index] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
      rest /= 10
    }
    count += digits
  }
}

extension [UInt8] {
  /// Appends what `body` writes through a cursor, at most `bound` bytes: written in a buffer on
  /// the stack (when small) and appended at once, one copy of the bytes written.
  mutating func appendWriting(atMost bound: Int, _ body: (inout ByteCursor) -> Void) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound) { room in
      var cursor = ByteCursor(room.baseAddress!)
      body(&cursor)
      precondition(cursor.count <= bound, "wrote past the room made")
      append(contentsOf: UnsafeBufferPointer(rebasing: room[..<cursor.count]))
    }
  }

  /// Appends static text's bytes (without the retain that appending another array costs).
  mutating func append(_ text: StaticString) {
    append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Appends a copy of bytes already in the array (a memo hit), without the copy of the whole
  /// array that appending a slice of itself would make.
  mutating func appendCopy(of range: Range<Int>) {
    // Through a temporary buffer (on the stack when small): the array may move as it grows.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { copy in
      withUnsafeBufferPointer { bytes in
        _ = copy.initialize(fromContentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
      }
      append(contentsOf: UnsafeBufferPointer(copy))
    }
  }
}

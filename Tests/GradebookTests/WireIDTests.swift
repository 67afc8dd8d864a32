import Assessment
import Foundation
import Testing
import Toolkit

@testable import Gradebook
@testable import SyncProtocol

/// Ids and moments on the wire, written and read byte by byte: `WireID.uuid` accepts exactly
/// what a results file's `uuid` rule accepts (and reads the UUID Foundation reads), `WireID.text`
/// writes `uuidString`, `WireTime.text` writes what `String(format:)` wrote.
@Suite struct WireIDTests {
  /// A text near a UUID: either case, a digit replaced by a letter beyond `f`, a dash, a space,
  /// a sign or a non-ASCII letter, a byte more or less, braces.
  static func nearUUID(_ generator: inout SeededGenerator) -> String {
    func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &generator)] }
    var text = Array(UUID().uuidString)
    if Bool.random(using: &generator) { text = Array(String(text).lowercased()) }
    for _ in 0..<pick([0, 0, 1, 2]) {
      text[Int.random(in: 0..<text.count, using: &generator)] = pick([
        "g", "G", "-", "0", "é", " ", "+", "F", "a", "/",
      ])
    }
    switch Int.random(in: 0..<10, using: &generator) {
    case 0: text.append("0")
    case 1: text.removeLast()
    case 2: text = ["{"] + text + ["}"]
    default: break
    }
    return String(text)
  }

  @Test func anIDIsReadExactlyWhenTheResultsRuleAcceptsIt() {
    var generator = SeededGenerator(seed: 21)
    var accepted = 0
    for _ in 0..<20_000 {
      let text = Self.nearUUID(&generator)
      let read = WireID.uuid(text)
      #expect((read != nil) == ColumnRule.isUUID(text), "\(text)")
      #expect((read != nil) == ColumnRule.uuid.accepts(.text(text)), "\(text)")
      if let read {
        #expect(read == UUID(uuidString: text), "\(text)")
        accepted += 1
      }
    }
    #expect(accepted > 5_000 && accepted < 18_000, "\(accepted)")
    for text in ["", "not a uuid", String(repeating: "0", count: 36), "00000000-0000-0000-0000-00000000000"] {
      #expect(WireID.uuid(text) == nil)
    }
  }

  @Test func anIDIsWrittenAsUUIDStringWritesIt() {
    for _ in 0..<10_000 {
      let uuid = UUID()
      #expect(WireID.text(uuid) == uuid.uuidString)
      #expect(WireID.uuid(WireID.text(uuid)) == uuid)
    }
    let edges = [
      UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
      UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)),
    ]
    for uuid in edges { #expect(WireID.text(uuid) == uuid.uuidString) }
  }

  /// `WireTime.text` as it was written with a format string.
  static func formatted(_ date: Date) -> String {
    let milliseconds = Int64((date.timeIntervalSince1970 * 1_000).rounded())
    let (days, into) = Day.split(millisecondsSince1970: milliseconds)
    let secondOfDay = Int(into / 1_000)
    return Day(daysSince1970: Int(days)).description
      + String(
        format: " %02d:%02d:%02d.%03d", secondOfDay / 3_600, secondOfDay / 60 % 60, secondOfDay % 60,
        Int(into % 1_000))
  }

  @Test func aMomentIsWrittenAsTheFormatStringWroteIt() {
    var generator = SeededGenerator(seed: 5)
    let edges: [Double] = [0, -0.0004, -0.0005, 86_399.9995, 951_782_399.999, -1, 4_102_444_799.999, 1e-3]
    let moments =
      edges
      + (0..<20_000).map { _ in Double.random(in: -2_000_000_000...7_000_000_000, using: &generator) }
    for seconds in moments {
      let date = Date(timeIntervalSince1970: seconds)
      let text = WireTime.text(date)
      #expect(text == Self.formatted(date), "\(seconds)")
      #expect(WireTime.date(text).map(WireTime.text) == text)
    }
  }
}

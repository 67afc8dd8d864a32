import Foundation
import VietnameseText

/// A position as a roster may name it: its id (from `Courses/positions.yaml`) and its names.
public struct PositionName: Sendable, Hashable {
  public var id: String
  /// The names it goes by (Vietnamese, English, ...).
  public var names: [String]

  /// A position and its names.
  public init(id: String, names: [String]) {
    self.id = id
    self.names = names
  }
}

/// Maps what a commune office writes in a "Chức vụ" column onto position ids, ignoring case,
/// diacritics, punctuation, the usual filler ("Công chức", "UBND", "xã") and the usual
/// abbreviations ("PCT UBND", "VP-TK", "ĐC-XD-MT").
///
/// A text maps when its words are those of exactly one position's name, or a part (of two syllables
/// or more) of exactly one ("Một cửa", "Tư pháp"); anything else (another position such as "Chủ tịch Hội Nông dân", or a
/// text two positions share) does not map, and the row is reported rather than guessed.
public struct PositionMatcher: Sendable {
  /// How a text maps.
  public enum Match: Sendable, Hashable {
    case position(String)
    case ambiguous([String])
    case none
  }

  let positions: [(id: String, cores: [Set<String>])]

  /// A matcher for these positions (from `Courses/positions.yaml`).
  public init(positions: [PositionName]) {
    self.positions = positions.map { position in
      (position.id, ([position.id] + position.names).map(Self.core).filter { !$0.isEmpty })
    }
  }

  /// The position `text` names.
  public func match(_ text: String) -> Match {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    if let exact = positions.first(where: { $0.id == trimmed }) { return .position(exact.id) }
    let core = Self.core(text)
    guard !core.isEmpty else { return .none }
    let equal = positions.filter { $0.cores.contains(core) }.map(\.id)
    if equal.count == 1 { return .position(equal[0]) }
    if equal.count > 1 { return .ambiguous(equal) }
    guard core.count >= 2 else { return .none }
    let containing = positions.filter { $0.cores.contains { core.isSubset(of: $0) } }.map(\.id)
    if containing.count == 1 { return .position(containing[0]) }
    return containing.isEmpty ? .none : .ambiguous(containing)
  }

  static let abbreviations: [String: String] = [
    "ct": "chu tich", "pct": "pho chu tich", "vp": "van phong", "tk": "thong ke", "tp": "tu phap",
    "ht": "ho tich", "dc": "dia chinh", "xd": "xay dung", "mt": "moi truong", "tc": "tai chinh",
    "kt": "ke toan", "vh": "van hoa", "xh": "xa hoi",
  ]
  static let filler: Set<String> = [
    "cong", "chuc", "can", "bo", "xa", "phuong", "dac", "khu", "thi", "tran", "uy", "ban", "nhan", "dan",
    "ubnd", "va", "and", "of", "the", "officer", "staff", "commune", "s", "people", "committee",
  ]

  /// The words that identify a position name: folded, abbreviations spelt out, filler dropped.
  static func core(_ text: String) -> Set<String> {
    let folded = text.matchKey(foldingDiacritics: true)
    let words = folded.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
    let expanded = String(words).split(separator: " ").flatMap { word in
      (abbreviations[String(word)] ?? String(word)).split(separator: " ").map(String.init)
    }
    return Set(expanded.filter { !filler.contains($0) })
  }
}

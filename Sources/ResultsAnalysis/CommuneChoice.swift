import Foundation
import Units
import VietnameseText

/// A commune as a leader or trainer names it on the command line: its code (`03637`) or its
/// name, with or without diacritics or the "Xã" in front (`"Sìn Hồ"`, `sin ho`).
public enum CommuneChoice {
  /// The commune `text` names. A code is taken as it is (digits only, never a path); a name is
  /// looked up in `units` and must name exactly one commune.
  public static func resolve(_ text: String, units: UnitHierarchy?) throws -> CommuneCode {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    // No letter, or a path's marks: meant as a code, and refused as one when it is not (a
    // commune's name holds neither).
    if !trimmed.contains(where: \.isLetter) || trimmed.contains(where: { "/\\.".contains($0) }) {
      return try CommuneCode(trimmed)
    }
    guard let units else { throw ReportMessage.unknownCommune(text) }
    let found = units.search(trimmed)
    let key = trimmed.matchKey(foldingDiacritics: true)
    let exact = found.filter { unit in
      let name = unit.name.matchKey(foldingDiacritics: true)
      let kind = unit.kind.matchKey(foldingDiacritics: true)
      return name == key || name == kind + " " + key
    }
    let matches = exact.count == 1 ? exact : found
    guard let first = matches.first, let code = first.communeCode, !key.isEmpty else {
      throw ReportMessage.unknownCommune(text)
    }
    guard matches.count == 1 else {
      throw ReportMessage.ambiguousCommune(text, matches.prefix(8).map { "\($0.name) (\($0.code.rawValue))" })
    }
    return code
  }
}

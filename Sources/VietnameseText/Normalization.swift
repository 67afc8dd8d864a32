import Foundation

extension String {
  /// This text in Unicode Normalization Form C (precomposed letters).
  ///
  /// Vietnamese input methods may send decomposed letters (a base letter followed by combining
  /// marks). Swift's `==` treats both spellings as equal, but SQLite, file names and hashes do not,
  /// so every text that is compared, hashed or stored goes through this first.
  public var nfc: String { precomposedStringWithCanonicalMapping }

  /// Whether this text is already in NFC, byte for byte.
  public var isNFC: Bool {
    unicodeScalars.elementsEqual(nfc.unicodeScalars)
  }

  /// This text with its diacritics folded away: marks removed and `đ`/`Đ` turned into `d`/`D`.
  ///
  /// "Quản trị" folds to "Quan tri", so a user typing without marks still finds it.
  public var foldingDiacritics: String {
    var scalars = String.UnicodeScalarView()
    for scalar in decomposedStringWithCanonicalMapping.unicodeScalars {
      switch scalar {
      case "\u{0111}": scalars.append("d")
      case "\u{0110}": scalars.append("D")
      default:
        if !scalar.properties.isDiacriticMark(), scalar.properties.generalCategory != .nonspacingMark {
          scalars.append(scalar)
        }
      }
    }
    return String(scalars)
  }

  /// The key under which two user-typed texts are considered the same answer or name:
  /// NFC, lower-cased, inner white space collapsed, and (optionally) diacritics folded.
  public func matchKey(foldingDiacritics fold: Bool) -> String {
    let collapsed = nfc.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    return fold ? collapsed.foldingDiacritics : collapsed
  }
}

extension Unicode.Scalar.Properties {
  fileprivate func isDiacriticMark() -> Bool {
    generalCategory == .nonspacingMark || generalCategory == .enclosingMark
      || generalCategory == .spacingMark
  }
}

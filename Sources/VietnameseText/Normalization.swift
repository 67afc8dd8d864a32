import Foundation

extension String {
  /// This text in Unicode Normalization Form C (precomposed letters).
  ///
  /// Vietnamese input methods may send decomposed letters (a base letter followed by combining
  /// marks). Swift's `==` treats both spellings as equal, but SQLite, file names and hashes do not,
  /// so every text that is compared, hashed or stored goes through this first.
  public var nfc: String { isCertainlyNFC ? self : precomposedStringWithCanonicalMapping }

  /// Whether this text is already in NFC, byte for byte.
  public var isNFC: Bool {
    isCertainlyNFC || unicodeScalars.elementsEqual(precomposedStringWithCanonicalMapping.unicodeScalars)
  }

  /// True only when every scalar is one that is NFC whatever surrounds it (NFC_Quick_Check = Yes,
  /// and never combines with a neighbour): below U+0300 (ASCII, Latin-1, Latin Extended-A/B, IPA,
  /// spacing modifiers), Latin Extended Additional (U+1E00-U+1EFF: the precomposed Vietnamese
  /// letters with two marks), general punctuation without the singleton spaces U+2000-U+2001
  /// (dashes, quotes, the ellipsis), arrows (U+2190-U+21FF: `→` in a shown matching answer) and
  /// dingbats (U+2700-U+27BF: `✓`). Combining marks (U+0300 up), decomposed input and every
  /// other block answer false, and are checked in full. Normalising is the costliest step of loading
  /// courses and of exports; precomposed Vietnamese never pays it.
  ///
  /// Read over the UTF-8 bytes (ASCII passes at a byte's cost): exports check every text they
  /// write first.
  public var isCertainlyNFC: Bool {
    if let answer = utf8.withContiguousStorageIfAvailable(Self.isCertainlyNFC) { return answer }
    return ContiguousArray(utf8).withUnsafeBufferPointer(Self.isCertainlyNFC)
  }

  /// ``isCertainlyNFC`` of valid UTF-8 bytes.
  private static func isCertainlyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        index += 1
        continue
      }
      // Valid UTF-8: a lead byte is followed by its continuation bytes.
      func continuation(_ offset: Int) -> UInt32 {
        index + offset < bytes.count ? UInt32(bytes[index + offset] & 0x3F) : 0
      }
      let value: UInt32
      if byte < 0xE0 {
        value = UInt32(byte & 0x1F) << 6 | continuation(1)
        index += 2
      } else if byte < 0xF0 {
        value = UInt32(byte & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
        index += 3
      } else {
        return false
      }
      switch value {
      case 0..<0x300, 0x1E00...0x1EFF, 0x2010...0x205E, 0x2190...0x21FF, 0x2700...0x27BF: continue
      default: return false
      }
    }
    return true
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

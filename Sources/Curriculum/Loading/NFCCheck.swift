import VietnameseText

extension String {
  /// This text in NFC and whether it already was, normalising at most once.
  ///
  /// Loading checks every scalar and lesson body, and Foundation's normalisation is the costliest
  /// step of a lint; most course text is precomposed Vietnamese, which ``isCertainlyNFC`` accepts
  /// without normalising. Anything it is not sure of goes through the full comparison.
  var normalizedForLoading: (text: String, wasNFC: Bool) {
    if isCertainlyNFC { return (self, true) }
    let normalized = nfc
    return (normalized, unicodeScalars.elementsEqual(normalized.unicodeScalars))
  }

  /// True only when every scalar is one that is NFC whatever surrounds it (NFC_Quick_Check = Yes,
  /// and never combines with a neighbour): below U+0300 (ASCII, Latin-1, Latin Extended-A/B, IPA,
  /// spacing modifiers), Latin Extended Additional (U+1E00-U+1EFF: the precomposed Vietnamese
  /// letters with two marks), and general punctuation without the singleton spaces U+2000-U+2001
  /// (dashes, quotes, the ellipsis). Combining marks (U+0300 up), decomposed input and every other
  /// block answer false, and are checked in full.
  var isCertainlyNFC: Bool {
    for scalar in unicodeScalars {
      switch scalar.value {
      case 0..<0x300, 0x1E00...0x1EFF, 0x2010...0x205E: continue
      default: return false
      }
    }
    return true
  }
}

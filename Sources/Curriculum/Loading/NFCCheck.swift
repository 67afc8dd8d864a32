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
}

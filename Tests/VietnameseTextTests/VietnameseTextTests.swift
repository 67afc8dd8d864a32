import Foundation
import Testing
import VietnameseText

@Suite struct NormalizationTests {
  let decomposed = "Qua\u{0309}n tri\u{0323}"  // "Quản trị" as some input methods send it

  @Test func decomposedTextBecomesNFC() {
    #expect(!decomposed.isNFC)
    #expect(decomposed.nfc.isNFC)
    #expect(Array(decomposed.nfc.unicodeScalars) == Array("Quản trị".unicodeScalars))
  }

  /// The fast path skips normalising a text made of these scalars only: each of them, alone and
  /// beside the others, must be what Foundation's normalisation gives, byte for byte.
  @Test func textTheFastPathTakesAsNFCIsNFC() {
    let ranges: [ClosedRange<UInt32>] = [
      0...0x2FF, 0x1E00...0x1EFF, 0x2010...0x205E, 0x2190...0x21FF, 0x2700...0x27BF,
    ]
    let scalars = ranges.joined().compactMap(Unicode.Scalar.init)
    let neighbours = ["a", "ơ", "ệ", "→", "✓", "…"]
    for scalar in scalars {
      let alone = String(Character(scalar))
      for text in [alone] + neighbours.flatMap({ [$0 + alone, alone + $0] }) {
        #expect(text.isCertainlyNFC, "U+\(String(scalar.value, radix: 16))")
        #expect(text.utf8.elementsEqual(text.precomposedStringWithCanonicalMapping.utf8), "\(text)")
      }
    }
    for outside: UInt32 in [
      0x300, 0x1DFF, 0x1F00, 0x200F, 0x205F, 0x218F, 0x2200, 0x26FF, 0x27C0, 0xAC00, 0x1F600,
    ] {
      let text = "a" + String(Character(Unicode.Scalar(outside)!)) + "b"
      #expect(!text.isCertainlyNFC, "U+\(String(outside, radix: 16))")
    }
    #expect(!"→\u{0338}".isCertainlyNFC)
    #expect("→\u{0338}".nfc == "\u{219B}")
  }

  @Test func foldingRemovesMarksAndTurnsDStrokeIntoD() {
    #expect("Quản trị".foldingDiacritics == "Quan tri")
    #expect("Đồng đều".foldingDiacritics == "Dong deu")
    #expect(decomposed.foldingDiacritics == "Quan tri")
  }

  @Test func matchKeyIgnoresCaseSpacingAndOptionallyMarks() {
    #expect("  Dân   BIẾT ".matchKey(foldingDiacritics: false) == "dân biết")
    #expect("dan biet".matchKey(foldingDiacritics: true) == "Dân biết".matchKey(foldingDiacritics: true))
    #expect("dan biet".matchKey(foldingDiacritics: false) != "Dân biết".matchKey(foldingDiacritics: false))
  }
}

@Suite struct DisplayWidthTests {
  @Test func vietnameseTakesOneColumnPerLetterInEitherForm() {
    #expect("Quản trị".displayWidth == 8)
    #expect("Qua\u{0309}n tri\u{0323}".displayWidth == 8)
  }

  @Test func wideCharactersTakeTwoColumns() {
    #expect("中文".displayWidth == 4)
  }

  @Test func paddingCountsColumnsNotScalars() {
    let padded = "Qua\u{0309}n".padded(toDisplayWidth: 6)
    #expect(padded.displayWidth == 6)
    #expect(padded.hasSuffix("  "))
  }
}

@Suite struct SuggestionTests {
  @Test func editDistanceCountsCharacterEdits() {
    #expect("kitten".editDistance(to: "sitting") == 3)
    #expect("".editDistance(to: "abc") == 3)
    #expect("dân".editDistance(to: "dân") == 0)
  }

  @Test func closestMatchFindsTyposButNotStrangers() {
    #expect(closestMatch(to: "explaination", in: ["explanation", "prompt"]) == "explanation")
    #expect(closestMatch(to: "quan tri", in: ["quản trị", "tham gia"]) == "quản trị")
    #expect(closestMatch(to: "xyz", in: ["explanation", "prompt"]) == nil)
  }
}

/// Finds where an explanation names an option by its letter ("phương án b", "Đáp án (C)",
/// "option a"): options are shuffled and relabelled when shown, so such a letter points at
/// whatever option happens to stand there.
///
/// What it matches is what the case-insensitive pattern
/// `\b(phương án|đáp án|lựa chọn|options?|answers?|choices?)\s+\(?[a-h]\b\)?` would, for the
/// words written in lower case, capitalised or in capitals. It scans UTF-8 bytes instead of
/// running a `Regex`: on a 10,000-question set the regular expression and the lower-casing in
/// front of it were a fifth of a lint.
///
/// One exception the pattern did not make: after an English word, a lower-case `a` followed by
/// another word is the article ("answer a question", "the choice a citizen makes"), not an option;
/// only "option a is ...", "option a and ..." and the like still count.
enum OptionLetterMention {
  /// The words, in the spellings looked for; `plural` allows an `s` after them.
  private static let words: [(bytes: [UInt8], plural: Bool, english: Bool)] = {
    let vietnamese = ["phương án", "đáp án", "lựa chọn"]
    let english = ["option", "answer", "choice"]
    func spellings(_ word: String) -> [String] {
      [word, word.prefix(1).uppercased() + word.dropFirst(), word.uppercased()]
    }
    return vietnamese.flatMap(spellings).map { (Array($0.utf8), false, false) }
      + english.flatMap(spellings).map { (Array($0.utf8), true, true) }
  }()

  /// The first mention in `text`, as written (for instance `phương án b`), or nil.
  static func first(in text: String) -> String? {
    let bytes = Array(text.utf8)
    var best: Range<Int>?
    for word in words {
      var from = 0
      while let start = find(word.bytes, in: bytes, from: from) {
        from = start + 1
        if let end = mentionEnd(afterWordAt: start, length: word.bytes.count, plural: word.plural, in: bytes),
          !(word.english && isArticle(endingAt: end, in: bytes))
        {
          if best.map({ start < $0.lowerBound }) ?? true { best = start..<end }
          break
        }
      }
    }
    return best.map { String(decoding: bytes[$0], as: UTF8.self) }
  }

  /// Where the mention that starts with the word at `start` ends, or nil when the word is not a
  /// whole word followed by white space and one letter a-h.
  private static func mentionEnd(afterWordAt start: Int, length: Int, plural: Bool, in bytes: [UInt8]) -> Int?
  {
    if start > 0, isWordByte(bytes[start - 1]) { return nil }
    var index = start + length
    if plural, index < bytes.count, bytes[index] == UInt8(ascii: "s") || bytes[index] == UInt8(ascii: "S") {
      index += 1
    }
    let spaceStart = index
    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    guard index > spaceStart, index < bytes.count else { return nil }
    if bytes[index] == UInt8(ascii: "(") { index += 1 }
    guard index < bytes.count, isOptionLetter(bytes[index]) else { return nil }
    index += 1
    if index < bytes.count, isWordByte(bytes[index]) { return nil }
    if index < bytes.count, bytes[index] == UInt8(ascii: ")") { index += 1 }
    return index
  }

  /// Words after which a lower-case `a` still names an option: "option a is right".
  private static let verbsAfterALetter: Set<String> = ["is", "was", "and", "or", "nor", "but", "says"]

  /// Whether the mention ending at `end` is `a` followed by white space and an ordinary word.
  private static func isArticle(endingAt end: Int, in bytes: [UInt8]) -> Bool {
    guard bytes[end - 1] == UInt8(ascii: "a") else { return false }
    var index = end
    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    guard index > end, index < bytes.count, isWordByte(bytes[index]) else { return false }
    var wordEnd = index
    while wordEnd < bytes.count, isWordByte(bytes[wordEnd]) { wordEnd += 1 }
    let word = String(decoding: bytes[index..<wordEnd], as: UTF8.self)
    return !verbsAfterALetter.contains(word.lowercased())
  }

  private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
    guard let first = needle.first, bytes.count >= needle.count, from <= bytes.count - needle.count else {
      return nil
    }
    var index = from
    while index <= bytes.count - needle.count {
      if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }

  private static func isOptionLetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "h")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "H")).contains(byte)
  }

  /// Letters, digits and `_`, and every byte of a non-ASCII character (Vietnamese letters): what
  /// `\b` counts as a word character in the texts the courses hold.
  private static func isWordByte(_ byte: UInt8) -> Bool {
    byte >= 0x80 || byte == UInt8(ascii: "_")
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}

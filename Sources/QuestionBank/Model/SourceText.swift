import Curriculum
import Localization
import VietnameseText

/// How a question's legal sources are written as one text, in a spreadsheet cell or a feedback
/// line, and read back: every field of the course format's source, in the form a trainer types.
///
/// One source is `document | place`, the document a registry id and the place its article, clause
/// and point: `nd-118-2025 | Điều 3, khoản 1, điểm a`. Also read: English words (`Article 3,
/// clause 1, point a`), words without marks (`Dieu 3, khoan 1, diem a`), no commas (`Điều 3 khoản 1`),
/// the bare numbers `3`, `3.1` and `3.1.a`, and the older `document, Điều 3`. A PAPI indicator is
/// `papi-2024 | chỉ số: D5.3 ...` (`indicator: ...`). A source about history ends in `(lịch sử)`
/// (`(history)`). Several sources are separated by ` ; `, the main one first.
///
/// A text that cannot be read so is refused with the reason (``Malformed``), never guessed.
public enum SourceText {
  static let separator = " | "
  static let listSeparator = " ; "

  /// The sources as one line, in `language`'s words (`Điều`, or `Article`).
  public static func format(_ sources: [LegalSource], in language: Language = .vietnamese) -> String {
    sources.map { format($0, in: language) }.joined(separator: listSeparator)
  }

  /// One source as text, in `language`'s words.
  public static func format(_ source: LegalSource, in language: Language = .vietnamese) -> String {
    let words = PlaceWord.self
    var parts: [String] = []
    if let article = source.article {
      parts.append(
        article.allSatisfy(\.isASCIIDigit) ? words.article.label(language) + " " + article : article)
    }
    if let clause = source.clause { parts.append(words.clause.label(language).lowercased() + " " + clause) }
    if let point = source.point { parts.append(words.point.label(language).lowercased() + " " + point) }
    if let indicator = source.indicator { parts.append(indicatorLabel(language) + " " + indicator) }
    var text = parts.isEmpty ? source.document : source.document + separator + parts.joined(separator: ", ")
    if source.history { text += " (" + historyWord(language) + ")" }
    return text
  }

  /// The sources written in `text` (none when it is empty), or why they cannot be read.
  public static func parse(_ text: String) -> Result<[LegalSource], Malformed> {
    var sources: [LegalSource] = []
    for segment in segments(text.nfc) {
      switch parseOne(segment) {
      case .success(let source): sources.append(source)
      case .failure(let malformed): return .failure(malformed)
      }
    }
    return .success(sources)
  }

  static func indicatorLabel(_ language: Language) -> String {
    language == .vietnamese ? "chỉ số:" : "indicator:"
  }

  static func historyWord(_ language: Language) -> String {
    language == .vietnamese ? "lịch sử" : "history"
  }

  /// The sources of a list, split at each `;` outside parentheses, trimmed, empty ones left out.
  /// An indicator's own text may hold `;`: in brackets, or followed by words that are no source
  /// (no `|`, more than one word), which stay part of the indicator.
  static func segments(_ text: String) -> [String] {
    var segments: [String] = []
    var current = ""
    var depth = 0
    func close() {
      if let last = segments.last, continuesIndicator(last, with: current) {
        segments[segments.count - 1] = last + ";" + current
      } else {
        segments.append(current)
      }
      current = ""
    }
    for character in text {
      switch character {
      case "(": depth += 1
      case ")": depth = max(0, depth - 1)
      case ";" where depth == 0:
        close()
        continue
      default: break
      }
      current.append(character)
    }
    close()
    return segments.map(\.trimmingWhitespace).filter { !$0.isEmpty }
  }

  /// Whether `next` is more of the indicator text `previous` ends with, not a source of its own.
  private static func continuesIndicator(_ previous: String, with next: String) -> Bool {
    let key = previous.matchKey(foldingDiacritics: true)
    guard Place.indicatorLabels.contains(where: key.containsUTF8), !next.containsUTF8("|") else {
      return false
    }
    return next.trimmingWhitespace.contains { $0.isWhitespace }
  }

  private static func parseOne(_ segment: String) -> Result<LegalSource, Malformed> {
    func fail(_ reason: Malformed.Reason) -> Result<LegalSource, Malformed> {
      .failure(Malformed(text: segment, reason: reason))
    }
    let (text, history) = withoutHistoryMark(segment)
    guard let (document, placeText) = split(text) else { return fail(.noBar) }
    guard !document.isEmpty else { return fail(.noDocument) }
    guard let placeText else { return .success(LegalSource(document: document, history: history)) }
    guard !placeText.isEmpty else { return fail(.noPlace) }
    guard !placeText.containsUTF8("|") else { return fail(.twoBars) }
    switch Place.parse(placeText) {
    case .failure(let reason): return fail(reason)
    case .success(let place):
      return .success(
        LegalSource(
          document: document, article: place.article, clause: place.clause, point: place.point,
          indicator: place.indicator, history: history))
    }
  }

  /// The text without a closing `(lịch sử)` / `(history)`, and whether it had one.
  private static func withoutHistoryMark(_ text: String) -> (String, Bool) {
    guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return (text, false) }
    let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
    let key = String(inside).matchKey(foldingDiacritics: true)
    guard key == "lich su" || key == "history" else { return (text, false) }
    return (String(text[..<open]).trimmingWhitespace, true)
  }

  /// The document and the place (nil: the text names only a document); nil when the text holds a
  /// place but no `|` to tell where the document ends.
  private static func split(_ text: String) -> (String, String?)? {
    if let bar = text.utf8Range(of: "|") {
      return (
        String(text[..<bar.lowerBound]).trimmingWhitespace, String(text[bar.upperBound...]).trimmingWhitespace
      )
    }
    var search = text.startIndex
    while let comma = text[search...].firstIndex(of: ",") {
      let rest = String(text[text.index(after: comma)...]).trimmingWhitespace
      if let word = rest.split(separator: " ").first, PlaceWord(String(word)) != nil {
        return (String(text[..<comma]).trimmingWhitespace, rest)
      }
      search = text.index(after: comma)
    }
    let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    if Place.isBareNumbering(text) { return ("", nil) }
    for (word, next) in zip(words, words.dropFirst()) where PlaceWord(word) != nil {
      if next.first?.isASCIIDigit == true { return nil }
    }
    return (text, nil)
  }
}

/// The words naming the parts of a place in a legal text, in both languages.
public enum PlaceWord: Sendable, Hashable, CaseIterable {
  case article, clause, point

  /// The word as read: any case, with or without diacritics.
  init?(_ word: String) {
    switch word.matchKey(foldingDiacritics: true) {
    case "dieu", "article": self = .article
    case "khoan", "clause": self = .clause
    case "diem", "point": self = .point
    default: return nil
    }
  }

  func label(_ language: Language) -> String {
    switch (self, language) {
    case (.article, .vietnamese): "Điều"
    case (.article, .english): "Article"
    case (.clause, .vietnamese): "Khoản"
    case (.clause, .english): "Clause"
    case (.point, .vietnamese): "Điểm"
    case (.point, .english): "Point"
    }
  }
}

/// The place of a source in its document: article, clause, point, or a PAPI indicator.
struct Place: Equatable {
  var article: String?
  var clause: String?
  var point: String?
  var indicator: String?

  static let indicatorLabels = ["chi so:", "indicator:"]

  /// `Điều 3, khoản 1, điểm a` (any order, commas optional), `3.1.a`, or `chỉ số: ...` after them.
  static func parse(_ text: String) -> Result<Place, SourceText.Malformed.Reason> {
    if isBareNumbering(text) { return bare(text) }
    var place = Place()
    var words: [String] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let key = String(part).matchKey(foldingDiacritics: true)
      if indicatorLabels.contains(where: { key.hasPrefix($0) }) {
        let start = text[part.startIndex...]
        guard let colon = start.firstIndex(of: ":") else { return .failure(.noIndicator) }
        let indicator = String(start[start.index(after: colon)...]).trimmingWhitespace
        guard !indicator.isEmpty else { return .failure(.noIndicator) }
        place.indicator = indicator
        break
      }
      let partWords = part.split(whereSeparator: \.isWhitespace).map(String.init)
      if partWords.isEmpty { return .failure(.unknownPart(text)) }
      words += partWords
    }
    return place.reading(words)
  }

  /// `3`, `3.1` or `3.1.a`: article, clause, point.
  static func isBareNumbering(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else {
      return false
    }
    return parts[0].allSatisfy(\.isASCIIDigit)
  }

  private static func bare(_ text: String) -> Result<Place, SourceText.Malformed.Reason> {
    let parts = text.split(separator: ".").map(String.init)
    var place = Place(article: parts[0])
    if parts.count > 1 { place.clause = parts[1] }
    if parts.count > 2 { place.point = parts[2].lowercased() }
    return place.checked()
  }

  /// Reads label-value pairs (`Điều 3 khoản 1`) into this place.
  private func reading(_ words: [String]) -> Result<Place, SourceText.Malformed.Reason> {
    var place = self
    var index = 0
    while index < words.count {
      guard let word = PlaceWord(words[index]) else { return .failure(.unknownPart(words[index])) }
      guard index + 1 < words.count, PlaceWord(words[index + 1]) == nil else {
        return .failure(.missingValue(word))
      }
      let value = words[index + 1]
      switch word {
      case .article where place.article == nil: place.article = value
      case .clause where place.clause == nil: place.clause = value
      case .point where place.point == nil: place.point = value.lowercased()
      default: return .failure(.repeated(word))
      }
      index += 2
    }
    if place.article == nil, place.clause == nil, place.point == nil, place.indicator == nil {
      return .failure(.noPlace)
    }
    return place.checked()
  }

  /// This place when its numbers have the forms of a legal text and each part has the one above it.
  private func checked() -> Result<Place, SourceText.Malformed.Reason> {
    if let article, !article.allSatisfy(\.isASCIIDigit) || (Int(article) ?? 0) <= 0 {
      return .failure(.notANumber(.article, article))
    }
    if let clause, !Self.isClause(clause) { return .failure(.notANumber(.clause, clause)) }
    if let point, !Self.isPoint(point) { return .failure(.badPoint(point)) }
    if clause != nil, article == nil { return .failure(.partWithoutParent(.clause)) }
    if point != nil, clause == nil { return .failure(.partWithoutParent(.point)) }
    return .success(self)
  }

  /// `1`, or `1a` as an amendment inserts it.
  private static func isClause(_ text: String) -> Bool {
    let digits = text.prefix(while: \.isASCIIDigit)
    guard (Int(digits) ?? 0) > 0 else { return false }
    let rest = text.dropFirst(digits.count)
    return rest.isEmpty || (rest.count == 1 && rest.allSatisfy(isPointLetter))
  }

  /// `a`, `đ`, or `a1` as an amendment inserts it.
  private static func isPoint(_ text: String) -> Bool {
    guard let first = text.first, isPointLetter(first) else { return false }
    return text.dropFirst().allSatisfy(\.isASCIIDigit)
  }

  private static func isPointLetter(_ character: Character) -> Bool {
    character == "đ" || ("a"..."z").contains(character)
  }
}

extension Character {
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension SourceText {
  /// A source text that cannot be read, and why.
  public struct Malformed: Error, Sendable, Hashable {
    public enum Reason: Error, Sendable, Hashable {
      case noDocument
      case noBar
      case twoBars
      case noPlace
      case noIndicator
      case unknownPart(String)
      case missingValue(PlaceWord)
      case repeated(PlaceWord)
      case notANumber(PlaceWord, String)
      case badPoint(String)
      case partWithoutParent(PlaceWord)
    }

    /// The one source (of a list) that cannot be read.
    public var text: String
    public var reason: Reason
  }
}

extension SourceText.Malformed.Reason {
  func text(in language: Language) -> String {
    switch language {
    case .vietnamese: vietnamese
    case .english: english
    }
  }

  private var vietnamese: String {
    switch self {
    case .noDocument: "thiếu mã văn bản trước dấu '|'"
    case .noBar: "không rõ đâu là văn bản, đâu là điều: ngăn cách bằng dấu '|'"
    case .twoBars: "có hơn một dấu '|'; các căn cứ ngăn cách nhau bằng ' ; '"
    case .noPlace: "thiếu điều (hoặc chỉ số) sau dấu '|'"
    case .noIndicator: "thiếu nội dung sau 'chỉ số:'"
    case .unknownPart(let text): "không hiểu '\(text)'"
    case .missingValue(let word): "'\(word.label(.vietnamese))' thiếu số"
    case .repeated(let word): "'\(word.label(.vietnamese))' được ghi hai lần"
    case .notANumber(let word, let value):
      "\(word.label(.vietnamese).lowercased()) '\(value)' không phải là số"
    case .badPoint(let value): "điểm '\(value)' phải là một chữ cái (a, b, c, đ, ...)"
    case .partWithoutParent(.point): "có điểm mà không có khoản"
    case .partWithoutParent: "có khoản mà không có điều"
    }
  }

  private var english: String {
    switch self {
    case .noDocument: "no document id before '|'"
    case .noBar: "cannot tell the document from the article: separate them with '|'"
    case .twoBars: "more than one '|'; separate several sources with ' ; '"
    case .noPlace: "no article (or indicator) after '|'"
    case .noIndicator: "nothing after 'indicator:'"
    case .unknownPart(let text): "cannot read '\(text)'"
    case .missingValue(let word): "'\(word.label(.english))' has no number"
    case .repeated(let word): "'\(word.label(.english))' is written twice"
    case .notANumber(let word, let value): "\(word.label(.english).lowercased()) '\(value)' is not a number"
    case .badPoint(let value): "point '\(value)' must be a letter (a, b, c, đ, ...)"
    case .partWithoutParent(.point): "a point without its clause"
    case .partWithoutParent: "a clause without its article"
    }
  }
}

extension SourceText {
  /// The sources in `text`; when it cannot be read, none, and the reason logged at `location`.
  static func read(_ text: String, at location: BankLocation, log: inout ProblemLog) -> [LegalSource] {
    switch parse(text) {
    case .success(let sources): return sources
    case .failure(let malformed):
      log.error(.malformedSource(malformed), at: location)
      return []
    }
  }
}

extension String {
  /// This text without white space (and line breaks) at either end.
  var trimmingWhitespace: String {
    func isPlain(_ byte: UInt8?) -> Bool {
      guard let byte else { return false }
      return byte > 0x20 && byte < 0x80
    }
    if isPlain(utf8.first), isPlain(utf8.last) { return self }
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
    return String(scalars[first...last])
  }
}

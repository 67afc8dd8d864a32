import VietnameseText

/// Word wrapping for a terminal: lines no wider than `width` display columns (Vietnamese letters
/// with their marks count once, ANSI styles count nothing), never breaking inside a word. Only a
/// single word wider than a whole line (a long web address) is cut, at the width.
public struct TextWrapper: Sendable {
  public var width: Int

  public init(width: Int) { self.width = max(10, width) }

  /// A wrapper for a table's column, exactly `columnWidth` columns wide (at least 1): a screen's
  /// lines are never narrower than 10, a column may be.
  public init(columnWidth: Int) { width = max(1, columnWidth) }

  /// Wraps styled text at word boundaries to the width, measuring only visible columns.
  public func wrap(_ text: String, firstPrefix: String, restPrefix: String) -> [String] {
    var lines: [String] = []
    var current = firstPrefix
    var currentWidth = Self.visibleWidth(firstPrefix)
    var prefixWidth = currentWidth
    func newLine() {
      lines.append(current)
      current = restPrefix
      currentWidth = Self.visibleWidth(restPrefix)
      prefixWidth = currentWidth
    }
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      for piece in pieces(of: String(word), room: max(1, width - Self.visibleWidth(restPrefix))) {
        let pieceWidth = Self.visibleWidth(piece)
        if currentWidth > prefixWidth, currentWidth + 1 + pieceWidth > width { newLine() }
        if currentWidth > prefixWidth {
          current += " "
          currentWidth += 1
        }
        current += piece
        currentWidth += pieceWidth
      }
    }
    if currentWidth > prefixWidth || lines.isEmpty { lines.append(current) }
    return lines
  }

  /// Wraps one line of screen text, continuing under its text: the line's leading spaces and a
  /// list or answer marker (`• `, `- `, `3. `, `b) `, `B. `, `✓ `, `✗ `, `Label: ` up to 24
  /// columns) become the hanging indent of the lines that follow.
  public func wrapLine(_ line: String) -> [String] {
    guard Self.visibleWidth(line) > width else { return [line] }
    let indentCount = line.prefix(while: { $0 == " " }).count
    let body = String(line.dropFirst(indentCount))
    let marker = Self.marker(of: body)
    let first = String(repeating: " ", count: indentCount) + marker
    let hanging = String(repeating: " ", count: min(Self.visibleWidth(first), width / 2))
    return wrap(String(body.dropFirst(marker.count)), firstPrefix: first, restPrefix: hanging)
  }

  /// Wraps every line of `text` (see ``wrapLine(_:)``).
  public func wrapLines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrapLine(String($0)) }
  }

  private static func marker(of body: String) -> String {
    for bullet in ["• ", "- ", "* ", "✓ ", "✗ ", "→ "] where body.hasPrefix(bullet) { return bullet }
    let head = body.prefix(while: { $0.isNumber || $0.isLetter })
    if !head.isEmpty, head.count <= 3 {
      let rest = body.dropFirst(head.count)
      for end in [". ", ") "] where rest.hasPrefix(end) && (head.count == 1 || head.allSatisfy(\.isNumber)) {
        return String(head) + end
      }
    }
    if let colon = body.range(of: ": "), visibleWidth(body[..<colon.lowerBound]) <= 22,
      !body[..<colon.lowerBound].contains(where: { $0 == "." || $0 == "," })
    {
      return String(body[..<colon.upperBound])
    }
    return ""
  }

  /// A word as it goes on lines: whole, or cut into pieces of `room` columns when wider.
  private func pieces(of word: String, room: Int) -> [String] {
    guard Self.visibleWidth(word) > room else { return [word] }
    var pieces: [String] = []
    var piece = ""
    var pieceWidth = 0
    for character in word {
      let characterWidth = Self.visibleWidth(String(character))
      if pieceWidth + characterWidth > room, !piece.isEmpty {
        pieces.append(piece)
        piece = ""
        pieceWidth = 0
      }
      piece.append(character)
      pieceWidth += characterWidth
    }
    if !piece.isEmpty { pieces.append(piece) }
    return pieces
  }

  /// Display width without ANSI escape sequences.
  public static func visibleWidth<Text: StringProtocol>(_ text: Text) -> Int {
    var width = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
      if inEscape {
        if scalar == "m" { inEscape = false }
        continue
      }
      if scalar == "\u{1B}" {
        inEscape = true
        continue
      }
      width += scalar.terminalColumns
    }
    return width
  }

  /// `text` padded with spaces to `columns` visible columns.
  public static func pad(_ text: String, to columns: Int) -> String {
    text + String(repeating: " ", count: max(0, columns - visibleWidth(text)))
  }
}

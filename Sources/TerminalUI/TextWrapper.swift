import VietnameseText

/// Word wrapping for a terminal: lines no wider than `width` display columns (Vietnamese letters
/// with their marks count once, ANSI styles count nothing), never breaking inside a word.
public struct TextWrapper: Sendable {
  public var width: Int

  public init(width: Int) { self.width = width }

  /// Wraps styled text at word boundaries to the width, measuring only visible columns.
  public func wrap(_ text: String, firstPrefix: String, restPrefix: String) -> [String] {
    var lines: [String] = []
    var current = firstPrefix
    var currentWidth = firstPrefix.displayWidth
    var prefixWidth = currentWidth
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let wordWidth = Self.visibleWidth(word)
      if currentWidth > prefixWidth, currentWidth + 1 + wordWidth > width {
        lines.append(current)
        current = restPrefix
        currentWidth = restPrefix.displayWidth
        prefixWidth = currentWidth
      }
      if currentWidth > prefixWidth {
        current += " "
        currentWidth += 1
      }
      current += word
      currentWidth += wordWidth
    }
    if currentWidth > prefixWidth || lines.isEmpty { lines.append(current) }
    return lines
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
}

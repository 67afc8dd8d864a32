import TerminalUI
import VietnameseText

/// Renders lesson Markdown for a terminal: headings, **bold**, *italic*, `code`, bulleted and
/// numbered lists and `>` notes, wrapped to the width by display columns (so Vietnamese letters
/// with their marks count once) and never breaking inside a word.
public struct MarkdownRenderer: Sendable {
  public var width: Int
  public var style: Style

  public init(width: Int, style: Style) {
    self.width = max(20, width)
    self.style = style
  }

  /// The lines to print.
  public func render(_ markdown: String) -> [String] {
    var lines: [String] = []
    var paragraph: [String] = []
    var paragraphIndent = ""
    var paragraphFirstPrefix = ""

    func flush() {
      guard !paragraph.isEmpty else { return }
      lines += wrap(
        inline(paragraph.joined(separator: " ")), firstPrefix: paragraphFirstPrefix,
        restPrefix: paragraphIndent)
      paragraph = []
      paragraphIndent = ""
      paragraphFirstPrefix = ""
    }

    for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(rawLine).trimmingCharacters(in: .whitespaces)
      if line.isEmpty {
        flush()
        if lines.last.map({ !$0.isEmpty }) ?? false { lines.append("") }
        continue
      }
      if let heading = headingText(line) {
        flush()
        if lines.last.map({ !$0.isEmpty }) ?? false { lines.append("") }
        let text = inline(heading.text, emphasis: false)
        lines += wrap(
          heading.level == 1 ? style.bold(text.uppercased()) : style.bold(text), firstPrefix: "",
          restPrefix: "")
        if heading.level == 1 { lines.append(String(repeating: "═", count: min(width, text.displayWidth))) }
        continue
      }
      if let item = listItem(line) {
        flush()
        paragraph = [item.text]
        paragraphFirstPrefix = item.marker
        paragraphIndent = String(repeating: " ", count: item.marker.displayWidth)
        continue
      }
      if line.hasPrefix(">") {
        flush()
        let quoted = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
        lines += wrap(style.italic(inline(quoted)), firstPrefix: "  │ ", restPrefix: "  │ ")
        continue
      }
      if line == "---" || line == "***" {
        flush()
        lines.append(String(repeating: "─", count: min(width, 40)))
        continue
      }
      paragraph.append(line)
    }
    flush()
    while lines.last == "" { lines.removeLast() }
    return lines
  }

  private func headingText(_ line: String) -> (level: Int, text: String)? {
    let hashes = line.prefix(while: { $0 == "#" }).count
    guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
    return (hashes, String(line.dropFirst(hashes + 1)))
  }

  private func listItem(_ line: String) -> (marker: String, text: String)? {
    if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") {
      return ("  • ", String(line.dropFirst(2)))
    }
    let digits = line.prefix(while: \.isNumber)
    if !digits.isEmpty, digits.count <= 3 {
      let rest = line.dropFirst(digits.count)
      if rest.hasPrefix(". ") || rest.hasPrefix(") ") {
        return ("  \(digits). ", String(rest.dropFirst(2)))
      }
    }
    return nil
  }

  /// Replaces inline markers by styles (or removes them when colour is off).
  func inline(_ text: String, emphasis: Bool = true) -> String {
    var result = ""
    var index = text.startIndex
    while index < text.endIndex {
      let rest = text[index...]
      if rest.hasPrefix("**"),
        let close = text.range(of: "**", range: text.index(index, offsetBy: 2)..<text.endIndex)
      {
        let inner = String(text[text.index(index, offsetBy: 2)..<close.lowerBound])
        result += emphasis ? style.bold(inner) : inner
        index = close.upperBound
      } else if rest.hasPrefix("*") || rest.hasPrefix("_"),
        let marker = rest.first,
        text.index(after: index) < text.endIndex, !text[text.index(after: index)].isWhitespace,
        let close = text[text.index(after: index)...].firstIndex(of: marker),
        marker == "*" || (index == text.startIndex || !text[text.index(before: index)].isLetter)
      {
        let inner = String(text[text.index(after: index)..<close])
        result += emphasis ? style.italic(inner) : inner
        index = text.index(after: close)
      } else if rest.hasPrefix("`"), let close = text[text.index(after: index)...].firstIndex(of: "`") {
        result += style.cyan(String(text[text.index(after: index)..<close]))
        index = text.index(after: close)
      } else {
        result.append(text[index])
        index = text.index(after: index)
      }
    }
    return result
  }

  /// Wraps styled text at word boundaries to the width, measuring only visible columns.
  func wrap(_ text: String, firstPrefix: String, restPrefix: String) -> [String] {
    TextWrapper(width: width).wrap(text, firstPrefix: firstPrefix, restPrefix: restPrefix)
  }
}

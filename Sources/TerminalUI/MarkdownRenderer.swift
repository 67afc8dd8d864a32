import Foundation
import VietnameseText

/// Renders lesson Markdown for a terminal: headings, **bold**, *italic*, `code`, links as their
/// text, bulleted and numbered lists and `>` notes, wrapped to the width by display columns (so
/// Vietnamese letters with their marks count once) and never breaking inside a word. Tables are
/// laid out by ``FittedTable``: aligned, with wrapped cells, or as `header: value` records.
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

    let rawLines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0).trimmingCharacters(in: .whitespaces)
    }
    var index = 0
    while index < rawLines.count {
      let line = rawLines[index]
      index += 1
      if line.hasPrefix("|") {
        flush()
        var block = [line]
        while index < rawLines.count, rawLines[index].hasPrefix("|") {
          block.append(rawLines[index])
          index += 1
        }
        if lines.last.map({ !$0.isEmpty }) ?? false { lines.append("") }
        lines += table(block)
        continue
      }
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

  /// A block of `| a | b |` lines: the first is the header when a `|---|` rule follows it.
  private func table(_ block: [String]) -> [String] {
    let rows = block.map(cells)
    let isRule: ([String]) -> Bool = { row in
      row.allSatisfy { cell in !cell.isEmpty && cell.allSatisfy { "-:= ".contains($0) } }
    }
    let content = rows.filter { !isRule($0) }
    guard let first = content.first else { return [] }
    let hasHeader = rows.count > 1 && isRule(rows[1])
    let header = hasHeader ? first.map { inline($0, emphasis: false) } : []
    let body = (hasHeader ? Array(content.dropFirst()) : content).map { $0.map { inline($0) } }
    return FittedTable(header: header, rows: body, width: width).lines(style: style)
  }

  private func cells(_ line: String) -> [String] {
    var text = Substring(line)
    if text.hasPrefix("|") { text = text.dropFirst() }
    if text.hasSuffix("|") { text = text.dropLast() }
    var cells: [String] = []
    var current = ""
    var escaped = false
    for character in text {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        cells.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
      } else {
        current.append(character)
      }
    }
    cells.append(current.trimmingCharacters(in: .whitespaces))
    return cells
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
        let start = text.index(index, offsetBy: 2)
        let inner = inline(String(text[start..<close.lowerBound]), emphasis: emphasis)
        result += emphasis ? style.bold(inner) : inner
        index = close.upperBound
      } else if rest.hasPrefix("*") || rest.hasPrefix("_"),
        let marker = rest.first,
        text.index(after: index) < text.endIndex, !text[text.index(after: index)].isWhitespace,
        let close = text[text.index(after: index)...].firstIndex(of: marker),
        marker == "*" || (index == text.startIndex || !text[text.index(before: index)].isLetter)
      {
        let inner = inline(String(text[text.index(after: index)..<close]), emphasis: emphasis)
        result += emphasis ? style.italic(inner) : inner
        index = text.index(after: close)
      } else if rest.hasPrefix("["), let link = link(in: text, at: index) {
        result += inline(link.text, emphasis: emphasis)
        index = link.end
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

  /// A `[text](address)` link starting at `start`: its text, and where it ends.
  private func link(in text: String, at start: String.Index) -> (text: String, end: String.Index)? {
    guard let closeBracket = text[start...].firstIndex(of: "]") else { return nil }
    let afterBracket = text.index(after: closeBracket)
    guard afterBracket < text.endIndex, text[afterBracket] == "(",
      let closeParen = text[afterBracket...].firstIndex(of: ")")
    else { return nil }
    return (String(text[text.index(after: start)..<closeBracket]), text.index(after: closeParen))
  }

  /// Wraps styled text at word boundaries to the width, measuring only visible columns.
  public func wrap(_ text: String, firstPrefix: String, restPrefix: String) -> [String] {
    TextWrapper(width: width).wrap(text, firstPrefix: firstPrefix, restPrefix: restPrefix)
  }
}

import Foundation
import Localization

/// The course format's Markdown (paragraphs, line breaks, `**bold**`, `*italic*`, `-` and `1.`
/// lists) to and from the HTML Moodle stores, and the two languages of a text to and from Moodle's
/// multi-language spans (`<span lang="vi" class="multilang">`), which Moodle's multilang filter shows
/// in the learner's language.
enum RichText {
  // MARK: Markdown to HTML

  static func html(fromMarkdown markdown: String) -> String {
    markdown.components(separatedBy: "\n\n").map(\.trimmingWhitespace).filter { !$0.isEmpty }.map(block)
      .joined()
  }

  private static func block(_ text: String) -> String {
    let lines = text.components(separatedBy: "\n")
    if lines.allSatisfy({ $0.hasPrefix("- ") }) {
      return "<ul>" + lines.map { "<li>" + inline(String($0.dropFirst(2))) + "</li>" }.joined() + "</ul>"
    }
    if lines.allSatisfy({ $0.first?.isNumber == true && $0.firstMatch(of: #/^\d+\. /#) != nil }) {
      return "<ol>"
        + lines.map { line in "<li>" + inline(String(line.drop { $0 != " " }.dropFirst())) + "</li>" }
        .joined()
        + "</ol>"
    }
    return "<p>" + lines.map(inline).joined(separator: "<br>") + "</p>"
  }

  private static func inline(_ text: String) -> String {
    var html = escape(text)
    guard html.contains("*") else { return html }
    html = html.replacing(/\*\*(.+?)\*\*/) { "<strong>" + $0.output.1 + "</strong>" }
    html = html.replacing(/\*(.+?)\*/) { "<em>" + $0.output.1 + "</em>" }
    return html
  }

  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }

  // MARK: HTML to Markdown

  /// Markdown for `html`, and the files it points at (images, links to Moodle's file area).
  static func markdown(fromHTML html: String) -> (text: String, files: [String]) {
    var converter = HTMLToMarkdown()
    converter.convert(html)
    return (converter.finished(), converter.files)
  }

  static func decodeEntities(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      let tail = rest[amp...]
      guard let semi = tail.prefix(12).firstIndex(of: ";") else {
        out += "&"
        rest = rest[rest.index(after: amp)...]
        continue
      }
      let name = tail[tail.index(after: amp)..<semi]
      if let decoded = entity(String(name)) {
        out += decoded
        rest = rest[rest.index(after: semi)...]
      } else {
        out += "&"
        rest = rest[rest.index(after: amp)...]
      }
    }
    return out + rest
  }

  private static func entity(_ name: String) -> String? {
    switch name {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos": return "'"
    case "nbsp": return " "
    default: break
    }
    let number: UInt32?
    if name.hasPrefix("#x") || name.hasPrefix("#X") {
      number = UInt32(name.dropFirst(2), radix: 16)
    } else if name.hasPrefix("#") {
      number = UInt32(name.dropFirst())
    } else {
      number = nil
    }
    return number.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
  }

  // MARK: Two languages

  /// `text` as HTML: one language plainly, two as multi-language spans.
  static func html(_ text: LocalizedText) -> String {
    guard let en = text.en else { return html(fromMarkdown: text.vi) }
    return "<span lang=\"vi\" class=\"multilang\">" + html(fromMarkdown: text.vi)
      + "</span><span lang=\"en\" class=\"multilang\">" + html(fromMarkdown: en) + "</span>"
  }

  /// The languages of an HTML text: its multi-language spans (`<span lang=...
  /// class="multilang">` or `{mlang xx}...{mlang}`), else the whole text as Vietnamese.
  static func localized(fromHTML html: String) -> (text: LocalizedText, files: [String]) {
    let parts = multilangParts(html)
    guard let vi = parts["vi"] ?? parts["other"] else {
      let converted = markdown(fromHTML: html)
      return (LocalizedText(vi: converted.text), converted.files)
    }
    let viText = markdown(fromHTML: vi)
    let enText = parts["en"].map { markdown(fromHTML: $0) }
    return (LocalizedText(vi: viText.text, en: enText?.text), viText.files + (enText?.files ?? []))
  }

  /// The languages of a plain (Markdown or Moodle) text: `{mlang xx}` blocks or the text as it is.
  static func localized(fromPlain text: String) -> LocalizedText {
    let parts = multilangParts(text)
    guard let vi = parts["vi"] ?? parts["other"] else { return LocalizedText(vi: text.trimmingWhitespace) }
    return LocalizedText(vi: vi.trimmingWhitespace, en: parts["en"]?.trimmingWhitespace)
  }

  private static func multilangParts(_ text: String) -> [String: String] {
    var parts: [String: String] = [:]
    guard text.containsUTF8("multilang") || text.containsUTF8("{mlang") else { return parts }
    for match in text.matches(
      of: /<span\s+lang="([A-Za-z_-]+)"\s+class="multilang">(.*?)<\/span>/.dotMatchesNewlines())
    {
      parts[String(match.output.1).lowercased().prefix(2).description] = String(match.output.2)
    }
    for match in text.matches(
      of: /<span\s+class="multilang"\s+lang="([A-Za-z_-]+)">(.*?)<\/span>/.dotMatchesNewlines())
    {
      parts[String(match.output.1).lowercased().prefix(2).description] = String(match.output.2)
    }
    for match in text.matches(of: /\{mlang\s+([A-Za-z_-]+)\}(.*?)\{mlang\}/.dotMatchesNewlines()) {
      parts[String(match.output.1).lowercased().prefix(2).description] = String(match.output.2)
    }
    return parts
  }
}

/// A small HTML walker: block elements become paragraphs, `<br>` a line break, bold and italic
/// Markdown emphasis, list items `-` or `1.` lines; other tags are dropped and their text kept.
private struct HTMLToMarkdown {
  private var blocks: [String] = []
  private var current = ""
  private var lists: [(ordered: Bool, count: Int)] = []
  var files: [String] = []

  mutating func convert(_ html: String) {
    var rest = Substring(html)
    while let open = rest.utf8.firstIndex(of: UInt8(ascii: "<")) {
      text(rest[..<open])
      guard let close = rest.utf8[open...].firstIndex(of: UInt8(ascii: ">")) else {
        text(rest[open...])
        return
      }
      tag(rest[rest.index(after: open)..<close])
      rest = rest[rest.index(after: close)...]
    }
    text(rest)
  }

  private mutating func text(_ raw: Substring) {
    guard !raw.isEmpty else { return }
    // HTML's white space is ASCII (space, tab, line feed, form feed, carriage return): runs of it
    // are one space, collapsed byte by byte.
    var collapsed: [UInt8] = []
    collapsed.reserveCapacity(raw.utf8.count)
    let last = current.utf8.last
    var lastWasSpace = last == nil || last == 0x0A || last == 0x20
    for byte in raw.utf8 {
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D {
        if !lastWasSpace { collapsed.append(0x20) }
        lastWasSpace = true
      } else {
        collapsed.append(byte)
        lastWasSpace = false
      }
    }
    current += RichText.decodeEntities(String(decoding: collapsed, as: UTF8.self))
  }

  private mutating func tag(_ raw: Substring) {
    let closing = raw.hasPrefix("/")
    let name = raw.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
    switch name {
    case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "tr": endBlock()
    case "br":
      trimTrailingSpace()
      current += "\n"
    case "strong", "b":
      trimIfClosing(closing)
      current += "**"
    case "em", "i":
      trimIfClosing(closing)
      current += "*"
    case "ul", "ol":
      endBlock()
      if closing { _ = lists.popLast() } else { lists.append((name == "ol", 0)) }
    case "li" where !closing:
      trimTrailingSpace()
      if !current.isEmpty { current += "\n" }
      if let last = lists.indices.last, lists[last].ordered {
        lists[last].count += 1
        current += "\(lists[last].count). "
      } else {
        current += "- "
      }
    case "img", "a", "video", "audio", "source", "embed", "object":
      if let file = Self.attribute(name == "a" ? "href" : "src", in: raw),
        file.contains("@@PLUGINFILE@@") || name != "a"
      {
        files.append(RichText.decodeEntities(file))
      }
    default: break
    }
  }

  private mutating func trimIfClosing(_ closing: Bool) {
    if closing { trimTrailingSpace() }
  }

  private mutating func trimTrailingSpace() {
    while current.last == " " { current.removeLast() }
  }

  private mutating func endBlock() {
    let block = current.splitUTF8("\n").map { String($0).trimmingWhitespace }.joined(separator: "\n")
      .trimmingWhitespace
    if !block.isEmpty { blocks.append(block) }
    current = ""
  }

  mutating func finished() -> String {
    endBlock()
    return blocks.joined(separator: "\n\n")
  }

  private static func attribute(_ name: String, in tag: Substring) -> String? {
    guard let range = tag.range(of: name + "=\"") else { return nil }
    let value = tag[range.upperBound...].prefix { $0 != "\"" }
    return String(value)
  }
}

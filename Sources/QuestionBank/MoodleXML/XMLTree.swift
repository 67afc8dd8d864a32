import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An XML element with its attributes, text, children and the line it starts on: Moodle XML read
/// whole into a small tree by Foundation's XMLParser, then walked question by question.
struct XMLTreeNode: Sendable {
  let name: String
  let attributes: [String: String]
  let line: Int
  var children: [XMLTreeNode] = []
  var text = ""

  init(name: String, attributes: [String: String], line: Int) {
    self.name = name
    self.attributes = attributes
    self.line = line
  }

  func child(_ name: String) -> XMLTreeNode? { children.first { $0.name == name } }
  func all(_ name: String) -> [XMLTreeNode] { children.filter { $0.name == name } }
  /// The text of the `<text>` inside the child `name` (`<name><text>...</text></name>`).
  func textOf(_ name: String) -> String? { child(name)?.child("text")?.text }
  /// The element's own text, trimmed.
  var value: String { text.trimmingWhitespace }

  /// A parser reading `data` in pieces: given more than 10 MB at once, libxml2 (under XMLParser)
  /// stops with an internal error, so a 10,000-question Moodle file is fed to it as a stream.
  static func parser(for data: Data) -> XMLParser {
    XMLParser(stream: InputStream(data: data))
  }

  /// Parses `data`; on a syntax error gives the problem and its line instead.
  static func parse(_ data: Data) -> Result<XMLTreeNode, XMLSyntaxError> {
    let builder = TreeBuilder()
    let parser = XMLTreeNode.parser(for: data)
    parser.delegate = builder
    parser.shouldResolveExternalEntities = false
    let parsed = parser.parse()
    if let mismatch = builder.mismatch { return .failure(mismatch) }
    if parsed, let root = builder.root, builder.isBalanced { return .success(root) }
    let reason =
      parser.parserError.map { ($0 as NSError).localizedDescription } ?? "an element is never closed"
    return .failure(XMLSyntaxError(line: max(1, parser.lineNumber), reason: reason))
  }
}

struct XMLSyntaxError: Error {
  let line: Int
  let reason: String
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
  var root: XMLTreeNode?
  private var stack: [XMLTreeNode] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    stack.append(XMLTreeNode(name: elementName, attributes: attributes, line: parser.lineNumber))
  }

  /// An end tag that does not close the element open (some XMLParser builds let it pass).
  var mismatch: XMLSyntaxError?
  var isBalanced: Bool { stack.isEmpty }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
  ) {
    let open = stack.popLast()
    guard open?.name == elementName else {
      if mismatch == nil {
        mismatch = XMLSyntaxError(
          line: max(1, parser.lineNumber), reason: "</\(elementName)> does not close <\(open?.name ?? "")>")
      }
      parser.abortParsing()
      return
    }
    guard let open else { return }
    if stack.isEmpty { root = open } else { stack[stack.count - 1].children.append(open) }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if !stack.isEmpty { stack[stack.count - 1].text += string }
  }

  func parser(_ parser: XMLParser, foundCDATA block: Data) {
    if !stack.isEmpty { stack[stack.count - 1].text += String(decoding: block, as: UTF8.self) }
  }
}

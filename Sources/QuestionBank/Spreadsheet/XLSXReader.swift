import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads the first worksheet of an XLSX workbook into rows: shared strings, inline strings,
/// numbers and booleans as their text; cells with or without their `r` reference.
enum XLSXReader {
  static func rows(_ data: Data) throws(ZipReader.Failure) -> SheetRows {
    let zip = try ZipReader(data)
    /// A part as XML text: XMLParser must only ever see valid UTF-8 (damaged names crash it here).
    func part(_ name: String) throws(ZipReader.Failure) -> Data? {
      guard let data = try zip.contents(name) else { return nil }
      guard String(validating: data, as: UTF8.self) != nil else { throw .damaged(name) }
      return data
    }
    guard let workbook = try part("xl/workbook.xml") else { throw .damaged("xl/workbook.xml") }
    let sheets = SheetList.parse(workbook)
    let relationships = try part("xl/_rels/workbook.xml.rels").map(SheetList.targets) ?? [:]
    let first = sheets.first
    var path = first.flatMap { relationships[$0.relationship] } ?? "worksheets/sheet1.xml"
    if path.hasPrefix("/") { path.removeFirst() } else { path = "xl/" + path }
    guard let sheet = try part(path) else { throw .damaged(path) }
    let strings = try part("xl/sharedStrings.xml").map(SharedStringsParser.parse) ?? []
    let rows = WorksheetParser.parse(sheet, strings: strings)
    return SheetRows(sheet: first?.name ?? "Sheet1", rows: rows)
  }
}

/// The sheets a workbook names, in order, and where their parts are.
private final class SheetList: NSObject, XMLParserDelegate {
  var sheets: [(name: String, relationship: String)] = []
  var targets: [String: String] = [:]

  static func parse(_ data: Data) -> [(name: String, relationship: String)] {
    let list = SheetList()
    let parser = XMLTreeNode.parser(for: data)
    parser.delegate = list
    _ = parser.parse()
    return list.sheets
  }

  static func targets(_ data: Data) -> [String: String] {
    let list = SheetList()
    let parser = XMLTreeNode.parser(for: data)
    parser.delegate = list
    _ = parser.parse()
    return list.targets
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    if elementName.hasSuffix("sheet"), let name = attributes["name"] {
      sheets.append((name, attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""))
    } else if elementName == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
      targets[id] = target
    }
  }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text, rich-text runs joined.
private final class SharedStringsParser: NSObject, XMLParserDelegate {
  var strings: [String] = []
  private var current = ""
  private var inText = false
  private var inPhonetic = false

  static func parse(_ data: Data) -> [String] {
    let reader = SharedStringsParser()
    let parser = XMLTreeNode.parser(for: data)
    parser.delegate = reader
    _ = parser.parse()
    return reader.strings
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    switch elementName {
    case "si": current = ""
    case "t": inText = true
    case "rPh": inPhonetic = true
    default: break
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
  ) {
    switch elementName {
    case "si": strings.append(current)
    case "t": inText = false
    case "rPh": inPhonetic = false
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inText, !inPhonetic { current += string }
  }
}

/// A worksheet's cells as text, row by row.
private final class WorksheetParser: NSObject, XMLParserDelegate {
  private let strings: [String]
  var rows: [SheetRows.Row] = []
  private var row = SheetRows.Row(number: 0, cells: [:])
  private var column = -1
  private var type = ""
  private var value = ""
  private var collecting = false

  init(strings: [String]) { self.strings = strings }

  static func parse(_ data: Data, strings: [String]) -> [SheetRows.Row] {
    let reader = WorksheetParser(strings: strings)
    let parser = XMLTreeNode.parser(for: data)
    parser.delegate = reader
    _ = parser.parse()
    return reader.rows
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    switch elementName {
    case "row":
      let number = attributes["r"].flatMap { Int($0) } ?? (rows.last?.number ?? 0) + 1
      row = SheetRows.Row(number: number, cells: [:])
      column = -1
    case "c":
      column = attributes["r"].flatMap { SheetRows.columnIndex(Substring($0)) } ?? column + 1
      type = attributes["t"] ?? "n"
      value = ""
    case "v", "t":
      collecting = true
    default: break
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
  ) {
    switch elementName {
    case "v", "t": collecting = false
    case "c":
      let text: String
      switch type {
      case "s":
        text =
          Int(value.trimmingWhitespace).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
      case "b": text = value.trimmingWhitespace == "1" ? "TRUE" : "FALSE"
      case "n": text = Self.number(value.trimmingWhitespace)
      default: text = value
      }
      if !text.isEmpty { row.cells[column] = text }
    case "row": rows.append(row)
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if collecting { value += string }
  }

  /// A number as a person reads it: `5`, not `5.0`.
  private static func number(_ text: String) -> String {
    guard let value = Double(text), value.rounded() == value, abs(value) < 1e15 else { return text }
    return String(Int(value))
  }
}

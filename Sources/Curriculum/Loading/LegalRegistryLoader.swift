import Foundation
import VietnameseText
import Yams

/// Reads `legal-sources.yaml`, the registry of legal documents sources may cite, and checks that
/// its "replaced by" and "amended by" chains hold together.
enum LegalRegistryLoader {
  private static let fields = [
    "id", "number", "name", "title", "signed", "in_force", "status", "replaced_by", "replaced_on",
    "amended_by", "articles", "read_in", "secondary",
  ]

  static func load(_ url: URL, displayPath: String, log: DiagnosticLog) -> LegalRegistry? {
    guard let file = SourceFile.read(url, displayPath: displayPath, log: log),
      let document = YAMLDocument.parse(file.text, file: file.path, log: log),
      let root = FieldReader(document.root, field: "documents", in: document, log: log, known: ["documents"])
    else { return nil }
    var documents: [LegalDocument] = []
    var seen: [String: SourceLocation] = [:]
    for node in root.list("documents", required: true, allowsSingle: false) ?? [] {
      guard let entry = legalDocument(node, in: document, log: log) else { continue }
      if let first = seen[entry.id] {
        log.error(.duplicateID(kind: .legalDocument, id: entry.id, first: first), at: entry.location)
        continue
      }
      seen[entry.id] = entry.location
      documents.append(entry)
    }
    let registry = LegalRegistry(documents: documents)
    checkChains(registry, log: log)
    return registry
  }

  private static func legalDocument(_ node: Node, in document: YAMLDocument, log: DiagnosticLog)
    -> LegalDocument?
  {
    guard let reader = FieldReader(node, field: "documents", in: document, log: log, known: fields),
      let id = reader.id()
    else { return nil }
    let number = reader.string("number", required: true)
    let name = reader.string("name", required: true)
    let title = reader.text("title", required: true)
    let status = reader.choice("status", as: LegalStatus.self, required: true)
    let signed = date("signed", reader, log: log)
    let inForce = date("in_force", reader, log: log)
    let replacedOn = date("replaced_on", reader, log: log)
    let articles = reader.int("articles", in: 1...10_000)
    guard let number, let name, let title, let status else { return nil }
    return LegalDocument(
      id: id, number: number, name: name, title: title, signed: signed, inForceFrom: inForce, status: status,
      replacedBy: reader.reference("replaced_by"), replacedOn: replacedOn,
      amendedBy: reader.references("amended_by") ?? [], articles: articles, readIn: reader.string("read_in"),
      secondary: reader.bool("secondary") ?? false, location: reader.location(of: "id"))
  }

  /// A `yyyy-MM-dd` date field (kept as text: such dates sort as they read).
  private static func date(_ key: String, _ reader: FieldReader, log: DiagnosticLog) -> String? {
    guard let text = reader.string(key) else { return nil }
    guard isDate(text) else {
      log.error(.invalidDate(field: key, value: text), at: reader.location(of: key))
      return nil
    }
    return text
  }

  /// Whether `text` is a calendar date written `yyyy-MM-dd`.
  static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return false }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let components = DateComponents(year: year, month: month, day: day)
    guard (1...12).contains(month), (1...31).contains(day), let date = calendar.date(from: components) else {
      return false
    }
    return calendar.component(.day, from: date) == day
  }

  /// Every id a document names exists; status and "replaced by" agree; the chain of replacements
  /// ends in a document not replaced; "replaced on" is the successor's entry into force.
  private static func checkChains(_ registry: LegalRegistry, log: DiagnosticLog) {
    let ids = registry.documents.map(\.id)
    for document in registry.documents {
      for reference in [document.replacedBy].compactMap({ $0 }) + document.amendedBy
      where registry.document(reference.id) == nil {
        log.error(
          .unknownReference(
            kind: .legalDocument, id: reference.id, suggestion: closestMatch(to: reference.id, in: ids)),
          at: reference.location)
      }
      switch (document.status, document.replacedBy) {
      case (.replaced, nil):
        log.error(.replacedWithoutSuccessor(document: document.id), at: document.location)
      case (.replaced, .some): break
      case (_, .some(let successor)):
        log.error(.successorOfDocumentNotReplaced(document: document.id), at: successor.location)
      default: break
      }
      if document.status == .amended, document.amendedBy.isEmpty {
        log.error(.amendedWithoutAmendments(document: document.id), at: document.location)
      }
      guard let successor = document.replacedBy, let next = registry.document(successor.id) else { continue }
      if registry.current(document.id) == nil {
        log.error(.replacementChainLoops(document: document.id), at: successor.location)
      }
      if let replacedOn = document.replacedOn, let inForce = next.inForceFrom, replacedOn != inForce {
        log.error(
          .replacedOnDiffersFromSuccessor(replacedOn: replacedOn, successor: next.id, inForce: inForce),
          at: successor.location)
      }
    }
  }
}

import Localization

/// Whether a document of the registry is the law today.
public enum LegalStatus: String, Sendable, Hashable, Codable, CaseIterable {
  /// In force, as issued.
  case inForce = "in-force"
  /// In force, with amendments (see `amendedBy`).
  case amended
  /// Replaced or ended by another document (see `replacedBy` and `replacedOn`).
  case replaced
  /// Not a legal document: a report (PAPI) whose figures a course quotes.
  case report
}

/// A document of the legal-source registry (`Courses/legal-sources.yaml`): what it is, whether it
/// is in force, and where its primary text was read.
public struct LegalDocument: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  /// The official number, such as "118/2025/NĐ-CP".
  public var number: String
  /// How a citation names it: "Nghị định 118/2025/NĐ-CP".
  public var name: String
  public var title: LocalizedText
  /// Dates as `yyyy-MM-dd`.
  public var signed: String?
  public var inForceFrom: String?
  public var status: LegalStatus
  public var replacedBy: Reference?
  /// The day it stopped being the law (the replacing document's entry into force).
  public var replacedOn: String?
  public var amendedBy: [Reference]
  /// How many articles the document has; nil for a report.
  public var articles: Int?
  /// Where its primary text was read (a file of the shared legal folder, or a report's address).
  public var readIn: String?
  /// Whether only secondary sources (press, summaries) were read: citing it draws a warning.
  public var secondary: Bool
  public var location: SourceLocation

  public init(
    id: String, number: String, name: String, title: LocalizedText, signed: String? = nil,
    inForceFrom: String? = nil, status: LegalStatus, replacedBy: Reference? = nil, replacedOn: String? = nil,
    amendedBy: [Reference] = [], articles: Int? = nil, readIn: String? = nil, secondary: Bool = false,
    location: SourceLocation
  ) {
    self.id = id
    self.number = number
    self.name = name
    self.title = title
    self.signed = signed
    self.inForceFrom = inForceFrom
    self.status = status
    self.replacedBy = replacedBy
    self.replacedOn = replacedOn
    self.amendedBy = amendedBy
    self.articles = articles
    self.readIn = readIn
    self.secondary = secondary
    self.location = location
  }

  /// Whether the document had been replaced by `day` (`yyyy-MM-dd`).
  public func isReplaced(by day: String) -> Bool {
    guard status == .replaced else { return false }
    guard let replacedOn else { return true }
    return replacedOn <= day
  }
}

/// The registry of legal documents the courses may cite.
public struct LegalRegistry: Sendable, Hashable, Codable {
  public var documents: [LegalDocument]

  public init(documents: [LegalDocument]) {
    self.documents = documents
  }

  public func document(_ id: String) -> LegalDocument? { documents.first { $0.id == id } }

  /// The document in force at the end of `id`'s "replaced by" chain (itself when not replaced),
  /// or nil when the chain breaks or loops.
  public func current(_ id: String) -> LegalDocument? {
    var seen: Set<String> = []
    var next = document(id)
    while let document = next {
      guard seen.insert(document.id).inserted else { return nil }
      guard let successor = document.replacedBy else { return document }
      next = self.document(successor.id)
    }
    return nil
  }
}

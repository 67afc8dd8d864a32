/// Where a lesson or an answer rests: a document of the legal-source registry and the article,
/// clause and point read in its primary text, or a PAPI report and the indicator it measures.
public struct LegalSource: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The registry id of the document (`nd-118-2025`), or, for content loaded without a registry,
  /// the document's name as written.
  public var document: String
  /// The article number, such as "13".
  public var article: String?
  /// The clause of the article, such as "3".
  public var clause: String?
  /// The point of the clause, such as "a".
  public var point: String?
  /// For PAPI facts: the indicator or sub-dimension the fact concerns.
  public var indicator: String?
  /// Whether the citation is about history: a replaced document is then allowed.
  public var history: Bool
  /// The document's citation name from the registry ("Nghị định 118/2025/NĐ-CP"), once resolved.
  public var name: String?
  /// Where the source stands in its file.
  public var location: SourceLocation?

  public init(
    document: String, article: String? = nil, clause: String? = nil, point: String? = nil,
    indicator: String? = nil, history: Bool = false, name: String? = nil, location: SourceLocation? = nil
  ) {
    self.document = document
    self.article = article
    self.clause = clause
    self.point = point
    self.indicator = indicator
    self.history = history
    self.name = name
    self.location = location
  }

  /// "Nghị định 118/2025/NĐ-CP, Điều 12 khoản 2 điểm a".
  public var description: String {
    var place: [String] = []
    if let article { place.append(article.allSatisfy(\.isNumber) ? "Điều \(article)" : article) }
    if let clause { place.append("khoản \(clause)") }
    if let point { place.append("điểm \(point)") }
    let parts: [String?] = [name ?? document, place.isEmpty ? nil : place.joined(separator: " "), indicator]
    return parts.compactMap { $0 }.joined(separator: ", ")
  }

  /// The fields an author writes, for the placeholder check.
  public var writtenFields: [(field: String, text: String)] {
    let fields: [(String, String?)] = [
      ("document", document), ("article", article), ("clause", clause), ("point", point),
      ("indicator", indicator),
    ]
    return fields.compactMap { field, text in text.map { (field, $0) } }
  }
}

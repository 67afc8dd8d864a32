/// Where a lesson or an answer rests: a legal document and its article, or a PAPI report and the
/// indicator it measures.
public struct LegalSource: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The document: "Luật 10/2022/QH15", "Nghị định 61/2018/NĐ-CP", "Báo cáo PAPI 2024".
  public var document: String
  /// The article (and clause), such as "Điều 13, khoản 3".
  public var article: String?
  /// For PAPI facts: the indicator or sub-dimension the fact concerns.
  public var indicator: String?

  public init(document: String, article: String? = nil, indicator: String? = nil) {
    self.document = document
    self.article = article
    self.indicator = indicator
  }

  /// "Nghị định 61/2018/NĐ-CP, Điều 5".
  public var description: String {
    [document, article, indicator].compactMap { $0 }.joined(separator: ", ")
  }
}

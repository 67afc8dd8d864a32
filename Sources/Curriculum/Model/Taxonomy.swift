import Localization

/// The years a dimension or sub-dimension applies to, both ends inclusive.
public struct YearRange: Sendable, Hashable, Codable {
  public var from: Int?
  public var until: Int?

  public init(from: Int? = nil, until: Int? = nil) {
    self.from = from
    self.until = until
  }

  /// Whether the range includes `year`.
  public func contains(_ year: Int) -> Bool {
    (from.map { $0 <= year } ?? true) && (until.map { year <= $0 } ?? true)
  }
}

/// A PAPI sub-dimension, such as `D2.4` (land-use plans and price frames).
public struct SubDimension: Sendable, Hashable, Codable, Identifiable {
  public var code: String
  public var name: LocalizedText
  public var years: YearRange
  public var id: String { code }

  public init(code: String, name: LocalizedText, years: YearRange = YearRange()) {
    self.code = code
    self.name = name
    self.years = years
  }
}

/// A PAPI dimension, such as `D5` (public administrative procedures), with its sub-dimensions.
public struct Dimension: Sendable, Hashable, Codable, Identifiable {
  public var code: String
  public var name: LocalizedText
  public var years: YearRange
  public var subdimensions: [SubDimension]
  public var id: String { code }

  public init(
    code: String, name: LocalizedText, years: YearRange = YearRange(), subdimensions: [SubDimension]
  ) {
    self.code = code
    self.name = name
    self.years = years
    self.subdimensions = subdimensions
  }
}

/// The PAPI taxonomy as loaded from `Courses/papi-taxonomy.yaml`. The code holds no list of
/// dimensions: a ninth dimension is one more entry in the data file.
public struct Taxonomy: Sendable, Hashable, Codable {
  /// The survey year the courses are written for.
  public var edition: Int
  /// The lowest and highest score of one dimension (1 and 10 for PAPI).
  public var scale: ClosedRange<Double>
  public var dimensions: [Dimension]

  public init(edition: Int, scale: ClosedRange<Double> = 1...10, dimensions: [Dimension]) {
    self.edition = edition
    self.scale = scale
    self.dimensions = dimensions
  }

  /// A code found in the taxonomy: a dimension or one of its sub-dimensions.
  public enum Entry: Sendable, Hashable {
    case dimension(Dimension)
    case subdimension(SubDimension, of: Dimension)

    /// The dimension this entry belongs to (itself for a dimension).
    public var dimension: Dimension {
      switch self {
      case .dimension(let dimension), .subdimension(_, let dimension): dimension
      }
    }

    public var name: LocalizedText {
      switch self {
      case .dimension(let dimension): dimension.name
      case .subdimension(let sub, _): sub.name
      }
    }

    public var years: YearRange {
      switch self {
      case .dimension(let dimension): dimension.years
      case .subdimension(let sub, _): sub.years
      }
    }
  }

  /// The dimension or sub-dimension with this code, if the taxonomy has one.
  public func entry(for code: String) -> Entry? {
    for dimension in dimensions {
      if dimension.code == code { return .dimension(dimension) }
      if let sub = dimension.subdimensions.first(where: { $0.code == code }) {
        return .subdimension(sub, of: dimension)
      }
    }
    return nil
  }

  /// Whether `code` is `ancestor` itself or one of its sub-dimensions.
  public func code(_ code: String, fallsUnder ancestor: String) -> Bool {
    guard let entry = entry(for: code) else { return false }
    return code == ancestor || entry.dimension.code == ancestor
  }
}

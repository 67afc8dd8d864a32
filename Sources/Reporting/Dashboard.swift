import Foundation

/// What the leaders' dashboard shows, already computed by the insight layer. Scores are on the
/// taxonomy's scale (1-10 for PAPI); nil means insufficient data, shown as such, never as zero.
public struct DashboardData: Sendable, Hashable {
  public struct Dimension: Sendable, Hashable {
    public var code: String
    public var name: String
    public init(code: String, name: String) {
      self.code = code
      self.name = name
    }
  }

  public struct Commune: Sendable, Hashable {
    public var code: String
    public var name: String
    /// District (if any) and province.
    public var parents: [String]
    /// Dimension code → readiness score, nil when insufficient.
    public var scores: [String: Double?]
    /// Dimension code → share of officials assessed, 0 to 1.
    public var coverage: [String: Double]
    /// Weak dimensions and sub-dimensions, weakest first, as "D5.3 Name"; each may carry what to
    /// study and who is responsible.
    public var weakAreas: [String]
    /// Detail shown under each weak area (lessons, positions), by the same index; may be empty.
    public var weakDetails: [String]
    /// The sum over every dimension (8-80 for PAPI), nil while any dimension lacks data.
    public var total: Double?

    public init(
      code: String, name: String, parents: [String], scores: [String: Double?], coverage: [String: Double],
      weakAreas: [String], weakDetails: [String] = [], total: Double? = nil
    ) {
      self.weakDetails = weakDetails
      self.total = total
      self.code = code
      self.name = name
      self.parents = parents
      self.scores = scores
      self.coverage = coverage
      self.weakAreas = weakAreas
    }
  }

  /// Readiness at one point in time (a class, a month), for trends.
  public struct TrendPoint: Sendable, Hashable {
    public var label: String
    public var scores: [String: Double?]
    public init(label: String, scores: [String: Double?]) {
      self.label = label
      self.scores = scores
    }
  }

  public struct PriorityRow: Sendable, Hashable {
    public var code: String
    public var provinceScore: Double
    public var readiness: Double?
    public var urgency: Double
    public init(code: String, provinceScore: Double, readiness: Double?, urgency: Double) {
      self.code = code
      self.provinceScore = provinceScore
      self.readiness = readiness
      self.urgency = urgency
    }
  }

  public var title: String
  public var generated: String
  public var scale: ClosedRange<Double>
  public var dimensions: [Dimension]
  public var communes: [Commune]
  public var trends: [TrendPoint]
  public var priorities: [PriorityRow]
  /// Labels in the report's language.
  public var labels: Labels

  public init(
    title: String, generated: String, scale: ClosedRange<Double>, dimensions: [Dimension],
    communes: [Commune],
    trends: [TrendPoint] = [], priorities: [PriorityRow] = [], labels: Labels = .vietnamese
  ) {
    self.title = title
    self.generated = generated
    self.scale = scale
    self.dimensions = dimensions
    self.communes = communes
    self.trends = trends
    self.priorities = priorities
    self.labels = labels
  }

  /// The dashboard's fixed words.
  public struct Labels: Sendable, Hashable {
    public var heatMap, profiles, provinceAverage, trends, weakAreas, priorities, insufficient, coverage,
      commune, dimension, provinceScore, readiness, urgency, bands, generated, noPriorities: String
    public var total = "Tổng"

    public static let vietnamese = Labels(
      heatMap: "Mức sẵn sàng theo xã và chỉ số", profiles: "Hồ sơ từng xã so với trung bình tỉnh",
      provinceAverage: "Trung bình tỉnh", trends: "Xu hướng theo tháng và theo lớp",
      weakAreas: "Nội dung cần bồi dưỡng",
      priorities: "Thứ tự ưu tiên", insufficient: "chưa đủ dữ liệu", coverage: "độ phủ", commune: "Xã/phường",
      dimension: "Chỉ số", provinceScore: "Điểm PAPI của tỉnh", readiness: "Mức sẵn sàng",
      urgency: "Mức cấp thiết",
      bands: "Tốt nhất · Trung bình cao · Trung bình thấp · Thấp nhất", generated: "Lập ngày",
      noPriorities: "Chưa có điểm PAPI của tỉnh (papi-train report readiness --province-scores TỆP.csv).")

    public static let english = Labels(
      heatMap: "Readiness by commune and dimension", profiles: "Each commune against the province average",
      provinceAverage: "Province average", trends: "Trends by month and by class",
      weakAreas: "What to train next",
      priorities: "Priorities", insufficient: "insufficient data", coverage: "coverage", commune: "Commune",
      dimension: "Dimension", provinceScore: "Province PAPI score", readiness: "Readiness",
      urgency: "Urgency",
      bands: "Best · High average · Low average · Poor", generated: "Generated",
      noPriorities: "No province PAPI scores given (papi-train report readiness --province-scores FILE.csv).",
      total: "Total")
  }
}

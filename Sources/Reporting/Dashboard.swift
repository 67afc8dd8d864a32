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
    /// What the province has received from the commune.
    public var status: CollectionStatus = .trained
    /// The day of the latest answer received (`2026-10-15`), nil when none.
    public var lastReceived: String?
    /// Officials with a finished attempt, of those on the roster.
    public var trainedOfficials = 0
    public var rosterOfficials = 0
    /// Dimension code → officials assessed on it: who stands behind the figure (empty: only
    /// the coverage is known).
    public var officials: [String: Int] = [:]

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

  /// What the province has received from a commune: enough for a score on some dimension
  /// (trained), some answers but too few for any score, or nothing.
  public enum CollectionStatus: String, Sendable, Hashable, CaseIterable {
    case trained
    case someResults = "some-results"
    case noResults = "no-results"
  }

  /// Every commune of the province (or of the unit reported on) taken together, whichever are
  /// shown: how many have sent results, and each dimension's average over the communes with a
  /// score.
  public struct Province: Sendable, Hashable {
    public var name: String
    /// Communes in the province (of the units list, and any other with a results file).
    public var communes: Int
    /// Communes by status.
    public var trained: Int
    public var someResults: Int
    /// Dimension code → mean readiness over the communes with a score on it (nil: none has).
    public var averages: [String: Double?]
    /// Dimension code → communes behind the average.
    public var scoredCommunes: [String: Int]
    /// Dimension code → the province pooled as one group: score with its 95% interval on the
    /// scale, and the officials behind it (nil score: insufficient data).
    public var pooled: [String: PooledScore]
    public var trainedOfficials: Int
    public var rosterOfficials: Int
    public var lastReceived: String?
    /// The day of the earliest answer received from any commune.
    public var firstReceived: String?

    public init(
      name: String, communes: Int, trained: Int, someResults: Int, averages: [String: Double?],
      scoredCommunes: [String: Int] = [:], pooled: [String: PooledScore] = [:], trainedOfficials: Int = 0,
      rosterOfficials: Int = 0, lastReceived: String? = nil, firstReceived: String? = nil
    ) {
      self.name = name
      self.communes = communes
      self.trained = trained
      self.someResults = someResults
      self.averages = averages
      self.scoredCommunes = scoredCommunes
      self.pooled = pooled
      self.trainedOfficials = trainedOfficials
      self.rosterOfficials = rosterOfficials
      self.lastReceived = lastReceived
      self.firstReceived = firstReceived
    }

    /// Communes that sent nothing.
    public var noResults: Int { communes - trained - someResults }
  }

  /// A pooled score with its interval, on the scale.
  public struct PooledScore: Sendable, Hashable {
    public var score: Double?
    public var lower: Double
    public var upper: Double
    public var officials: Int
    public var answers: Int
    public init(score: Double?, lower: Double, upper: Double, officials: Int, answers: Int) {
      self.score = score
      self.lower = lower
      self.upper = upper
      self.officials = officials
      self.answers = answers
    }
  }

  /// Readiness at one point in time (a class, a month), for trends.
  public struct TrendPoint: Sendable, Hashable {
    public var label: String
    public var scores: [String: Double?]
    /// A training class (shown as markers), not a month (shown as lines).
    public var isClass: Bool
    public init(label: String, scores: [String: Double?], isClass: Bool = false) {
      self.label = label
      self.scores = scores
      self.isClass = isClass
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
  /// The province the communes belong to, taken as a whole (nil: only the communes shown).
  public var province: Province?
  /// The colour bands, fixed on the scale.
  public var bands: ScoreBands

  /// Each dimension's province average: over every commune of the province when known, else
  /// over the communes shown.
  public var averages: [String: Double?] {
    if let province { return province.averages }
    var averages: [String: Double?] = [:]
    for dimension in dimensions {
      let values = communes.compactMap { $0.scores[dimension.code] ?? nil }
      averages[dimension.code] = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
    return averages
  }

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
    self.bands = ScoreBands(scale: scale)
  }

  /// The dashboard's fixed words.
  public struct Labels: Sendable, Hashable {
    public var heatMap, profiles, provinceAverage, trends, weakAreas, priorities, insufficient, coverage,
      commune, dimension, provinceScore, readiness, urgency, bands, generated, noPriorities: String
    public var total = "Tổng"
    /// Set from the report's message catalogue; Vietnamese by default.
    public var bandNames = ["Tốt", "Đạt", "Dưới ngưỡng yếu", "Thấp"]
    public var legend = ""
    public var statusNames = ["đã học", "có kết quả, chưa đủ", "chưa có kết quả"]
    public var trainedColumn = "Đã học"
    public var lastColumn = "Gần nhất"
    public var statusColumn = "Tình trạng"
    public var collectionLine = ""
    public var averageMark = ""
    public var summary = "Tóm tắt toàn tỉnh"
    public var interval = "khoảng tin cậy 95%"
    public var officials = "cán bộ"
    /// The data period: first and last answer, officials behind the figures.
    public var dataPeriod = ""
    /// How to read a profile, and a heat map cell's officials.
    public var profileLegend = ""
    public var cellOfficials = ""

    public static let vietnamese = Labels(
      heatMap: "Mức sẵn sàng theo xã và chỉ số", profiles: "Hồ sơ từng xã so với trung bình tỉnh",
      provinceAverage: "Trung bình tỉnh", trends: "Xu hướng theo tháng và theo lớp",
      weakAreas: "Nội dung cần bồi dưỡng",
      priorities: "Thứ tự ưu tiên", insufficient: "chưa đủ dữ liệu", coverage: "độ phủ", commune: "Xã/phường",
      dimension: "Chỉ số", provinceScore: "Điểm PAPI của tỉnh", readiness: "Mức sẵn sàng",
      urgency: "Mức cấp thiết",
      bands: "Tốt nhất · Trung bình cao · Trung bình thấp · Thấp nhất", generated: "Lập ngày",
      noPriorities: "Chưa có điểm PAPI của tỉnh: thứ tự ưu tiên cần điểm PAPI đã công bố của tỉnh.")

    public static let english = Labels(
      heatMap: "Readiness by commune and dimension", profiles: "Each commune against the province average",
      provinceAverage: "Province average", trends: "Trends by month and by class",
      weakAreas: "What to train next",
      priorities: "Priorities", insufficient: "insufficient data", coverage: "coverage", commune: "Commune",
      dimension: "Dimension", provinceScore: "Province PAPI score", readiness: "Readiness",
      urgency: "Urgency",
      bands: "Best · High average · Low average · Poor", generated: "Generated",
      noPriorities: "No province PAPI scores given: priorities need the province's published PAPI scores.",
      total: "Total")
  }
}

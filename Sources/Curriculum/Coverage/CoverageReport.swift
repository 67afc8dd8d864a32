/// How many lessons and questions serve each PAPI dimension and sub-dimension, so authors see the gaps.
public struct CoverageReport: Sendable, Hashable {
  /// One row: a dimension or sub-dimension with its counts.
  public struct Row: Sendable, Hashable {
    public var entry: Taxonomy.Entry
    public var lessons: Int
    public var questions: Int

    public var code: String {
      switch entry {
      case .dimension(let dimension): dimension.code
      case .subdimension(let sub, _): sub.code
      }
    }

    public var isSubdimension: Bool {
      if case .subdimension = entry { return true }
      return false
    }

    /// Whether the entry applies in the edition the courses are written for.
    public var isCurrent: Bool
  }

  /// Dimensions in taxonomy order, each followed by its sub-dimensions.
  public var rows: [Row]
  public var totalLessons: Int
  public var totalQuestions: Int

  /// Counts the lessons and questions of every course in `library`. A lesson or question tagged
  /// with a sub-dimension also counts for its dimension; each counts once per row.
  public init(library: CourseLibrary) {
    let taxonomy = library.taxonomy
    let lessons = library.courses.flatMap(\.lessons)
    let questions = library.courses.flatMap(\.questions)
    func count(_ codes: [[String]], serving target: String) -> Int {
      codes.filter { tags in tags.contains { taxonomy.code($0, fallsUnder: target) } }.count
    }
    let lessonCodes = lessons.map(\.papiCodes)
    let questionCodes = questions.map(\.papiCodes)
    var rows: [Row] = []
    for dimension in taxonomy.dimensions {
      rows.append(
        Row(
          entry: .dimension(dimension), lessons: count(lessonCodes, serving: dimension.code),
          questions: count(questionCodes, serving: dimension.code),
          isCurrent: dimension.years.contains(taxonomy.edition)))
      for sub in dimension.subdimensions {
        rows.append(
          Row(
            entry: .subdimension(sub, of: dimension), lessons: count(lessonCodes, serving: sub.code),
            questions: count(questionCodes, serving: sub.code),
            isCurrent: sub.years.contains(taxonomy.edition)))
      }
    }
    self.rows = rows
    self.totalLessons = lessons.count
    self.totalQuestions = questions.count
  }

  /// The current dimensions and sub-dimensions served by no lesson or no question.
  public var gaps: [Row] { rows.filter { $0.isCurrent && ($0.lessons == 0 || $0.questions == 0) } }
}

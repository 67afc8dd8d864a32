import Curriculum

/// One attempt as item analysis needs it: the mark on each question asked.
public struct ItemAttempt: Sendable, Hashable {
  /// Question id → mark (0 to the question's maximum).
  public var marks: [QuestionID: Double]

  public init(marks: [QuestionID: Double]) {
    self.marks = marks
  }

  /// The sum of the marks, added smallest first: the same total whatever order the dictionary
  /// keeps them in (which changes from run to run), so the same results give the same figures.
  public var total: Double { marks.values.sorted().reduce(0, +) }

  /// An attempt whose questions are given by their places in a list of questions
  /// (``ItemAnalysis/init(questions:attempts:maxMark:)``): no dictionary by id per attempt.
  public struct ByPosition: Sendable, Hashable {
    /// Each mark's question, as its place in the list; a question given twice counts with its
    /// best mark, as in ``ItemAttempt/marks``.
    public var positions: [Int32]
    public var marks: [Double]

    public init(positions: [Int32], marks: [Double]) {
      self.positions = positions
      self.marks = marks
    }
  }
}

/// Quiz statistics with Moodle's definitions, for trainers.
///
/// With s attempts, x an item's mark, X the attempt total and Y = X - x (the rest of the test),
/// variances and covariances over (s - 1):
/// - facility index = mean(x) / max mark;
/// - standard deviation = SD(x) / max mark;
/// - discrimination index = 100 cov(x, Y) / sqrt(var(x) var(Y));
/// - discriminative efficiency = 100 cov(x, Y) / cov(sorted x, sorted Y);
/// - for the test: Cronbach's alpha = 100 p/(p-1) (1 - Σ var(x_i) / var(X)) over p items,
///   error ratio = 100 sqrt(1 - alpha/100), standard error = error ratio × SD(X) / 100.
public struct ItemAnalysis: Sendable, Hashable {
  public struct Item: Sendable, Hashable {
    public var questionID: QuestionID
    public var attempts: Int
    /// 0 to 1.
    public var facility: Double
    public var standardDeviation: Double
    /// -100 to 100; nil when x or Y does not vary.
    public var discriminationIndex: Double?
    public var discriminativeEfficiency: Double?

    /// What a trainer should look at.
    public enum Flag: String, Sendable, Hashable {
      case tooEasy = "too-easy"
      case tooHard = "too-hard"
      /// Strong answerers get it wrong more than weak ones: often a wrong key.
      case negativeDiscrimination = "negative-discrimination"
    }

    /// Whether there are attempts enough (``ItemAnalysis/minimumAttempts``) for a verdict: on
    /// fewer, one or two officials decide whether a question looks "too hard", so no flag is given
    /// and the figures are shown as insufficient data.
    public var hasEnoughAttempts: Bool { attempts >= ItemAnalysis.minimumAttempts }

    /// The verdicts, none below ``ItemAnalysis/minimumAttempts`` attempts.
    public var flags: [Flag] {
      guard hasEnoughAttempts else { return [] }
      var flags: [Flag] = []
      if facility > 0.9 { flags.append(.tooEasy) }
      if facility < 0.2 { flags.append(.tooHard) }
      if let index = discriminationIndex, index < 0 { flags.append(.negativeDiscrimination) }
      return flags
    }
  }

  /// The fewest finished attempts at a question for a verdict on it (too easy, too hard,
  /// negative discrimination).
  public static let minimumAttempts = 20

  public var items: [Item]
  public var attempts: Int
  /// Cronbach's alpha (0-100 scale, may be negative); nil unless every attempt has the same
  /// questions, at least two of them, and totals vary.
  public var alpha: Double?
  public var errorRatio: Double?
  public var standardError: Double?

  /// Analyses `attempts`; `maxMark` is each question's maximum (1 in papi-train).
  public init(attempts: [ItemAttempt], maxMark: Double = 1) {
    // One pass over the attempts: each question's marks (x) and the rest of the same attempts'
    // totals (y), in attempt order. (Looking each question up in every attempt, and summing an
    // attempt's total for each of its questions, took a tenth of a class's export.)
    let totals = attempts.map(\.total)
    var columns: [QuestionID: (x: [Double], y: [Double])] = [:]
    for (attempt, total) in zip(attempts, totals) {
      for (id, mark) in attempt.marks {
        columns[id, default: ([], [])].x.append(mark)
        columns[id]!.y.append(total - mark)
      }
    }
    let sorted = columns.keys.sorted().map { (id: $0, x: columns[$0]!.x, y: columns[$0]!.y) }
    self.init(columns: sorted, totals: totals, maxMark: maxMark)
  }

  /// Analyses attempts whose questions are given by their places in `questions`: the figures of
  /// ``init(attempts:maxMark:)`` over the same marks by id, without a dictionary per attempt.
  public init(questions: [QuestionID], attempts: [ItemAttempt.ByPosition], maxMark: Double = 1) {
    var columns = [(x: [Double], y: [Double])](repeating: ([], []), count: questions.count)
    var totals: [Double] = []
    totals.reserveCapacity(attempts.count)
    // An attempt's best mark per question, and its questions in the order first given.
    var best = [Double?](repeating: nil, count: questions.count)
    var asked: [Int] = []
    for attempt in attempts {
      asked.removeAll(keepingCapacity: true)
      for (position, mark) in zip(attempt.positions, attempt.marks) {
        let place = Int(position)
        if let old = best[place] {
          best[place] = max(old, mark)
        } else {
          best[place] = mark
          asked.append(place)
        }
      }
      // Added smallest first, as ``ItemAttempt/total``.
      let total = asked.map { best[$0]! }.sorted().reduce(0, +)
      totals.append(total)
      for place in asked {
        let mark = best[place]!
        columns[place].x.append(mark)
        columns[place].y.append(total - mark)
        best[place] = nil
      }
    }
    let sorted = questions.indices.filter { !columns[$0].x.isEmpty }
      .sorted { questions[$0] < questions[$1] }
      .map { (id: questions[$0], x: columns[$0].x, y: columns[$0].y) }
    self.init(columns: sorted, totals: totals, maxMark: maxMark)
  }

  /// The figures from each question's marks (x) and the rest of the same attempts' totals (y),
  /// in attempt order, the questions in id order, and every attempt's total.
  private init(columns: [(id: QuestionID, x: [Double], y: [Double])], totals: [Double], maxMark: Double) {
    attempts = totals.count
    var itemVariances: [Double] = []
    items = columns.map { id, x, y in
      let varX = Statistics.variance(x)
      let varY = Statistics.variance(y)
      itemVariances.append(varX)
      let covXY = Statistics.covariance(x, y)
      let index = varX > 0 && varY > 0 ? 100 * covXY / (varX * varY).squareRoot() : nil
      let maxCov = Statistics.covariance(x.sorted(), y.sorted())
      let efficiency = maxCov > 0 ? 100 * covXY / maxCov : nil
      return Item(
        questionID: id, attempts: x.count, facility: Statistics.mean(x) / maxMark,
        standardDeviation: varX.squareRoot() / maxMark, discriminationIndex: index,
        discriminativeEfficiency: efficiency)
    }
    // Every attempt has the same questions when every question is in every attempt.
    let sameQuestions = columns.allSatisfy { $0.x.count == totals.count }
    let p = Double(columns.count)
    let varTotal = Statistics.variance(totals)
    if sameQuestions, p >= 2, totals.count >= 2, varTotal > 0 {
      let alpha = 100 * p / (p - 1) * (1 - itemVariances.reduce(0, +) / varTotal)
      self.alpha = alpha
      let ratio = alpha <= 100 ? 100 * (max(0, 1 - alpha / 100)).squareRoot() : 0
      errorRatio = ratio
      standardError = ratio * varTotal.squareRoot() / 100
    }
  }
}

/// Sample statistics, with variances over (n - 1) as Moodle uses them.
enum Statistics {
  static func mean(_ values: [Double]) -> Double {
    values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
  }

  static func variance(_ values: [Double]) -> Double {
    covariance(values, values)
  }

  static func covariance(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count, a.count > 1 else { return 0 }
    let meanA = mean(a)
    let meanB = mean(b)
    var sum = 0.0
    for index in a.indices { sum += (a[index] - meanA) * (b[index] - meanB) }
    return sum / Double(a.count - 1)
  }
}

import Curriculum

/// One answered question of an attempt.
public struct AnsweredQuestion: Sendable, Hashable {
  public var question: Question
  public var response: Response
  public var mark: Mark

  public init(question: Question, response: Response, mark: Mark) {
    self.question = question
    self.response = response
    self.mark = mark
  }
}

/// The outcome of a quiz, with the marks per PAPI dimension and sub-dimension so an official sees
/// where in PAPI terms they are weak.
public struct QuizResult: Sendable, Hashable {
  /// Marks earned and available for one PAPI code within this attempt.
  public struct Share: Sendable, Hashable {
    public var code: String
    public var earned: Double
    public var available: Int
    public var percent: Double { available == 0 ? 0 : 100 * earned / Double(available) }
  }

  public var answers: [AnsweredQuestion]
  /// How many questions the quiz asks (unanswered ones count as zero).
  public var questionCount: Int
  public var passPercent: Double

  public init(answers: [AnsweredQuestion], questionCount: Int, passPercent: Double) {
    self.answers = answers
    self.questionCount = questionCount
    self.passPercent = passPercent
  }

  public var score: Double { answers.reduce(0) { $0 + $1.mark.score } }
  public var percent: Double { questionCount == 0 ? 0 : 100 * score / Double(questionCount) }
  public var passed: Bool { percent >= passPercent - 1e-9 }
  public var missed: [AnsweredQuestion] { answers.filter { !$0.mark.isCorrect } }

  /// The share of marks per dimension (each question counts once for each dimension it serves,
  /// through itself or a sub-dimension), in taxonomy order.
  public func dimensionShares(in taxonomy: Taxonomy) -> [Share] {
    taxonomy.dimensions.compactMap { dimension in
      share(for: dimension.code, in: taxonomy)
    }
  }

  /// The share of marks per sub-dimension, in taxonomy order.
  public func subdimensionShares(in taxonomy: Taxonomy) -> [Share] {
    taxonomy.dimensions.flatMap(\.subdimensions).compactMap { share(for: $0.code, in: taxonomy) }
  }

  /// The dimensions and sub-dimensions where this attempt fell below the pass mark, weakest first.
  public func weakAreas(in taxonomy: Taxonomy) -> [Share] {
    (dimensionShares(in: taxonomy) + subdimensionShares(in: taxonomy))
      .filter { $0.percent < passPercent }
      .sorted { ($0.percent, $0.code) < ($1.percent, $1.code) }
  }

  private func share(for code: String, in taxonomy: Taxonomy) -> Share? {
    let serving = answers.filter { answer in
      answer.question.papiCodes.contains { taxonomy.code($0, fallsUnder: code) }
    }
    guard !serving.isEmpty else { return nil }
    return Share(code: code, earned: serving.reduce(0) { $0 + $1.mark.score }, available: serving.count)
  }
}

import Curriculum

/// One question as a quiz shows it: the question and the shuffled order of its parts.
public struct QuizItem: Sendable, Hashable {
  public var question: Question
  /// The order options (single/multiple choice) or right-hand items (matching) or items (ordering)
  /// are shown in, as indices into the question as written. Empty for other types.
  public var displayOrder: [Int]

  public init(question: Question, displayOrder: [Int]) {
    self.question = question
    self.displayOrder = displayOrder
  }
}

/// A quiz ready to be taken: the questions drawn and shuffled with a recorded seed.
public struct AssembledQuiz: Sendable, Hashable {
  public var courseID: String
  public var courseVersion: String
  public var quiz: Quiz
  public var seed: UInt64
  public var items: [QuizItem]

  /// The question ids in the order asked; stored with an attempt so it can be resumed.
  public var questionIDs: [QuestionID] { items.map(\.question.id) }
}

/// Problems that stop a quiz from being assembled.
public enum AssemblyError: Error, Sendable, Hashable {
  case unknownQuestion(QuestionID)
  case notEnoughQuestions(wanted: Int, available: Int)
}

/// Draws and shuffles a quiz's questions. Pure: the seed is the only source of randomness.
public struct QuizAssembler: Sendable {
  public let course: Course
  public let taxonomy: Taxonomy

  public init(course: Course, taxonomy: Taxonomy) {
    self.course = course
    self.taxonomy = taxonomy
  }

  /// Assembles `quiz` with `seed`. Fixed questions come first (shuffled when the quiz shuffles),
  /// then each draw rule takes `count` questions not already chosen; `excluding` keeps out
  /// questions that must not be asked (a pre-test's questions in its post-test, say).
  public func assemble(_ quiz: Quiz, seed: UInt64, excluding: Set<QuestionID> = []) throws -> AssembledQuiz {
    var generator = SeededGenerator(seed: seed)
    var chosen: [Question] = []
    var taken = Set<QuestionID>()
    for reference in quiz.questions {
      guard let question = course.question(reference.questionID) else {
        throw AssemblyError.unknownQuestion(reference.questionID)
      }
      chosen.append(question)
      taken.insert(question.id)
    }
    chosen += try draw(quiz.draw, taken: taken, excluding: excluding, generator: &generator)
    if quiz.shuffle { chosen = generator.shuffle(chosen) }
    let items = chosen.map { question in
      QuizItem(
        question: question, displayOrder: Self.displayOrder(of: question, shuffle: quiz.shuffle, seed: seed))
    }
    return AssembledQuiz(
      courseID: course.id, courseVersion: course.version, quiz: quiz, seed: seed, items: items)
  }

  /// The questions of the draw rules, in rule order. Rules may compete for the same questions (a
  /// rule by dimension and a rule by module, say), so the scarcest rule draws first, and a draw
  /// that leaves a later rule short is made again (up to 32 times, the seed's sequence going on):
  /// a quiz lint accepts is not refused for an unlucky seed.
  private func draw(
    _ rules: [DrawRule], taken: Set<QuestionID>, excluding: Set<QuestionID>, generator: inout SeededGenerator
  ) throws -> [Question] {
    let eligible = rules.map { rule in
      course.questions.filter {
        !taken.contains($0.id) && !excluding.contains($0.id) && rule.matches($0, in: taxonomy)
      }
    }
    let order = rules.indices.sorted {
      (eligible[$0].count - rules[$0].count, $0) < (eligible[$1].count - rules[$1].count, $1)
    }
    var shortest: (wanted: Int, available: Int)?
    for _ in 0..<32 {
      var used = Set<QuestionID>()
      var picks = [[Question]](repeating: [], count: rules.count)
      var complete = true
      for index in order {
        let pool = eligible[index].filter { !used.contains($0.id) }
        guard pool.count >= rules[index].count else {
          shortest = (rules[index].count, pool.count)
          complete = false
          break
        }
        picks[index] = Array(generator.shuffle(pool).prefix(rules[index].count))
        for question in picks[index] { used.insert(question.id) }
      }
      if complete { return picks.flatMap { $0 } }
    }
    throw AssemblyError.notEnoughQuestions(wanted: shortest?.wanted ?? 0, available: shortest?.available ?? 0)
  }

  /// Rebuilds a quiz from the question order stored with an attempt, so a resumed attempt shows
  /// exactly what it showed before.
  public func reassemble(_ quiz: Quiz, seed: UInt64, questionIDs: [QuestionID]) throws -> AssembledQuiz {
    let items = try questionIDs.map { id in
      guard let question = course.question(id) else { throw AssemblyError.unknownQuestion(id) }
      return QuizItem(
        question: question, displayOrder: Self.displayOrder(of: question, shuffle: quiz.shuffle, seed: seed))
    }
    return AssembledQuiz(
      courseID: course.id, courseVersion: course.version, quiz: quiz, seed: seed, items: items)
  }

  /// The order a question's parts are shown in: a function of the quiz seed and the question id
  /// only, so the same question looks the same when an attempt is resumed. It is the
  /// `displayOrder` of the question's item in what ``assemble(_:seed:excluding:)`` and
  /// ``reassemble(_:seed:questionIDs:)`` give, worked out alone (an export finds the order of each
  /// answer without reassembling its quiz).
  public static func displayOrder(of question: Question, shuffle: Bool, seed: UInt64) -> [Int] {
    ShuffledParts(question).map { displayOrder(of: $0, shuffle: shuffle, seed: seed) } ?? []
  }

  /// ``displayOrder(of:shuffle:seed:)`` from what of the question it depends on.
  public static func displayOrder(of parts: ShuffledParts, shuffle: Bool, seed: UInt64) -> [Int] {
    var generator = SeededGenerator(seed: seed ^ parts.idHash)
    let natural = Array(0..<parts.count)
    // Ordering items are always shuffled: shown in their right order, the question answers itself.
    if parts.areOrderingItems {
      var order = generator.shuffle(natural)
      if order == natural, parts.count > 1 { order.swapAt(0, 1) }
      return order
    }
    return shuffle ? generator.shuffle(natural) : natural
  }

  /// What of a question its display order depends on: its id, how many parts it shows (options,
  /// pairs, items) and whether they are ordering items. Kept by an export, which works out the
  /// order of every answer without copying its question each time.
  public struct ShuffledParts: Sendable, Hashable {
    let idHash: UInt64
    let count: Int
    let areOrderingItems: Bool

    /// Nil for a question whose parts are not shown in an order (true/false, short answer).
    public init?(_ question: Question) {
      switch question.body {
      case .singleChoice(let options, _), .multipleChoice(let options, _): count = options.count
      case .matching(let pairs): count = pairs.count
      case .ordering(let items): count = items.count
      case .trueFalse, .shortAnswer: return nil
      }
      if case .ordering = question.body { areOrderingItems = true } else { areOrderingItems = false }
      idHash = stableHash(question.id.rawValue)
    }
  }
}

/// FNV-1a over the UTF-8 bytes: a hash that, unlike `Hasher`, is the same in every process.
func stableHash(_ text: String) -> UInt64 {
  var hash: UInt64 = 0xCBF2_9CE4_8422_2325
  for byte in text.utf8 {
    hash ^= UInt64(byte)
    hash &*= 0x0000_0100_0000_01B3
  }
  return hash
}

import Assessment
import Curriculum
import Dispatch
import Foundation
import Gradebook
import Synchronization
import Toolkit
import Units

/// The size and shape of a generated province.
public struct DemoProvinceSpec: Sendable, Hashable {
  /// Communes in the province: the real ones of the units list first, synthetic codes beyond.
  public var communes: Int
  /// Officials on each commune's roster.
  public var officialsPerCommune: Int
  /// Quiz attempts each official takes, over the shipped courses.
  public var attemptsPerOfficial: Int
  /// Communes trained together in one class (each class is stored in each of its communes).
  public var communesPerClass: Int
  /// The seed: the same seed and sizes give the same files' contents.
  public var seed: UInt64
  /// The first day of training; attempts spread over `months` months from it.
  public var start: Date
  public var months: Int

  /// A province; by default trainings start on 3 March 2025 and run for 8 months.
  public init(
    communes: Int, officialsPerCommune: Int = 25, attemptsPerOfficial: Int = 12, communesPerClass: Int = 4,
    seed: UInt64 = 1, start: Date = Date(timeIntervalSince1970: 1_740_960_000), months: Int = 8
  ) {
    self.communes = communes
    self.officialsPerCommune = officialsPerCommune
    self.attemptsPerOfficial = attemptsPerOfficial
    self.communesPerClass = communesPerClass
    self.seed = seed
    self.start = start
    self.months = months
  }
}

/// What one generated commune holds, ready for ``CommuneStore/bulkImport(officials:classes:attempts:)``.
public struct DemoCommune: Sendable {
  public var code: CommuneCode
  public var officials: [Official]
  public var classes: [TrainingClass]
  public var attempts: [Attempt]
}

/// A generated province: officials who take the shipped courses' real quizzes (drawn by the
/// `QuizAssembler` with recorded seeds), with realistic patterns: every commune is weak in a
/// couple of PAPI dimensions, officials' abilities vary, pre-tests are weaker than practice and
/// post-tests, attempts spread over months, positions come from `Courses/positions.yaml`.
///
/// Pure apart from ``write(to:workers:)``: commune `i` depends only on the seed, the sizes and `i`.
public struct DemoProvince: Sendable {
  public let spec: DemoProvinceSpec
  /// The communes generated, in order: the known communes first, then synthetic 5-digit codes
  /// from 90000 up (skipping known ones).
  public let communeCodes: [CommuneCode]
  let courses: [CoursePlan]
  let questions: [QuestionID: QuestionModel]
  let dimensions: [String]
  let positions: [String]

  /// A province over `library`'s courses; `knownCommunes` are the real commune codes to use first.
  public init(library: CourseLibrary, spec: DemoProvinceSpec, knownCommunes: [CommuneCode]) throws {
    self.spec = spec
    var codes = Array(knownCommunes.prefix(spec.communes))
    let known = Set(knownCommunes)
    var next = 90_000
    while codes.count < spec.communes {
      let code = try CommuneCode(String(format: "%05d", next))
      next += 1
      if !known.contains(code) { codes.append(code) }
    }
    communeCodes = codes
    dimensions = library.taxonomy.dimensions.map(\.code)
    positions = library.positions.map(\.id)
    var questions: [QuestionID: QuestionModel] = [:]
    var courses: [CoursePlan] = []
    for course in library.courses {
      for question in course.questions {
        questions[question.id] = QuestionModel(question, taxonomy: library.taxonomy)
      }
      let plan = CoursePlan(course: course, taxonomy: library.taxonomy)
      if plan.pre != nil || !plan.practice.isEmpty { courses.append(plan) }
    }
    guard !courses.isEmpty, !positions.isEmpty else { throw DemoDataError.noQuizzes }
    self.questions = questions
    self.courses = courses
  }

  /// The training classes: communes in groups of `communesPerClass`, in order.
  public func trainingClass(forCommuneAt index: Int) -> TrainingClass {
    let size = max(spec.communesPerClass, 1)
    let group = index / size
    var random = SeededGenerator(seed: mix(spec.seed, 0xC1A5_5000 &+ UInt64(group)))
    let members = Array(communeCodes[group * size..<min((group + 1) * size, communeCodes.count)])
    let date = spec.start.addingTimeInterval(Double(group % 60) * 86_400)
    return TrainingClass(
      id: ClassID(rawValue: uuid(&random)),
      code: ClassCode.numbered(group, placeName: "Lai Châu", start: Day(date)),
      title: "Tập huấn PAPI, nhóm \(group + 1)", trainer: Names.trainers[group % Names.trainers.count],
      date: Self.day(date), place: "Hội trường UBND xã (\(members[0].rawValue))", communeCodes: members,
      updatedAt: date)
  }

  /// Commune number `index` (0-based), with its officials, class and attempts.
  public func commune(at index: Int) throws -> DemoCommune {
    let code = communeCodes[index]
    var random = SeededGenerator(seed: mix(spec.seed, UInt64(index)))
    let trainingClass = trainingClass(forCommuneAt: index)
    let classDay = try parseDay(trainingClass.date)
    // The commune's profile: a base level, and a couple of dimensions it is weak in.
    let base = gaussian(&random) * 0.35
    var offsets: [String: Double] = [:]
    for dimension in dimensions { offsets[dimension] = gaussian(&random) * 0.25 }
    for dimension in dimensions.shuffled(using: &random).prefix(2) { offsets[dimension, default: 0] -= 1.3 }

    var officials: [Official] = []
    var attempts: [Attempt] = []
    let span = Double(max(spec.months, 1)) * 30 * 86_400
    for number in 0..<spec.officialsPerCommune {
      let position = number < positions.count ? positions[number] : positions.randomElement(using: &random)!
      let official = Official(
        id: OfficialID(rawValue: uuid(&random)), name: Names.person(&random), position: position,
        communeCode: code,
        createdAt: classDay.addingTimeInterval(-86_400 * Double(1 + random.next() % 20)))
      officials.append(official)
      let ability = base + gaussian(&random) * 0.8
      // The class course first (pre-test, practice and post-test during the class), then others.
      let order = courses.indices.shuffled(using: &random)
      var plan: [(CoursePlan, Quiz, inClass: Bool)] = []
      let perCourse = max(spec.attemptsPerOfficial / courses.count, 1)
      var remaining = spec.attemptsPerOfficial
      for (rank, courseIndex) in order.enumerated() where remaining > 0 {
        let share =
          rank == order.count - 1
          ? remaining : min(remaining, perCourse + (rank < spec.attemptsPerOfficial % courses.count ? 1 : 0))
        let sequence = courses[courseIndex].sequence(count: share, random: &random)
        plan += sequence.map { (courses[courseIndex], $0, rank == 0) }
        remaining -= sequence.count
      }
      var selfStudyIndex = 0
      let selfStudyCount = plan.filter { !$0.inClass }.count
      var classIndex = 0
      for (step, (course, quiz, inClass)) in plan.enumerated() {
        let startedAt: Date
        if inClass {
          startedAt = classDay.addingTimeInterval(
            Double(classIndex / 3) * 86_400 + 8 * 3600 + Double(classIndex % 3) * 3 * 3600
              + Double(random.next() % 1800))
          classIndex += 1
        } else {
          let slot =
            (Double(selfStudyIndex) + Double(random.next() % 1000) / 1000) / Double(max(selfStudyCount, 1))
          startedAt = Date(
            timeIntervalSince1970: (classDay.addingTimeInterval(4 * 86_400 + slot * span)
              .timeIntervalSince1970
              / 86_400).rounded(.down) * 86_400 + 7.5 * 3600 + Double(random.next() % 36_000))
          selfStudyIndex += 1
        }
        // Some draw rules compete for the same questions and fail for some seeds: draw again,
        // as an official would start the quiz again.
        var seed = random.next()
        var assembled = try? course.assembler.assemble(quiz, seed: seed)
        for _ in 0..<50 where assembled == nil {
          seed = random.next()
          assembled = try? course.assembler.assemble(quiz, seed: seed)
        }
        guard let assembled else {
          _ = try course.assembler.assemble(quiz, seed: seed)
          continue
        }
        let effect: Double
        switch quiz.kind {
        case .preTest: effect = -0.6
        case .postTest: effect = 0.7
        case .practice, .review: effect = 0.1 + 0.05 * Double(step)
        }
        let id = AttemptID(rawValue: uuid(&random))
        var answers: [Answer] = []
        var clock = startedAt.timeIntervalSince1970.rounded(.down)
        var total = 0.0
        for (position, item) in assembled.items.enumerated() {
          guard let model = questions[item.question.id] else { continue }
          let dimensionOffset =
            model.dimensions.isEmpty
            ? 0 : model.dimensions.reduce(0) { $0 + (offsets[$1] ?? 0) } / Double(model.dimensions.count)
          let logit = 1.1 + ability + dimensionOffset + effect - model.difficulty
          let right = Double(random.next() % 1_000_000) / 1_000_000 < 1 / (1 + exp(-logit))
          let response =
            right || model.wrong.isEmpty
            ? model.right : model.wrong[Int(random.next() % UInt64(model.wrong.count))]
          let taken = Double(8 + random.next() % 80) + Double(random.next() % 1000) / 1000
          clock += taken
          total += response.score
          answers.append(
            Answer(
              attemptID: id, questionID: item.question.id, position: position, response: response.json,
              score: response.score, isCorrect: response.isCorrect, timeTaken: taken,
              answeredAt: Date(timeIntervalSince1970: clock)))
        }
        attempts.append(
          Attempt(
            id: id, officialID: official.id, quizID: quiz.id, courseID: assembled.courseID,
            courseVersion: assembled.courseVersion, classID: inClass ? trainingClass.id : nil, seed: seed,
            questionIDs: assembled.questionIDs, startedAt: startedAt,
            endedAt: Date(timeIntervalSince1970: clock + 5), score: total, maxScore: Double(answers.count),
            status: .finished, answers: answers))
      }
    }
    return DemoCommune(code: code, officials: officials, classes: [trainingClass], attempts: attempts)
  }

  /// Generates every commune and writes each one's results file through the gradebook (one
  /// transaction per commune), `workers` communes at a time. The folder must hold no results.
  @discardableResult
  public func write(
    to directory: ResultsDirectory, workers: Int = ProcessInfo.processInfo.activeProcessorCount
  ) throws -> BulkImportCounts {
    if let existing = try directory.communeCodes().first {
      throw DemoDataError.resultsExist(directory.url.path, existing)
    }
    let next = Atomic(0)
    let outcome = Mutex((counts: BulkImportCounts(), error: (any Error)?.none))
    let province = self
    DispatchQueue.concurrentPerform(iterations: max(1, min(workers, communeCodes.count))) { _ in
      while true {
        let index = next.add(1, ordering: .relaxed).oldValue
        guard index < province.communeCodes.count, outcome.withLock({ $0.error == nil }) else { break }
        do {
          let commune = try province.commune(at: index)
          let counts = try directory.store(for: commune.code).bulkImport(
            officials: commune.officials, classes: commune.classes, attempts: commune.attempts)
          outcome.withLock { $0.counts = $0.counts + counts }
        } catch {
          outcome.withLock { $0.error = $0.error ?? error }
        }
      }
    }
    let result = outcome.withLock { $0 }
    if let error = result.error { throw error }
    return result.counts
  }

  /// The units list for the communes generated: `known` with synthetic communes added under
  /// the province of the first known commune (or province 99 when there is none).
  public func units(extending known: UnitHierarchy?) throws -> UnitHierarchy {
    var units = known?.units ?? []
    let have = Set(units.map(\.code))
    var province = units.first { $0.level == .province }?.code
    if province == nil {
      province = try UnitCode("99")
      units.append(
        AdministrativeUnit(code: province!, level: .province, name: "Tỉnh Mẫu", kind: "Tỉnh", parentCode: nil)
      )
    }
    for commune in communeCodes where !have.contains(commune.unitCode) {
      units.append(
        AdministrativeUnit(
          code: commune.unitCode, level: .commune, name: "Xã Mẫu \(commune.rawValue)", kind: "Xã",
          parentCode: province))
    }
    return try UnitHierarchy(units: units)
  }

  static func day(_ date: Date) -> String { Day(date).description }

  private func parseDay(_ text: String) throws -> Date {
    guard let day = Day(text) else { throw DemoDataError.noQuizzes }
    return day.start
  }
}

/// Problems generating demo data.
public enum DemoDataError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The courses have no quiz to take, or there are no positions.
  case noQuizzes
  /// The results folder already holds results: demo data never mixes with real results.
  case resultsExist(String, CommuneCode)

  public var description: String {
    switch self {
    case .noQuizzes: "the courses have no pre-test or practice quiz, or positions.yaml lists no position"
    case .resultsExist(let path, let code):
      "\(path) already holds results (\(code.rawValue).sqlite): demo data goes into an empty folder"
    }
  }
}

/// A course's quizzes in the order an official takes them.
struct CoursePlan: Sendable {
  var assembler: QuizAssembler
  var pre: Quiz?
  var practice: [Quiz]
  var post: Quiz?

  init(course: Course, taxonomy: Taxonomy) {
    assembler = QuizAssembler(course: course, taxonomy: taxonomy)
    pre = course.quizzes.first { $0.kind == .preTest }
    post = course.quizzes.first { $0.kind == .postTest }
    practice = course.quizzes.filter { $0.kind == .practice }
  }

  /// `count` quizzes: the pre-test, practice, the post-test, then post-test retakes.
  func sequence(count: Int, random: inout SeededGenerator) -> [Quiz] {
    var result: [Quiz] = []
    if let pre { result.append(pre) }
    let practiceCount = practice.isEmpty || count <= 2 ? 0 : max(1, min(practice.count, (count - 2) / 2))
    result += practice.shuffled(using: &random).prefix(practiceCount)
    if let post {
      while result.count < count { result.append(post) }
    } else if !practice.isEmpty {
      while result.count < count { result.append(practice.randomElement(using: &random)!) }
    }
    return Array(result.prefix(count))
  }
}

/// What the generator needs of a question: its dimensions, difficulty, and the responses an
/// official may give, already encoded as the shell stores them.
struct QuestionModel: Sendable {
  struct Given: Sendable {
    var json: String
    var score: Double
    var isCorrect: Bool
  }
  var dimensions: [String]
  var difficulty: Double
  var right: Given
  var wrong: [Given]

  init(_ question: Question, taxonomy: Taxonomy) {
    var dimensions: [String] = []
    for reference in question.papi {
      if let code = taxonomy.entry(for: reference.id)?.dimension.code, !dimensions.contains(code) {
        dimensions.append(code)
      }
    }
    self.dimensions = dimensions
    switch question.difficulty {
    case .easy: difficulty = -0.8
    case .medium: difficulty = 0
    case .hard: difficulty = 0.8
    }
    func given(_ response: Response) -> Given {
      let mark = Scorer.mark(response, for: question)
      let json = (try? JSONEncoder().encode(response)).map { String(decoding: $0, as: UTF8.self) } ?? ""
      return Given(json: json, score: mark.score, isCorrect: mark.isCorrect)
    }
    right = given(Scorer.key(for: question))
    var wrong: [Response] = []
    func swapped(_ count: Int) -> [[Int]] {
      (0..<max(count - 1, 0)).map { index in
        var order = Array(0..<count)
        order.swapAt(index, index + 1)
        return order
      }
    }
    switch question.body {
    case .singleChoice(let options, let answer):
      wrong = options.filter { $0.id != answer }.map { .choice($0.id) }
    case .multipleChoice(let options, let answers):
      wrong = options.map { option in
        .choices(
          options.map(\.id).filter { id in answers.contains(id) != (id == option.id) })
      }
    case .trueFalse(let answer): wrong = [.truth(!answer)]
    case .matching(let pairs): wrong = swapped(pairs.count).map { .matching($0) }
    case .ordering(let items): wrong = swapped(items.count).map { .ordering($0) }
    case .shortAnswer: wrong = [.text("không nhớ")]
    }
    self.wrong = wrong.map(given).filter { !$0.isCorrect }
  }
}

/// Vietnamese names, common in Lai Châu (Kinh, Thái, Mông, Dao families).
enum Names {
  static let families = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Lò", "Tòng", "Giàng", "Vàng", "Lường",
    "Sùng",
    "Tẩn", "Lý",
  ]
  static let middles = ["Văn", "Thị", "Đức", "Minh", "Thu", "Hữu", "A", "Seo", "Thanh", "Quang"]
  static let givens = [
    "An", "Bình", "Chiến", "Dũng", "Hoa", "Hạnh", "Hùng", "Khánh", "Lan", "Mai", "Phương", "Sơn", "Thảo",
    "Tuấn", "Xuân", "Páo", "Pử", "Chang", "Dếnh", "Sử", "Nhung", "Quyết", "Tâm", "Yến",
  ]
  static let trainers = ["Trần Thị Thu Hà", "Lò Văn Minh", "Nguyễn Đức Thắng", "Vàng Thị Mai"]

  static func person(_ random: inout SeededGenerator) -> String {
    [families, middles, givens].map { $0.randomElement(using: &random)! }.joined(separator: " ")
  }
}

/// A version-4 UUID from the generator, so ids repeat with the seed.
func uuid(_ random: inout SeededGenerator) -> UUID {
  var bytes = [UInt8](repeating: 0, count: 16)
  let high = random.next()
  let low = random.next()
  for index in 0..<8 {
    bytes[index] = UInt8(truncatingIfNeeded: high >> (8 * index))
    bytes[8 + index] = UInt8(truncatingIfNeeded: low >> (8 * index))
  }
  bytes[6] = (bytes[6] & 0x0F) | 0x40
  bytes[8] = (bytes[8] & 0x3F) | 0x80
  return UUID(
    uuid: (
      bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
      bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
    ))
}

/// A normally distributed number (Box-Muller).
func gaussian(_ random: inout SeededGenerator) -> Double {
  let u = (Double(random.next() >> 11) + 0.5) / 9_007_199_254_740_992
  let v = Double(random.next() >> 11) / 9_007_199_254_740_992
  return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
}

/// Two numbers mixed into one seed (SplitMix64's finaliser).
func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
  var z = a &+ 0x9E37_79B9_7F4A_7C15 &* (b &+ 1)
  z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
  z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
  return z ^ (z >> 31)
}

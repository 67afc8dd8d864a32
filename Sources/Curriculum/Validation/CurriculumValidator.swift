import VietnameseText

/// Checks what no single file can: that ids are unique across every course, that every reference
/// points at something that exists, that pre- and post-tests are disjoint and that every draw rule
/// can be satisfied.
struct CurriculumValidator {
  let library: CourseLibrary
  let log: DiagnosticLog

  private var taxonomy: Taxonomy { library.taxonomy }

  func validate() {
    checkUniqueIDs()
    let positionIDs = Set(library.positions.map(\.id)).union([Position.everyone])
    let sources = SourceValidator(registry: library.registry, log: log)
    for course in library.courses {
      sources.check(course)
      check(course.audience, kind: .position, among: positionIDs)
      checkModules(of: course)
      let areaIDs = Set(course.areas.map(\.id))
      let moduleIDs = Set(course.modules.map(\.id))
      for lesson in course.lessons {
        if let area = lesson.area { check([area], kind: .area, among: areaIDs) }
        checkPAPICodes(lesson.papi)
        check(lesson.positions, kind: .position, among: positionIDs)
      }
      for question in course.questions {
        checkExplanationLetters(question)
        checkExplanationVerdict(question)
        check([question.area], kind: .area, among: areaIDs)
        if let module = question.module { check([module], kind: .module, among: moduleIDs) }
        checkPAPICodes(question.papi)
        check(question.positions, kind: .position, among: positionIDs)
      }
      for quiz in course.quizzes { checkQuiz(quiz, in: course) }
      checkPrePostDisjoint(course)
    }
  }

  // MARK: ids

  private func checkUniqueIDs() {
    var seen: [CurriculumMessage.EntityKind: [String: SourceLocation]] = [:]
    func register(_ kind: CurriculumMessage.EntityKind, _ id: String, at location: SourceLocation) {
      if let first = seen[kind]?[id] {
        log.error(.duplicateID(kind: kind, id: id, first: first), at: location)
      } else {
        seen[kind, default: [:]][id] = location
      }
    }
    for course in library.courses {
      register(.course, course.id, at: course.location)
      for area in course.areas { register(.area, area.id, at: course.location) }
      for module in course.modules {
        register(.module, module.id, at: module.lessons.first?.location ?? course.location)
      }
      for lesson in course.lessons { register(.lesson, lesson.id, at: lesson.location) }
      for question in course.questions { register(.question, question.id.rawValue, at: question.location) }
      for quiz in course.quizzes { register(.quiz, quiz.id, at: quiz.location) }
    }
  }

  // MARK: references

  private func check(_ references: [Reference], kind: CurriculumMessage.EntityKind, among ids: Set<String>) {
    for reference in references where !ids.contains(reference.id) {
      if kind == .position, let current = library.positions.resolving(reference.id) {
        log.warning(.formerPositionID(reference.id, current: current.id), at: reference.location)
        continue
      }
      log.error(
        .unknownReference(
          kind: kind, id: reference.id, suggestion: closestMatch(to: reference.id, in: ids.sorted())),
        at: reference.location)
    }
  }

  private func checkPAPICodes(_ codes: [Reference]) {
    for code in codes {
      guard let entry = taxonomy.entry(for: code.id) else {
        let all = taxonomy.dimensions.flatMap { [$0.code] + $0.subdimensions.map(\.code) }
        log.error(
          .unknownReference(kind: .papiCode, id: code.id, suggestion: closestMatch(to: code.id, in: all)),
          at: code.location)
        continue
      }
      if !entry.years.contains(taxonomy.edition) {
        log.warning(.codeNotInEdition(code: code.id, edition: taxonomy.edition), at: code.location)
      }
    }
  }

  private func checkModules(of course: Course) {
    let lessonIDs = Set(course.lessons.map(\.id))
    var placed: [String: Int] = [:]
    for module in course.modules {
      check(module.lessons, kind: .lesson, among: lessonIDs)
      for lesson in module.lessons {
        placed[lesson.id, default: 0] += 1
        if placed[lesson.id] == 2 {
          log.warning(.lessonInSeveralModules(lesson: lesson.id), at: lesson.location)
        }
      }
    }
    for lesson in course.lessons where placed[lesson.id] == nil {
      log.warning(.lessonNotInAnyModule(lesson.id), at: lesson.location)
    }
  }

  /// Options are shown shuffled and relabelled a, b, c, ... so "phương án b" in an explanation
  /// points at whatever option happens to be shown second.
  private func checkExplanationLetters(_ question: Question) {
    switch question.body {
    case .singleChoice, .multipleChoice: break
    default: return
    }
    for text in [question.explanation.vi, question.explanation.en ?? ""] {
      if let mention = OptionLetterMention.first(in: text) {
        log.warning(.explanationNamesOptionLetter(mention), at: question.location)
        return
      }
    }
  }

  /// The explanation follows "✓ Đúng." as well as "✗ Chưa đúng.": one that opens with a verdict
  /// ("Sai. ...", written about a true/false statement) reads "✓ Đúng. Giải thích: Sai. ...".
  private func checkExplanationVerdict(_ question: Question) {
    for text in [question.explanation.vi, question.explanation.en ?? ""] {
      if let word = ExplanationVerdict.opening(of: text) {
        log.warning(.explanationOpensWithVerdict(word), at: question.location)
        return
      }
    }
  }

  // MARK: quizzes

  private func checkQuiz(_ quiz: Quiz, in course: Course) {
    let questionIDs = Set(course.questions.map(\.id.rawValue))
    check(quiz.questions, kind: .question, among: questionIDs)
    var listed: Set<String> = []
    for reference in quiz.questions where !listed.insert(reference.id).inserted {
      log.error(.quizQuestionRepeated(reference.id), at: reference.location)
    }
    for rule in quiz.draw {
      checkPAPICodes(rule.papi)
      check(rule.areas, kind: .area, among: Set(course.areas.map(\.id)))
      check(rule.modules, kind: .module, among: Set(course.modules.map(\.id)))
      let available = course.questions.filter {
        !listed.contains($0.id.rawValue) && rule.matches($0, in: taxonomy)
      }
      .count
      if available < rule.count {
        log.error(.drawRuleUnsatisfiable(wanted: rule.count, available: available), at: rule.location)
      }
    }
    if let allowed = quiz.attemptsAllowed, !quiz.retake {
      log.warning(.attemptsWithoutRetake(allowed), at: quiz.location)
    }
    checkGiveaways(in: quiz, of: course)
  }

  /// Warns when the stem or an option of one question the quiz may ask contains the key of
  /// another: whoever reads the first learns the answer to the second.
  private func checkGiveaways(in quiz: Quiz, of course: Course) {
    // The questions every official meets together: the quiz's fixed list (a drawn quiz asks a
    // different handful each time, so a pair in its pool rarely meets).
    let listed = Set(quiz.questions.map(\.questionID))
    let pool = course.questions.filter { listed.contains($0.id) }
    var reported: Set<[QuestionID]> = []
    for answered in pool {
      for key in GiveawayCheck.keys(of: answered) {
        for reader in pool where reader.id != answered.id && !reported.contains([reader.id, answered.id]) {
          guard let part = GiveawayCheck.part(of: reader, containing: key) else { continue }
          reported.insert([reader.id, answered.id])
          log.warning(
            .givesAwayKey(question: reader.id.rawValue, part: part, key: key, of: answered.id.rawValue),
            at: reader.location)
        }
      }
    }
  }

  private func checkPrePostDisjoint(_ course: Course) {
    let preTests = course.quizzes.filter { $0.kind == .preTest }
    let postTests = course.quizzes.filter { $0.kind == .postTest }
    for pre in preTests {
      let preIDs = Set(pre.questions.map(\.id))
      for post in postTests {
        let shared = Set(post.questions.map(\.id)).intersection(preIDs).sorted()
        if !shared.isEmpty {
          log.error(
            .sharedPrePostQuestions(preTest: pre.id, postTest: post.id, questions: shared), at: post.location)
        }
      }
    }
  }
}

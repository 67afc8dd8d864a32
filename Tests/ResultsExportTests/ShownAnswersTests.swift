import Assessment
import Curriculum
import Foundation
import Gradebook
import Insight
import Localization
import Testing

@testable import ResultsExport

/// The export finds the order each answer's question was shown in from the attempt's seed alone,
/// and counts options from tallies of distinct answers: both checked here against the slow ways
/// they replace (reassembling every attempt's quiz, counting answer by answer), over every quiz
/// of the shipped courses.
@Suite struct ShownAnswersTests {
  /// Every response a question can be given that the export shows differently: each option, two
  /// ticks, both truths, the pairs and the items in two orders, a typed text.
  static func responses(to question: Question, generator: inout SeededGenerator) -> [Response] {
    switch question.body {
    case .singleChoice(let options, _):
      return options.map { .choice($0.id) } + [.choices(options.prefix(2).map(\.id))]
    case .multipleChoice(let options, _):
      return [.choices(options.map(\.id)), .choices(options.suffix(2).map(\.id)), .choice(options[0].id)]
    case .trueFalse: return [.truth(true), .truth(false)]
    case .matching(let pairs):
      return [.matching(Array(pairs.indices)), .matching(Array(pairs.indices).shuffled(using: &generator))]
    case .ordering(let items):
      return [.ordering(Array(items.indices)), .ordering(Array(items.indices).shuffled(using: &generator))]
    case .shortAnswer: return [.text("không nhớ"), .text("Ủy ban nhân dân xã")]
    }
  }

  static func stored(_ response: Response) throws -> String {
    String(decoding: try JSONEncoder().encode(response), as: UTF8.self)
  }

  /// Attempts at every quiz with several seeds, each answering every question it asked with
  /// every response above (an attempt per response round), and the text each answer should
  /// show: the response in the letters of its item as the assembled quiz showed it.
  static func attempts() throws -> (attempts: [Attempt], expected: [AttemptID: [String]], shuffled: Int) {
    var generator = SeededGenerator(seed: 7)
    var attempts: [Attempt] = []
    var expected: [AttemptID: [String]] = [:]
    var shuffled = 0
    let official = OfficialID()
    for course in shippedLibrary.courses {
      let assembler = QuizAssembler(course: course, taxonomy: shippedLibrary.taxonomy)
      for quiz in course.quizzes {
        for seed in [1, 99, 0xDEAD_BEEF, UInt64.max] as [UInt64] {
          let assembled = try assembler.assemble(quiz, seed: seed)
          let rounds = assembled.items.map { responses(to: $0.question, generator: &generator) }
          shuffled += assembled.items.count { $0.displayOrder != $0.displayOrder.sorted() }
          for round in 0..<(rounds.map(\.count).max() ?? 0) {
            let id = AttemptID()
            var answers: [Answer] = []
            var shown: [String] = []
            for (position, item) in assembled.items.enumerated() {
              let response = rounds[position][round % rounds[position].count]
              answers.append(
                Answer(
                  attemptID: id, questionID: item.question.id, position: position,
                  response: try stored(response), score: 1, isCorrect: round % 2 == 0, timeTaken: 5,
                  answeredAt: Date(timeIntervalSince1970: 1_792_027_800)))
              shown.append(
                ShownAnswers.text(
                  response, of: item.question, order: item.displayOrder, language: .vietnamese))
            }
            attempts.append(
              Attempt(
                id: id, officialID: official, quizID: quiz.id, courseID: course.id,
                courseVersion: course.version, classID: nil, seed: seed, questionIDs: assembled.questionIDs,
                startedAt: Date(timeIntervalSince1970: 1_792_027_800), endedAt: nil, score: nil,
                maxScore: nil,
                status: .finished, answers: answers))
            expected[id] = shown
          }
        }
      }
    }
    return (attempts, expected, shuffled)
  }

  static func shown(_ attempts: [Attempt]) -> ShownAnswers {
    var questions: [QuestionID: Question] = [:]
    var quizzes: [String: (quiz: Quiz, course: Course)] = [:]
    for course in shippedLibrary.courses {
      for question in course.questions { questions[question.id] = question }
      for quiz in course.quizzes where quizzes[quiz.id] == nil { quizzes[quiz.id] = (quiz, course) }
    }
    let stored = Set(attempts.flatMap { $0.answers.map(\.response) })
    return ShownAnswers(
      attempts: attempts, stored: stored, questions: questions, quizzes: quizzes, language: .vietnamese)
  }

  @Test func eachAnswerIsShownInTheOrderItsAssembledQuizShowedIt() throws {
    let (attempts, expected, shuffled) = try Self.attempts()
    #expect(attempts.count > 100)
    let shown = Self.shown(attempts)
    var compared = 0
    for attempt in attempts {
      let texts = try #require(shown.texts[attempt.id])
      #expect(texts == expected[attempt.id], "\(attempt.quizID) seed \(attempt.seed)")
      compared += texts.count
    }
    #expect(compared > 1000)
    // Questions shown shuffled were among them (else the order would not be tested).
    #expect(shuffled > 100)
  }

  /// An answer whose question the attempt did not ask, or whose quiz is no longer in the
  /// courses, is shown in the letters as written; an unknown question or a response that does
  /// not decode is shown as stored.
  @Test func answersOutsideTheirQuizAreShownAsWritten() throws {
    let course = try #require(shippedLibrary.course("one-stop-shop"))
    let question = try #require(
      course.questions.first {
        if case .singleChoice(let options, _) = $0.body { return options.count >= 3 }
        return false
      })
    guard case .singleChoice(let options, _) = question.body else { return }
    let quiz = try #require(course.quizzes.first { $0.shuffle })
    let choice = try Self.stored(.choice(options[2].id))
    func attempt(quizID: String, asked: [QuestionID], answers: [(QuestionID, String)]) -> Attempt {
      let id = AttemptID()
      return Attempt(
        id: id, officialID: OfficialID(), quizID: quizID, courseID: course.id, courseVersion: course.version,
        classID: nil, seed: 12345, questionIDs: asked, startedAt: Date(), endedAt: nil, score: nil,
        maxScore: nil, status: .inProgress,
        answers: answers.enumerated().map {
          Answer(
            attemptID: id, questionID: $0.element.0, position: $0.offset, response: $0.element.1, score: 0,
            isCorrect: false, timeTaken: 1, answeredAt: Date())
        })
    }
    let notAsked = attempt(quizID: quiz.id, asked: [], answers: [(question.id, choice)])
    let goneQuiz = attempt(quizID: "no-such-quiz", asked: [question.id], answers: [(question.id, choice)])
    let unknown = attempt(
      quizID: quiz.id, asked: [question.id],
      answers: [(QuestionID("oss-q-gone"), choice), (question.id, "{\"choice\":")])
    let asked = attempt(quizID: quiz.id, asked: [question.id], answers: [(question.id, choice)])
    let shown = Self.shown([notAsked, goneQuiz, unknown, asked])
    let asWritten = "c) " + options[2].text.vi
    #expect(shown.texts[notAsked.id] == [asWritten])
    #expect(shown.texts[goneQuiz.id] == [asWritten])
    #expect(shown.texts[unknown.id] == [choice, "{\"choice\":"])
    #expect(shown.slots[unknown.id] == [nil, nil])
    let order = QuizAssembler.displayOrder(of: question, shuffle: true, seed: 12345)
    #expect(
      shown.texts[asked.id] == [
        ShownAnswers.text(.choice(options[2].id), of: question, order: order, language: .vietnamese)
      ])
  }

  /// The counts from tallies of distinct answers are the counts answer by answer.
  @Test func optionCountsFromTalliesAreTheCountsAnswerByAnswer() throws {
    let (attempts, _, _) = try Self.attempts()
    let shown = Self.shown(attempts)
    let questions = Dictionary(
      shippedLibrary.courses.flatMap(\.questions).map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    let export = ClassExport(
      results: ClassResults(trainingClass: nil, communes: [], officials: [], attempts: attempts),
      library: shippedLibrary, language: .vietnamese)
    for (quiz, taken) in Dictionary(grouping: attempts, by: \.quizID) {
      let given = taken.flatMap(\.answers).compactMap { answer in
        shown.responses[answer.response].map {
          (answer.questionID, OptionCounts.Answer($0, isCorrect: answer.isCorrect))
        }
      }
      let oneByOne = OptionCounts.byQuestion(given, questions: questions)
      #expect(export.optionCounts()[quiz] == oneByOne, "\(quiz)")
      #expect(!oneByOne.isEmpty)
    }
  }
}

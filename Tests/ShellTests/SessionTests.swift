import Assessment
import Curriculum
import Foundation
import Gradebook
import Localization
import PapiTrainTesting
import TerminalUI
import Testing
import Units

@testable import Shell

/// A reader that replays typed lines, then ends input; like the plain reader, it echoes the
/// prompt and the line into the transcript.
final class ScriptedReader: LineReader {
  var lines: [LineInput]
  let output: Transcript
  init(_ lines: [LineInput], output: Transcript) {
    self.lines = lines
    self.output = output
  }
  func readLine(prompt: String, completion: Completion?, remember: Bool) -> LineInput {
    let input = lines.isEmpty ? LineInput.endOfInput : lines.removeFirst()
    if case .line(let text) = input { output.write(prompt + text + "\n") }
    return input
  }
  func readSecret(prompt: String) -> LineInput {
    let input = lines.isEmpty ? LineInput.endOfInput : lines.removeFirst()
    output.write(prompt + "\n")
    return input
  }
  func saveHistory() {}
}

final class Transcript: OutputSink {
  var text = ""
  func write(_ text: String) { self.text += text }
}

/// An in-memory double of the store, for testing the session's logic in process; the end-to-end
/// tests run the real binary on real SQLite files.
final class MemoryStore: ResultsStore {
  var roster: [Official] = []
  var stored: [Attempt] = []
  var failWrites = false
  struct WriteFailed: Error, CustomStringConvertible { var description: String { "disk full" } }

  func officials() throws -> [Official] { roster }
  func register(name: String, position: String) throws -> Official {
    let record = Official(
      id: OfficialID(), name: name, position: position, communeCode: communes[0].code,
      createdAt: Date(timeIntervalSince1970: 1_800_000_000))
    roster.append(record)
    return record
  }
  var classes: [TrainingClass] = []
  var joined: [(ClassID, OfficialID)] = []
  func openClasses() throws -> [TrainingClass] { classes.filter(\.isOpen) }
  func join(_ trainingClass: TrainingClass, official: Official, at date: Date) throws {
    joined.append((trainingClass.id, official.id))
  }
  func startAttempt(official: Official, quiz: AssembledQuiz, classID: ClassID?, startedAt: Date) throws
    -> Attempt
  {
    let attempt = Attempt(
      id: AttemptID(), officialID: official.id, quizID: quiz.quiz.id, courseID: quiz.courseID,
      courseVersion: quiz.courseVersion, classID: classID, seed: quiz.seed, questionIDs: quiz.questionIDs,
      startedAt: startedAt, endedAt: nil, score: nil, maxScore: nil, status: .inProgress, answers: [])
    stored.append(attempt)
    return attempt
  }
  func record(_ answer: Answer) throws {
    if failWrites { throw WriteFailed() }
    let index = stored.firstIndex { $0.id == answer.attemptID }!
    stored[index].answers.append(answer)
  }
  func finish(_ attempt: Attempt, score: Double, maxScore: Double, at date: Date) throws {
    let index = stored.firstIndex { $0.id == attempt.id }!
    stored[index].status = .finished
    stored[index].endedAt = date
  }
  func abandon(_ attempt: Attempt, at date: Date) throws {
    let index = stored.firstIndex { $0.id == attempt.id }!
    stored[index].status = .abandoned
  }
  func unfinishedAttempt(official: Official, quizID: String) throws -> Attempt? {
    stored.last { $0.officialID == official.id && $0.quizID == quizID && $0.status == .inProgress }
  }
  func attempts(of official: Official) throws -> [Attempt] {
    stored.filter { $0.officialID == official.id }
  }
  func communeAttempts() throws -> [Attempt] { stored }
  var reviews: [ReviewLogEntry] = []
  func recordReview(_ review: ReviewLogEntry) throws {
    if failWrites { throw WriteFailed() }
    reviews.append(review)
  }
  func reviewCards(of official: Official) throws -> [ReviewCard] {
    var latest: [QuestionID: ReviewCard] = [:]
    for review in reviews where review.card.officialID == official.id {
      latest[review.card.questionID] = review.card
    }
    return Array(latest.values)
  }
  func removeOfficial(_ id: OfficialID, by who: String, at date: Date) throws -> RosterChange {
    let official = roster.first { $0.id == id }!
    roster.removeAll { $0.id == id }
    return RosterChange(
      kind: .remove, officialID: id, oldName: official.name, changedBy: who, changedAt: date)
  }
  func renameOfficial(_ id: OfficialID, to name: String, by who: String, at date: Date) throws -> RosterChange
  {
    let index = roster.firstIndex { $0.id == id }!
    let old = roster[index].name
    roster[index].name = name
    return RosterChange(
      kind: .rename, officialID: id, oldName: old, newName: name, changedBy: who, changedAt: date)
  }
  func mergeOfficial(_ id: OfficialID, into kept: OfficialID, by who: String, at date: Date) throws
    -> RosterChange
  {
    let official = roster.first { $0.id == id }!
    roster.removeAll { $0.id == id }
    for index in stored.indices where stored[index].officialID == id { stored[index].officialID = kept }
    return RosterChange(
      kind: .merge, officialID: id, keptID: kept, oldName: official.name, changedBy: who, changedAt: date)
  }
}

let library = try! TestCourses.fixture()
let communes = [
  CommuneEntry(code: try! CommuneCode("12345"), name: "Xã Tiên Lữ", parents: ["Tỉnh Hưng Yên"]),
  CommuneEntry(code: try! CommuneCode("12346"), name: "Xã Tiên Tiến", parents: ["Tỉnh Hưng Yên"]),
  CommuneEntry(code: try! CommuneCode("00001"), name: "Phường Ba Đình", parents: ["Thành phố Hà Nội"]),
]

func session(
  _ input: [String], store: MemoryStore = MemoryStore(), language: Language = .vietnamese,
  trainerPassphrase: ((String, Language) -> TrainerCheck)? = nil, width: Int = 80
)
  -> (transcript: String, store: MemoryStore, status: Int32)
{
  let output = Transcript()
  let configuration = ShellSession.Configuration(
    library: library, communes: communes, openStore: { _ in store }, language: language,
    terminal: Terminal(isInteractive: false, usesColor: false, width: width),
    now: { Date(timeIntervalSince1970: 1_800_000_000) },
    makeSeed: { 42 }, checkTrainerPassphrase: trainerPassphrase)
  let shell = ShellSession(
    configuration: configuration, reader: ScriptedReader(input.map { LineInput.line($0) }, output: output),
    output: output)
  let status = shell.run()
  return (output.text, store, status)
}

/// The letters that answer the mini-practice quiz with seed 42 fully right, in asking order.
func rightAnswers(for quizID: String) throws -> [String] {
  let course = library.course("mini")!
  let quiz = course.quiz(quizID)!
  let assembled = try QuizAssembler(course: course, taxonomy: library.taxonomy).assemble(quiz, seed: 42)
  return assembled.items.map(AnswerParser.typedKey(for:))
}

@Suite struct SessionTests {
  @Test func aNewOfficialRegistersAndFindsTheirCommuneWithoutDiacritics() {
    let run = session(["tien lu", "Nguyễn Thị Hoa", "c", "1", "whoami", "quit"])
    #expect(run.status == 0)
    #expect(run.transcript.contains("Xã/phường: Xã Tiên Lữ, Tỉnh Hưng Yên"))
    #expect(run.transcript.contains("Chưa có 'Nguyễn Thị Hoa' trong danh sách"))
    #expect(run.transcript.contains("Nguyễn Thị Hoa, Chủ tịch UBND xã, Xã Tiên Lữ, Tỉnh Hưng Yên"))
    #expect(run.store.roster.map(\.name) == ["Nguyễn Thị Hoa"])
  }

  @Test func anAmbiguousCommuneAsksAgainAndAnUnknownOneSuggests() {
    let run = session(["tien", "Ba Dinh", "An", "k"])
    #expect(run.transcript.contains("Có nhiều xã/phường khớp"))
    #expect(run.transcript.contains("12346  Xã Tiên Tiến, Tỉnh Hưng Yên"))
    #expect(run.transcript.contains("Xã/phường: Phường Ba Đình"))
  }

  @Test func unknownCommandsGetADidYouMean() {
    let run = session(["12345", "An", "c", "2", "corses", "quit"])
    #expect(run.transcript.contains("Không có lệnh 'corses'. Có phải ý bạn là 'courses'?"))
  }

  @Test func helpIsVietnameseByDefaultAndEnglishWithASetting() {
    let vietnamese = session(["12345", "An", "c", "1", "help", "help quiz", "quit"])
    #expect(vietnamese.transcript.contains("Các lệnh:"))
    #expect(vietnamese.transcript.contains("Mỗi câu được lưu ngay"))
    let english = session(["12345", "An", "c", "1", "lang en", "help"])
    #expect(english.transcript.contains("Switched to English."))
    #expect(english.transcript.contains("Commands:"))
  }

  @Test func aWholeQuizIsScoredStoredAndMappedOntoPAPI() throws {
    let answers = try rightAnswers(for: "mini-practice")
    var wrongFirst = answers
    // Answer the first question wrongly (a letter or value that is not the key).
    wrongFirst[0] = try wrongAnswer(for: "mini-practice")
    let run = session(["12345", "An", "c", "1", "quiz mini-practice"] + wrongFirst + ["weak", "quit"])
    let attempt = try #require(run.store.stored.first)
    #expect(attempt.status == .finished)
    #expect(attempt.answers.count == 6)
    #expect(attempt.answers.filter(\.mark.isCorrect).count == 5)
    #expect(run.transcript.contains("Kết quả: 5/6 điểm (83%)."))
    #expect(run.transcript.contains("✗ Chưa đúng."))
    #expect(run.transcript.contains("Giải thích:"))
    #expect(run.transcript.contains("Theo chỉ số PAPI:"))
    #expect(run.transcript.contains("Tỷ lệ đúng theo chỉ số PAPI, khoảng tin cậy 95%"))
  }

  func wrongAnswer(for quizID: String) throws -> String {
    let course = library.course("mini")!
    let assembled = try QuizAssembler(course: course, taxonomy: library.taxonomy).assemble(
      course.quiz(quizID)!, seed: 42)
    switch assembled.items[0].question.body {
    case .trueFalse(let answer): return answer ? "s" : "đ"
    case .shortAnswer: return "không biết"
    case .singleChoice(let options, let answer):
      let item = assembled.items[0]
      let wrong = options.firstIndex { $0.id != answer }!
      return AnswerParser.label(item.displayOrder.firstIndex(of: wrong)!)
    case .multipleChoice: return "b"
    case .matching(let pairs):
      return pairs.indices.reversed().map { AnswerParser.label($0) }.joined(separator: " ")
    case .ordering(let items):
      let item = assembled.items[0]
      return items.indices.reversed().map { AnswerParser.label(item.displayOrder.firstIndex(of: $0)!) }
        .joined(
          separator: " ")
    }
  }

  @Test func badAnswersAreExplainedAndAskedAgain() throws {
    let answers = try rightAnswers(for: "mini-practice")
    let run = session(["12345", "An", "c", "1", "quiz mini-practice", "", "zz"] + answers)
    #expect(run.transcript.contains("Chưa có câu trả lời."))
    #expect(run.store.stored.first?.answers.count == 6)
  }

  @Test func aQuizLeftHalfwayIsResumedWhereItStopped() throws {
    let answers = try rightAnswers(for: "mini-practice")
    let store = MemoryStore()
    _ = session(["12345", "An", "c", "1", "quiz mini-practice"] + answers.prefix(3), store: store)
    #expect(store.stored.first?.status == .inProgress)
    #expect(store.stored.first?.answers.count == 3)
    let resumed = session(
      ["12345", "An", "quiz mini-practice", "tiếp tục"] + answers.suffix(3) + ["quit"], store: store)
    #expect(resumed.transcript.contains("đã trả lời 3/6 câu"))
    #expect(store.stored.count == 1)
    #expect(store.stored[0].status == .finished)
    #expect(resumed.transcript.contains("Kết quả: 6/6 điểm (100%)."))
  }

  @Test func noMeansLaterAndStartingAgainAsksFirstAndKeepsTheAbandonedAttempt() throws {
    let answers = try rightAnswers(for: "mini-practice")
    let store = MemoryStore()
    _ = session(["12345", "An", "c", "1", "quiz mini-practice"] + answers.prefix(2), store: store)
    for no in ["k", "để sau", "de sau", "3"] {
      let later = session(["12345", "An", "quiz mini-practice", no, "quit"], store: store)
      #expect(later.transcript.contains("Bài làm dở vẫn được giữ nguyên."), "\(no)")
      #expect(store.stored.map(\.status) == [.inProgress])
    }
    let unclear = session(
      ["12345", "An", "quiz mini-practice", "x", "bat dau lai", "k", "quit"], store: store)
    #expect(unclear.transcript.contains("Hãy gõ 'tiếp tục' (1), 'bắt đầu lại' (2) hoặc 'để sau' (3)."))
    #expect(unclear.transcript.contains("sẽ bỏ 2 câu đã trả lời"))
    #expect(store.stored.map(\.status) == [.inProgress])
    _ = session(["12345", "An", "quiz mini-practice", "bắt đầu lại", "c"] + answers + ["quit"], store: store)
    #expect(store.stored.map(\.status) == [.abandoned, .finished])
    #expect(store.stored[0].answers.count == 2)
  }

  @Test func aFailedWriteIsToldAtOnceAndStopsTheQuiz() throws {
    let answers = try rightAnswers(for: "mini-practice")
    let store = MemoryStore()
    _ = session(["12345", "An", "c", "1", "quit"], store: store)
    store.failWrites = true
    let run = session(["12345", "An", "quiz mini-practice"] + answers + ["quit"], store: store)
    #expect(run.transcript.contains("CÂU TRẢ LỜI VỪA RỒI CHƯA ĐƯỢC LƯU: disk full"))
    #expect(store.stored.first?.status == .inProgress)
  }

  @Test func missedQuestionsComeBackInReview() throws {
    let answers = try rightAnswers(for: "mini-practice")
    var wrongFirst = answers
    wrongFirst[0] = try wrongAnswer(for: "mini-practice")
    let store = MemoryStore()
    let first = session(
      ["12345", "An", "c", "1", "quiz mini-practice"] + wrongFirst + ["quit"], store: store)
    #expect(first.transcript.contains("Có 1 câu cần ôn") == false)
    // The same seed shows the question's options as the quiz did: its right answer is the quiz's.
    let second = session(["12345", "An", "progress", "review", answers[0]], store: store)
    #expect(second.transcript.contains("Có 1 câu cần ôn: gõ 'review'."))
    #expect(second.transcript.contains("Ôn tập 1 câu đã trả lời sai (Khoá học nhỏ)."))
    // A review is its own record, not a quiz attempt.
    #expect(store.stored.count == 1 && store.reviews.count == 1)
    #expect(store.reviews.first?.grade == 3 && store.reviews.first?.card.reps == 1)
    #expect(second.transcript.contains("Đã ôn 1 câu, đúng 1 câu. Lần ôn tiếp theo: "))
    #expect(!second.transcript.contains("#review"))
    let third = session(["12345", "An", "review"], store: store)
    #expect(third.transcript.contains("Hiện không có câu nào cần ôn. Lần ôn tiếp theo: "))
  }

  @Test func coursesCourseAndReadShowContent() {
    let run = session([
      "12345", "An", "c", "1", "courses", "course mini", "read mini-l1", "read nope", "quit",
    ])
    #expect(run.transcript.contains("mini: Khoá học nhỏ (1 bài học, 6 câu hỏi)"))
    #expect(run.transcript.contains("mini-l1: Bài một"))
    #expect(run.transcript.contains("mini-practice: Luyện tập [practice, 6 câu]"))
    #expect(run.transcript.contains("BÀI MỘT"))
    #expect(run.transcript.contains("  • Luật 10/2022/QH15, Điều 11"))
    #expect(run.transcript.contains("Không có bài học 'nope'."))
  }

  @Test func ctrlCDuringAQuizAsksBeforePausingAndKeepsTheAnswers() throws {
    let answers = try rightAnswers(for: "mini-practice")
    let store = MemoryStore()
    let output = Transcript()
    let lines: [LineInput] =
      ["12345", "An", "c", "1", "quiz mini-practice", answers[0]].map { .line($0) }
      + [.interrupt, .line("k"), .line(answers[1]), .interrupt, .line("c"), .line("quit")]
    let configuration = ShellSession.Configuration(
      library: library, communes: communes, openStore: { _ in store }, language: .vietnamese,
      terminal: Terminal(isInteractive: false, usesColor: false), makeSeed: { 42 })
    let status = ShellSession(
      configuration: configuration, reader: ScriptedReader(lines, output: output), output: output
    )
    .run()
    #expect(status == 0)
    // The first Ctrl-C was answered "no": the quiz went on; the second "yes": paused, resumable.
    #expect(output.text.contains("Tạm dừng bài kiểm tra?"))
    #expect(output.text.contains("Đã tạm dừng. Gõ 'quiz mini-practice' để làm tiếp."))
    #expect(store.stored.first?.answers.count == 2)
    #expect(store.stored.first?.status == .inProgress)
  }

  @Test func endOfInputLeavesCleanly() {
    let run = session(["12345"])
    #expect(run.status == 0)
    #expect(run.transcript.hasSuffix("Tạm biệt. Kết quả của bạn đã được lưu.\n"))
  }
}

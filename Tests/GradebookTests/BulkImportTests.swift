import Foundation
import PapiTrainTesting
import Testing
import Units

@testable import Gradebook

@Suite struct BulkImportTests {
  func sample(in commune: CommuneCode) -> (Official, Attempt) {
    let official = Official(
      id: OfficialID(), name: "Lò  Văn Minh", position: "chairman", communeCode: commune,
      createdAt: Date(timeIntervalSince1970: 1_740_000_000.25))
    let attemptID = AttemptID()
    let answers = ["q1", "q2"].enumerated().map { index, question in
      Answer(
        attemptID: attemptID, questionID: question, position: index, response: "\"Đúng\"", score: 1,
        isCorrect: true, timeTaken: 12.5,
        answeredAt: Date(timeIntervalSince1970: 1_740_000_100.125 + Double(index)))
    }
    let attempt = Attempt(
      id: attemptID, officialID: official.id, quizID: "oss-pretest", courseID: "one-stop-shop",
      courseVersion: "1.0.0", classID: nil, seed: 7, questionIDs: ["q1", "q2"],
      startedAt: Date(timeIntervalSince1970: 1_740_000_000),
      endedAt: Date(timeIntervalSince1970: 1_740_000_200),
      score: 2, maxScore: 2, status: .finished, answers: answers)
    return (official, attempt)
  }

  @Test func aBulkImportReadsBackAsTheStoreWritesItOneByOne() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    let (official, attempt) = sample(in: Commune.muongKim)
    let counts = try store.bulkImport(officials: [official], attempts: [attempt])
    #expect(counts.officials == 1 && counts.attempts == 1 && counts.answers == 2)
    let stored = try #require(try store.attempt(id: attempt.id))
    #expect(stored.answers.map(\.questionID) == ["q1", "q2"])
    #expect(stored.answers[0].answeredAt == Date(timeIntervalSince1970: 1_740_000_100.125))
    #expect(stored.status == .finished && stored.score == 2)
    #expect(try store.officials(named: "lo van minh").map(\.name) == ["Lò Văn Minh"])
    // Timestamps are spelled as GRDB spells them, so SQL comparisons of text are time comparisons.
    #expect(BulkText.timestamp(Date(timeIntervalSince1970: 1_740_000_100.125)) == "2025-02-19 21:21:40.125")
    #expect(BulkText.timestamp(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29 00:00:00.000")
  }

  @Test func anOfficialWithAttemptsInAClassIsItsMemberFromTheFirst() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    let (official, first) = sample(in: Commune.muongKim)
    let trainingClass = TrainingClass(
      title: "Tập huấn PAPI", trainer: "Lò Thị Hoa", date: "2025-02-19", place: "Hội trường xã",
      communeCodes: [Commune.muongKim])
    var inClass = first
    inClass.classID = trainingClass.id
    var later = sample(in: Commune.muongKim).1
    later.officialID = official.id
    later.classID = trainingClass.id
    later.startedAt = first.startedAt.addingTimeInterval(3600)
    later.answers = []
    let (other, alone) = sample(in: Commune.muongKim)
    try store.bulkImport(
      officials: [official, other], classes: [trainingClass], attempts: [later, inClass, alone])
    let members = try store.members(of: trainingClass.id)
    #expect(members.map(\.officialID) == [official.id])
    #expect(members.first?.joinedAt == first.startedAt)
  }

  @Test func aRepeatedIdWritesNothing() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    let (official, attempt) = sample(in: Commune.muongKim)
    try store.bulkImport(officials: [official], attempts: [attempt])
    var other = sample(in: Commune.muongKim)
    other.1.id = attempt.id
    other.1.answers = []
    #expect(throws: (any Error).self) {
      try store.bulkImport(officials: [other.0], attempts: [other.1])
    }
    #expect(try store.officials().count == 1)
  }
}

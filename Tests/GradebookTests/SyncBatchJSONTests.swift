import Foundation
import Testing

@testable import SyncProtocol

/// `SyncBatch.json()` (Toolkit's `CompactJSON`) writes the very bytes `JSONEncoder` writes for a
/// batch with its keys sorted (without, their order changes from run to run): generated batches with every kind of row, optional fields set or not, text
/// in Vietnamese with quotes, slashes and control characters, numbers of every size.
@Suite struct SyncBatchJSONTests {
  struct Maker {
    var generator = SystemRandomNumberGenerator()

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
    mutating func flag() -> Bool { Bool.random(using: &generator) }

    mutating func text() -> String {
      let pieces =
        [
          "Lò Thị Hằng", "Nguyễn Văn Đức", "Ủy ban", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1B}", "\u{7F}",
          "🇻🇳", "a",
        ]
      return (0..<int(0...6)).map { _ in pieces[int(0...pieces.count - 1)] }.joined()
    }

    mutating func maybe(_ make: (inout Maker) -> String) -> String? { flag() ? make(&self) : nil }

    mutating func number() -> Double {
      switch int(0...3) {
      case 0: Double(int(0...4)) / 4
      case 1: Double.random(in: 0...1_000, using: &generator)
      case 2: Double(bitPattern: UInt64.random(in: 0...0x7FEF_FFFF_FFFF_FFFF, using: &generator))
      default: [0, 1e-7, 3.5, 1e16, 100][int(0...4)]
      }
    }

    mutating func batch() -> SyncBatch {
      let uuid = { UUID().uuidString }
      let officials = (0..<int(0...3)).map { _ in
        WireOfficial(id: uuid(), name: text(), position: text(), communeCode: "03388", createdAt: text())
      }
      let classes = (0..<int(0...2)).map { _ in
        WireClass(
          id: uuid(), code: text(), title: text(), trainer: text(), date: "2026-01-05", endDate: "2026-01-20",
          place: text(), communeCodes: (0..<int(0...3)).map { _ in text() },
          pretestQuizID: maybe { $0.text() },
          posttestQuizID: maybe { $0.text() }, closedAt: maybe { $0.text() }, updatedAt: text())
      }
      let members = (0..<int(0...2)).map { _ in
        WireClassMember(classID: uuid(), officialID: uuid(), joinedAt: text())
      }
      let changes = (0..<int(0...2)).map { _ in
        WireRosterChange(
          id: uuid(), kind: "merge", officialID: uuid(), keptID: maybe { _ in uuid() }, oldName: text(),
          newName: text(), changedBy: text(), changedAt: text())
      }
      let attempts = (0..<int(0...4)).map { _ in
        WireAttempt(
          id: uuid(), officialID: uuid(), quizID: text(), courseID: text(), courseVersion: text(),
          classID: maybe { _ in uuid() }, seed: String(UInt64.random(in: 0...UInt64.max, using: &generator)),
          questionIDs: (0..<int(0...5)).map { _ in text() }, startedAt: text(), endedAt: maybe { $0.text() },
          score: flag() ? number() : nil, maxScore: flag() ? number() : nil, status: text())
      }
      let answers = (0..<int(0...20)).map { _ in
        WireAnswer(
          attemptID: uuid(), questionID: text(), position: int(0...999), response: text(), score: number(),
          correct: flag(), timeTaken: number(), answeredAt: text())
      }
      return SyncBatch(
        batchID: uuid(), commune: text(), cursorFrom: Int64(int(0...1_000_000)),
        cursorTo: Int64.random(in: 0...Int64.max, using: &generator), officials: officials, classes: classes,
        classMembers: members, rosterChanges: changes, attempts: attempts, answers: answers)
    }
  }

  @Test func aBatchIsWrittenAsJSONEncoderWroteIt() throws {
    var maker = Maker()
    for _ in 0..<500 {
      let batch = maker.batch()
      let encoder = JSONEncoder()
      encoder.outputFormatting = .sortedKeys
      let expected = try encoder.encode(batch)
      let written = try batch.json()
      #expect(written == expected, "\(String(decoding: expected, as: UTF8.self))")
      #expect(try JSONDecoder().decode(SyncBatch.self, from: written) == batch)
    }
  }

  @Test func aNumberThatIsNotFiniteStillThrows() {
    var maker = Maker()
    var batch = maker.batch()
    batch.answers = [
      WireAnswer(
        attemptID: "a", questionID: "q", position: 0, response: "", score: .nan, correct: true, timeTaken: 1,
        answeredAt: "t")
    ]
    #expect(throws: EncodingError.self) { try JSONEncoder().encode(batch) }
    #expect(throws: EncodingError.self) { try batch.json() }
    batch.answers = []
    batch.attempts = [
      WireAttempt(
        id: "a", officialID: "o", quizID: "q", courseID: "c", courseVersion: "1", classID: nil, seed: "1",
        questionIDs: [], startedAt: "t", endedAt: nil, score: .infinity, maxScore: nil, status: "finished")
    ]
    #expect(throws: EncodingError.self) { try batch.json() }
  }
}

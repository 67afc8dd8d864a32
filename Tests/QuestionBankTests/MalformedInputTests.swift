import Assessment
import Foundation
import Testing

@testable import QuestionBank

/// Whatever bytes a bank holds, every reader ends with questions or located problems, never a crash.
@Suite struct MalformedInputTests {
  static let alphabet = Array(
    "{}=~#:%->\\\n\n ATF.)ANSWER:<>/&;\"'quiz question text answer 0123456789 Đúng ạ".utf8)

  static func mutations(of seed: String, count: Int, generator: inout SeededGenerator) -> [Data] {
    let bytes = Array(seed.utf8)
    return (0..<count).map { _ in
      var mutated = bytes
      for _ in 0..<Int.random(in: 1...12, using: &generator) where !mutated.isEmpty {
        let index = Int.random(in: 0..<mutated.count, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: mutated[index] = alphabet.randomElement(using: &generator) ?? 0
        case 1: mutated.remove(at: index)
        default: mutated.insert(UInt8.random(in: 0...255, using: &generator), at: index)
        }
      }
      return Data(mutated)
    }
  }

  @Test func mutatedBanksOfEveryFormatNeverCrashAndEveryProblemHasALine() {
    var generator = SeededGenerator(seed: 23)
    let seeds: [(BankFormat, String)] = [
      (.gift, GIFTReaderTests.bank), (.moodleXML, MoodleXMLReaderTests.bank),
      (.aiken, "Câu?\nA. Một\nB) Hai\nANSWER: B\n\nCâu hai?\nA. x\nB. y\nANSWER: A\n"),
      (
        .csv,
        "type,question,options,key\nsingle_choice,Một?,\"A. x\nB. y\",A\nmatching,Hai?,\"a -> b\nc -> d\",\n"
      ),
    ]
    for (format, seed) in seeds {
      for data in Self.mutations(of: seed, count: 300, generator: &generator) {
        let contents = BankReader.read(data, format: format, file: "bank")
        #expect(contents.problems.allSatisfy { $0.location.line >= 1 })
        #expect(!contents.questions.isEmpty || !contents.problems.isEmpty)
      }
    }
  }

  @Test func aDamagedWorkbookIsRefusedNotTrusted() throws {
    let table = SpreadsheetWriter().xlsx(
      for: BankReader.read(path: "docs/question-bank-template.csv").questions)
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<200 {
      var bytes = [UInt8](table)
      for _ in 0..<Int.random(in: 1...8, using: &generator) {
        bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(
          in: 0...255, using: &generator)
      }
      let contents = BankReader.read(Data(bytes), format: .xlsx, file: "bank.xlsx")
      #expect(!contents.questions.isEmpty || !contents.problems.isEmpty)
    }
  }
}

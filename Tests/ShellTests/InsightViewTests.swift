import Assessment
import Curriculum
import Foundation
import Localization
import Testing

@testable import Shell

@Suite struct InsightViewTests {
  /// Signs in a new official, takes the mini practice quiz fully right, then runs `commands`.
  func afterAQuiz(
    _ commands: [String], store: MemoryStore = MemoryStore(), name: String = "An",
    trainer: ((String, Language) -> TrainerCheck)? = nil
  ) throws -> String {
    session(
      ["12345", name, "c", "1", "quiz mini-practice"] + (try rightAnswers(for: "mini-practice")) + commands
        + ["quit"],
      store: store, trainerPassphrase: trainer
    ).transcript
  }

  @Test func weakShowsAnIntervalOrInsufficientDataNeverABarePercentage() throws {
    let transcript = try afterAQuiz(["weak"])
    let weak = String(transcript[transcript.range(of: "Tỷ lệ đúng theo chỉ số PAPI")!.lowerBound...])
    let dimensionLines = weak.split(separator: "\n").filter { $0.hasPrefix("  D") }
    #expect(!dimensionLines.isEmpty)
    for line in dimensionLines {
      // Six answers over the fixture's dimensions: each line is either a share with its interval
      // or says the data are insufficient.
      #expect(line.contains("% (") && line.contains("–") || line.contains("chưa đủ dữ liệu ("), "\(line)")
    }
    #expect(weak.contains("chưa đủ dữ liệu (") || weak.contains("Không có chỉ số nào dưới ngưỡng"))
  }

  @Test func progressComparesThePreTestWithThePostTest() throws {
    let pre = try rightAnswers(for: "mini-pre")
    let post = try rightAnswers(for: "mini-post")
    let run = session(
      ["12345", "An", "c", "1", "quiz mini-pre"] + pre + ["quiz mini-post"] + post + ["progress", "quit"])
    #expect(run.transcript.contains("đầu vào 100%, đầu ra 100% (+0 điểm)"))
    #expect(run.transcript.contains("Đã đủ dữ liệu để đánh giá"))
  }

  @Test func anOfficialNeverSeesAnotherOfficialsAnswersInWeakOrProgress() throws {
    let store = MemoryStore()
    _ = try afterAQuiz([], store: store, name: "An")
    let other = session(["12345", "Bình", "c", "1", "weak", "progress", "quit"], store: store).transcript
    #expect(other.contains("Bạn chưa làm bài kiểm tra nào"))
    #expect(!other.contains("Tỷ lệ đúng theo chỉ số PAPI"))
  }
}

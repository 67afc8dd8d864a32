import Foundation
import Testing

@testable import Shell

/// Commands in the official's words: Vietnamese names of one or more words, with or without
/// diacritics, numbers from the listings, a way back, and the next step after a lesson.
@Suite struct OfficialWordsTests {
  let signIn = ["12345", "An", "c", "1"]

  @Test(arguments: [
    ("khoá học", "Các khoá học:"), ("khoa hoc", "Các khoá học:"), ("KHOÁ HỌC", "Các khoá học:"),
    ("tiến độ", "chưa làm bài kiểm tra nào"), ("tien do", "chưa làm bài kiểm tra nào"),
    ("ôn tập", "không có câu nào cần ôn"), ("on tap", "không có câu nào cần ôn"),
    ("khoá học 1", "Học phần: Học phần một"), ("khoá 1", "Học phần: Học phần một"),
    ("course mini", "  1. mini-l1: "),
  ])
  func vietnameseCommandsWithAndWithoutDiacritics(_ typed: String, _ shown: String) {
    let run = session(signIn + [typed, "quit"])
    #expect(!run.transcript.contains("Không có lệnh"), "\(typed)")
    #expect(!run.transcript.contains("Không có khoá học"), "\(typed)")
    #expect(
      run.transcript.lowercased().contains(shown.lowercased()), "\(typed): \(run.transcript.suffix(400))")
  }

  @Test func lessonsAreReadByNumberAndByTheEndOfTheirIdAndTheNextStepIsSaid() {
    for typed in ["read 1", "đọc 1", "doc l1", "đọc bài mini-l1", "bài tiếp"] {
      let run = session(signIn + ["course mini", typed, "quit"])
      #expect(
        run.transcript.contains("Luyện tập học phần này: Luyện tập (gõ 'quiz mini-practice')."), "\(typed)")
    }
    let end = session(signIn + ["read 1", "bài tiếp", "quit"])
    #expect(end.transcript.contains("Bạn đã đọc hết các bài của khoá này."))
    let unknown = session(signIn + ["read 9", "quit"])
    #expect(unknown.transcript.contains("Không có bài học '9'."))
  }

  @Test func aQuizIsTakenWithLamBaiAndHelpInsideItIsNotAnAnswer() throws {
    let answers = try rightAnswers(for: "mini-practice")
    let run = session(signIn + ["làm bài mini-practice", "help"] + answers + ["quit"])
    #expect(run.transcript.contains("Bạn đang làm bài kiểm tra: gõ câu trả lời"))
    #expect(run.transcript.contains("Kết quả: 6/6 điểm (100%)."))
  }

  @Test func everyUnknownWordGetsADidYouMean() {
    let run = session(signIn + ["tien dooo", "on tapp", "courss", "quit"])
    #expect(run.transcript.contains("Không có lệnh 'tien dooo'. Có phải ý bạn là 'tiến độ'?"))
    #expect(run.transcript.contains("Không có lệnh 'on tapp'. Có phải ý bạn là 'ôn tập'?"))
    #expect(run.transcript.contains("Không có lệnh 'courss'. Có phải ý bạn là 'courses'?"))
  }

  @Test func theNamePromptLeadsBackToTheCommunePrompt() {
    let run = session(["12345", "quay lại", "tien lu", "Nguyễn Thị Hoa", "c", "1", "whoami", "quit"])
    #expect(run.transcript.contains("Xã/phường: Xã Tiên Lữ, Tỉnh Hưng Yên"))
    #expect(run.transcript.contains("Nguyễn Thị Hoa, Chủ tịch UBND xã, Xã Tiên Lữ"))
  }

  @Test func aFinishedPreTestIsNotTakenAgain() throws {
    let store = MemoryStore()
    let assembled = try rightAnswers(for: "mini-pre")
    _ = session(signIn + ["quiz mini-pre"] + assembled + ["quit"], store: store)
    #expect(store.stored.map(\.status) == [.finished])
    let again = session(["12345", "An", "quiz mini-pre", "quit"], store: store)
    #expect(again.transcript.contains("Bạn đã làm bài 'mini-pre'; bài này chỉ làm một lần."))
    #expect(store.stored.count == 1)
  }

  @Test func weakNamesDimensionsAndCountsInEnglish() throws {
    let answers = try rightAnswers(for: "mini-practice")
    let run = session(signIn + ["quiz mini-practice"] + answers + ["weak", "lang en", "weak", "quit"])
    #expect(run.transcript.contains("D2    Transparency"))
    #expect(run.transcript.contains("insufficient data (2 answers)"))
    #expect(!run.transcript.contains(" 1 answers"))
  }

  @Test func numbersUseADecimalCommaInVietnamese() {
    #expect(Numbers.decimal(2.8, in: .vietnamese) == "2,8")
    #expect(Numbers.decimal(2.8, in: .english) == "2.8")
    #expect(English.count(1, "attempt") == "1 attempt")
    #expect(English.count(2, "attempt") == "2 attempts")
  }
}

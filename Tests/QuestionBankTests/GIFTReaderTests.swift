import Curriculum
import Foundation
import Localization
import Testing

@testable import QuestionBank

@Suite struct GIFTReaderTests {
  static let bank = ##"""
    // Ngân hàng thử / a test bank
    $CATEGORY: $course$/top/Một cửa/Tiếp nhận

    // [id:gift-single] [tag:papi:D5] [tag:area:oss-receiving] [tag:cơ bản]
    ::Q1::Ai tiếp nhận hồ sơ? {
      =Bộ phận Một cửa#Đúng: đó là đầu mối.
      ~Chủ tịch xã#Không phải.
      ~Công an
      ####Bộ phận Một cửa tiếp nhận.
    }

    ::Q2::Chọn các việc của Bộ phận Một cửa {
      ~%50%Tiếp nhận
      ~%50%Trả kết quả
      ~%-100%Ký quyết định
    }

    Người dân được đánh giá việc giải quyết hồ sơ.{T#Sai rồi#Đúng vậy}

    ::Q4:: Viết tắt của Ủy ban nhân dân? {=UBND =Ủy ban nhân dân}

    ::Q5:: Ghép văn bản với nội dung {
      =Luật 10/2022 -> Dân chủ ở cơ sở
      =Nghị định 118/2025 -> Một cửa
    }

    ::Q6:: Luật Thực hiện dân chủ ở cơ sở ban hành năm nào? {#2022}

    ::Q7:: Luật có khoảng bao nhiêu điều? {#91:2}

    ::Q8:: Tỉ lệ? {#0.5:0.1}

    ::Q9:: Một số từ 1 đến 100 {#1..100}

    ::Q10:: Hãy viết cảm nghĩ {}

    Đây là phần mô tả, không phải câu hỏi.

    ::Q12:: Ký tự \{đặc biệt\} \= \~ \# \: vẫn giữ {=có\: thật}

    Luật {~1/2022 =10/2022 ~5/2022} quy định về dân chủ ở cơ sở.

    $CATEGORY: Khác
    ::Q14::[html]<p>Chọn <strong>một</strong>:</p> {=<p>Đúng &amp; đủ</p> ~Sai}
    """##

  func read(_ text: String) -> BankContents { GIFTReader().read(Data(text.utf8), file: "bank.gift") }

  @Test func everyTypeIsReadWithItsKeyFeedbackAndCategory() throws {
    let contents = read(Self.bank)
    #expect(contents.errors.isEmpty, "\(contents.problems)")
    let byName = Dictionary(
      uniqueKeysWithValues: contents.questions.compactMap { q in q.name.map { ($0, q) } })
    let single = try #require(byName["Q1"])
    #expect(single.id == "gift-single")
    #expect(single.category == ["Một cửa", "Tiếp nhận"])
    #expect(single.papi == ["D5"])
    #expect(single.area == "oss-receiving")
    #expect(single.tags == ["cơ bản"])
    #expect(single.location.line == 5)
    guard case .singleChoice(let options, let answer) = single.body else {
      Issue.record("Q1 is \(single.body)")
      return
    }
    #expect(options.map(\.text.vi) == ["Bộ phận Một cửa", "Chủ tịch xã", "Công an"])
    #expect(answer == "a")
    #expect(
      single.explanation?.vi
        == "Bộ phận Một cửa tiếp nhận.\n\n- Bộ phận Một cửa: Đúng: đó là đầu mối.\n- Chủ tịch xã: Không phải."
    )
    #expect(byName["Q2"]?.body == .multipleChoice(options: multiOptions, answers: ["a", "b"]))
    let trueFalse = try #require(contents.questions.first { $0.name == nil && $0.body.type == .trueFalse })
    #expect(trueFalse.body == .trueFalse(answer: true))
    #expect(trueFalse.explanation?.vi == "- Sai rồi\n- Đúng vậy")
    #expect(
      byName["Q4"]?.body == .shortAnswer(accepted: ["UBND", "Ủy ban nhân dân"], matching: .foldDiacritics))
    guard case .matching(let pairs) = byName["Q5"]?.body else {
      Issue.record("Q5")
      return
    }
    #expect(pairs.map(\.right.vi) == ["Dân chủ ở cơ sở", "Một cửa"])
    #expect(byName["Q6"]?.body == .shortAnswer(accepted: ["2022"], matching: .exact))
    #expect(byName["Q7"]?.body == .shortAnswer(accepted: ["89", "90", "91", "92", "93"], matching: .exact))
    #expect(byName["Q12"]?.prompt.vi == "Ký tự {đặc biệt} = ~ # : vẫn giữ")
    #expect(byName["Q12"]?.body == .shortAnswer(accepted: ["có: thật"], matching: .foldDiacritics))
    let missingWord = try #require(contents.questions.first { $0.prompt.vi.contains("_____") })
    #expect(missingWord.prompt.vi == "Luật _____ quy định về dân chủ ở cơ sở.")
    let html = try #require(byName["Q14"])
    #expect(html.prompt.vi == "Chọn **một**:")
    #expect(html.category == ["Khác"])
    guard case .singleChoice(let htmlOptions, _) = html.body else { return }
    #expect(htmlOptions[0].text.vi == "Đúng & đủ")
  }

  private var multiOptions: [Choice] {
    [
      Choice(id: "a", text: LocalizedText(vi: "Tiếp nhận")),
      Choice(id: "b", text: LocalizedText(vi: "Trả kết quả")),
      Choice(id: "c", text: LocalizedText(vi: "Ký quyết định")),
    ]
  }

  @Test func questionsPapiTrainCannotHoldAreNamedWithTheReasonNotDropped() {
    let contents = read(Self.bank)
    let notes = contents.problems.filter { $0.severity == .note }.map { "\($0.location.line) \($0.message)" }
    #expect(
      notes == [
        "31 numericalRange(\"0.5 ± 0.1\")", "33 numericalRange(\"1..100\")", "35 unsupportedType(\"essay\")",
        "37 unsupportedType(\"description\")",
      ])
    #expect(contents.questions.count == 10)
  }

  @Test func unevenWeightsAreNamed() {
    let contents = read("Chọn {~%70%a ~%30%b ~%-100%c}")
    #expect(contents.problems.map(\.message) == [.unevenWeights])
    #expect(contents.questions.count == 1)
  }

  @Test func malformedQuestionsAreEachReportedByLineInOneRun() {
    let contents = read(
      """
      ::A:: Câu không đóng {=x ~y

      ::B:: Trọng số sai {~%abc%x =y}

      ::C:: Không có đáp án đúng {~a ~b}

      ::D:: Trộn {=a -> b ~c}

      ::E:: Tốt {=x ~y}
      """)
    let errors = contents.errors.map { "\($0.location): \($0.message.text(in: .english))" }
    #expect(
      errors == [
        "bank.gift:1: the answers opened with '{' are never closed by '}'",
        "bank.gift:3: the weight '%abc%x ' is not valid (expected the form %50%)",
        "bank.gift:5: no right answer ('=' or a positive weight)",
        "bank.gift:7: matching answers ('->') are mixed with other kinds",
      ])
    #expect(contents.questions.map(\.name) == ["E"])
  }

  @Test func aWindows1252FileIsRefusedAsNotUTF8() {
    var bytes = Data("::A:: Đúng {T}\n\n::B:: C".utf8)
    bytes.append(contentsOf: [0xE2, 0x75, 0x20, 0x68, 0xF3, 0x69])  // "Câu hói" in Windows-1252
    bytes.append(contentsOf: Data(" {F}\n".utf8))
    let contents = GIFTReader().read(bytes, file: "cp1252.gift")
    #expect(contents.questions.isEmpty)
    #expect(contents.errors.map(\.location.line) == [3])
    #expect(contents.errors.first?.message == .notUTF8)
    #expect(contents.errors.first?.formatted(in: .english).contains("not UTF-8") == true)
  }

  @Test func decomposedVietnameseIsNormalisedToNFC() throws {
    let decomposed = "Xa\u{0303} {T}"
    let question = try #require(read(decomposed).questions.first)
    #expect(question.prompt.vi.unicodeScalars.map(\.value) == "Xã".unicodeScalars.map(\.value))
  }
}

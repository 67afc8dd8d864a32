import Localization

/// The words feedback puts beside the course's own text: the official's answer, the key, and the
/// right spelling of a short answer accepted without its diacritics.
public enum FeedbackMessage: MessageCatalogue, Hashable {
  /// "Your answer: b) ..."
  case yourAnswer(String)
  /// "Right answer: c) ..."
  case rightAnswer(String)
  /// "Written: thụ hưởng"
  case rightSpelling(String)

  public func text(in language: Language) -> String {
    switch (self, language) {
    case (.yourAnswer(let answer), .vietnamese): "Bạn trả lời: \(answer)"
    case (.yourAnswer(let answer), .english): "Your answer: \(answer)"
    case (.rightAnswer(let answer), .vietnamese): "Đáp án đúng: \(answer)"
    case (.rightAnswer(let answer), .english): "Right answer: \(answer)"
    case (.rightSpelling(let spelling), .vietnamese): "Viết đúng là: \(spelling)"
    case (.rightSpelling(let spelling), .english): "Correctly written: \(spelling)"
    }
  }

  public static var samples: [FeedbackMessage] {
    [.yourAnswer("b) Chủ tịch UBND xã"), .rightAnswer("c) Công chức văn phòng"), .rightSpelling("thụ hưởng")]
  }
}

import Curriculum
import Localization
import VietnameseText

/// What an official may do with a quiz, by its attempt rules (`attempts`, `retake` in the course
/// file) and how many attempts they have finished.
public enum AttemptPermission: Sendable, Hashable {
  case allowed
  /// A quiz that may not be retaken (by default, a pre-test), already finished.
  case alreadyTaken
  /// Every allowed attempt is used.
  case noAttemptsLeft(allowed: Int)

  /// The permission for a new attempt at `quiz` after `finished` finished attempts. Abandoned
  /// attempts do not count.
  public static func forNewAttempt(at quiz: Quiz, finished: Int) -> AttemptPermission {
    guard let limit = quiz.attemptLimit, finished >= limit else { return .allowed }
    return quiz.retake ? .noAttemptsLeft(allowed: limit) : .alreadyTaken
  }
}

/// What an official chooses for an unfinished attempt, said in words (`tiếp tục`, `bắt đầu lại`,
/// `để sau`), by number (1, 2, 3), or in English. A bare "no" (`k`, `không`) means "not now",
/// never "throw my answers away".
public enum ResumeChoice: Sendable, Hashable, CaseIterable {
  case resume, restart, later

  /// The choice `text` names, diacritics and case aside; nil when it names none.
  public static func parse(_ text: String) -> ResumeChoice? {
    let key = text.matchKey(foldingDiacritics: true).trimmingCharacters(in: .punctuationCharacters)
    for choice in allCases where choice.words.contains(key) { return choice }
    return nil
  }

  private var words: Set<String> {
    switch self {
    case .resume: ["tiep tuc", "tiep", "lam tiep", "1", "c", "co", "continue", "resume", "y", "yes"]
    case .restart: ["bat dau lai", "lam lai", "lam lai tu dau", "2", "restart", "start again", "start over"]
    case .later: ["de sau", "sau", "3", "k", "khong", "thoi", "later", "not now", "n", "no"]
    }
  }
}

/// A word typed at a question's prompt that is not an answer: asking for help, or pausing.
public enum QuizWord: Sendable, Hashable {
  case help, pause

  /// The word `text` is, diacritics and case aside; nil for anything else (an answer).
  public static func parse(_ text: String) -> QuizWord? {
    switch text.matchKey(foldingDiacritics: true) {
    case "help", "giup", "tro giup", "?": .help
    case "tam dung", "pause": .pause
    default: nil
    }
  }
}

/// What the shell says about attempt rules and resuming, Vietnamese first.
public enum AttemptMessage: MessageCatalogue, Hashable {
  case resumeQuestion(answered: Int, total: Int)
  case resumeHelp
  case confirmRestart(answered: Int)
  case restarted
  case keptForLater(quiz: String)
  case alreadyTaken(quiz: String)
  case noAttemptsLeft(quiz: String, allowed: Int)
  case attemptsLeft(Int)
  case quizHelp

  public func text(in language: Language) -> String {
    language == .vietnamese ? vietnamese : english
  }

  private var vietnamese: String {
    switch self {
    case .resumeQuestion(let answered, let total):
      "Bạn đang làm dở bài này (đã trả lời \(answered)/\(total) câu). Gõ: tiếp tục, bắt đầu lại, hoặc để sau: "
    case .resumeHelp: "Hãy gõ 'tiếp tục' (1), 'bắt đầu lại' (2) hoặc 'để sau' (3)."
    case .confirmRestart(let answered):
      "Bắt đầu lại sẽ bỏ \(answered) câu đã trả lời (bài cũ vẫn được ghi là đã bỏ dở). Chắc chắn? (c/k): "
    case .restarted: "Đã ghi bài cũ là bỏ dở; bắt đầu bài mới."
    case .keptForLater(let quiz): "Bài làm dở vẫn được giữ nguyên. Gõ 'quiz \(quiz)' để làm tiếp."
    case .alreadyTaken(let quiz): "Bạn đã làm bài '\(quiz)'; bài này chỉ làm một lần."
    case .noAttemptsLeft(let quiz, let allowed): "Bạn đã làm bài '\(quiz)' đủ \(allowed) lần cho phép."
    case .attemptsLeft(let count): "Còn \(count) lần làm bài."
    case .quizHelp:
      "Bạn đang làm bài kiểm tra: gõ câu trả lời theo hướng dẫn dưới câu hỏi. Gõ 'tạm dừng' (hoặc Ctrl-C) để dừng; các câu đã trả lời vẫn được lưu."
    }
  }

  private var english: String {
    switch self {
    case .resumeQuestion(let answered, let total):
      "You have an unfinished attempt (\(answered)/\(total) answered). Type: continue, restart, or later: "
    case .resumeHelp: "Type 'continue' (1), 'restart' (2) or 'later' (3)."
    case .confirmRestart(let answered):
      "Restarting drops your \(answered) \(answered == 1 ? "answer" : "answers") (the old attempt stays recorded as abandoned). Sure? (y/n): "
    case .restarted: "The old attempt is recorded as abandoned; a new one starts."
    case .keptForLater(let quiz): "Your unfinished attempt is kept as it is. Type 'quiz \(quiz)' to continue."
    case .alreadyTaken(let quiz): "You have taken '\(quiz)'; it is taken only once."
    case .noAttemptsLeft(let quiz, let allowed):
      "You have used all \(allowed) \(allowed == 1 ? "attempt" : "attempts") allowed at '\(quiz)'."
    case .attemptsLeft(let count): count == 1 ? "1 attempt left." : "\(count) attempts left."
    case .quizHelp:
      "You are taking a quiz: type your answer as shown under the question. Type 'pause' (or Ctrl-C) to stop; your answers so far are saved."
    }
  }

  public static var samples: [AttemptMessage] {
    [
      .resumeQuestion(answered: 3, total: 10), .resumeHelp, .confirmRestart(answered: 3),
      .confirmRestart(answered: 1),
      .restarted, .keptForLater(quiz: "oss-pretest"), .alreadyTaken(quiz: "oss-pretest"),
      .noAttemptsLeft(quiz: "oss-posttest", allowed: 2), .attemptsLeft(1), .attemptsLeft(2), .quizHelp,
    ]
  }
}

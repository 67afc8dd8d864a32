import Curriculum
import Localization

/// `next` (`bài tiếp`): the lesson after the one last read, in the course's teaching order; the
/// course's first lesson when none is read yet.
enum NextCommand: ShellCommand {
  static let name = "next"
  static let helpOrder = 50
  static let aliases = ["bài tiếp", "tiếp", "bài sau"]
  static let usage = "next"
  static let needs: Set<CommandNeed> = []
  static let summary = LocalizedText(vi: "đọc bài tiếp theo", en: "read the next lesson")
  static let details = LocalizedText(
    vi: "Đọc bài sau bài vừa đọc, theo thứ tự của khoá; chưa đọc bài nào thì đọc bài đầu tiên.",
    en: "Reads the lesson after the one just read, in the course's order; the first lesson if none yet.")

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    guard let course = context.currentCourse else { return .proceed }
    let ordered = course.lessonsInOrder
    let next: Lesson?
    if let last = context.place.lessonID, let index = ordered.firstIndex(where: { $0.id == last }) {
      next = ordered.indices.contains(index + 1) ? ordered[index + 1] : nil
    } else {
      next = ordered.first
    }
    guard let next else {
      context.say(NextStepText.noNextLesson)
      return .proceed
    }
    ReadCommand.show(next, of: course, in: context)
    return .proceed
  }
}

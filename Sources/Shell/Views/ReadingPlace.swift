import Curriculum
import Localization
import VietnameseText

/// Where an official is in the courses during a session: the course last listed or read (so
/// `read 2` and `course 2` mean what the last listing numbered) and the lesson last read (so
/// `bài tiếp` reads the one after it).
struct ReadingPlace {
  var courseID: String?
  var lessonID: String?
}

extension Course {
  /// The lessons in teaching order: module by module, then any lesson no module lists.
  var lessonsInOrder: [Lesson] {
    let listed = modules.flatMap(\.lessons).compactMap { lesson($0.id) }
    let ids = Set(listed.map(\.id))
    return listed + lessons.filter { !ids.contains($0.id) }
  }

  /// The module that lists lesson `id`.
  func module(of lessonID: String) -> CourseModule? {
    modules.first { $0.lessons.contains { $0.id == lessonID } }
  }

  /// The practice quiz for `module`: one drawing from it, else the course's first practice quiz.
  func practiceQuiz(for module: CourseModule?) -> Quiz? {
    let practice = quizzes.filter { $0.kind == .practice }
    if let module,
      let own = practice.first(where: { $0.draw.contains { $0.modules.contains { $0.id == module.id } } })
    {
      return own
    }
    return practice.first
  }
}

extension CommandContext {
  /// The course lessons and courses are numbered in: the one last listed or read, else the first.
  var currentCourse: Course? {
    place.courseID.flatMap(library.course) ?? library.courses.first
  }

  /// The course `text` names: its id, its number in `courses`, or a title typed without
  /// diacritics; nil after saying there is none (with a suggestion).
  func findCourse(_ text: String) -> Course? {
    let courses = library.courses
    if let course = library.course(text) { return course }
    if let number = Int(text), courses.indices.contains(number - 1) { return courses[number - 1] }
    let key = text.matchKey(foldingDiacritics: true)
    let byTitle = courses.filter { $0.title.vi.matchKey(foldingDiacritics: true) == key }
    if byTitle.count == 1 { return byTitle[0] }
    say(ShellText.noCourse(text, suggestion: closestMatch(to: text, in: courses.map(\.id))))
    return nil
  }

  /// The quiz `text` names by its id, with its course; nil, with a "did you mean", when none does.
  func findQuiz(_ text: String) -> (quiz: Quiz, course: Course)? {
    for course in library.courses {
      if let quiz = course.quiz(text) { return (quiz, course) }
    }
    let ids = library.courses.flatMap(\.quizzes).map(\.id)
    say(ShellText.noQuiz(text, suggestion: closestMatch(to: text, in: ids)))
    return nil
  }

  /// The lesson `text` names: its id; its number in the current course's listing (`read 2`); the
  /// end of an id (`l01` for `oss-l01`, the current course's first); nil when none.
  func lesson(named text: String) -> (Lesson, Course)? {
    let all = library.courses.flatMap { course in course.lessons.map { ($0, course) } }
    let key = text.lowercased()
    if let found = all.first(where: { $0.0.id == key }) { return found }
    if let course = currentCourse, let number = Int(key) {
      let ordered = course.lessonsInOrder
      return ordered.indices.contains(number - 1) ? (ordered[number - 1], course) : nil
    }
    let byEnd = all.filter { $0.0.id.hasSuffix("-" + key) }
    return byEnd.first { $0.1.id == currentCourse?.id } ?? (byEnd.count == 1 ? byEnd[0] : nil)
  }

  /// After a lesson: what comes next, the next lesson of the course or the module's practice quiz.
  func sayWhatComesNext(after lesson: Lesson, in course: Course) {
    let ordered = course.lessonsInOrder
    guard let index = ordered.firstIndex(where: { $0.id == lesson.id }) else { return }
    let module = course.module(of: lesson.id)
    let next = ordered.indices.contains(index + 1) ? ordered[index + 1] : nil
    if let next, course.module(of: next.id)?.id == module?.id || module == nil {
      say(NextStepText.nextLesson(id: next.id, title: next.title.text(in: language)))
      return
    }
    if let quiz = course.practiceQuiz(for: module) {
      say(NextStepText.practice(id: quiz.id, title: quiz.title.text(in: language)))
    }
    if let next { say(NextStepText.nextLesson(id: next.id, title: next.title.text(in: language))) }
  }
}

/// What the shell suggests after a lesson, Vietnamese first.
public enum NextStepText: MessageCatalogue, Hashable {
  case nextLesson(id: String, title: String)
  case practice(id: String, title: String)
  case noNextLesson
  case lessonNotFound(String, suggestion: String?)

  public func text(in language: Language) -> String {
    switch (self, language) {
    case (.nextLesson(let id, let title), .vietnamese):
      "Bài tiếp theo: \(title) (gõ 'bài tiếp' hoặc 'read \(id)')."
    case (.nextLesson(let id, let title), .english): "Next lesson: \(title) (type 'next' or 'read \(id)')."
    case (.practice(let id, let title), .vietnamese): "Luyện tập học phần này: \(title) (gõ 'quiz \(id)')."
    case (.practice(let id, let title), .english): "Practise this module: \(title) (type 'quiz \(id)')."
    case (.noNextLesson, .vietnamese): "Bạn đã đọc hết các bài của khoá này. Gõ 'khoá học' để chọn khoá khác."
    case (.noNextLesson, .english): "You have read every lesson of this course. Type 'courses' for another."
    case (.lessonNotFound(let text, let suggestion), .vietnamese):
      "Không có bài học '\(text)'." + (suggestion.map { " Có phải '\($0)'?" } ?? "")
        + " Gõ 'course' để xem các bài được đánh số."
    case (.lessonNotFound(let text, let suggestion), .english):
      "No lesson '\(text)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
        + " Type 'course' to see the lessons numbered."
    }
  }

  public static var samples: [NextStepText] {
    [
      .nextLesson(id: "oss-l02", title: "Tiếp nhận hồ sơ"), .practice(id: "oss-practice", title: "Luyện tập"),
      .noNextLesson, .lessonNotFound("l9", suggestion: "oss-l09"), .lessonNotFound("x", suggestion: nil),
    ]
  }
}

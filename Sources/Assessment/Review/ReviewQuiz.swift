import Curriculum
import Foundation
import Localization

/// What `review` has for an official: questions of one course due now, or nothing.
public enum ReviewPlan: Sendable, Hashable {
  /// Nothing due; `next` is when the next question comes due, if any is in review.
  case nothingDue(next: Date?)
  /// Questions are due, but none of the course asked for (or of any course still shipped).
  case nothingDueInCourse(next: Date?)
  /// The due questions of `course`, least retrievable first, drawn (options shuffled) as a quiz
  /// with immediate feedback. Taking it stores reviews, never a quiz attempt.
  case questions(AssembledQuiz, course: Course)
}

/// The review session: the due questions of one course (``ReviewSchedule``), asked one by one
/// with immediate feedback.
public enum ReviewQuiz {
  /// At most this many questions are reviewed at a time.
  public static let maximumQuestions = 10

  /// The review for an official with `schedule` at `now`: of `courseID`, or else of the course
  /// with the most questions due (the first by id among equals). `seed` shuffles the options.
  public static func plan(
    _ schedule: ReviewSchedule, library: CourseLibrary, at now: Date, courseID: String? = nil, seed: UInt64
  ) -> ReviewPlan {
    let due = schedule.due(at: now)
    let next = schedule.nextDue(after: now)
    guard !due.isEmpty else { return .nothingDue(next: next) }
    var byCourse: [String: [QuestionID]] = [:]
    for entry in due {
      guard let course = library.courses.first(where: { $0.question(entry.questionID) != nil }) else {
        continue
      }
      byCourse[course.id, default: []].append(entry.questionID)
    }
    let chosen: String?
    if let courseID {
      chosen = byCourse[courseID] == nil ? nil : courseID
    } else {
      chosen = byCourse.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
    }
    guard let id = chosen, let course = library.course(id), let ids = byCourse[id] else {
      return .nothingDueInCourse(next: next)
    }
    let quiz = quiz(of: Array(ids.prefix(maximumQuestions)), in: course)
    let assembler = QuizAssembler(course: course, taxonomy: library.taxonomy)
    guard
      let drawn = try? assembler.reassemble(quiz, seed: seed, questionIDs: quiz.questions.map(\.questionID))
    else {
      return .nothingDueInCourse(next: next)
    }
    return .questions(drawn, course: course)
  }

  /// How many questions still in the courses are due at `now`.
  public static func dueCount(_ schedule: ReviewSchedule, library: CourseLibrary, at now: Date) -> Int {
    schedule.due(at: now).filter { library.question($0.questionID) != nil }.count
  }

  /// The questions as a quiz, for drawing and marking only: it is never stored as an attempt,
  /// and its id is never shown.
  private static func quiz(of questionIDs: [QuestionID], in course: Course) -> Quiz {
    let location = SourceLocation(file: "review", line: 1, column: 1)
    return Quiz(
      id: "\(course.id).review", kind: .review,
      title: LocalizedText(
        vi: ReviewText.title(course.title.vi).text(in: .vietnamese),
        en: ReviewText.title(course.title.text(in: .english)).text(in: .english)),
      feedback: .immediate, passPercent: 0, shuffle: true,
      questions: questionIDs.map { Reference($0.rawValue, at: location) }, location: location)
  }
}

/// The review's title.
enum ReviewText: LocalizedMessage {
  case title(String)

  func text(in language: Language) -> String {
    switch (self, language) {
    case (.title(let course), .vietnamese): "Ôn tập: \(course)"
    case (.title(let course), .english): "Review: \(course)"
    }
  }
}

import Curriculum
import Foundation
import Localization

/// What `review` has for an official: a quiz of missed questions due now, or nothing.
public enum ReviewPlan: Sendable, Hashable {
  /// Nothing due; `next` is when the next question comes due, if any is in review.
  case nothingDue(next: Date?)
  /// Questions are due, but none of the course asked for (or of any course still shipped).
  case nothingDueInCourse
  /// A review quiz over `course`'s due questions.
  case quiz(Quiz, course: Course)
}

/// The review session: the missed questions due (``ReviewSchedule``) of one course, asked as a quiz
/// with immediate feedback.
public enum ReviewQuiz {
  /// At most this many questions are reviewed at a time.
  public static let maximumQuestions = 10
  /// The pass mark of a review quiz.
  public static let passPercent = 70.0

  /// The review for an official with `history` at `now`: of `courseID`, or else of the course with
  /// the most questions due (the first by id among equals).
  public static func plan(
    history: [AnswerEvent], library: CourseLibrary, at now: Date, courseID: String? = nil
  ) -> ReviewPlan {
    let schedule = ReviewSchedule(history: history)
    let due = schedule.due(at: now)
    guard !due.isEmpty else { return .nothingDue(next: schedule.all.first?.due) }
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
      return .nothingDueInCourse
    }
    return .quiz(quiz(of: Array(ids.prefix(maximumQuestions)), in: course), course: course)
  }

  /// How many questions still in the courses are due at `now`.
  public static func dueCount(history: [AnswerEvent], library: CourseLibrary, at now: Date) -> Int {
    ReviewSchedule(history: history).due(at: now).filter { library.question($0.questionID) != nil }.count
  }

  private static func quiz(of questionIDs: [QuestionID], in course: Course) -> Quiz {
    let location = SourceLocation(file: "review", line: 1, column: 1)
    return Quiz(
      id: "\(course.id)#review", kind: .review,
      title: LocalizedText(
        vi: ReviewText.title(course.title.vi).text(in: .vietnamese),
        en: ReviewText.title(course.title.text(in: .english)).text(in: .english)),
      feedback: .immediate, passPercent: passPercent, shuffle: true,
      questions: questionIDs.map { Reference($0.rawValue, at: location) }, location: location)
  }
}

/// The review quiz's title.
enum ReviewText: LocalizedMessage {
  case title(String)

  func text(in language: Language) -> String {
    switch (self, language) {
    case (.title(let course), .vietnamese): "Ôn tập: \(course)"
    case (.title(let course), .english): "Review: \(course)"
    }
  }
}

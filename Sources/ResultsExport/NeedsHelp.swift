import Curriculum
import Foundation
import Gradebook
import Insight
import Localization
import Reporting
import Toolkit
import Units

/// The officials of a class (or any selection) a trainer should follow up: whose latest
/// post-test is below its pass mark, or lower than their pre-test of the same course, each with
/// the lessons to reread (those teaching the PAPI indicators of the questions they missed, the
/// lessons for their position first).
public struct NeedsHelp: Sendable, Hashable {
  /// One official to follow up.
  public struct Entry: Sendable, Hashable {
    public var official: Official
    /// The post-test's quiz id and the share of it (0-1).
    public var postTest: String
    public var postShare: Double
    public var passShare: Double
    /// The latest finished pre-test of the same course, as a share, if one was taken.
    public var preShare: Double?
    /// Post minus pre, in shares, when both were taken.
    public var gain: Double? { preShare.map { postShare - $0 } }
    public var belowPassMark: Bool { postShare < passShare }
    public var scoreFell: Bool { (gain ?? 0) < 0 }
    /// The lessons to reread, most relevant first (at most 3).
    public var lessons: [Lesson]
  }

  public var entries: [Entry]

  /// The lessons listed per official.
  public static let lessonsShown = 3

  /// Works the list out from an export's results: each official's latest finished post-test
  /// (officials on every core: finding the lessons for each is a search of the course).
  public init(_ export: ClassExport) {
    let related = RelatedCodes(
      questions: export.questions.values, courses: export.library.courses, taxonomy: export.library.taxonomy)
    entries = concurrentMap(export.results.officials) { Self.entry(for: $0, in: export, related: related) }
      .compactMap { $0 }
  }

  static func entry(for official: Official, in export: ClassExport, related: RelatedCodes) -> Entry? {
    let finished = (export.attemptsByOfficial[official.id] ?? []).filter { $0.status == .finished }
    let posts = finished.filter { export.quizzes[$0.quizID]?.quiz.kind == .postTest }
    guard let post = posts.max(by: { ($0.endedAt ?? $0.startedAt) < ($1.endedAt ?? $1.startedAt) }),
      let (quiz, course) = export.quizzes[post.quizID]
    else { return nil }
    let pre = finished.filter { attempt in
      guard let taken = export.quizzes[attempt.quizID] else { return false }
      return taken.quiz.kind == .preTest && taken.course.id == course.id
    }.max { ($0.endedAt ?? $0.startedAt) < ($1.endedAt ?? $1.startedAt) }
    var entry = Entry(
      official: official, postTest: post.quizID, postShare: ClassExport.share(of: post),
      passShare: quiz.passPercent / 100, preShare: pre.map(ClassExport.share), lessons: [])
    guard entry.belowPassMark || entry.scoreFell else { return nil }
    entry.lessons = lessons(
      missing: post.answers.filter { $0.score < 1 }.map(\.questionID), course: course,
      position: export.library.currentPositionID(official.position), related: related)
    return entry
  }

  /// The course's lessons teaching what the missed questions test: ranked by how many missed
  /// questions they cover, the position's own lessons first among equals.
  static func lessons(missing: [QuestionID], course: Course, position: String, related: RelatedCodes)
    -> [Lesson]
  {
    // Each missed question adds one to each lesson it is related to (found once per question of
    // the course, not per lesson and official).
    var covered = [Int](repeating: 0, count: course.lessons.count)
    for question in missing {
      for lesson in related.lessons(of: question, in: course) { covered[lesson] += 1 }
    }
    let scored = course.lessons.indices.map { index -> (lesson: Lesson, covered: Int, own: Bool) in
      let lesson = course.lessons[index]
      let own = lesson.positions.contains { $0.id == position || $0.id == Position.everyone }
      return (lesson, covered[index], own)
    }
    return scored.filter { $0.covered > 0 }
      .sorted { ($0.covered, $0.own ? 1 : 0, $1.lesson.id) > ($1.covered, $1.own ? 1 : 0, $0.lesson.id) }
      .prefix(lessonsShown).map(\.lesson)
  }

  /// Which lessons of each course each question relates to (a code of the question's is one of
  /// the lesson's codes or falls under it, or the other way round), worked out once per pair of
  /// distinct codes and once per question and course: every official to follow up has their
  /// missed questions matched against the lessons of the course.
  struct RelatedCodes: Sendable {
    /// Course id → question id → the places in the course's lessons of those the question
    /// relates to.
    private var lessonsByCourse: [String: [QuestionID: [Int]]] = [:]

    init(questions: some Sequence<Question>, courses: [Course], taxonomy: Taxonomy) {
      let questions = Array(questions)
      let lessonCodes = Set(courses.flatMap { $0.lessons.flatMap(\.papiCodes) })
      // A question's code → the lessons' codes it relates to.
      var related: [String: Set<String>] = [:]
      for code in Set(questions.flatMap(\.papiCodes)) {
        related[code] = lessonCodes.filter {
          taxonomy.code(code, fallsUnder: $0) || taxonomy.code($0, fallsUnder: code)
        }
      }
      for course in courses where lessonsByCourse[course.id] == nil {
        var byQuestion: [QuestionID: [Int]] = [:]
        for question in questions {
          byQuestion[question.id] = course.lessons.indices.filter { index in
            question.papiCodes.contains { code in
              related[code].map { !$0.isDisjoint(with: course.lessons[index].papiCodes) } ?? false
            }
          }
        }
        lessonsByCourse[course.id] = byQuestion
      }
    }

    /// The places in `course`'s lessons of those `question` relates to: none for a question not
    /// in the courses.
    func lessons(of question: QuestionID, in course: Course) -> [Int] {
      lessonsByCourse[course.id]?[question] ?? []
    }
  }
}

extension ClassExport {
  /// Officials to follow up (``NeedsHelp``), one row each, with their lessons to reread.
  func needsHelpTable() -> Table {
    let header = [
      heading(.communeCode), heading(.commune), heading(.name), heading(.position), heading(.quiz),
      heading(.preTest), heading(.postTest), heading(.passMark), heading(.gain), heading(.reason),
      heading(.lessonsToReread),
    ]
    let rows = NeedsHelp(self).entries.map { entry -> [Cell] in
      let official = entry.official
      return [
        .code(official.communeCode.rawValue), communeNames[official.communeCode].map(Cell.text) ?? .empty,
        .text(official.name), .text(position(official.position)), .text(quizName(entry.postTest)),
        entry.preShare.map(Self.percent) ?? .empty, Self.percent(entry.postShare),
        Self.percent(entry.passShare),
        entry.gain.map(Self.percent) ?? .empty, .text(reasons(entry)), .text(lessonList(entry)),
      ]
    }
    return Table(name: heading(.needsHelpSheet), header: header, rows: rows)
  }

  /// "chưa đạt điểm kiểm tra cuối khoá; điểm cuối khoá thấp hơn đầu vào".
  func reasons(_ entry: NeedsHelp.Entry) -> String {
    var reasons: [String] = []
    if entry.belowPassMark { reasons.append(heading(.belowPassMark)) }
    if entry.scoreFell { reasons.append(heading(.scoreFell)) }
    return reasons.joined(separator: "; ")
  }

  /// `oss-m1-l2 Tiếp nhận hồ sơ; ...`: each lesson's id (what `read` takes) and title.
  func lessonList(_ entry: NeedsHelp.Entry) -> String {
    entry.lessons.map { "\($0.id) \($0.title.text(in: language))" }.joined(separator: "; ")
  }
}

extension ExportRequest {
  /// `papi-train report needs-help`: the officials of the selection to follow up, as lines to
  /// print (a heading, then each official with their scores, why, and the lessons to reread),
  /// and the communes whose files were refused (each checked as a file from outside), to print as
  /// errors; the other communes are still reported.
  public func needsHelpLines(
    loaded: LoadedCurriculum, courses: String, directory: ResultsDirectory, unitsPath: String,
    language: Language
  ) throws -> (lines: [String], leftOut: [ExportMessage]) {
    let selection = try selection(in: directory)
    guard let library = loaded.library else {
      throw ExportMessage.coursesUnreadable(
        courses, loaded.errors.prefix(3).map { $0.formatted(in: .english) })
    }
    let results = try ClassResults.load(from: directory, selection: selection)
    let leftOut = ExportMessage.leftOut(results)
    guard !results.attempts.isEmpty else { return ([], leftOut) }
    var names: [CommuneCode: String] = [:]
    if let units = try? UnitHierarchy.load(path: unitsPath) {
      for code in results.communes { names[code] = units.unit(code)?.name }
    }
    let export = ClassExport(results: results, library: library, language: language, communeNames: names)
    let entries = NeedsHelp(export).entries
    var lines = [
      NeedsHelpMessage.heading(count: entries.count, of: results.officials.count).text(in: language)
    ]
    for entry in entries {
      let official = entry.official
      lines.append(
        NeedsHelpMessage.official(
          commune: export.communeHeading(official.communeCode), name: official.name,
          position: export.position(official.position), quiz: export.quizName(entry.postTest),
          post: Self.percentText(entry.postShare), pass: Self.percentText(entry.passShare),
          pre: entry.preShare.map(Self.percentText)
        ).text(in: language))
      lines.append("  " + export.reasons(entry))
      for lesson in entry.lessons {
        lines.append(
          "  " + NeedsHelpMessage.reread(lesson.id, lesson.title.text(in: language)).text(in: language))
      }
    }
    return (lines, leftOut)
  }

  /// `33.3%`.
  static func percentText(_ share: Double) -> String {
    let value = (share * 1000).rounded() / 10
    return (value == value.rounded() ? String(Int(value)) : String(value)) + "%"
  }
}

/// What `papi-train report needs-help` says.
public enum NeedsHelpMessage: MessageCatalogue, Hashable {
  case heading(count: Int, of: Int)
  case official(
    commune: String, name: String, position: String, quiz: String, post: String, pass: String, pre: String?)
  case reread(String, String)

  public func text(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .heading(let count, let total):
      return vi
        ? "Cán bộ cần hỗ trợ: \(count) trên \(total) (điểm cuối khoá dưới điểm đạt hoặc thấp hơn đầu vào)"
        : "Officials who need help: \(count) of \(total) (post-test below the pass mark or below the pre-test)"
    case .official(let commune, let name, let position, let quiz, let post, let pass, let pre):
      let before = pre.map { vi ? ", đầu vào \($0)" : ", pre-test \($0)" } ?? ""
      return vi
        ? "\(commune) · \(name) (\(position)): \(quiz) \(post), điểm đạt \(pass)\(before)"
        : "\(commune) · \(name) (\(position)): \(quiz) \(post), pass mark \(pass)\(before)"
    case .reread(let id, let title):
      return vi ? "đọc lại: \(id) \(title)" : "reread: \(id) \(title)"
    }
  }

  public static let samples: [NeedsHelpMessage] = [
    .heading(count: 1, of: 5),
    .official(
      commune: "03637 Xã Mường Kim", name: "Lò Văn Thắng", position: "Công chức Tư pháp - Hộ tịch",
      quiz: "Kiểm tra cuối khoá", post: "33.3%", pass: "70%", pre: "50%"),
    .reread("oss-m1-l1", "Cơ chế một cửa là gì"),
  ]
}

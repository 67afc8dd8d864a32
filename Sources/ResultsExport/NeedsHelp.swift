import Curriculum
import Foundation
import Gradebook
import Insight
import Localization
import Reporting
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

  /// Works the list out from an export's results: each official's latest finished post-test.
  public init(_ export: ClassExport) {
    entries = export.results.officials.compactMap { Self.entry(for: $0, in: export) }
  }

  static func entry(for official: Official, in export: ClassExport) -> Entry? {
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
      missing: post.answers.filter { $0.score < 1 }.compactMap { export.questions[$0.questionID] },
      course: course, position: official.position, taxonomy: export.library.taxonomy)
    return entry
  }

  /// The course's lessons teaching what the missed questions test: ranked by how many missed
  /// questions they cover, the position's own lessons first among equals.
  static func lessons(missing: [Question], course: Course, position: String, taxonomy: Taxonomy) -> [Lesson] {
    let scored = course.lessons.map { lesson -> (lesson: Lesson, covered: Int, own: Bool) in
      let covered = missing.count { question in
        question.papiCodes.contains { code in
          lesson.papiCodes.contains {
            taxonomy.code(code, fallsUnder: $0) || taxonomy.code($0, fallsUnder: code)
          }
        }
      }
      let own = lesson.positions.contains { $0.id == position || $0.id == Position.everyone }
      return (lesson, covered, own)
    }
    return scored.filter { $0.covered > 0 }
      .sorted { ($0.covered, $0.own ? 1 : 0, $1.lesson.id) > ($1.covered, $1.own ? 1 : 0, $0.lesson.id) }
      .prefix(lessonsShown).map(\.lesson)
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

import Curriculum
import Foundation
import Gradebook
import Localization
import TerminalUI
import Toolkit
import Units

/// A trainer's classes over a results folder: creating, listing, showing and closing one, each
/// one entry point that returns the lines to print (`papi-train class`, the shell's trainer
/// session).
public struct ClassDesk {
  public var directory: ResultsDirectory
  /// The units list, for commune names (and a class's code letters).
  public var units: UnitHierarchy?
  public var library: CourseLibrary?
  public var language: Language
  /// The width tables are fitted to (a terminal's columns).
  public var width: Int

  public init(
    directory: ResultsDirectory, units: UnitHierarchy?, library: CourseLibrary?, language: Language,
    width: Int = 200
  ) {
    self.directory = directory
    self.units = units
    self.library = library
    self.language = language
    self.width = width
  }

  /// What `class create` is given.
  public struct Draft: Sendable {
    public var title: String
    public var trainer: String
    public var place: String
    public var start: String
    public var end: String?
    /// Communes by code or name.
    public var communes: [String]
    public var pretest: String?
    public var posttest: String?

    public init(
      title: String, trainer: String, place: String, start: String, end: String?, communes: [String],
      pretest: String?, posttest: String?
    ) {
      self.title = title
      self.trainer = trainer
      self.place = place
      self.start = start
      self.end = end
      self.communes = communes
      self.pretest = pretest
      self.posttest = posttest
    }
  }

  /// Creates the class and returns it with the lines to print.
  public func create(_ draft: Draft, now: Date = Date()) throws -> (TrainingClass, [String]) {
    let codes = try draft.communes.map { try CommuneChoice.resolve($0, units: units) }
    for quiz in [draft.pretest, draft.posttest].compactMap({ $0 }) where quizTitle(quiz) == nil {
      throw ClassRosterError.unknownQuiz(quiz)
    }
    let made = try directory.createClass(
      TrainingClass(
        title: draft.title, trainer: draft.trainer, date: draft.start, endDate: draft.end ?? draft.start,
        place: draft.place, communeCodes: codes, pretestQuizID: draft.pretest, posttestQuizID: draft.posttest,
        updatedAt: now),
      placeName: codes.first.map(placeName) ?? "")
    return (
      made,
      [
        text(.created(code: made.label, title: made.title, communes: made.communeCodes.count)),
        text(.howToJoin(code: made.label)),
      ]
    )
  }

  /// Which classes `list` shows.
  public enum Filter: Sendable {
    case all, open, closed
  }

  /// The classes of the folder, filtered, as a table.
  public func list(_ filter: Filter = .all, commune: String? = nil) throws -> [String] {
    let code = try commune.map { try CommuneChoice.resolve($0, units: units) }
    let shown = try directory.classes().filter { found in
      switch filter {
      case .all: true
      case .open: found.isOpen
      case .closed: !found.isOpen
      }
    }.filter { found in code.map { found.communeCodes.contains($0) } ?? true }
    guard !shown.isEmpty else { return [text(.noClasses)] }
    let decisions = try directory.leaderDecisions()
    let header = text(.listHeader).split(separator: "|").map(String.init)
    let rows: [[String]] = shown.map { found in
      [
        found.label, found.title, days(found), found.place,
        found.communeCodes.map { communeName($0) }.joined(separator: ", "),
        text(found.isOpen ? .open : .closedStatus),
        decisions[found.id].map { text(.decisionStatus($0.verdict)) } ?? "—",
      ]
    }
    return FittedTable(header: header, rows: rows, width: width).lines()
  }

  /// One class: what it is, then who joined and their pre- and post-test scores.
  public func show(_ typed: String) throws -> [String] {
    let found = try directory.findClass(typed)
    let roll = try directory.roll(of: found)
    let none = text(.noQuiz)
    var lines = [
      text(.showTitle(code: found.label, title: found.title)), text(.showTrainer(found.trainer)),
      text(.showDays(found.date, found.endDate)), text(.showPlace(found.place)),
      text(
        .showCommunes(
          found.communeCodes.map { "\(communeName($0)) (\($0.rawValue))" }.joined(separator: ", "))),
      text(
        .showQuizzes(
          pretest: found.pretestQuizID.map { quizTitle($0) ?? $0 } ?? none,
          posttest: found.posttestQuizID.map { quizTitle($0) ?? $0 } ?? none)),
      text(.showStatus(isOpen: found.isOpen)),
    ]
    lines += try decisionLines(found)
    lines.append("")
    guard !roll.isEmpty else { return lines + [text(.nobodyYet)] }
    let header = text(.rollHeader).split(separator: "|").map(String.init)
    let rows: [[String]] = roll.map { entry in
      [
        communeName(entry.official.communeCode), entry.official.name,
        entry.joinedAt.map { Day($0).description } ?? "—", percent(entry.pretest), percent(entry.posttest),
      ]
    }
    lines += FittedTable(header: header, rows: rows, width: width).lines()
    lines.append("")
    lines.append(
      text(
        .rollSummary(
          joined: roll.count, pretest: roll.filter { $0.pretest != nil }.count,
          posttest: roll.filter { $0.posttest != nil }.count)))
    return lines
  }

  /// Closes the class and says so.
  public func close(_ typed: String, now: Date = Date()) throws -> [String] {
    let found = try directory.findClass(typed)
    guard found.isOpen else { return [text(.alreadyClosed(code: found.label))] }
    try directory.closeClass(found, at: now)
    return [text(.closed(code: found.label))]
  }

  // MARK: - Pieces

  private func text(_ message: ClassMessage) -> String { message.text(in: language) }

  /// The province leader's decision on the class and its note, when sync brought one.
  private func decisionLines(_ found: TrainingClass) throws -> [String] {
    guard let decision = try directory.leaderDecisions()[found.id] else { return [] }
    let shown = text(
      .showDecision(decision.verdict, leader: decision.leader, day: Day(decision.decidedAt).description))
    return decision.note.isEmpty ? [shown] : [shown, text(.showNote(decision.note))]
  }

  private func days(_ found: TrainingClass) -> String {
    found.date == found.endDate ? found.date : "\(found.date)…\(found.endDate)"
  }

  private func percent(_ attempt: Attempt?) -> String {
    guard let attempt, let score = attempt.score, let maximum = attempt.maxScore, maximum > 0 else {
      return "—"
    }
    return "\(Int((score / maximum * 100).rounded()))%"
  }

  func communeName(_ code: CommuneCode) -> String {
    units?.unit(code)?.name ?? code.rawValue
  }

  /// The province a commune is in (for a class's code letters), else the commune's name.
  func placeName(_ code: CommuneCode) -> String {
    guard let units else { return "" }
    let province = units.ancestors(of: code.unitCode).first { $0.level == .province }
    return province?.name ?? units.unit(code)?.name ?? ""
  }

  func quizTitle(_ id: String) -> String? {
    library?.courses.flatMap(\.quizzes).first { $0.id == id }?.title.text(in: language)
  }
}

import Assessment
import Curriculum
import Foundation
import Gradebook
import Insight
import Localization
import VietnameseText

/// The views that read the results through Insight: the official's own `progress` and `weak`,
/// and the trainer's `class` and `items`.
extension ShellSession {
  /// The share of marks under which a dimension is called weak (the interval taken into account).
  static let weakThreshold = 0.7

  /// Answers of `attempts` as Insight's facts; answers to questions no longer in the courses
  /// are left out.
  func facts(of attempts: [Attempt], positions: [OfficialID: String]) -> [AnswerFact] {
    attempts.flatMap { attempt in
      attempt.answers.compactMap { answer -> AnswerFact? in
        guard let question = library.question(answer.questionID) else { return nil }
        return AnswerFact(
          officialID: attempt.officialID.uuidString, position: positions[attempt.officialID] ?? "",
          communeCode: commune?.code.rawValue ?? "", attemptID: attempt.id.uuidString, quizID: attempt.quizID,
          questionID: answer.questionID, score: answer.mark.score, answeredAt: answer.answeredAt,
          papiCodes: question.papiCodes, area: question.area.id)
      }
    }
  }

  /// "62% (48–74%)" with a bar, or "insufficient data (3 answers)".
  func masteryLine(code: String, mastery: Mastery, indent: String, nameWidth: Int) -> String {
    let name = taxonomy.entry(for: code)?.name.text(in: language) ?? code
    let shownName = name.displayWidth > nameWidth ? String(name.prefix(max(1, nameWidth - 1))) + "…" : name
    var text = indent + code.padded(toDisplayWidth: 6) + shownName.padded(toDisplayWidth: nameWidth) + " "
    guard !mastery.isInsufficient, let estimate = mastery.estimate else {
      return text + style.dim(InsightText.insufficient(answers: mastery.answers).text(in: language))
    }
    let filled = Int((estimate * 10).rounded())
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
    switch mastery.verdict(threshold: Self.weakThreshold) {
    case .weak: text += style.red(bar)
    case .possiblyWeak: text += style.yellow(bar)
    default: text += style.green(bar)
    }
    text += " " + InsightText.share(estimate, lower: mastery.lower, upper: mastery.upper).text(in: language)
    text += " " + style.dim(InsightText.answers(mastery.answers).text(in: language))
    return text
  }

  var nameWidth: Int {
    let names = taxonomy.dimensions.map { $0.name.text(in: language).displayWidth }
    return min(names.max() ?? 20, max(16, configuration.terminal.width - 48))
  }

  // MARK: weak

  func showWeakAreas() {
    guard let official, let store else { return }
    let attempts: [Attempt]
    do { attempts = try store.attempts(of: official) } catch {
      return say(.cannotOpenResults(reason(error)))
    }
    let facts = facts(of: attempts, positions: [official.id: official.position])
    guard !facts.isEmpty else { return say(.noAttemptsYet) }
    let report = MasteryReport(facts: facts, taxonomy: taxonomy, rule: .official, at: configuration.now())
    line(InsightText.weakHeader(threshold: Self.weakThreshold).text(in: language))
    for dimension in taxonomy.dimensions {
      guard let mastery = report.byCode[dimension.code], mastery.answers > 0 else { continue }
      line(masteryLine(code: dimension.code, mastery: mastery, indent: "  ", nameWidth: nameWidth))
    }
    let untouched = taxonomy.dimensions.filter { (report.byCode[$0.code]?.answers ?? 0) == 0 }.map(\.code)
    if !untouched.isEmpty { line(InsightText.notYetAsked(untouched).text(in: language)) }
    let weak = weakAreas(in: report, facts: facts, library: library, threshold: Self.weakThreshold)
    guard !weak.isEmpty else {
      line(
        InsightText.noWeakArea(enough: report.byCode.values.contains { !$0.isInsufficient }).text(
          in: language))
      return
    }
    line("")
    line(InsightText.weakListHeader.text(in: language))
    for area in weak.prefix(6) {
      let verdict = InsightText.verdict(area.verdict).text(in: language)
      line(
        masteryLine(code: area.code, mastery: area.mastery, indent: "  ", nameWidth: nameWidth) + " "
          + verdict)
    }
    suggestLessons(for: weak.map(\.code))
    let missed = weak.flatMap(\.questionsToReview).prefix(1)
    if !missed.isEmpty { line(InsightText.reviewHint.text(in: language)) }
  }

  // MARK: progress

  /// Per course: pre-test against post-test, when both were taken.
  func showGains(_ attempts: [Attempt], official: Official) {
    let facts = facts(of: attempts, positions: [official.id: official.position])
    for course in library.courses {
      let kinds = Dictionary(uniqueKeysWithValues: course.quizzes.map { ($0.id, $0.kind) })
      let pre = facts.filter { kinds[$0.quizID] == .preTest }.map(\.score)
      let post = facts.filter { kinds[$0.quizID] == .postTest }.map(\.score)
      guard !pre.isEmpty, !post.isEmpty else { continue }
      let gain = LearningGain(
        pre: pre.reduce(0, +) / Double(pre.count), post: post.reduce(0, +) / Double(post.count))
      line(InsightText.gain(course: course.title.text(in: language), gain).text(in: language))
    }
    let report = MasteryReport(facts: facts, taxonomy: taxonomy, rule: .official, at: configuration.now())
    let measured = taxonomy.dimensions.compactMap { report.byCode[$0.code] }.filter { !$0.isInsufficient }
    line(InsightText.dimensionsMeasured(measured.count, of: taxonomy.dimensions.count).text(in: language))
  }

  // MARK: trainer views

  /// Asks for the trainer passphrase once per signed-in official; true when granted.
  func trainerAllowed() -> Bool {
    if isTrainer { return true }
    guard let check = configuration.checkTrainerPassphrase else {
      line(InsightText.trainerUnavailable.text(in: language))
      return false
    }
    let input = reader.readSecret(prompt: InsightText.passphrasePrompt.text(in: language))
    guard case .line(let passphrase) = input else { return false }
    switch check(passphrase, language) {
    case .granted:
      isTrainer = true
      return true
    case .denied(let message), .notConfigured(let message):
      line(style.red(message))
      return false
    }
  }

  /// The commune's officials against every dimension, the commune's readiness and weak areas.
  func showClass() {
    guard let store, trainerAllowed() else { return }
    let attempts: [Attempt]
    let roster: [Official]
    do {
      attempts = try store.communeAttempts()
      roster = try store.officials()
    } catch {
      return say(.cannotOpenResults(reason(error)))
    }
    let positions = Dictionary(roster.map { ($0.id, $0.position) }, uniquingKeysWith: { first, _ in first })
    let facts = facts(of: attempts, positions: positions)
    guard !facts.isEmpty else { return say(.noAttemptsYet) }
    let now = configuration.now()
    line(
      InsightText.classHeader(commune: commune?.fullName ?? "", officials: roster.count).text(in: language))
    let codes = taxonomy.dimensions.map(\.code)
    var rows = [[InsightText.officialColumn.text(in: language)] + codes]
    let byOfficial = Dictionary(grouping: facts, by: \.officialID)
    for official in roster {
      guard let mine = byOfficial[official.id.uuidString] else { continue }
      let report = MasteryReport(facts: mine, taxonomy: taxonomy, rule: .official, at: now)
      rows.append(
        [official.name]
          + codes.map { code in
            guard let mastery = report.byCode[code], !mastery.isInsufficient, let estimate = mastery.estimate
            else {
              return "—"
            }
            return String(Int((estimate * 100).rounded())) + "%"
          })
    }
    for text in table(rows) { line(text) }
    let readiness = CommuneReadiness(
      communeCode: commune?.code.rawValue ?? "", facts: facts, rosterSize: roster.count, taxonomy: taxonomy,
      at: now)
    line("")
    line(InsightText.readinessHeader.text(in: language))
    for dimension in readiness.dimensions {
      let score = dimension.score.map { String(format: "%.1f", $0) } ?? "—"
      let coverage = Int((dimension.coverage * 100).rounded())
      line(
        "  " + dimension.code.padded(toDisplayWidth: 5) + score.leftPadded(5) + "  "
          + InsightText.coverage(
            coverage, assessed: dimension.assessedOfficials, roster: dimension.rosterOfficials
          )
          .text(in: language))
    }
    let report = MasteryReport(facts: facts, taxonomy: taxonomy, rule: .group, at: now)
    let weak = weakAreas(in: report, facts: facts, library: library, threshold: Self.weakThreshold)
    if !weak.isEmpty {
      line("")
      line(InsightText.weakListHeader.text(in: language))
      let names = Dictionary(
        library.positions.map { ($0.id, $0.name.text(in: language)) }, uniquingKeysWith: { first, _ in first }
      )
      for area in weak.prefix(6) {
        line(masteryLine(code: area.code, mastery: area.mastery, indent: "  ", nameWidth: nameWidth))
        if !area.positions.isEmpty {
          line(
            "        "
              + InsightText.responsible(area.positions.prefix(3).map { names[$0] ?? $0 }).text(in: language))
        }
      }
    }
  }

  /// Moodle's item statistics over the commune's finished attempts, per quiz.
  func showItems(_ argument: String) {
    guard let store, trainerAllowed() else { return }
    let attempts: [Attempt]
    do { attempts = try store.communeAttempts() } catch {
      return say(.cannotOpenResults(reason(error)))
    }
    let finished = attempts.filter { $0.status == .finished && (argument.isEmpty || $0.quizID == argument) }
    guard !finished.isEmpty else { return line(InsightText.noFinishedAttempts.text(in: language)) }
    for (quiz, quizAttempts) in Dictionary(grouping: finished, by: \.quizID).sorted(by: { $0.key < $1.key }) {
      let analysis = ItemAnalysis(
        attempts: quizAttempts.map { attempt in
          ItemAttempt(
            marks: Dictionary(attempt.answers.map { ($0.questionID, $0.mark.score) }, uniquingKeysWith: max))
        })
      line("")
      line(
        InsightText.itemsHeader(quiz: quiz, attempts: analysis.attempts, alpha: analysis.alpha).text(
          in: language))
      var rows = [InsightText.itemColumns.text(in: language).split(separator: "|").map(String.init)]
      for item in analysis.items.sorted(by: { $0.facility < $1.facility }) {
        rows.append([
          item.questionID, String(item.attempts), String(Int((item.facility * 100).rounded())) + "%",
          item.discriminationIndex.map { String(format: "%.0f", $0) } ?? "—",
          item.flags.map { InsightText.flag($0).text(in: language) }.joined(separator: ", "),
        ])
      }
      for text in table(rows) { line(text) }
    }
  }

  /// Rows padded by display width.
  func table(_ rows: [[String]]) -> [String] {
    guard let columns = rows.map(\.count).max() else { return [] }
    let widths = (0..<columns).map { column in
      rows.map { column < $0.count ? $0[column].displayWidth : 0 }.max() ?? 0
    }
    return rows.map { cells in
      "  "
        + cells.enumerated().map { index, cell in
          index == cells.count - 1 ? cell : cell.padded(toDisplayWidth: widths[index])
        }.joined(separator: "  ")
    }
  }
}

/// The outcome of checking a trainer passphrase; the messages are the checker's, in the
/// session's language.
public enum TrainerCheck: Sendable {
  case granted
  case denied(String)
  case notConfigured(String)
}

import Curriculum
import Foundation
import Gradebook
import Insight
import Localization
import TerminalUI
import Units

/// Whose answers a group report covers, as a user names them: a commune (`--commune CODE|NAME`),
/// optionally one official of it (`--official NAME|ID`), or a training class (`--class ID`).
public struct GroupReportRequest: Sendable {
  public var commune: String?
  public var official: String?
  /// Only this quiz (item statistics).
  public var quiz: String?
  /// The administrative units, to find a commune given by name (`--commune "Sìn Hồ"`).
  public var units: UnitHierarchy?

  public init(commune: String? = nil, official: String? = nil, quiz: String? = nil) {
    self.commune = commune
    self.official = official
    self.quiz = quiz
  }
}

/// A group report (weak areas, gain or item statistics) of an official, a commune or a class:
/// the scope resolved, the answers read and analysed, the officials' names for the tables.
public struct GroupReport: Sendable {
  /// Which of the three reports to show.
  public enum Kind: Sendable { case weak, gain, items }

  public var insight: GroupInsight
  /// "Xã 03637", "Nguyễn Thị Hoa, xã 03637", "Lớp tập huấn …".
  public var label: String
  public var rule: MasteryRule
  public var context: ReportContext
  /// Official id → name.
  public var names: [String: String]
  public var language: Language

  /// Resolves the scope (`trainingClass` as typed), reads its answers and analyses them.
  public init(
    request: GroupReportRequest, trainingClass: String?, context: ReportContext, directory: ResultsDirectory,
    language: Language
  ) throws {
    let (scope, label) = try Self.resolve(
      request, trainingClass: trainingClass, directory, language: language)
    var selection = context.selection
    if let quiz = request.quiz {
      guard context.index.library.courses.contains(where: { $0.quiz(quiz) != nil }) else {
        throw ReportMessage.unknownQuiz(quiz)
      }
      selection.quizIDs = [quiz]
    }
    rule = request.official == nil ? .group : .official
    let answers = try GroupInsight.rows(of: scope, in: directory, selection: selection)
    insight = GroupInsight(
      answers: answers, index: context.index, rule: rule, reference: context.reference,
      threshold: context.threshold)
    var names: [String: String] = [:]
    for (commune, _) in answers {
      for official in try directory.checkedReadOnlyStore(for: CommuneCode(commune))?.officials() ?? [] {
        names[official.id.uuidString] = official.name
      }
    }
    self.names = names
    self.label = label
    self.context = context
    self.language = language
  }

  /// The class alone, a commune, or one official of a commune found by Gradebook's one rule.
  static func resolve(
    _ request: GroupReportRequest, trainingClass: String?, _ directory: ResultsDirectory, language: Language
  ) throws -> (ReportScope, String) {
    if let trainingClass {
      guard let id = try directory.classID(trainingClass) ?? ClassID(trainingClass) else {
        throw ReportMessage.badClass(trainingClass)
      }
      if request.commune == nil {
        return (.trainingClass(id), ReportMessage.scopeClass(trainingClass).text(in: language))
      }
    }
    guard let communeText = request.commune else { throw ReportMessage.noScope }
    let code = try CommuneChoice.resolve(communeText, units: request.units)
    guard let store = try directory.checkedReadOnlyStore(for: code) else {
      throw ReportMessage.noResults(code.rawValue)
    }
    guard let officialText = request.official else {
      return (.commune(code), ReportMessage.scopeCommune(code.rawValue).text(in: language))
    }
    switch try store.findOfficial(officialText) {
    case .one(let official):
      return (
        .official(code, official.id),
        ReportMessage.scopeOfficial(official.name, code.rawValue).text(in: language)
      )
    case .several(let matches):
      throw ReportMessage.ambiguousOfficial(officialText, matches.map { "\($0.name) (\($0.id.uuidString))" })
    case .none:
      throw ReportMessage.unknownOfficial(officialText, code.rawValue)
    }
  }

  /// `papi-train.group/1`.
  public func json(generatedAt: Date = Date()) throws -> String {
    let document = ReportDocuments.Group(
      insight: insight, scope: label, officialNames: names, library: context.index.library, rule: rule,
      threshold: context.threshold, language: language, asOf: context.generated, generatedAt: generatedAt)
    return try ReportDocuments.text(of: document)
  }

  /// The report as terminal lines at most `width` columns wide (item statistics; the other
  /// tables as they are): the scope, what it rests on, then the tables of `kind`.
  public func lines(_ kind: Kind, width: Int = 80) -> [String] {
    var lines = [
      label,
      ReportMessage.basis(answers: insight.facts.count, officials: insight.officials).text(in: language),
    ]
    if insight.unknownQuestions > 0 {
      lines.append(ReportMessage.unknownQuestions(insight.unknownQuestions).text(in: language))
    }
    let text = GroupReportText(
      insight: insight, library: context.index.library, language: language, threshold: context.threshold,
      names: names)
    switch kind {
    case .weak: lines += text.weak()
    case .gain: lines += text.gain()
    case .items: lines += text.items(width: width)
    }
    return lines
  }
}

/// A group's weak areas, gain and item statistics as terminal text.
struct GroupReportText {
  var insight: GroupInsight
  var library: CourseLibrary
  var language: Language
  var threshold: Double
  /// Official id → name.
  var names: [String: String]

  private var taxonomy: Taxonomy { library.taxonomy }

  private func name(_ code: String) -> String { taxonomy.entry(for: code)?.name.text(in: language) ?? code }

  private func describe(_ mastery: Mastery) -> String { ReportMessage.describing(mastery).text(in: language) }

  private func text(_ message: ReportMessage) -> String { message.text(in: language) }

  func weak() -> [String] {
    var lines = [""]
    var rows = [[text(.columnCode), text(.columnMastery)]]
    for dimension in taxonomy.dimensions {
      guard let mastery = insight.mastery.byCode[dimension.code] else { continue }
      rows.append(["\(dimension.code) \(dimension.name.text(in: language))", describe(mastery)])
    }
    lines += TextTable(rows).lines
    let titles = Dictionary(
      library.courses.flatMap(\.areas).map { ($0.id, $0.title.text(in: language)) },
      uniquingKeysWith: { first, _ in first })
    if !insight.mastery.byArea.isEmpty {
      var areaRows = [[text(.columnArea), text(.columnMastery)]]
      for (area, mastery) in insight.mastery.byArea.sorted(by: { $0.key < $1.key }) {
        areaRows.append([titles[area] ?? area, describe(mastery)])
      }
      lines += [""] + TextTable(areaRows).lines
    }
    lines.append("")
    guard !insight.weakAreas.isEmpty else { return lines + [text(.noWeakAreas(threshold))] }
    lines.append(text(.weakHeading(threshold)))
    return lines + weakAreaLines()
  }

  private func weakAreaLines() -> [String] {
    let positions = Dictionary(
      library.positions.map { ($0.id, $0.name.text(in: language)) }, uniquingKeysWith: { first, _ in first })
    var lines: [String] = []
    for area in insight.weakAreas {
      lines.append(
        "• \(area.code) \(name(area.code)): \(describe(area.mastery)) — \(text(.verdict(area.verdict)))")
      if !area.lessons.isEmpty { lines.append("    " + text(.lessons(Array(area.lessons.prefix(6))))) }
      if !area.questionsToReview.isEmpty {
        lines.append("    " + text(.questions(area.questionsToReview.prefix(8).map(\.rawValue))))
      }
      if !area.positions.isEmpty {
        lines.append("    " + text(.responsible(area.positions.prefix(3).map { positions[$0] ?? $0 })))
      }
    }
    return lines
  }

  func gain() -> [String] {
    guard !insight.gains.isEmpty else { return ["", text(.noGain)] }
    var rows = [text(.gainColumns).split(separator: "|").map(String.init)]
    for gain in insight.gains {
      rows.append([
        names[gain.officialID] ?? gain.officialID, gain.courseID, percent(gain.gain.pre),
        percent(gain.gain.post), signed(gain.gain.absolute),
        gain.gain.normalized.map { String(format: "%.2f", $0) } ?? "—",
      ])
    }
    if let mean = insight.meanGain {
      rows.append([
        text(.mean), "", percent(mean.pre), percent(mean.post), signed(mean.absolute),
        mean.normalized.map { String(format: "%.2f", $0) } ?? "—",
      ])
    }
    return [""] + TextTable(rows).lines
  }

  /// Each quiz's item statistics with its questions' texts and per-option counts.
  func items(width: Int) -> [String] {
    guard !insight.items.isEmpty else { return ["", text(.noItems)] }
    let view = ItemsView(library: library, language: language, width: width)
    return insight.items.sorted(by: { $0.key < $1.key }).flatMap { quiz, analysis in
      view.lines(quiz: quiz, analysis: analysis, options: insight.options[quiz] ?? [:])
    }
  }

  private func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }
  private func signed(_ share: Double) -> String { String(format: "%+.0f", share * 100) }
}

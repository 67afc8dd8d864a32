import Foundation
import Gradebook
import Insight
import Localization
import TerminalUI
import Units
import VietnameseText

/// `class` (trainers): every official of the commune against every dimension, the commune's
/// readiness with its coverage, and the weak areas with the positions responsible.
enum ClassCommand: ShellCommand {
  static let name = "class"
  static let helpOrder = 100
  static let aliases = ["lớp"]
  static let usage = "class [MÃ-LỚP]"
  static let needs: Set<CommandNeed> = [.trainer]
  static let summary = LocalizedText(
    vi: "cho giảng viên: kết quả cả xã theo chỉ số PAPI",
    en: "for trainers: the commune's results by PAPI dimension")
  static let details = LocalizedText(
    vi:
      "Chỉ trong phiên giảng viên. 'class MÃ-LỚP' (như LC-2612-A): lớp đó, ai đã tham gia và điểm đầu vào, cuối khoá. 'class': tỷ lệ đúng của từng cán bộ trên từng chỉ số (— là chưa đủ dữ liệu), mức sẵn sàng của xã trên thang 1–10 kèm độ phủ, và các nội dung yếu với chức danh phụ trách.",
    en:
      "Trainer session only. 'class CODE' (such as LC-2612-A): that class, who joined and their pre- and post-test. 'class': each official's share right on each dimension (— is insufficient data), the commune's readiness on the 1–10 scale with coverage, and weak areas with the positions responsible."
  )

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    guard let signedIn = context.trainer else { return .proceed }
    if !argument.isEmpty { return showClass(argument, in: context) }
    guard
      let (attempts, roster) = context.reading({
        (try signedIn.store.communeAttempts(), try signedIn.store.officials())
      })
    else { return .proceed }
    let facts = context.facts(of: attempts, positions: roster.positionsByFactID, commune: signedIn.commune)
    guard !facts.isEmpty else {
      context.say(InsightText.noFinishedAttempts)
      return .proceed
    }
    context.say(InsightText.classHeader(commune: signedIn.commune.fullName, officials: roster.count))
    showOfficials(roster, facts: facts, in: context)
    showReadiness(facts, roster: roster, commune: signedIn.commune, in: context)
    showWeakAreas(facts, in: context)
    return .proceed
  }

  /// One class and its roll, as `papi-train class show` prints it.
  private static func showClass(_ code: String, in context: CommandContext) -> CommandOutcome {
    guard let classLines = context.classLines else {
      context.say(ClassSessionText.noClassViews)
      return .proceed
    }
    do {
      for text in try classLines(code, context.language, context.console.terminal.width) {
        context.line(text)
      }
    } catch {
      context.line(context.style.red(context.console.reason(error)))
    }
    return .proceed
  }

  private static func showOfficials(
    _ roster: [Official], facts: [AnswerFact], in context: CommandContext
  ) {
    let codes = context.taxonomy.dimensions.map(\.code)
    var rows = [[context.text(InsightText.officialColumn)] + codes]
    let byOfficial = Dictionary(grouping: facts, by: \.officialID)
    for official in roster {
      guard let mine = byOfficial[official.factID] else { continue }
      let report = MasteryReport(facts: mine, taxonomy: context.taxonomy, rule: .official, at: context.now())
      rows.append(
        [official.name]
          + codes.map { code in
            guard let mastery = report.byCode[code], !mastery.isInsufficient, let estimate = mastery.estimate
            else { return "—" }
            return String(Int((estimate * 100).rounded())) + "%"
          })
    }
    for text in TextTable(rows).lines { context.line("  " + text) }
  }

  private static func showReadiness(
    _ facts: [AnswerFact], roster: [Official], commune: CommuneEntry, in context: CommandContext
  ) {
    let readiness = CommuneReadiness(
      communeCode: commune.code.rawValue, facts: facts, rosterSize: roster.count, taxonomy: context.taxonomy,
      at: context.now())
    context.line("")
    context.say(InsightText.readinessHeader)
    for dimension in readiness.dimensions {
      let score = dimension.score.map { Numbers.decimal($0, in: context.language) } ?? "—"
      let coverage = Int((dimension.coverage * 100).rounded())
      context.line(
        "  " + dimension.code.padded(toDisplayWidth: 5) + score.leftPadded(5) + "  "
          + context.text(
            InsightText.coverage(
              coverage, assessed: dimension.assessedOfficials, roster: dimension.rosterOfficials)))
    }
  }

  private static func showWeakAreas(_ facts: [AnswerFact], in context: CommandContext) {
    let report = MasteryReport(facts: facts, taxonomy: context.taxonomy, rule: .group, at: context.now())
    let weak = weakAreas(
      in: report, facts: facts, library: context.library, threshold: MasteryView.weakThreshold)
    guard !weak.isEmpty else { return }
    context.line("")
    context.say(InsightText.weakListHeader)
    let view = MasteryView(context: context)
    for area in weak.prefix(6) {
      context.line(view.line(code: area.code, mastery: area.mastery, indent: "  "))
      if !area.positions.isEmpty {
        let names = area.positions.prefix(3).map { context.library.positionName($0, in: context.language) }
        context.line("        " + context.text(InsightText.responsible(names)))
      }
    }
  }
}

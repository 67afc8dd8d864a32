import Insight
import Localization

/// `weak`: the official's share right per PAPI dimension with its interval, their weak areas and
/// the lessons to read again.
enum WeakCommand: ShellCommand {
  static let name = "weak"
  static let helpOrder = 90
  static let aliases = ["yếu", "điểm yếu"]
  static let usage = "weak"
  static let summary = LocalizedText(vi: "chỉ số PAPI bạn còn yếu", en: "the PAPI dimensions you are weak in")
  static let details = LocalizedText(
    vi:
      "Tỷ lệ đúng của bạn theo từng chỉ số PAPI, kèm khoảng tin cậy 95% (câu gần đây nặng hơn; dưới 5 câu là chưa đủ dữ liệu), các nội dung yếu và bài nên đọc lại.",
    en:
      "Your share right per PAPI dimension with its 95% interval (recent answers weigh more; under 5 answers is insufficient data), your weak areas and lessons to read again."
  )

  static func run(_ argument: String, in context: CommandContext) -> CommandOutcome {
    guard let signedIn = context.signedIn else { return .proceed }
    guard let attempts = context.reading({ try signedIn.store.attempts(of: signedIn.official) }) else {
      return .proceed
    }
    let facts = context.facts(of: attempts, positions: signedIn.ownPosition, commune: signedIn.commune)
    guard !facts.isEmpty else {
      context.say(ShellText.noAttemptsYet)
      return .proceed
    }
    let taxonomy = context.taxonomy
    let report = MasteryReport(facts: facts, taxonomy: taxonomy, rule: .official, at: context.now())
    context.say(InsightText.weakHeader(threshold: MasteryView.weakThreshold))
    let view = MasteryView(context: context)
    for dimension in taxonomy.dimensions {
      guard let mastery = report.byCode[dimension.code], mastery.answers > 0 else { continue }
      context.line(view.line(code: dimension.code, mastery: mastery, indent: "  "))
    }
    // Every dimension named, not by its code alone.
    let untouched = taxonomy.dimensions.filter { (report.byCode[$0.code]?.answers ?? 0) == 0 }
      .map { "\($0.code) \($0.name.text(in: context.language))" }
    if !untouched.isEmpty { context.say(InsightText.notYetAsked(untouched)) }
    // The weakest first.
    let weak = weakAreas(
      in: report, facts: facts, library: context.library, threshold: MasteryView.weakThreshold
    ).sorted { ($0.mastery.estimate ?? 1) < ($1.mastery.estimate ?? 1) }
    guard !weak.isEmpty else {
      context.say(InsightText.noWeakArea(enough: report.byCode.values.contains { !$0.isInsufficient }))
      return .proceed
    }
    context.line("")
    context.say(InsightText.weakListHeader)
    for area in weak.prefix(6) {
      context.line(
        view.line(code: area.code, mastery: area.mastery, indent: "  ") + " "
          + context.text(InsightText.verdict(area.verdict)))
    }
    context.suggestLessons(
      for: weak.map(\.code), position: context.library.currentPositionID(signedIn.official.position))
    if !weak.flatMap(\.questionsToReview).isEmpty { context.say(InsightText.reviewHint) }
    return .proceed
  }
}

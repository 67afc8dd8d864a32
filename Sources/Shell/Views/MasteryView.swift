import Curriculum
import Insight
import Localization
import VietnameseText

/// One line per PAPI code: "62% (48–74%)" with a coloured bar, or "insufficient data".
struct MasteryView {
  /// The share of marks under which a dimension is called weak (the interval taken into account).
  static let weakThreshold = 0.7

  let context: CommandContext

  /// The width of the dimension names, as the terminal allows.
  var nameWidth: Int {
    let names = context.taxonomy.dimensions.map { $0.name.text(in: context.language).displayWidth }
    return min(names.max() ?? 20, max(16, context.console.terminal.width - 48))
  }

  func line(code: String, mastery: Mastery, indent: String) -> String {
    let style = context.style
    let width = nameWidth
    let name = context.taxonomy.entry(for: code)?.name.text(in: context.language) ?? code
    let shownName = name.displayWidth > width ? String(name.prefix(max(1, width - 1))) + "…" : name
    var text = indent + code.padded(toDisplayWidth: 6) + shownName.padded(toDisplayWidth: width) + " "
    guard !mastery.isInsufficient, let estimate = mastery.estimate else {
      return text + style.dim(context.text(InsightText.insufficient(answers: mastery.answers)))
    }
    let filled = Int((estimate * 10).rounded())
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
    switch mastery.verdict(threshold: Self.weakThreshold) {
    case .weak: text += style.red(bar)
    case .possiblyWeak: text += style.yellow(bar)
    default: text += style.green(bar)
    }
    text += " " + context.text(InsightText.share(estimate, lower: mastery.lower, upper: mastery.upper))
    text += " " + style.dim(context.text(InsightText.answers(mastery.answers)))
    return text
  }
}

extension String {
  func leftPadded(_ width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }
}

import Assessment
import Curriculum
import Foundation
import Localization
import VietnameseText

/// How a quiz looks in the shell: each question with its lettered options and a hint of the
/// answer's form, the feedback on an answer, and the result.
struct QuizScreen {
  let context: CommandContext

  // MARK: one question

  func show(_ item: QuizItem, number: Int, total: Int) {
    let question = item.question
    let language = context.language
    let type = context.text(QuizText.questionTypeName(question.body.type.rawValue))
    // No PAPI code and no source before the answer: they would give it away.
    context.line(
      context.style.bold(context.text(QuizText.questionHeader(number: number, total: total, type: type))))
    for text in context.wrapped(question.prompt.text(in: language)) { context.line(text) }
    let hint = showParts(of: item)
    context.line(context.style.dim(context.text(QuizText.answerHint(context.text(hint)))))
  }

  /// Shows the options or items in display order; the hint of how to answer.
  private func showParts(of item: QuizItem) -> AnswerHint {
    let language = context.language
    switch item.question.body {
    case .singleChoice(let options, _), .multipleChoice(let options, _):
      for (position, original) in item.displayOrder.enumerated() {
        let lines = context.wrapped(options[original].text.text(in: language), indent: "     ")
        for (offset, text) in lines.enumerated() {
          context.line(offset == 0 ? "  \(AnswerParser.label(position))) " + text.dropFirst(5) : text)
        }
      }
      let range = "a-\(AnswerParser.label(options.count - 1))"
      return item.question.body.type == .singleChoice ? .single(range) : .multiple(range)
    case .trueFalse:
      return .truth
    case .matching(let pairs):
      for (index, pair) in pairs.enumerated() {
        context.line("  \(index + 1). " + pair.left.text(in: language))
      }
      for (position, original) in item.displayOrder.enumerated() {
        context.line("     \(AnswerParser.label(position))) " + pairs[original].right.text(in: language))
      }
      return .matching(count: pairs.count)
    case .ordering(let items):
      for (position, original) in item.displayOrder.enumerated() {
        context.line("  \(AnswerParser.label(position))) " + items[original].text(in: language))
      }
      return .ordering
    case .shortAnswer:
      return .short
    }
  }

  // MARK: feedback

  func feedback(_ feedback: AnswerFeedback) {
    let style = context.style
    switch feedback.verdict {
    case .correct: context.line(style.green(context.text(QuizText.correct)))
    case .partlyCorrect(let percent):
      context.line(style.yellow(context.text(QuizText.partlyCorrect(percent: percent))))
    case .wrong: context.line(style.red(context.text(QuizText.wrong)))
    }
    showAnswers(feedback, indent: "")
    let question = feedback.question
    let explanation =
      context.text(QuizText.explanation) + " " + question.explanation.text(in: context.language)
    for text in context.wrapped(explanation) { context.line(text) }
    context.line(style.dim(sourceLine(question)))
  }

  /// The legal source and the PAPI codes of a question, shown only once it is answered.
  private func sourceLine(_ question: Question) -> String {
    context.text(QuizText.source) + " " + question.source.description + " · PAPI "
      + question.papiCodes.joined(separator: " ")
  }

  /// The official's own answer, then the key when it was not fully right, or the right spelling
  /// of a short answer accepted as typed without diacritics.
  private func showAnswers(_ feedback: AnswerFeedback, indent: String) {
    let language = context.language
    if let given = feedback.givenAnswer(in: language) {
      context.line(indent + context.text(FeedbackMessage.yourAnswer(given)))
    }
    if !feedback.mark.isCorrect {
      context.line(indent + context.text(FeedbackMessage.rightAnswer(feedback.rightAnswer(in: language))))
    } else if let spelling = feedback.rightSpelling {
      context.line(indent + context.text(FeedbackMessage.rightSpelling(spelling)))
    }
  }

  // MARK: result

  func result(of attempt: QuizAttempt, position: String?) {
    let result = attempt.result
    let style = context.style
    context.line()
    let score =
      result.score.rounded() == result.score
      ? String(Int(result.score)) : Numbers.decimal(result.score, in: context.language)
    context.say(
      QuizText.quizResult(score: score, total: result.questionCount, percent: Int(result.percent.rounded())))
    context.line(
      result.passed
        ? style.green(context.text(QuizText.passed))
        : style.red(context.text(QuizText.failed(pass: Int(result.passPercent.rounded())))))
    let taxonomy = context.taxonomy
    let dimensions = result.dimensionShares(in: taxonomy)
    if !dimensions.isEmpty {
      context.say(QuizText.byDimension)
      showShares(dimensions, indent: "  ")
    }
    let weak = result.weakAreas(in: taxonomy)
    if weak.isEmpty {
      context.say(QuizText.noWeakAreas)
    } else {
      context.say(QuizText.weakAreasHeader)
      for share in weak {
        let name = taxonomy.entry(for: share.code)?.name.text(in: context.language) ?? share.code
        context.line("  \(share.code) \(name): \(Int(share.percent.rounded()))%")
      }
    }
    if attempt.quiz.quiz.feedback != .never {
      showMissed(attempt.missed, withAnswers: !attempt.givesImmediateFeedback)
    }
    context.suggestLessons(for: weak.map(\.code), position: position)
  }

  private func showMissed(_ missed: [AnswerFeedback], withAnswers: Bool) {
    guard !missed.isEmpty else { return }
    let language = context.language
    context.line()
    context.say(QuizText.missedHeader)
    for feedback in missed {
      let question = feedback.question
      for text in context.wrapped("• " + question.prompt.text(in: language), indent: "  ") {
        context.line(text)
      }
      guard withAnswers else { continue }
      showAnswers(feedback, indent: "    ")
      for text in context.wrapped(question.explanation.text(in: language), indent: "    ") {
        context.line(text)
      }
      context.line(context.style.dim("    " + sourceLine(question)))
    }
  }

  /// Below this many answers a share is shown as "little data", not as a verdict.
  static let minimumAnswers = 5
  /// The share of marks under which a share's bar is not green.
  static let weakPercent = 70.0

  /// A table of shares with bars, coloured against the weak threshold, and "little data" where
  /// a share rests on too few answers to mean much.
  private func showShares(_ shares: [QuizResult.Share], indent: String) {
    let style = context.style
    let names = shares.map {
      context.taxonomy.entry(for: $0.code)?.name.text(in: context.language) ?? $0.code
    }
    let width = min(names.map(\.displayWidth).max() ?? 0, max(20, context.console.terminal.width - 40))
    for (share, name) in zip(shares, names) {
      let filled = Int((share.percent / 10).rounded())
      let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
      let shownName = name.displayWidth > width ? String(name.prefix(width - 1)) + "…" : name
      var text =
        indent + share.code.padded(toDisplayWidth: 5) + " " + shownName.padded(toDisplayWidth: width) + " "
      text +=
        share.percent >= Self.weakPercent
        ? style.green(bar) : share.percent >= 50 ? style.yellow(bar) : style.red(bar)
      text += " " + String(Int(share.percent.rounded())).leftPadded(3) + "% "
      text +=
        share.available < Self.minimumAnswers
        ? style.dim("(" + context.text(QuizText.fewAnswers(share.available)) + ")") : "(\(share.available))"
      context.line(text)
    }
  }
}

import Foundation
import Insight
import Localization
import Testing

@testable import Shell

/// Every message the shell shows, with sample values.
let shellMessages: [any LocalizedMessage] =
  [
    SessionText.banner, SessionText.askCommune, SessionText.noCommune("x", suggestion: "Xã A"),
    SessionText.noCommune("x", suggestion: nil), SessionText.severalCommunes,
    SessionText.communeChosen("Xã A"),
    SessionText.askName, SessionText.nameNotOnRoster("An"), SessionText.askRegister, SessionText.askPosition,
    SessionText.pickNumber(3), SessionText.severalOfficials, SessionText.welcome("An", position: "Chủ tịch"),
    SessionText.goodbye, SessionText.interruptHint, SessionText.yesNo, SessionText.pagerPrompt,
    ShellText.cannotOpenResults("disk"), ShellText.unknownCommand("x", suggestion: "quiz"),
    ShellText.unknownCommand("x", suggestion: nil), ShellText.usage("quiz ID"),
    ShellText.noCourse("x", suggestion: "mini"), ShellText.reviewDue(2), ShellText.noAttemptsYet,
    ShellText.studyNext,
    QuizText.quizStart(title: "T", count: 3, pass: 70),
    QuizText.questionHeader(number: 1, total: 3, type: "t"), QuizText.answerHint("a"), QuizText.correct,
    QuizText.partlyCorrect(percent: 50), QuizText.wrong, QuizText.explanation,
    QuizText.source, QuizText.notSaved("disk"), QuizText.askLeaveQuiz, QuizText.quizPaused("q"),
    QuizText.quizResult(score: "2", total: 3, percent: 67), QuizText.passed, QuizText.failed(pass: 70),
    QuizText.byDimension, QuizText.weakAreasHeader, QuizText.noWeakAreas, QuizText.missedHeader,
    QuizText.fewAnswers(2), QuizText.questionTypeName("true_false"),
    QuizText.questionTypeName("short_answer"),
    AnswerHint.single("a-c"), AnswerHint.multiple("a-c"), AnswerHint.truth, AnswerHint.matching(count: 3),
    AnswerHint.ordering, AnswerHint.short,
    InsightText.insufficient(answers: 3), InsightText.answers(3), InsightText.weakHeader(threshold: 0.7),
    InsightText.notYetAsked(["D1"]), InsightText.noWeakArea(enough: true),
    InsightText.noWeakArea(enough: false),
    InsightText.weakListHeader, InsightText.verdict(.weak), InsightText.verdict(.possiblyWeak),
    InsightText.verdict(.adequate), InsightText.verdict(.insufficientData), InsightText.reviewHint,
    InsightText.gain(course: "C", LearningGain(pre: 0.4, post: 0.6)),
    InsightText.dimensionsMeasured(2, of: 8),
    InsightText.passphrasePrompt, InsightText.trainerUnavailable,
    InsightText.classHeader(commune: "X", officials: 2),
    InsightText.officialColumn, InsightText.readinessHeader, InsightText.coverage(50, assessed: 1, roster: 2),
    InsightText.responsible(["Chủ tịch"]), InsightText.noFinishedAttempts,

    CourseCommand.Text.moduleHeader("M"), CourseCommand.Text.quizzesHeader,
    CourseCommand.Text.quizLine(id: "q", title: "T", kind: "practice", length: 3, best: "50%"),
    CoursesCommand.Text.coursesHeader,
    CoursesCommand.Text.courseLine(number: 1, id: "c", title: "T", lessons: 1, questions: 2),
    CoursesCommand.Text.coursesFooter, CourseCommand.Text.readHint,
    HelpCommand.Text.helpHeader, HelpCommand.Text.helpFooter, HelpCommand.Text.noHelp("x"),
    LangCommand.Text.languageSet, ProgressCommand.Text.progressHeader,
    ProgressCommand.Text.progressLine(title: "T", taken: 2, passed: 1, of: 3),
    ProgressCommand.Text.inProgressLine(quiz: "q", answered: 1, total: 3),
    ShellText.noQuiz("x", suggestion: "q"),
    ReadCommand.Text.lessonSources, NextStepText.nextLesson(id: "l", title: "T"),
    NextStepText.practice(id: "q", title: "T"),
    NextStepText.noNextLesson, NextStepText.lessonNotFound("x", suggestion: "l"),
    ReviewCommand.Text.nothingToReview(next: "01/01/2027"),
    ReviewCommand.Text.reviewStart(count: 2, course: "c"), ReviewCommand.Text.reviewPaused,
    ReviewCommand.Text.askStopReview, ReviewCommand.Text.reviewDone(right: 1, of: 2, next: "01/01/2027"),
    ReviewCommand.Text.reviewDone(right: 1, of: 1, next: nil), ReviewCommand.Text.reviewNotSaved("disk"),
    RosterChangeText.removed("Nguyễn Thị Hao"), RosterChangeText.renamed("Nguyễn Thị Hao", "Nguyễn Thị Hoa"),
    RosterChangeText.merged("Nguyen Thi Hoa", into: "Nguyễn Thị Hoa"),
  ] + ClassSessionText.samples.filter { !ClassSessionText.neutral.contains($0.text(in: .english)) }

/// The same in both languages on purpose: numbers, names and the prompt.
let languageNeutral: [any LocalizedMessage] =
  [
    SessionText.prompt, InsightText.share(0.6, lower: 0.5, upper: 0.7),
    WhoamiCommand.Text.whoami(name: "An", position: "Chủ tịch", commune: "Xã A"),
  ] + ClassSessionText.samples.filter { ClassSessionText.neutral.contains($0.text(in: .english)) }

/// English words that must not reach an official reading Vietnamese (commands in quotes aside).
let englishWords: Set<String> = [
  "the", "and", "of", "your", "you", "is", "not", "yet", "answer", "answers", "question", "questions",
  "attempts", "passed", "result", "points", "share", "weak", "insufficient", "commune", "course", "type",
]

@Suite struct MessageCatalogueTests {
  @Test func everyMessageReadsInBothLanguagesAndTheyDiffer() {
    for message in shellMessages {
      let vietnamese = message.text(in: .vietnamese)
      let english = message.text(in: .english)
      #expect(!vietnamese.isEmpty && !english.isEmpty, "\(message)")
      #expect(vietnamese != english, "\(message) is not translated")
    }
    for message in languageNeutral {
      #expect(message.text(in: .vietnamese) == message.text(in: .english), "\(message)")
    }
  }

  @Test func noVietnameseMessageHoldsEnglishWordsMeantForTheReader() {
    for message in shellMessages + languageNeutral {
      // What is in quotes is typed as is: 'help', 'quiz ID'.
      let text = message.text(in: .vietnamese).replacing(/'[^']*'/, with: "")
      let words = text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
      #expect(Set(words).isDisjoint(with: englishWords), "\(message): \(text)")
    }
  }
}

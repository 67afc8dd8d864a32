import Curriculum
import Foundation
import Gradebook
import Insight
import ResultsAnalysis

/// The JSON of `papi-train export --format json`: `papi-train.export/2`, described field by
/// field in docs/export-json.md and as a JSON Schema in docs/export-schema.json.
///
/// Within a version fields are only ever added, never renamed, removed or given another meaning.
/// Every field is always present; a figure that does not exist (no finished attempt, too little
/// data) is `null`, never 0. Shares are 0 to 1; Moodle's statistics keep Moodle's scales.
public struct ExportDocument: Encodable, Sendable {
  public static let schemaName = "papi-train.export/2"

  public var schema = Self.schemaName
  public var generatedAt: Date
  /// The moment figures are computed for: the last answer exported.
  public var asOf: Date
  public var language: String
  public var selection: Selection
  @Nullable public var trainingClass: ClassInfo?
  public var communes: [Commune]
  public var rules: Rules
  public var dimensions: [Named]
  public var officials: [OfficialEntry]
  public var attempts: [AttemptEntry]
  public var quizzes: [QuizEntry]
  public var needsHelp: [NeedsHelpEntry]

  public struct Selection: Encodable, Sendable {
    @Nullable public var classId: String?
    public var communes: [String]
    @Nullable public var from: String?
    @Nullable public var to: String?
    public var quizzes: [String]

  }

  public struct ClassInfo: Encodable, Sendable {
    public var id: String
    /// The class's code (`LC-2612-A`), null for a class made before codes.
    @Nullable public var code: String?
    public var title: String
    public var trainer: String
    public var date: String
    public var endDate: String
    public var place: String
    public var communes: [String]
  }

  public struct Commune: Encodable, Sendable {
    public var code: String
    @Nullable public var name: String?

  }

  public struct Rules: Encodable, Sendable {
    public var halfLifeDays: Double
    public var minimumAnswers: Int
    public var dayBoundary: String
  }

  public struct Named: Encodable, Sendable {
    public var code: String
    public var name: String
  }

  public struct DimensionFigure: Encodable, Sendable {
    public var code: String
    public var answers: Int
    @Nullable public var share: Double?
    public var lower: Double
    public var upper: Double
    public var insufficientData: Bool

  }

  public struct OfficialEntry: Encodable, Sendable {
    public var id: String
    public var commune: String
    public var name: String
    public var position: String
    public var positionName: String
    public var dimensions: [DimensionFigure]
  }

  public struct AnswerEntry: Encodable, Sendable {
    public var question: QuestionID
    public var position: Int
    public var response: ResponseObject
    public var responseText: String
    public var mark: Double
    public var correct: Bool
    public var timeTaken: Double
    public var answeredAt: Date
    public var papiCodes: [String]
  }

  public struct AttemptEntry: Encodable, Sendable {
    public var id: String
    public var official: String
    public var commune: String
    public var quiz: String
    public var course: String
    public var courseVersion: String
    @Nullable public var classId: String?
    public var status: String
    public var startedAt: Date
    @Nullable public var endedAt: Date?
    @Nullable public var score: Double?
    @Nullable public var maxScore: Double?
    public var share: Double
    public var questions: [QuestionID]
    public var answers: [AnswerEntry]

  }

  public struct ItemEntry: Encodable, Sendable {
    public var question: QuestionID
    @Nullable public var text: String?
    public var papiCodes: [String]
    public var attempts: Int
    public var facility: Double
    public var standardDeviation: Double
    @Nullable public var discriminationIndex: Double?
    @Nullable public var discriminativeEfficiency: Double?
    public var flags: [String]
    public var options: [OptionEntry]
  }

  public struct OptionEntry: Encodable, Sendable {
    public var key: String
    @Nullable public var text: String?
    public var right: Bool
    public var count: Int
    public var share: Double
  }

  public struct NeedsHelpEntry: Encodable, Sendable {
    public var official: String
    public var postTest: String
    public var postShare: Double
    public var passShare: Double
    @Nullable public var preShare: Double?
    @Nullable public var gain: Double?
    public var reasons: [String]
    public var lessons: [Named]
  }

  public struct QuizEntry: Encodable, Sendable {
    public var quiz: String
    @Nullable public var title: String?
    @Nullable public var course: String?
    public var attempts: Int
    @Nullable public var meanShare: Double?
    @Nullable public var alpha: Double?
    @Nullable public var errorRatio: Double?
    @Nullable public var standardError: Double?
    public var items: [ItemEntry]

  }

  /// The encoder every papi-train document is written with: sorted keys, ISO 8601 dates in UTC,
  /// pretty-printed.
  public static var encoder: JSONEncoder { ReportDocuments.encoder }
}

/// An optional that is written as `null` when absent, instead of being left out as synthesized
/// `Encodable` does: every field of a document is always present.
@propertyWrapper
public struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
  public var wrappedValue: Value?

  public init(wrappedValue: Value?) {
    self.wrappedValue = wrappedValue
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
  }
}

extension ClassExport {
  /// The export as a `papi-train.export/2` document.
  public func document(selection: ExportSelection, generatedAt: Date = Date()) -> ExportDocument {
    let officialByID = Dictionary(results.officials.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let officials = results.officials.map { official in
      let mastery = dimensionMastery(of: official)
      return ExportDocument.OfficialEntry(
        id: official.id.uuidString, commune: official.communeCode.rawValue, name: official.name,
        position: official.position, positionName: position(official.position),
        dimensions: dimensions.map { dimension in
          let figure = mastery[dimension.code]
          return ExportDocument.DimensionFigure(
            code: dimension.code, answers: figure?.answers ?? 0,
            share: figure.flatMap { $0.isInsufficient ? nil : $0.estimate }, lower: figure?.lower ?? 0,
            upper: figure?.upper ?? 1, insufficientData: figure?.isInsufficient ?? true)
        })
    }
    let attempts = results.officials.flatMap { official in
      (attemptsByOfficial[official.id] ?? []).map { attempt in
        ExportDocument.AttemptEntry(
          id: attempt.id.uuidString, official: attempt.officialID.uuidString,
          commune: officialByID[attempt.officialID]?.communeCode.rawValue ?? "", quiz: attempt.quizID,
          course: attempt.courseID, courseVersion: attempt.courseVersion,
          classId: attempt.classID?.uuidString,
          status: attempt.status.rawValue, startedAt: attempt.startedAt, endedAt: attempt.endedAt,
          score: attempt.score, maxScore: attempt.maxScore, share: Self.share(of: attempt),
          questions: attempt.questionIDs,
          answers: zip(attempt.answers, shown.texts[attempt.id] ?? attempt.answers.map(\.response)).map {
            answer, shownText in
            ExportDocument.AnswerEntry(
              question: answer.questionID, position: answer.position,
              response: shown.responses[answer.response].map(ResponseObject.init)
                ?? ResponseObject(stored: answer.response),
              responseText: shownText, mark: answer.score,
              correct: answer.isCorrect,
              timeTaken: answer.timeTaken, answeredAt: answer.answeredAt,
              papiCodes: papiCodes(of: answer.questionID))
          })
      }
    }
    let counts = optionCounts()
    let quizzes = quizIDs.map { quiz in
      let analysis = itemAnalyses[quiz]
      let summary = finishedSummary(of: quiz)
      return ExportDocument.QuizEntry(
        quiz: quiz, title: quizTitle(quiz), course: self.quizzes[quiz]?.course.id, attempts: summary.attempts,
        meanShare: summary.meanShare, alpha: analysis?.alpha,
        errorRatio: analysis?.errorRatio, standardError: analysis?.standardError,
        items: (analysis?.items ?? []).map { item in
          ExportDocument.ItemEntry(
            question: item.questionID, text: shortText(of: item.questionID),
            papiCodes: papiCodes(of: item.questionID),
            attempts: item.attempts, facility: item.facility, standardDeviation: item.standardDeviation,
            discriminationIndex: item.discriminationIndex,
            discriminativeEfficiency: item.discriminativeEfficiency,
            flags: item.hasEnoughAttempts ? item.flags.map(\.rawValue) : ["insufficient-data"],
            options: (counts[quiz]?[item.questionID]?.rows ?? []).map { row in
              ExportDocument.OptionEntry(
                key: row.key, text: row.text?.text(in: language), right: row.isRight, count: row.count,
                share: row.share)
            })
        })
    }
    let needsHelp = NeedsHelp(self).entries.map { entry in
      ExportDocument.NeedsHelpEntry(
        official: entry.official.id.uuidString, postTest: entry.postTest, postShare: entry.postShare,
        passShare: entry.passShare, preShare: entry.preShare, gain: entry.gain,
        reasons: (entry.belowPassMark ? ["below-pass-mark"] : []) + (entry.scoreFell ? ["score-fell"] : []),
        lessons: entry.lessons.map { ExportDocument.Named(code: $0.id, name: $0.title.text(in: language)) })
    }
    return ExportDocument(
      generatedAt: generatedAt, asOf: reference, language: language.rawValue,
      selection: ExportDocument.Selection(
        classId: selection.classID?.uuidString, communes: selection.communes.map(\.rawValue),
        from: selection.from,
        to: selection.to, quizzes: selection.quizIDs),
      trainingClass: results.trainingClass.map {
        ExportDocument.ClassInfo(
          id: $0.id.uuidString, code: $0.code?.rawValue, title: $0.title, trainer: $0.trainer, date: $0.date,
          endDate: $0.endDate, place: $0.place, communes: $0.communeCodes.map(\.rawValue))
      },
      communes: results.communes.map { ExportDocument.Commune(code: $0.rawValue, name: communeNames[$0]) },
      rules: ExportDocument.Rules(
        halfLifeDays: rule.halfLifeDays, minimumAnswers: rule.minimumAnswers, dayBoundary: "UTC"),
      dimensions: dimensions.map { ExportDocument.Named(code: $0.code, name: $0.name.text(in: language)) },
      officials: officials, attempts: attempts, quizzes: quizzes, needsHelp: needsHelp)
  }
}

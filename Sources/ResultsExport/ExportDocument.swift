import Foundation
import Gradebook
import Insight

/// The JSON of `papi-train export --format json`: `papi-train.export/1`, described field by
/// field in docs/export-json.md and as a JSON Schema in docs/export-schema.json.
///
/// Within a version fields are only ever added, never renamed, removed or given another meaning.
/// Every field is always present; a figure that does not exist (no finished attempt, too little
/// data) is `null`, never 0. Shares are 0 to 1; Moodle's statistics keep Moodle's scales.
public struct ExportDocument: Encodable, Sendable {
  public static let schemaName = "papi-train.export/1"

  public var schema = Self.schemaName
  public var generatedAt: Date
  /// The moment figures are computed for: the last answer exported.
  public var asOf: Date
  public var language: String
  public var selection: Selection
  public var trainingClass: ClassInfo?
  public var communes: [Commune]
  public var rules: Rules
  public var dimensions: [Named]
  public var officials: [OfficialEntry]
  public var attempts: [AttemptEntry]
  public var quizzes: [QuizEntry]

  public struct Selection: Encodable, Sendable {
    public var classId: String?
    public var communes: [String]
    public var from: String?
    public var to: String?
    public var quizzes: [String]

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(classId, forKey: .classId)
      try container.encode(communes, forKey: .communes)
      try container.encode(from, forKey: .from)
      try container.encode(to, forKey: .to)
      try container.encode(quizzes, forKey: .quizzes)
    }
    enum CodingKeys: String, CodingKey { case classId, communes, from, to, quizzes }
  }

  public struct ClassInfo: Encodable, Sendable {
    public var id: String
    public var trainer: String
    public var date: String
    public var place: String
    public var communes: [String]
  }

  public struct Commune: Encodable, Sendable {
    public var code: String
    public var name: String?

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(code, forKey: .code)
      try container.encode(name, forKey: .name)
    }
    enum CodingKeys: String, CodingKey { case code, name }
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
    public var share: Double?
    public var lower: Double
    public var upper: Double
    public var insufficientData: Bool

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(code, forKey: .code)
      try container.encode(answers, forKey: .answers)
      try container.encode(share, forKey: .share)
      try container.encode(lower, forKey: .lower)
      try container.encode(upper, forKey: .upper)
      try container.encode(insufficientData, forKey: .insufficientData)
    }
    enum CodingKeys: String, CodingKey { case code, answers, share, lower, upper, insufficientData }
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
    public var question: String
    public var position: Int
    public var response: String
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
    public var classId: String?
    public var status: String
    public var startedAt: Date
    public var endedAt: Date?
    public var score: Double?
    public var maxScore: Double?
    public var share: Double
    public var questions: [String]
    public var answers: [AnswerEntry]

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(official, forKey: .official)
      try container.encode(commune, forKey: .commune)
      try container.encode(quiz, forKey: .quiz)
      try container.encode(course, forKey: .course)
      try container.encode(courseVersion, forKey: .courseVersion)
      try container.encode(classId, forKey: .classId)
      try container.encode(status, forKey: .status)
      try container.encode(startedAt, forKey: .startedAt)
      try container.encode(endedAt, forKey: .endedAt)
      try container.encode(score, forKey: .score)
      try container.encode(maxScore, forKey: .maxScore)
      try container.encode(share, forKey: .share)
      try container.encode(questions, forKey: .questions)
      try container.encode(answers, forKey: .answers)
    }
    enum CodingKeys: String, CodingKey {
      case id, official, commune, quiz, course, courseVersion, classId, status, startedAt, endedAt, score
      case maxScore, share, questions, answers
    }
  }

  public struct ItemEntry: Encodable, Sendable {
    public var question: String
    public var text: String?
    public var papiCodes: [String]
    public var attempts: Int
    public var facility: Double
    public var standardDeviation: Double
    public var discriminationIndex: Double?
    public var discriminativeEfficiency: Double?
    public var flags: [String]

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(question, forKey: .question)
      try container.encode(text, forKey: .text)
      try container.encode(papiCodes, forKey: .papiCodes)
      try container.encode(attempts, forKey: .attempts)
      try container.encode(facility, forKey: .facility)
      try container.encode(standardDeviation, forKey: .standardDeviation)
      try container.encode(discriminationIndex, forKey: .discriminationIndex)
      try container.encode(discriminativeEfficiency, forKey: .discriminativeEfficiency)
      try container.encode(flags, forKey: .flags)
    }
    enum CodingKeys: String, CodingKey {
      case question, text, papiCodes, attempts, facility, standardDeviation, discriminationIndex
      case discriminativeEfficiency, flags
    }
  }

  public struct QuizEntry: Encodable, Sendable {
    public var quiz: String
    public var title: String?
    public var course: String?
    public var attempts: Int
    public var meanShare: Double?
    public var alpha: Double?
    public var errorRatio: Double?
    public var standardError: Double?
    public var items: [ItemEntry]

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(quiz, forKey: .quiz)
      try container.encode(title, forKey: .title)
      try container.encode(course, forKey: .course)
      try container.encode(attempts, forKey: .attempts)
      try container.encode(meanShare, forKey: .meanShare)
      try container.encode(alpha, forKey: .alpha)
      try container.encode(errorRatio, forKey: .errorRatio)
      try container.encode(standardError, forKey: .standardError)
      try container.encode(items, forKey: .items)
    }
    enum CodingKeys: String, CodingKey {
      case quiz, title, course, attempts, meanShare, alpha, errorRatio, standardError, items
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(schema, forKey: .schema)
    try container.encode(generatedAt, forKey: .generatedAt)
    try container.encode(asOf, forKey: .asOf)
    try container.encode(language, forKey: .language)
    try container.encode(selection, forKey: .selection)
    try container.encode(trainingClass, forKey: .trainingClass)
    try container.encode(communes, forKey: .communes)
    try container.encode(rules, forKey: .rules)
    try container.encode(dimensions, forKey: .dimensions)
    try container.encode(officials, forKey: .officials)
    try container.encode(attempts, forKey: .attempts)
    try container.encode(quizzes, forKey: .quizzes)
  }
  enum CodingKeys: String, CodingKey {
    case schema, generatedAt, asOf, language, selection, trainingClass, communes, rules, dimensions, officials
    case attempts, quizzes
  }

  /// The encoder the document is written with: sorted keys, ISO 8601 dates in UTC, pretty-printed.
  public static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
  }
}

extension ClassExport {
  /// The export as a `papi-train.export/1` document.
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
          answers: attempt.answers.map { answer in
            ExportDocument.AnswerEntry(
              question: answer.questionID, position: answer.position, response: answer.response,
              responseText: responseText(answer.response), mark: answer.score, correct: answer.isCorrect,
              timeTaken: answer.timeTaken, answeredAt: answer.answeredAt,
              papiCodes: papiCodes(of: answer.questionID))
          })
      }
    }
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
            flags: item.flags.map(\.rawValue))
        })
    }
    return ExportDocument(
      generatedAt: generatedAt, asOf: reference, language: language.rawValue,
      selection: ExportDocument.Selection(
        classId: selection.classID?.uuidString, communes: selection.communes.map(\.rawValue),
        from: selection.from,
        to: selection.to, quizzes: selection.quizIDs),
      trainingClass: results.trainingClass.map {
        ExportDocument.ClassInfo(
          id: $0.id.uuidString, trainer: $0.trainer, date: $0.date, place: $0.place,
          communes: $0.communeCodes.map(\.rawValue))
      },
      communes: results.communes.map { ExportDocument.Commune(code: $0.rawValue, name: communeNames[$0]) },
      rules: ExportDocument.Rules(
        halfLifeDays: rule.halfLifeDays, minimumAnswers: rule.minimumAnswers, dayBoundary: "UTC"),
      dimensions: dimensions.map { ExportDocument.Named(code: $0.code, name: $0.name.text(in: language)) },
      officials: officials, attempts: attempts, quizzes: quizzes)
  }
}

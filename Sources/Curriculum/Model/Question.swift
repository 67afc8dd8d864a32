import Localization

/// How hard a question is meant to be.
public enum Difficulty: String, Sendable, Hashable, Codable, CaseIterable {
  case easy, medium, hard
}

/// One option of a choice question.
public struct Choice: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var text: LocalizedText

  public init(id: String, text: LocalizedText) {
    self.id = id
    self.text = text
  }
}

/// One pair of a matching question: the left item is matched to the right one.
public struct MatchingPair: Sendable, Hashable, Codable {
  public var left: LocalizedText
  public var right: LocalizedText

  public init(left: LocalizedText, right: LocalizedText) {
    self.left = left
    self.right = right
  }
}

/// How a typed short answer is compared with the accepted answers.
public enum AnswerMatching: String, Sendable, Hashable, Codable, CaseIterable {
  /// Case, spacing and trailing punctuation are ignored, diacritics are not.
  case exact
  /// Case, spacing and diacritics are ignored ("dan chu" matches "dân chủ") when the folded
  /// answer matches exactly one accepted answer.
  case foldDiacritics = "fold_diacritics"
  /// The strictest: case and punctuation count; only Unicode form and surrounding spaces do not.
  case verbatim
}

/// The six kinds of question, by the name a course file uses.
public enum QuestionType: String, Sendable, Hashable, Codable, CaseIterable {
  case singleChoice = "single_choice"
  case multipleChoice = "multiple_choice"
  case trueFalse = "true_false"
  case matching
  case ordering
  case shortAnswer = "short_answer"
}

/// What the official is shown and what counts as right, by question type.
public enum QuestionBody: Sendable, Hashable, Codable {
  /// Pick one option; `answer` is its id.
  case singleChoice(options: [Choice], answer: String)
  /// Pick every right option; `answers` are their ids.
  case multipleChoice(options: [Choice], answers: [String])
  /// Say whether the prompt is true.
  case trueFalse(answer: Bool)
  /// Match each left item to its right item; the pairs as written are the key.
  case matching(pairs: [MatchingPair])
  /// Put the items in order; the order written is the key.
  case ordering(items: [LocalizedText])
  /// Type a short answer that matches one of `accepted`.
  case shortAnswer(accepted: [String], matching: AnswerMatching)

  public var type: QuestionType {
    switch self {
    case .singleChoice: .singleChoice
    case .multipleChoice: .multipleChoice
    case .trueFalse: .trueFalse
    case .matching: .matching
    case .ordering: .ordering
    case .shortAnswer: .shortAnswer
    }
  }
}

/// An id named somewhere in a course file, with the place it was named, so that a missing target
/// can be reported where the reference stands.
public struct Reference: Sendable, Hashable, Codable, CustomStringConvertible {
  public var id: String
  public var location: SourceLocation

  public init(_ id: String, at location: SourceLocation) {
    self.id = id
    self.location = location
  }

  public var description: String { id }

  public static func == (lhs: Reference, rhs: Reference) -> Bool { lhs.id == rhs.id }
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A question of a question bank.
public struct Question: Sendable, Hashable, Codable, Identifiable {
  public var id: QuestionID
  public var body: QuestionBody
  public var prompt: LocalizedText
  public var explanation: LocalizedText
  public var difficulty: Difficulty
  /// The knowledge area (declared in the course file) the question tests.
  public var area: Reference
  /// The PAPI dimension and sub-dimension codes the question serves.
  public var papi: [Reference]
  /// The positions the question concerns (`all` for every position).
  public var positions: [Reference]
  /// Whether the question is a situation from commune life.
  public var scenario: Bool
  /// Where the answer rests: the main citation first, then any further ones.
  public var sources: [LegalSource]
  /// The module the question belongs to, if any.
  public var module: Reference?
  /// Free words a quiz rule may draw on.
  public var tags: [String]
  /// Where the question starts in its file.
  public var location: SourceLocation

  public init(
    id: QuestionID, body: QuestionBody, prompt: LocalizedText, explanation: LocalizedText,
    difficulty: Difficulty, area: Reference, papi: [Reference], positions: [Reference],
    scenario: Bool = false, source: LegalSource, furtherSources: [LegalSource] = [],
    module: Reference? = nil, tags: [String] = [], location: SourceLocation
  ) {
    self.id = id
    self.body = body
    self.prompt = prompt
    self.explanation = explanation
    self.difficulty = difficulty
    self.area = area
    self.papi = papi
    self.positions = positions
    self.scenario = scenario
    self.sources = [source] + furtherSources
    self.module = module
    self.tags = tags
    self.location = location
  }

  /// The main citation: where the answer rests.
  public var source: LegalSource {
    get { sources[0] }
    set { sources[0] = newValue }
  }

  /// The PAPI codes as plain strings.
  public var papiCodes: [String] { papi.map(\.id) }
}

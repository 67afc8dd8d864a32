/// The languages papi-train speaks. Vietnamese is the default; English is a setting.
public enum Language: String, Sendable, CaseIterable, Codable {
  case vietnamese = "vi"
  case english = "en"

  /// The language chosen by the environment: `PAPI_LANG=en` (or `vi`); Vietnamese otherwise.
  public static func fromEnvironment(_ environment: [String: String]) -> Language {
    guard let value = environment["PAPI_LANG"]?.lowercased() else { return .vietnamese }
    return value.hasPrefix("en") ? .english : .vietnamese
  }
}

/// A text written in Vietnamese, with an optional English version.
public struct LocalizedText: Sendable, Hashable, Codable {
  /// The Vietnamese text; always present.
  public var vi: String
  /// The English text, where the author wrote one.
  public var en: String?

  public init(vi: String, en: String? = nil) {
    self.vi = vi
    self.en = en
  }

  /// The text in `language`, falling back to Vietnamese when there is no English version.
  public func text(in language: Language) -> String {
    switch language {
    case .vietnamese: vi
    case .english: en ?? vi
    }
  }
}

/// A message the user can see: every such message lives in a catalogue type conforming to this
/// protocol, which gives its text in each language.
public protocol LocalizedMessage: Sendable {
  /// The message in `language`.
  func text(in language: Language) -> String
}

import Foundation

/// What the stable ids of the gradebook's records share: a UUID, the same on every machine the
/// record travels to, stored as its upper-case text ("E621E1F8-C36C-495A-93FC-0C247A3E6E5F").
///
/// Each kind of record has its own id type (``OfficialID``, ``AttemptID``, ``ClassID``), so an
/// official's id cannot be passed where an attempt's is meant: that no longer compiles.
public protocol StableID: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The UUID.
  var rawValue: UUID { get }
  /// The id wrapping `rawValue`.
  init(rawValue: UUID)
}

extension StableID {
  /// A new id, unique to this record.
  public init() { self.init(rawValue: UUID()) }

  /// The id written as text (`E621E1F8-C36C-495A-93FC-0C247A3E6E5F`, either case), as a results
  /// file, an export or a command line gives it; nil for any other text.
  public init?(_ text: String) {
    guard let value = UUID(uuidString: text) else { return nil }
    self.init(rawValue: value)
  }

  /// The id as stored: upper-case UUID text.
  public var uuidString: String { rawValue.uuidString }

  public var description: String { rawValue.uuidString }

  /// Decodes the id from its text, refusing anything that is not a UUID.
  public init(from decoder: any Decoder) throws {
    self.init(rawValue: try decoder.singleValueContainer().decode(UUID.self))
  }

  /// Encodes the id as its text.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

/// The stable id of an official on a commune's roster.
public struct OfficialID: StableID {
  public let rawValue: UUID

  /// The official id wrapping `rawValue`.
  public init(rawValue: UUID) { self.rawValue = rawValue }
}

/// The stable id of an attempt at a quiz.
public struct AttemptID: StableID {
  public let rawValue: UUID

  /// The attempt id wrapping `rawValue`.
  public init(rawValue: UUID) { self.rawValue = rawValue }
}

/// The stable id of a training class, the same in every commune file the class is stored in.
public struct ClassID: StableID {
  public let rawValue: UUID

  /// The class id wrapping `rawValue`.
  public init(rawValue: UUID) { self.rawValue = rawValue }
}

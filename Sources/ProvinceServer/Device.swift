import Access
import Foundation
import Units

/// A commune machine enrolled with the server: the trusted machine of Access (one notion of a
/// trusted machine for files and requests), with the name it gave and when it last sent.
public struct Device: Sendable, Hashable {
  public var machine: TrustedMachine
  public var name: String
  public var lastSeenAt: Date?

  public init(machine: TrustedMachine, name: String, lastSeenAt: Date?) {
    self.machine = machine
    self.name = name
    self.lastSeenAt = lastSeenAt
  }

  /// What the registry says of a request signed by this device for `commune`: the same verdicts
  /// as a signed file.
  public func verdict(for commune: CommuneCode?) -> SenderVerdict {
    if machine.isRevoked { return .revoked(machine) }
    if let commune, commune != machine.commune { return .otherCommune(machine, commune) }
    return .trusted(machine)
  }
}

/// Dates as the server prints them: ISO 8601 in UTC.
enum ServerTime {
  static func text(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}

extension Device {
  /// The line `papi-server devices list` prints.
  public var listing: ServerMessage {
    .device(
      key: machine.publicKey, commune: machine.commune.rawValue, machine: name, enrolled: machine.enrolledAt,
      revoked: machine.revokedAt, lastSeen: lastSeenAt.map(ServerTime.text))
  }
}

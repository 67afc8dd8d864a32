import Access
import Foundation
import PostgresNIO
import Units

/// A province leader who signs in to the web pages: a name, and the one province they see.
public struct Leader: Sendable, Hashable {
  public var name: String
  public var province: UnitCode
  public var createdAt: Date

  /// The line `papi-server leaders list` prints.
  public var listing: WebMessage {
    .leaderListing(name: name, province: province.rawValue, created: ServerTime.text(createdAt))
  }
}

extension ProvinceRepository {
  /// The longest leader's name.
  static let leaderNameLimit = 100

  /// Adds a leader for `province` with `passphrase` (kept only as its scrypt hash); throws
  /// ``WebMessage/leaderExists(_:)`` when the name is taken.
  public func addLeader(name: String, province: UnitCode, passphrase: String) async throws {
    let name = name.precomposedStringWithCanonicalMapping
    guard Self.isLeaderName(name) else { throw WebMessage.badLeaderName }
    try PassphraseStrength.check(passphrase, for: .leader)
    let hash = String(
      decoding: try JSONEncoder().encode(try PassphraseHash(passphrase: passphrase)), as: UTF8.self)
    let rows = try await client.query(
      """
      INSERT INTO leaders (name, province_code, passphrase) VALUES (\(name), \(province.rawValue), \(hash)::jsonb)
      ON CONFLICT (name) DO NOTHING RETURNING name
      """, logger: logger)
    var added = false
    for try await _ in rows { added = true }
    guard added else { throw WebMessage.leaderExists(name) }
  }

  /// Whether `name` can be a leader's name: 1 to 100 characters, none a control character.
  static func isLeaderName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= leaderNameLimit
      && !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
  }

  /// Every leader, by name.
  public func leaders() async throws -> [Leader] {
    let rows = try await client.query(
      "SELECT name, province_code, created_at FROM leaders ORDER BY name", logger: logger)
    var leaders: [Leader] = []
    for try await (name, province, created) in rows.decode((String, String, Date).self) {
      leaders.append(Leader(name: name, province: try UnitCode(province), createdAt: created))
    }
    return leaders
  }

  /// Wrong passphrases in a row that lock a leader's sign-in, and for how long.
  static let wrongSignInsBeforeLock = 5
  static let lockMinutes = 10

  /// What a sign-in came to.
  enum SignIn: Sendable, Hashable {
    case leader(Leader)
    case wrong
    /// Locked after too many wrong passphrases: the minutes to wait.
    case locked(Int)
  }

  /// Whether `passphrase` is the leader `name`'s. An unknown name costs the same scrypt as a
  /// known one, so the time taken does not tell which names exist; ``wrongSignInsBeforeLock``
  /// wrong passphrases in a row lock the name for ``lockMinutes``.
  func signIn(name: String, passphrase: String) async throws -> SignIn {
    let name = name.precomposedStringWithCanonicalMapping
    let rows = try await client.query(
      """
      SELECT name, province_code, created_at, passphrase::text, coalesce(locked_until > now(), false)
      FROM leaders WHERE name = \(name) AND disabled_at IS NULL
      """, logger: logger)
    var found: (leader: Leader, hash: PassphraseHash, locked: Bool)?
    for try await (name, province, created, hash, locked) in rows.decode(
      (String, String, Date, String, Bool).self)
    {
      let stored = try JSONDecoder().decode(PassphraseHash.self, from: Data(hash.utf8))
      found = (Leader(name: name, province: try UnitCode(province), createdAt: created), stored, locked)
    }
    guard let found else {
      _ = Self.decoyHash?.matches(passphrase)
      return .wrong
    }
    if found.locked { return .locked(Self.lockMinutes) }
    let right = found.hash.matches(passphrase)
    try await recordSignIn(of: found.leader.name, right: right)
    return right ? .leader(found.leader) : .wrong
  }

  /// A right passphrase clears the count of wrong ones; a wrong one adds to it, and the last one
  /// allowed locks the name.
  private func recordSignIn(of name: String, right: Bool) async throws {
    let limit = Self.wrongSignInsBeforeLock
    let lock = "\(Self.lockMinutes) minutes"
    if right {
      try await client.query(
        "UPDATE leaders SET failed_sign_ins = 0, locked_until = NULL WHERE name = \(name)", logger: logger)
    } else {
      try await client.query(
        """
        UPDATE leaders SET
          locked_until = CASE WHEN failed_sign_ins + 1 >= \(limit) THEN now() + \(lock)::interval END,
          failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= \(limit) THEN 0 ELSE failed_sign_ins + 1 END
        WHERE name = \(name)
        """, logger: logger)
    }
  }

  /// What an unknown name's passphrase is checked against: a random passphrase's hash at the
  /// default cost, made once.
  static let decoyHash = try? PassphraseHash(passphrase: UUID().uuidString)
}

/// The province a leader is added for: a province of the units list.
public enum LeaderProvince {
  /// The code of province `text` in the units list at `unitsPath`.
  public static func code(_ text: String, unitsPath: String) throws -> UnitCode {
    let units: UnitHierarchy
    do { units = try UnitHierarchy.load(path: unitsPath) } catch {
      throw ServerMessage.unitsDoNotLoad(unitsPath, "\(error)")
    }
    guard let code = try? UnitCode(text), units.unit(code)?.level == .province else {
      throw WebMessage.unknownProvince(text)
    }
    return code
  }
}

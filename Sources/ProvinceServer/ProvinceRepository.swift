import Access
import Crypto
import Foundation
import Gradebook
import Logging
import PostgresNIO
import SyncProtocol
import Units

/// Everything the server keeps in PostgreSQL, through SQL written here with bound parameters
/// only (the one exception, a province's partition name, is built from a code checked to be
/// digits).
public struct ProvinceRepository: Sendable {
  public let client: PostgresClient
  public let logger: Logger

  public init(client: PostgresClient, logger: Logger) {
    self.client = client
    self.logger = logger
  }

  // MARK: - Communes

  /// Records a commune of a province (once), and the province's answers partition.
  public func ensureCommune(_ commune: CommuneCode, province: UnitCode, name: String) async throws {
    let partition = "answers_p" + province.rawValue
    guard province.rawValue.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
      throw ServerMessage.unknownCommune(commune.rawValue)
    }
    try await client.transaction(logger: logger) { connection in
      try await connection.query(
        """
        INSERT INTO communes (code, province_code, name) VALUES (\(commune.rawValue), \(province.rawValue), \(name))
        ON CONFLICT (code) DO UPDATE SET name = excluded.name
        """, logger: logger)
      try await connection.query(
        PostgresQuery(
          unsafeSQL:
            "CREATE TABLE IF NOT EXISTS \(partition) PARTITION OF answers FOR VALUES IN ('\(province.rawValue)')"
        ), logger: logger)
    }
  }

  // MARK: - Enrolment

  /// A new one-time code for `commune`, valid until `expiresAt`; only its hash is kept.
  public func createEnrolmentCode(for commune: CommuneCode, expiresAt: Date) async throws -> String {
    let code = EnrolmentCode.random()
    try await client.query(
      """
      INSERT INTO enrolment_codes (code_hash, commune_code, expires_at)
      VALUES (\(EnrolmentCode.hash(code)), \(commune.rawValue), \(expiresAt))
      """, logger: logger)
    return code
  }

  /// What an enrolment came to.
  public enum EnrolmentOutcome: Sendable, Hashable {
    case enrolled(Device, province: String)
    case badCode
    case revoked
    case elsewhere(String)
  }

  /// Uses a code to enrol the key of `request` (its signature already checked); the code is
  /// spent only when the key is enrolled.
  public func enrol(_ request: EnrolmentRequest) async throws -> EnrolmentOutcome {
    let hash = EnrolmentCode.hash(EnrolmentCode.normalised(request.code))
    return try await client.transaction(logger: logger) { connection in
      let rows = try await connection.query(
        """
        SELECT e.commune_code, c.province_code FROM enrolment_codes e JOIN communes c ON c.code = e.commune_code
        WHERE e.code_hash = \(hash) AND e.used_at IS NULL AND e.expires_at > now() FOR UPDATE OF e
        """, logger: logger)
      var found: (commune: String, province: String)?
      for try await row in rows.decode((String, String).self) { found = row }
      guard let found, let commune = try? CommuneCode(found.commune) else { return .badCode }
      let province = found.province
      let existing = try await device(publicKey: request.publicKey, on: connection)
      if let existing {
        if existing.machine.isRevoked { return .revoked }
        if existing.machine.commune != commune { return .elsewhere(existing.machine.commune.rawValue) }
      } else {
        try await connection.query(
          """
          INSERT INTO devices (public_key, commune_code, machine)
          VALUES (\(request.publicKey), \(commune.rawValue), \(request.machine))
          """, logger: logger)
        try await connection.query(
          """
          INSERT INTO sync_cursors (public_key, commune_code) VALUES (\(request.publicKey), \(commune.rawValue))
          """, logger: logger)
      }
      try await connection.query(
        "UPDATE enrolment_codes SET used_at = now(), used_by_key = \(request.publicKey) WHERE code_hash = \(hash)",
        logger: logger)
      guard let enrolled = try await device(publicKey: request.publicKey, on: connection) else {
        return .badCode
      }
      return .enrolled(enrolled, province: province)
    }
  }

  // MARK: - Devices

  /// The device with this public key, revoked or not.
  public func device(publicKey: String) async throws -> Device? {
    try await client.withConnection { connection in try await device(publicKey: publicKey, on: connection) }
  }

  private func device(publicKey: String, on connection: PostgresConnection) async throws -> Device? {
    let rows = try await connection.query(
      """
      SELECT public_key, commune_code, machine, enrolled_at, revoked_at, last_seen_at FROM devices
      WHERE public_key = \(publicKey)
      """, logger: logger)
    for try await row in rows.decode((String, String, String, Date, Date?, Date?).self) {
      return try Self.device(row)
    }
    return nil
  }

  /// Every device, by commune then enrolment.
  public func devices() async throws -> [Device] {
    let rows = try await client.query(
      """
      SELECT public_key, commune_code, machine, enrolled_at, revoked_at, last_seen_at FROM devices
      ORDER BY commune_code, enrolled_at, public_key
      """, logger: logger)
    var devices: [Device] = []
    for try await row in rows.decode((String, String, String, Date, Date?, Date?).self) {
      devices.append(try Self.device(row))
    }
    return devices
  }

  private static func device(_ row: (String, String, String, Date, Date?, Date?)) throws -> Device {
    Device(
      machine: TrustedMachine(
        publicKey: row.0, commune: try CommuneCode(row.1), enrolledAt: ServerTime.text(row.3),
        revokedAt: row.4.map(ServerTime.text)),
      name: row.2, lastSeenAt: row.5)
  }

  /// Revokes the device whose key is `key` or starts with it (8 characters or more).
  public func revoke(_ key: String) async throws -> Device {
    let matches = try await devices().filter {
      $0.machine.publicKey == key || (key.count >= 8 && $0.machine.publicKey.hasPrefix(key))
    }
    guard let match = matches.first else { throw ServerMessage.unknownDevice(key) }
    guard matches.count == 1 else { throw ServerMessage.ambiguousDevice(key) }
    try await client.query(
      "UPDATE devices SET revoked_at = COALESCE(revoked_at, now()) WHERE public_key = \(match.machine.publicKey)",
      logger: logger)
    return try await device(publicKey: match.machine.publicKey) ?? match
  }

  // MARK: - Requests

  /// Records a request's nonce; false when this key used it before (a replay).
  public func useNonce(_ nonce: String, key: String, until expiry: Date) async throws -> Bool {
    let rows = try await client.query(
      """
      INSERT INTO request_nonces (public_key, nonce, expires_at) VALUES (\(key), \(nonce), \(expiry))
      ON CONFLICT DO NOTHING RETURNING 1
      """, logger: logger)
    var inserted = false
    for try await _ in rows { inserted = true }
    if inserted {
      try await client.query(
        "UPDATE devices SET last_seen_at = now() WHERE public_key = \(key)", logger: logger)
    }
    return inserted
  }

  /// Forgets nonces whose requests could no longer be accepted anyway.
  public func sweepNonces() async throws {
    try await client.query("DELETE FROM request_nonces WHERE expires_at < now()", logger: logger)
  }

  // MARK: - Sync

  /// What the server holds for the device's commune.
  public func syncState(for device: Device) async throws -> SyncState {
    let commune = device.machine.commune.rawValue
    return try await client.withConnection { connection in
      var cursor: Int64 = 0
      for try await value in try await connection.query(
        "SELECT answer_cursor FROM sync_cursors WHERE public_key = \(device.machine.publicKey)",
        logger: logger
      ).decode(Int64.self) {
        cursor = value
      }
      var attempts: [String: String] = [:]
      for try await (id, status) in try await connection.query(
        "SELECT id, status FROM attempts WHERE commune_code = \(commune)", logger: logger
      ).decode((UUID, String).self) {
        attempts[id.uuidString] = status
      }
      var officials: [String] = []
      for try await id in try await connection.query(
        "SELECT id FROM officials WHERE commune_code = \(commune) ORDER BY id", logger: logger
      ).decode(UUID.self) {
        officials.append(id.uuidString)
      }
      let classes = try await classState(commune: commune, on: connection)
      return SyncState(
        commune: commune, cursor: cursor, attempts: attempts, officials: officials, classes: classes.classes,
        classMembers: classes.members, rosterChanges: classes.changes, reviews: classes.reviews)
    }
  }

  /// Stores a validated batch: first its classes (and their communes) in a short transaction of
  /// their own, then everything else in one transaction: officials and attempts new to the
  /// server, attempts further along than the server's copy, memberships, roster changes, answers
  /// not yet held; then the device's cursor. A batch stored before is acknowledged again and adds
  /// nothing.
  ///
  /// The classes go first and alone because batches of every commune of a class carry the same
  /// class rows: inside the batch's transaction, a batch of one commune waited on another
  /// commune's uncommitted class row until that whole batch was stored. Storing them first is
  /// safe: they are validated with the batch, idempotent by stable id, and a class changed later
  /// on a machine wins whichever batch brings it; a batch the server then refuses leaves at most
  /// a class of its own commune, which the next sync sends again anyway.
  public func store(_ batch: ValidatedBatch, from device: Device) async throws -> StoreOutcome {
    let key = device.machine.publicKey
    let commune = device.machine.commune.rawValue
    do {
      try await storeClassesFirst(batch, commune: commune)
      return try await storeInTransaction(batch, key: key, commune: commune, device: device)
    } catch let foreign as ForeignRecord {
      return .otherCommune(foreign.id)
    }
  }

  private struct ForeignRecord: Error { var id: String }

  /// The batch's classes and their communes, committed before the batch; nothing when an
  /// official or attempt of the batch belongs to another commune (the batch is refused).
  private func storeClassesFirst(_ batch: ValidatedBatch, commune: String) async throws {
    guard !batch.classes.isEmpty else { return }
    try await client.transaction(logger: logger) { connection in
      if let foreign = try await foreignRecord(batch, commune: commune, on: connection) {
        throw ForeignRecord(id: foreign)
      }
      _ = try await storeClasses(batch.classes, commune: commune, on: connection)
    }
  }

  private func storeInTransaction(_ batch: ValidatedBatch, key: String, commune: String, device: Device)
    async throws -> StoreOutcome
  {
    try await client.transaction(logger: logger) { connection in
      if let previous = try await storedBatch(batch.id, key: key, on: connection) {
        return .stored(previous)
      }
      var officialsAdded = 0
      for official in batch.officials {
        officialsAdded += try await count(
          connection.query(
            """
            INSERT INTO officials (id, commune_code, name, position, created_at)
            VALUES (\(official.id.rawValue), \(commune), \(official.name), \(official.position), \(official.createdAt))
            ON CONFLICT (id) DO NOTHING RETURNING 1
            """, logger: logger))
      }
      let attemptsAdded = try await upsertAttempts(batch.attempts, commune: commune, on: connection)
      if let foreign = try await foreignRecord(batch, commune: commune, on: connection) {
        throw ForeignRecord(id: foreign)
      }
      try await storeMembers(batch.members, commune: commune, on: connection)
      try await applyRosterChanges(batch.changes, commune: commune, on: connection)
      let answersAdded = try await insertAnswers(batch, device: device, on: connection)
      let acknowledgement = try await advance(
        batch, key: key, commune: commune, added: (officialsAdded, attemptsAdded, answersAdded),
        on: connection)
      return .stored(acknowledgement)
    }
  }

  /// What storing a batch came to.
  public enum StoreOutcome: Sendable, Hashable {
    case stored(BatchAcknowledgement)
    /// An official or attempt of the batch is already on the server under another commune.
    case otherCommune(String)
  }

  private func count(_ rows: PostgresRowSequence) async throws -> Int {
    var count = 0
    for try await _ in rows { count += 1 }
    return count
  }

  private func storedBatch(_ id: UUID, key: String, on connection: PostgresConnection) async throws
    -> BatchAcknowledgement?
  {
    let rows = try await connection.query(
      """
      SELECT b.officials_added, b.attempts_added, b.answers_added, c.answer_cursor
      FROM sync_batches b JOIN sync_cursors c ON c.public_key = b.public_key
      WHERE b.batch_id = \(id) AND b.public_key = \(key)
      """, logger: logger)
    for try await (_, _, _, cursor) in rows.decode((Int, Int, Int, Int64).self) {
      return BatchAcknowledgement(
        batchID: id.uuidString, cursor: cursor, officialsAdded: 0, attemptsAdded: 0, answersAdded: 0,
        duplicate: true)
    }
    return nil
  }

  /// The first official or attempt of the batch the server holds under another commune.
  private func foreignRecord(_ batch: ValidatedBatch, commune: String, on connection: PostgresConnection)
    async throws -> String?
  {
    let officials =
      batch.officials.map { WireID.text($0.id.rawValue) }
      + batch.attempts.map { WireID.text($0.officialID.rawValue) }
    let attempts = batch.attempts.map { WireID.text($0.id.rawValue) }
    let rows = try await connection.query(
      """
      SELECT id::text FROM officials WHERE id = ANY(\(officials)::uuid[]) AND commune_code <> \(commune)
      UNION ALL
      SELECT id::text FROM attempts WHERE id = ANY(\(attempts)::uuid[]) AND commune_code <> \(commune)
      UNION ALL
      SELECT a.id::text FROM attempts a JOIN officials o ON o.id = a.official_id
      WHERE a.id = ANY(\(attempts)::uuid[]) AND o.commune_code <> \(commune)
      LIMIT 1
      """, logger: logger)
    for try await id in rows.decode(String.self) { return id }
    return nil
  }

  private func insertAnswers(_ batch: ValidatedBatch, device: Device, on connection: PostgresConnection)
    async throws -> Int
  {
    guard !batch.answers.isEmpty else { return 0 }
    let answers = batch.answers
    let attemptIDs = answers.map { WireID.text($0.attemptID.rawValue) }
    let questionIDs = answers.map(\.questionID.rawValue)
    let positions = answers.map { Int64($0.position) }
    let responses = answers.map(\.response)
    let scores = answers.map(\.score)
    let correct = answers.map(\.isCorrect)
    let times = answers.map(\.timeTaken)
    let moments = answers.map { WireTime.text($0.answeredAt) }
    let rows = try await connection.query(
      """
      WITH inserted AS (
        INSERT INTO answers (province_code, commune_code, attempt_id, question_id, position, response, score,
          correct, time_taken, answered_at)
        SELECT \(batch.province), \(device.machine.commune.rawValue), a::uuid, q, p, r, s, c, t,
          (m::timestamp AT TIME ZONE 'UTC')
        FROM unnest(\(attemptIDs)::text[], \(questionIDs)::text[], \(positions)::int8[], \(responses)::text[],
          \(scores)::float8[], \(correct)::bool[], \(times)::float8[], \(moments)::text[]) AS u(a, q, p, r, s, c, t, m)
        ON CONFLICT DO NOTHING RETURNING 1)
      SELECT count(*) FROM inserted
      """, logger: logger)
    for try await added in rows.decode(Int64.self) { return Int(added) }
    return 0
  }

  private func advance(
    _ batch: ValidatedBatch, key: String, commune: String, added: (Int, Int, Int),
    on connection: PostgresConnection
  ) async throws -> BatchAcknowledgement {
    try await connection.query(
      """
      INSERT INTO sync_batches (batch_id, public_key, commune_code, cursor_from, cursor_to, officials_added,
        attempts_added, answers_added)
      VALUES (\(batch.id), \(key), \(commune), \(batch.cursorFrom), \(batch.cursorTo), \(added.0), \(added.1),
        \(added.2))
      ON CONFLICT (batch_id) DO NOTHING
      """, logger: logger)
    var cursor = batch.cursorTo
    for try await value in try await connection.query(
      """
      UPDATE sync_cursors SET answer_cursor = GREATEST(answer_cursor, \(batch.cursorTo)), batches = batches + 1,
        updated_at = now()
      WHERE public_key = \(key) RETURNING answer_cursor
      """, logger: logger
    ).decode(Int64.self) {
      cursor = value
    }
    return BatchAcknowledgement(
      batchID: batch.id.uuidString, cursor: cursor, officialsAdded: added.0, attemptsAdded: added.1,
      answersAdded: added.2, duplicate: false)
  }
}

/// One-time enrolment codes: 12 characters of Crockford's base32 (60 bits) in groups of four.
public enum EnrolmentCode {
  static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

  /// A new random code, `XXXX-XXXX-XXXX`.
  public static func random() -> String {
    var generator = SystemRandomNumberGenerator()
    let characters = (0..<12).map { _ in alphabet[Int(generator.next() % 32)] }
    return stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
  }

  /// The code as typed, upper-cased, without spaces or dashes, with O read as 0 and I, L as 1.
  public static func normalised(_ text: String) -> String {
    String(
      text.uppercased().compactMap { character -> Character? in
        switch character {
        case "-", " ": nil
        case "O": "0"
        case "I", "L": "1"
        default: character
        }
      })
  }

  /// What is stored: the SHA-256 of the normalised code, in hex.
  public static func hash(_ code: String) -> String {
    SHA256.hash(data: Data(normalised(code).utf8)).map { String(format: "%02x", $0) }.joined()
  }
}

extension ProvinceRepository {
  /// The province of a commune the server knows.
  public func province(of commune: CommuneCode) async throws -> String? {
    for try await province in try await client.query(
      "SELECT province_code FROM communes WHERE code = \(commune.rawValue)", logger: logger
    ).decode(String.self) {
      return province
    }
    return nil
  }
}

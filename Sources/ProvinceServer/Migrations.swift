import Logging
import PostgresNIO

/// The server's schema, one migration per version, each applied once in its own transaction and
/// recorded in `schema_migrations`. A migration is never edited once released: a change is a new
/// one. Two servers starting at once take turns (an advisory lock).
public enum Migrations {
  /// A version: its number, a name, and the statements it runs.
  struct Migration: Sendable {
    var version: Int
    var name: String
    var statements: [String]
  }

  /// The newest schema version this build knows.
  public static var latestVersion: Int { all.last?.version ?? 0 }

  static let lockKey: Int64 = 0x5041_5049_5345_5256  // "PAPISERV"

  /// Applies the migrations the database lacks; returns the versions applied.
  @discardableResult
  public static func migrate(_ client: PostgresClient, logger: Logger) async throws -> [Int] {
    try await client.withConnection { connection in
      try await connection.query("SELECT pg_advisory_lock(\(lockKey))", logger: logger)
      do {
        let applied = try await apply(on: connection, logger: logger)
        try await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
        return applied
      } catch {
        _ = try? await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
        throw error
      }
    }
  }

  private static func apply(on connection: PostgresConnection, logger: Logger) async throws -> [Int] {
    try await connection.query(
      """
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
      """, logger: logger)
    var done: Set<Int> = []
    for try await version in try await connection.query(
      "SELECT version FROM schema_migrations", logger: logger
    )
    .decode(Int.self) {
      done.insert(version)
    }
    if let newest = done.max(), newest > latestVersion {
      throw ServerMessage.newerSchema(found: newest, supported: latestVersion)
    }
    var applied: [Int] = []
    for migration in all where !done.contains(migration.version) {
      try await connection.transaction(logger: logger) { connection in
        for statement in migration.statements {
          try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
        try await connection.query(
          "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
          logger: logger)
      }
      logger.info("migrated", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
      applied.append(migration.version)
    }
    return applied
  }

  /// The versions the database has applied.
  public static func appliedVersions(_ client: PostgresClient, logger: Logger) async throws -> [Int] {
    var versions: [Int] = []
    for try await version in try await client.query(
      "SELECT version FROM schema_migrations ORDER BY version", logger: logger
    ).decode(Int.self) {
      versions.append(version)
    }
    return versions
  }

  static let all: [Migration] = [
    Migration(version: 1, name: "communes-devices-results", statements: version1),
    Migration(version: 2, name: "classes-roster-changes", statements: version2),
    Migration(version: 3, name: "leaders-sessions-class-reviews", statements: version3),
    Migration(version: 4, name: "readiness-indexes", statements: version4),
    Migration(version: 5, name: "course-packages", statements: version5),
    Migration(version: 6, name: "answer-sums", statements: version6),
    Migration(version: 7, name: "key-sums", statements: version7),
    Migration(version: 8, name: "publishing-key-out-of-database", statements: version8),
    Migration(version: 9, name: "readiness-sums-by-batch", statements: version9),
  ]

  /// Communes and their provinces, enrolment codes, devices (the trusted machines), request
  /// nonces, officials, attempts, answers (partitioned by province, append-only), sync cursors
  /// and batches, course versions.
  static let version1 = [
    """
    CREATE TABLE communes (
      code text PRIMARY KEY CHECK (code ~ '^[0-9]{1,12}$'),
      province_code text NOT NULL CHECK (province_code ~ '^[0-9]{1,12}$'),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())
    """,
    "CREATE INDEX communes_by_province ON communes (province_code, code)",
    """
    CREATE TABLE enrolment_codes (
      code_hash text PRIMARY KEY,
      commune_code text NOT NULL REFERENCES communes (code),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      used_by_key text)
    """,
    """
    CREATE TABLE devices (
      public_key text PRIMARY KEY CHECK (length(public_key) = 44),
      commune_code text NOT NULL REFERENCES communes (code),
      machine text NOT NULL DEFAULT '',
      enrolled_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      last_seen_at timestamptz)
    """,
    "CREATE INDEX devices_by_commune ON devices (commune_code)",
    """
    CREATE TABLE request_nonces (
      public_key text NOT NULL,
      nonce text NOT NULL,
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (public_key, nonce))
    """,
    "CREATE INDEX request_nonces_by_expiry ON request_nonces (expires_at)",
    """
    CREATE TABLE officials (
      id uuid PRIMARY KEY,
      commune_code text NOT NULL REFERENCES communes (code),
      name text NOT NULL CHECK (name <> ''),
      position text NOT NULL CHECK (position <> ''),
      created_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now())
    """,
    "CREATE INDEX officials_by_commune ON officials (commune_code)",
    """
    CREATE TABLE attempts (
      id uuid PRIMARY KEY,
      official_id uuid NOT NULL REFERENCES officials (id),
      commune_code text NOT NULL REFERENCES communes (code),
      quiz_id text NOT NULL,
      course_id text NOT NULL,
      course_version text NOT NULL,
      class_id uuid,
      started_at timestamptz NOT NULL,
      ended_at timestamptz,
      seed numeric(20, 0) NOT NULL CHECK (seed >= 0 AND seed <= 18446744073709551615),
      question_ids jsonb NOT NULL CHECK (jsonb_typeof(question_ids) = 'array'),
      score double precision,
      max_score double precision,
      status text NOT NULL CHECK (status IN ('in-progress', 'finished', 'abandoned')),
      received_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())
    """,
    "CREATE INDEX attempts_by_commune ON attempts (commune_code, quiz_id, status)",
    "CREATE INDEX attempts_by_official ON attempts (official_id)",
    "CREATE INDEX attempts_by_class ON attempts (class_id) WHERE class_id IS NOT NULL",
    """
    CREATE TABLE answers (
      province_code text NOT NULL,
      commune_code text NOT NULL,
      attempt_id uuid NOT NULL REFERENCES attempts (id),
      question_id text NOT NULL,
      position integer NOT NULL CHECK (position >= 0),
      response text NOT NULL,
      score double precision NOT NULL CHECK (score >= 0 AND score <= 1),
      correct boolean NOT NULL,
      time_taken double precision NOT NULL CHECK (time_taken >= 0),
      answered_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (province_code, attempt_id, question_id)
    ) PARTITION BY LIST (province_code)
    """,
    // Readiness reads a province's or a commune's answers per question with their scores and
    // moments: an index that answers it without touching the rows.
    """
    CREATE INDEX answers_for_readiness ON answers (province_code, commune_code, question_id)
      INCLUDE (score, answered_at)
    """,
    "CREATE INDEX answers_by_attempt ON answers (attempt_id)",
    // Rows of a province no partition was made for yet land here rather than fail.
    "CREATE TABLE answers_default PARTITION OF answers DEFAULT",
    """
    CREATE FUNCTION answers_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'papi-server keeps every answer as given: answers are never changed or deleted'
        USING ERRCODE = 'restrict_violation';
    END $$
    """,
    """
    CREATE TRIGGER answers_are_kept_before_change BEFORE UPDATE OR DELETE ON answers
      FOR EACH ROW EXECUTE FUNCTION answers_are_kept()
    """,
    """
    CREATE TRIGGER answers_are_kept_before_truncate BEFORE TRUNCATE ON answers
      FOR EACH STATEMENT EXECUTE FUNCTION answers_are_kept()
    """,
    """
    CREATE TABLE sync_cursors (
      public_key text PRIMARY KEY REFERENCES devices (public_key),
      commune_code text NOT NULL REFERENCES communes (code),
      answer_cursor bigint NOT NULL DEFAULT 0 CHECK (answer_cursor >= 0),
      batches integer NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now())
    """,
    """
    CREATE TABLE sync_batches (
      batch_id uuid PRIMARY KEY,
      public_key text NOT NULL REFERENCES devices (public_key),
      commune_code text NOT NULL REFERENCES communes (code),
      cursor_from bigint NOT NULL,
      cursor_to bigint NOT NULL,
      officials_added integer NOT NULL,
      attempts_added integer NOT NULL,
      answers_added integer NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now())
    """,
    "CREATE INDEX sync_batches_by_commune ON sync_batches (commune_code, received_at)",
    """
    CREATE TABLE course_versions (
      course_id text NOT NULL,
      version text NOT NULL,
      digest text NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (course_id, version))
    """,
  ]
}

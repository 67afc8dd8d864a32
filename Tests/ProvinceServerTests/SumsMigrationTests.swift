import Foundation
import PapiTrainTesting
import ProvinceServerTesting
import Testing

@testable import ProvinceServer

/// Server schema version 9 (one sums trigger that finds a batch's attempts by their key) against
/// versions 6 and 7's two triggers: two databases at version 8 hold the same answers, one is
/// migrated by `papi-server migrate`, then both take the same inserts. The sums must not move
/// with the migration, and must come out the same by either trigger.
@Suite(.serialized, .enabled(if: serverTestsCanRun)) struct SumsMigrationTests {
  @Test func aVersion8DatabaseKeepsItsSumsAndAddsAsVersions6And7Did() throws {
    let cluster = try TemporaryPostgres.shared()
    let kept = try Self.databaseAtVersion8(cluster)
    let migrated = try Self.databaseAtVersion8(cluster)
    for database in [kept, migrated] {
      try cluster.psql(database, Self.communesAndOfficials)
      try cluster.psql(database, Self.attempts(1...20))
      try cluster.psql(database, Self.attempts(21...45))
      try cluster.psql(database, Self.readinessKeys)
    }
    let before = try Self.sums(cluster, kept)
    #expect(before.split(separator: "\n").count > 20)
    #expect(try Self.sums(cluster, migrated) == before)

    let run = try Self.migrate(cluster.url(database: migrated))
    #expect(run.status == 0, "\(run.output) \(run.error)")
    #expect(
      try cluster.psql(migrated, "SELECT max(version) FROM schema_migrations")
        .trimmingCharacters(in: .whitespacesAndNewlines) == String(Migrations.latestVersion))
    #expect(try Self.sums(cluster, migrated) == before, "the migration leaves the sums as they were")

    // New answers of known and new officials, a batch sent again, then a merge on the roster.
    for database in [kept, migrated] {
      try cluster.psql(database, Self.attempts(46...70))
      try cluster.psql(database, Self.attempts(71...90, officials: 16))
      try cluster.psql(database, Self.answers(71...90) + " ON CONFLICT DO NOTHING")
    }
    let added = try Self.sums(cluster, kept)
    #expect(added != before)
    #expect(try Self.sums(cluster, migrated) == added, "one trigger adds what the two added")
    for database in [kept, migrated] {
      try cluster.psql(
        database,
        "UPDATE officials SET merged_into = md5('official2')::uuid WHERE id = md5('official4')::uuid")
    }
    #expect(try Self.sums(cluster, migrated) == Self.sums(cluster, kept), "after a merge")
  }

  @Test func anEmptyDatabaseMigratesToTheOneTrigger() throws {
    let cluster = try TemporaryPostgres.shared()
    let database = "test_" + UUID().uuidString.prefix(12).lowercased()
    let url = try cluster.createDatabase(database)
    let run = try Self.migrate(url)
    #expect(run.status == 0, "\(run.output) \(run.error)")
    let triggers = try cluster.psql(
      database,
      "SELECT tgname FROM pg_trigger WHERE tgrelid = 'answers'::regclass AND NOT tgisinternal ORDER BY tgname"
    )
    #expect(
      triggers.split(separator: "\n") == [
        "answers_are_kept_before_change", "answers_are_kept_before_truncate", "readiness_sums_after_insert",
      ])
  }

  // MARK: - Helpers

  /// A new database migrated to version 8 by the statements of versions 1 to 8, as a server of
  /// that version left it.
  static func databaseAtVersion8(_ cluster: TemporaryPostgres) throws -> String {
    let database = "test_" + UUID().uuidString.prefix(12).lowercased()
    _ = try cluster.createDatabase(database)
    try cluster.psql(
      database,
      """
      CREATE TABLE schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
      """)
    for migration in Migrations.all where migration.version <= 8 {
      try cluster.psql(
        database,
        migration.statements.joined(separator: ";\n")
          + ";\nINSERT INTO schema_migrations (version, name) VALUES (\(migration.version), '\(migration.name)')"
      )
    }
    return database
  }

  /// `papi-server migrate` on `url`.
  static func migrate(_ url: String) throws -> ServerRun {
    try ServerRun.papiServer(["migrate", "--database-url", url])
  }

  /// Two communes of province 12, a class in one, officials 1 to 12 (numbered in turn).
  static let communesAndOfficials = """
    INSERT INTO communes (code, province_code, name) VALUES ('03388', '12', 'Phường Đoàn Kết'),
      ('03391', '12', 'Xã Sơn Bình');
    INSERT INTO classes (id, commune_code, trainer, place, status, opened_at, ends_on, updated_at)
      VALUES (md5('class')::uuid, '03388', 'Hằng', 'Hội trường', 'open', '2026-01-05', '2026-01-20', '2026-01-05');
    \(officials(1...12))
    """

  static func officials(_ numbers: ClosedRange<Int>) -> String {
    """
    INSERT INTO officials (id, commune_code, name, position, created_at)
      SELECT md5('official' || i)::uuid, CASE WHEN i % 2 = 0 THEN '03388' ELSE '03391' END, 'Cán bộ ' || i,
        'Công chức', '2026-01-01'
      FROM generate_series(\(numbers.lowerBound), \(numbers.upperBound)) i
      ON CONFLICT DO NOTHING;
    """
  }

  /// Attempts `numbers` (every fifth a review, every third in 03388 of the class), each taken
  /// by one of the first `officials` officials, then their answers in one statement.
  static func attempts(_ numbers: ClosedRange<Int>, officials: Int = 12) -> String {
    """
    \(Self.officials(1...officials))
    INSERT INTO attempts (id, official_id, commune_code, quiz_id, course_id, course_version, class_id, started_at,
      seed, question_ids, status)
      SELECT md5('attempt' || n)::uuid, o.id, o.commune_code, CASE WHEN n % 5 = 0 THEN 'q1#review' ELSE 'q1' END,
        'c1', '1', CASE WHEN n % 3 = 0 AND o.commune_code = '03388' THEN md5('class')::uuid END,
        '2025-06-01'::timestamptz + n * interval '37 hours', n, '["a","b","c","d"]', 'finished'
      FROM generate_series(\(numbers.lowerBound), \(numbers.upperBound)) n
      JOIN officials o ON o.id = md5('official' || (n % \(officials) + 1))::uuid;
    \(answers(numbers));
    """
  }

  static func answers(_ numbers: ClosedRange<Int>) -> String {
    """
    INSERT INTO answers (province_code, commune_code, attempt_id, question_id, position, response, score, correct,
      time_taken, answered_at)
      SELECT '12', at.commune_code, at.id, u.q, u.p - 1, 'x', ((n * 7 + u.p) % 5) / 4.0, (n * 7 + u.p) % 5 = 4,
        3.5, at.started_at + u.p * interval '1 minute'
      FROM generate_series(\(numbers.lowerBound), \(numbers.upperBound)) n
      JOIN attempts at ON at.id = md5('attempt' || n)::uuid
      CROSS JOIN unnest(ARRAY['a', 'b', 'c', 'd']) WITH ORDINALITY u(q, p)
    """
  }

  static let readinessKeys =
    "SELECT readiness_keys_set(ARRAY['a', 'b', 'c', 'd', 'a'], ARRAY['K1', 'K1', 'K2', 'K2', 'K3'])"

  /// Both tables of sums and the officials' bits, row by row, the sums to 11 significant digits
  /// (the order rows are added in may move the last bit).
  static func sums(_ cluster: TemporaryPostgres, _ database: String) throws -> String {
    try cluster.psql(
      database,
      """
      SET extra_float_digits = -4;
      SELECT province_code, commune_code, question_id, class_id, bucket, answers, sum_e, sum_e2, sum_marked_e,
        officials, last_answered_at
      FROM answer_sums ORDER BY 1, 2, 3, 4, 5;
      SELECT province_code, commune_code, key, class_id, bucket, answers, sum_e, sum_e2, sum_marked_e, officials,
        last_answered_at
      FROM key_sums ORDER BY 1, 2, 3, 4, 5;
      SELECT commune_code, official_id, bit FROM official_bits ORDER BY 1, 2;
      """)
  }
}

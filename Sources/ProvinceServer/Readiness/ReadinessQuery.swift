import Curriculum
import Foundation
import Gradebook
import PostgresNIO

/// The SQL of the server's readiness: the recency-weighted sums ``WeightedAnswerScan`` computes in
/// a results file, over a province's answers, grouped by commune and key: read from the sums
/// kept as answers arrive (``AnswerSums``, server schema version 6) wherever they give the same
/// figures, from the province's partition of `answers` elsewhere.
///
/// An answer given at moment t weighs e = exp(k·(t − epoch)) with k = ln 2 / half-life, in days
/// since 2020-01-01 (``WeightedAnswerScan/epochJulianDay``); the reference is applied afterwards
/// in Swift, as for files. Review "attempts" (quiz `COURSE#review`) are never counted. Each answer
/// counts for every key of its question (its PAPI codes and its area); officials are counted
/// distinct per key. Every value is a bound parameter (the keys travel as two arrays); the
/// statements are written with `$n` placeholders so that psql can run the very same text
/// (``psqlScript(province:until:classes:)``, for the benchmark).
struct ReadinessQuery: Sendable {
  /// Question id → key, as pairs: each question once per distinct key.
  var questions: [String]
  var keys: [String]
  /// k, per day.
  var rate: Double
  /// The epoch of the weights in Unix seconds.
  var epochSeconds: Double

  init(keysByQuestion: [QuestionID: [String]], halfLifeDays: Double) {
    var questions: [String] = []
    var keys: [String] = []
    for (question, questionKeys) in keysByQuestion.sorted(by: { $0.key < $1.key }) {
      for key in Set(questionKeys).sorted() {
        questions.append(question.rawValue)
        keys.append(key)
      }
    }
    self.questions = questions
    self.keys = keys
    rate = log(2) / halfLifeDays
    epochSeconds = (WeightedAnswerScan.epochJulianDay - 2_440_587.5) * 86_400
  }

  /// What the transaction both statements run in is set to: one snapshot for both, read only,
  /// no JIT compilation (the planner's estimates over the whole province ask for it, and
  /// compiling costs more than the statements take), and memory enough to add up a province's
  /// kept rows without spilling to disk. The isolation comes first: a session importing the
  /// snapshot sets it, then the snapshot, then the rest.
  static let settings = [
    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", "SET LOCAL jit = off",
    "SET LOCAL work_mem = '32MB'",
  ]

  /// Whose answers count, by their attempt's class.
  enum ClassFilter: Sendable {
    /// Every answer.
    case all
    /// Only answers in classes whose newest review (`class_reviews`) approves them.
    case approved
    /// None (approved results asked for where no class was ever reviewed).
    case none

    /// The condition on `column`, a class id, with a leading AND (none for ``all``).
    func sql(column: String) -> String {
      switch self {
      case .all: ""
      case .approved:
        """
        AND \(column) IN (
            SELECT r.class_id FROM (
              SELECT DISTINCT ON (class_id) class_id, decision FROM class_reviews
              ORDER BY class_id, decided_at DESC) r
            WHERE r.decision = 'approved')
        """
      case .none: "AND false"
      }
    }
  }

  /// A statement and the values of its placeholders, in order.
  struct Statement: Sendable {
    var sql: String
    var parameters: [Parameter]

    /// The statement for PostgresNIO, its values bound.
    var query: PostgresQuery {
      var bindings = PostgresBindings(capacity: parameters.count)
      for parameter in parameters {
        switch parameter {
        case .text(let value): bindings.append(value)
        case .float(let value): bindings.append(value)
        case .moment(let value): bindings.append(value)
        case .texts(let values): bindings.append(values)
        case .flag(let value): bindings.append(value)
        }
      }
      return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
  }

  /// A parameter's value.
  enum Parameter: Sendable {
    case text(String)
    case float(Double)
    case moment(Date?)
    case texts([String])
    case flag(Bool)
  }

  /// One row per commune: its code, then its keys, answers, Σe, Σe², Σe·mark and distinct
  /// officials, each an array in the same order (``CommuneRow``): a province's thousand rows
  /// rather than one per commune and key, which cost papi-server more to read than the
  /// database to add up.
  ///
  /// The sums come from those kept as answers arrive wherever they give the same figures: at the
  /// half-life they are kept at, for a commune with no answer at or after `until`. Per key
  /// (`key_sums`, server schema version 7) when the keys they follow are `questions`' and
  /// `keys`' (``ProvinceReadiness`` sets them first), else per question (`answer_sums`,
  /// version 6) added up per key. The answers of any other commune are read and summed the same
  /// way, the officials' bits from `official_bits`. Per commune, key and bucket the sums add up
  /// and the bits are OR-ed; the officials are the bits set. An entry merged into another on
  /// the commune's machine (`officials.merged_into`) counts as the entry kept, as the machine's
  /// file counts it.
  func sums(province: String, until: Date?, classes: ClassFilter) -> Statement {
    Statement(
      sql: """
        WITH keys AS (
          SELECT question_id, key FROM unnest($1::text[], $2::text[]) AS k(question_id, key)
        ),
        kept AS MATERIALIZED (
          SELECT $7::bool AND NOT readiness_keys_are($1::text[], $2::text[]) AS per_question,
                 $7::bool AND readiness_keys_are($1::text[], $2::text[]) AS per_key
        ),
        read AS MATERIALIZED (
          SELECT c.code FROM communes c
          WHERE c.province_code = $5::text AND (NOT $7::bool OR EXISTS (
            SELECT 1 FROM answer_sums s
            WHERE s.province_code = $5::text AND s.commune_code = c.code AND s.last_answered_at >= $6::timestamptz))
        ),
        per_question AS (
          SELECT s.commune_code, s.question_id, s.bucket, s.answers, s.sum_e, s.sum_e2, s.sum_marked_e, s.officials
          FROM answer_sums s
          WHERE (SELECT per_question FROM kept) AND s.province_code = $5::text
            AND s.commune_code NOT IN (SELECT code FROM read) \(classes.sql(column: "s.class_id"))
          UNION ALL
          SELECT an.commune_code, an.question_id, b.bit / 62, count(*), sum(w.e), sum(w.e * w.e),
                 sum(w.e * greatest(0.0, least(1.0, an.score))), bit_or(1::int8 << (b.bit % 62))
          FROM answers an
          JOIN attempts at ON at.id = an.attempt_id
          JOIN officials o ON o.id = at.official_id
          JOIN official_bits b ON b.commune_code = an.commune_code AND b.official_id = coalesce(o.merged_into, o.id)
          CROSS JOIN LATERAL (
            SELECT exp($3::float8 * ((date_part('epoch', an.answered_at) - $4::float8) / 86400.0)) AS e) w
          WHERE EXISTS (SELECT 1 FROM read) AND an.province_code = $5::text AND an.commune_code IN (SELECT code FROM read)
            AND right(at.quiz_id, 7) <> '#review' AND ($6::timestamptz IS NULL OR an.answered_at < $6::timestamptz)
            \(classes.sql(column: "at.class_id"))
          GROUP BY an.commune_code, an.question_id, b.bit / 62
        ),
        per_key AS (
          SELECT s.commune_code, s.key, s.bucket, s.answers, s.sum_e, s.sum_e2, s.sum_marked_e, s.officials
          FROM key_sums s
          WHERE (SELECT per_key FROM kept) AND s.province_code = $5::text
            AND s.commune_code NOT IN (SELECT code FROM read) \(classes.sql(column: "s.class_id"))
          UNION ALL
          SELECT p.commune_code, k.key, p.bucket, p.answers, p.sum_e, p.sum_e2, p.sum_marked_e, p.officials
          FROM per_question p JOIN keys k ON k.question_id = p.question_id
        ),
        per_bucket AS (
          SELECT commune_code, key, sum(answers) AS answers, sum(sum_e) AS sum_e, sum(sum_e2) AS sum_e2,
                 sum(sum_marked_e) AS sum_marked_e, bit_count(bit_or(officials)::bit(64)) AS officials
          FROM per_key
          GROUP BY commune_code, key, bucket
        ),
        per_commune_key AS (
          SELECT commune_code, key, sum(answers)::int8 AS answers, sum(sum_e) AS sum_e, sum(sum_e2) AS sum_e2,
                 sum(sum_marked_e) AS sum_marked_e, sum(officials)::int8 AS officials
          FROM per_bucket
          GROUP BY commune_code, key
          ORDER BY commune_code, key
        )
        SELECT commune_code, array_agg(key), array_agg(answers), array_agg(sum_e), array_agg(sum_e2),
               array_agg(sum_marked_e), array_agg(officials)
        FROM per_commune_key
        GROUP BY commune_code
        ORDER BY commune_code
        """,
      parameters: [
        .texts(questions), .texts(keys), .float(rate), .float(epochSeconds), .text(province), .moment(until),
        .flag(rate == AnswerSums.rate && epochSeconds == AnswerSums.epochSeconds),
      ])
  }

  /// One row per commune of the province the server knows, whatever it sent: code, officials on
  /// its roster (neither removed nor merged into another), officials with a finished quiz
  /// attempt, its first answer (any) and its latest answer in a quiz attempt: a results file's
  /// ``WeightedAnswerScan/FileFacts``. Only the attempts (and their answers) of the classes
  /// `classes` lets through count, as in ``sums(province:until:classes:)``: limited to approved
  /// classes, the data period and the officials trained are those of the approved results.
  func facts(province: String, classes: ClassFilter = .all) -> Statement {
    let attempts = classes.sql(column: "at.class_id")
    let answers: String
    switch classes {
    case .all: answers = "SELECT an.answered_at FROM answers an WHERE"
    case .approved, .none:
      answers =
        "SELECT an.answered_at FROM answers an JOIN attempts at ON at.id = an.attempt_id WHERE true \(attempts) AND"
    }
    return Statement(
      sql: """
        SELECT c.code,
          (SELECT count(*) FROM officials o
            WHERE o.commune_code = c.code AND o.removed_at IS NULL AND o.merged_into IS NULL)::int8,
          (SELECT count(DISTINCT coalesce(o.merged_into, o.id)) FROM attempts at JOIN officials o ON o.id = at.official_id
            WHERE at.commune_code = c.code AND at.status = 'finished' AND right(at.quiz_id, 7) <> '#review' \(attempts))::int8,
          (\(answers) an.province_code = c.province_code AND an.commune_code = c.code
            ORDER BY an.answered_at LIMIT 1),
          (SELECT an.answered_at FROM answers an JOIN attempts at ON at.id = an.attempt_id
            WHERE an.province_code = c.province_code AND an.commune_code = c.code
              AND right(at.quiz_id, 7) <> '#review' \(attempts)
            ORDER BY an.answered_at DESC LIMIT 1)
        FROM communes c WHERE c.province_code = $1::text
        ORDER BY c.code
        """,
      parameters: [.text(province)])
  }
}

extension ReadinessQuery.Statement {
  /// The statement as psql runs it: prepared with the same text, executed with its values as
  /// literals (quoted as SQL quotes text: a single quote doubled).
  func psql(name: String) -> String {
    let types = parameters.map { parameter in
      switch parameter {
      case .text: "text"
      case .float: "float8"
      case .moment: "timestamptz"
      case .texts: "text[]"
      case .flag: "bool"
      }
    }
    let values = parameters.map { parameter in
      switch parameter {
      case .text(let value): Self.literal(value)
      case .float(let value): "\(value)::float8"
      case .moment(let value): value.map { "to_timestamp(\($0.timeIntervalSince1970))" } ?? "NULL"
      case .texts(let values): "ARRAY[" + values.map(Self.literal).joined(separator: ",") + "]::text[]"
      case .flag(let value): value ? "true" : "false"
      }
    }
    return """
      PREPARE \(name) (\(types.joined(separator: ", "))) AS
      \(sql);
      EXECUTE \(name) (\(values.joined(separator: ", ")));

      """
  }

  static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}

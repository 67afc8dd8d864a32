import Foundation
import Gradebook

extension Migrations {
  /// Version 6: readiness's sums kept as answers arrive, as a commune's results file keeps its
  /// own (`answer_sums` there), so readiness reads a few rows per commune and question instead of
  /// every answer.
  ///
  /// `answer_sums` holds, per province, commune, question, class (NULL: outside any class) and
  /// bucket of 62 officials, the quiz answers' count, Σe, Σe², Σe·mark with
  /// e = exp(k·(t − 2020-01-01)) at the half-life of ``AnswerSums/halfLifeDays`` (the weights
  /// the report's reference date applies to afterwards), the bits of the officials who gave
  /// them, and the latest moment. `official_bits` numbers, per commune, the officials who
  /// answered (an entry merged into another counts as the entry kept, one bit for both).
  ///
  /// A statement trigger adds each insert's new answers (its transition table: an answer the
  /// server already held is not in it, so a batch sent twice adds nothing) in the same
  /// transaction; a batch refused is rolled back with its sums. A merge on the roster renumbers
  /// the commune and sums its answers again. Answers of review "attempts" are never summed.
  /// Existing answers are summed when the migration runs.
  static let version6 = [
    """
    CREATE TABLE official_bits (
      commune_code text NOT NULL,
      official_id uuid NOT NULL REFERENCES officials (id),
      bit integer NOT NULL CHECK (bit >= 0),
      PRIMARY KEY (commune_code, official_id),
      UNIQUE (commune_code, bit))
    """,
    AnswerSums.table("answer_sums", key: "question_id"),
    // The answers of one statement (`added`), summed into `answer_sums`: the officials first get
    // their bits, then each (commune, question, class, bucket) is added to. The communes are
    // taken in turn (an advisory lock each, in code order) so that two devices of a commune
    // never number an official twice.
    """
    CREATE FUNCTION answer_sums_add_rows() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      \(AnswerSums.lockingCommunes);
      \(AnswerSums.numberingOfficials());
      \(AnswerSums.adding(into: "answer_sums", key: "question_id", from: "a.question_id"));
      RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER answer_sums_after_insert AFTER INSERT ON answers
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION answer_sums_add_rows()
    """,
    // One commune's sums made again from its answers, its officials numbered afresh: what a
    // merge on its roster needs (two entries become one official), and how the migration sums
    // the answers already stored. The caller takes the commune's turn.
    """
    CREATE FUNCTION answer_sums_refill(refilled text) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM answer_sums WHERE commune_code = refilled;
      DELETE FROM official_bits WHERE commune_code = refilled;
      WITH given AS MATERIALIZED (
        SELECT a.province_code, a.question_id, a.score, a.answered_at, at.class_id,
          coalesce(o.merged_into, o.id) AS official
        FROM answers a JOIN attempts at ON at.id = a.attempt_id JOIN officials o ON o.id = at.official_id
        WHERE a.province_code IN (SELECT c.province_code FROM communes c WHERE c.code = refilled)
          AND a.commune_code = refilled AND at.commune_code = refilled AND right(at.quiz_id, 7) <> '#review'),
      numbered AS (
        INSERT INTO official_bits (commune_code, official_id, bit)
        SELECT refilled, e.official, row_number() OVER (ORDER BY e.official) - 1
        FROM (SELECT DISTINCT official FROM given) e
        RETURNING official_id, bit)
      INSERT INTO answer_sums (province_code, commune_code, question_id, class_id, bucket, answers, sum_e,
        sum_e2, sum_marked_e, officials, last_answered_at)
      SELECT g.province_code, refilled, g.question_id, g.class_id, b.bit / 62, count(*), sum(w.e), sum(w.e * w.e),
        sum(w.e * greatest(0.0, least(1.0, g.score))), bit_or(1::int8 << (b.bit % 62)), max(g.answered_at)
      FROM given g JOIN numbered b ON b.official_id = g.official
      CROSS JOIN LATERAL (SELECT \(AnswerSums.weight(of: "g.answered_at")) AS e) w
      GROUP BY g.province_code, g.question_id, g.class_id, b.bit / 62;
    END $$
    """,
    """
    CREATE FUNCTION answer_sums_after_merge() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock(\(AnswerSums.lockSpace), hashtext(NEW.commune_code));
      PERFORM answer_sums_refill(NEW.commune_code);
      RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER answer_sums_after_merge AFTER UPDATE OF merged_into ON officials
      FOR EACH ROW WHEN (OLD.merged_into IS DISTINCT FROM NEW.merged_into)
      EXECUTE FUNCTION answer_sums_after_merge()
    """,
    "SELECT answer_sums_refill(code) FROM communes ORDER BY code",
  ]
}

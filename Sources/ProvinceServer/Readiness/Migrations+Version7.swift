extension Migrations {
  /// Version 7: readiness's sums kept per key as well. Readiness groups questions by key (a PAPI
  /// code, a knowledge area: ``ReadinessQuery``'s pairs), several keys a question, so reading
  /// version 6's sums per question still adds each row to three or four keys. `readiness_keys`
  /// holds the question-to-key pairs of the province's courses (set by
  /// `readiness_keys_set`, which readiness calls with its own pairs: nothing happens when they are
  /// the same), and `key_sums` the sums per province, commune, key, class and bucket, kept by
  /// a trigger beside version 6's (after it: the officials have their bits) in the same
  /// transaction, and made again from `answer_sums` whenever the pairs change or a roster merge
  /// sums a commune again. And an index for the officials each commune trained.
  static let version7 = [
    // Readiness's officials trained per commune (finished quiz attempts) from the index alone.
    """
    CREATE INDEX attempts_trained ON attempts (commune_code, official_id)
      WHERE status = 'finished' AND right(quiz_id, 7) <> '#review'
    """,
    """
    CREATE TABLE readiness_keys (
      question_id text NOT NULL,
      key text NOT NULL,
      PRIMARY KEY (question_id, key))
    """,
    AnswerSums.table("key_sums", key: "key"),
    // One commune's (or, with NULL, every commune's) key sums made from its question sums.
    """
    CREATE FUNCTION key_sums_refill(refilled text) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM key_sums WHERE refilled IS NULL OR commune_code = refilled;
      INSERT INTO key_sums (province_code, commune_code, key, class_id, bucket, answers, sum_e, sum_e2,
        sum_marked_e, officials, last_answered_at)
      SELECT s.province_code, s.commune_code, k.key, s.class_id, s.bucket, sum(s.answers), sum(s.sum_e),
        sum(s.sum_e2), sum(s.sum_marked_e), bit_or(s.officials), max(s.last_answered_at)
      FROM answer_sums s JOIN readiness_keys k ON k.question_id = s.question_id
      WHERE refilled IS NULL OR s.commune_code = refilled
      GROUP BY s.province_code, s.commune_code, k.key, s.class_id, s.bucket;
    END $$
    """,
    // Sets the pairs the key sums follow; false (and nothing done) when they are the pairs kept.
    // The key sums are locked while they are made again (the trigger waits to add to them).
    """
    CREATE FUNCTION readiness_keys_set(questions text[], keys text[]) RETURNS boolean LANGUAGE plpgsql AS $$
    BEGIN
      IF readiness_keys_are(questions, keys) THEN
        RETURN false;
      END IF;
      LOCK TABLE key_sums IN EXCLUSIVE MODE;
      IF readiness_keys_are(questions, keys) THEN
        RETURN false;
      END IF;
      DELETE FROM readiness_keys;
      INSERT INTO readiness_keys (question_id, key)
      SELECT DISTINCT u.question_id, u.key FROM unnest(questions, keys) AS u(question_id, key);
      PERFORM key_sums_refill(NULL);
      RETURN true;
    END $$
    """,
    """
    CREATE FUNCTION readiness_keys_are(questions text[], keys text[]) RETURNS boolean LANGUAGE sql STABLE AS $$
      SELECT NOT EXISTS (
        (SELECT u.question_id, u.key FROM unnest(questions, keys) AS u(question_id, key)
         EXCEPT SELECT question_id, key FROM readiness_keys)
        UNION ALL
        (SELECT question_id, key FROM readiness_keys
         EXCEPT SELECT u.question_id, u.key FROM unnest(questions, keys) AS u(question_id, key)))
    $$
    """,
    """
    CREATE FUNCTION key_sums_add_rows() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      \(AnswerSums.adding(
        into: "key_sums", key: "key", from: "k.key",
        joining: "JOIN readiness_keys k ON k.question_id = a.question_id"));
      RETURN NULL;
    END $$
    """,
    // Fires after version 6's `answer_sums_after_insert` (triggers fire in name order), which
    // took the communes' turns and numbered the officials.
    """
    CREATE TRIGGER key_sums_after_insert AFTER INSERT ON answers
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION key_sums_add_rows()
    """,
    """
    CREATE FUNCTION key_sums_after_merge() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM key_sums_refill(NEW.commune_code);
      RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER key_sums_after_merge AFTER UPDATE OF merged_into ON officials
      FOR EACH ROW WHEN (OLD.merged_into IS DISTINCT FROM NEW.merged_into)
      EXECUTE FUNCTION key_sums_after_merge()
    """,
  ]
}

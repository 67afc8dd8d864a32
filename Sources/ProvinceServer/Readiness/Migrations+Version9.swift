extension Migrations {
  /// Version 9: readiness's sums kept by one trigger that reads the batch's own attempts.
  /// Versions 6 and 7 each joined the answers an insert added to the whole `attempts` table,
  /// which PostgreSQL did by reading every attempt the server held (a sequential scan, once per
  /// trigger and batch: a batch cost more the more was stored). One statement trigger now takes
  /// the communes' turns, numbers the officials and adds to both `answer_sums` and `key_sums`,
  /// finding the answers' attempts by their primary key from the distinct attempt ids of the
  /// new answers. Its joins are made in the order written (`join_collapse_limit` 1: the
  /// transition table has no statistics, and PostgreSQL joined a commune's every official bit
  /// to every answer before the attempts were in). The sums are the same as before: only how
  /// the attempts are found changed.
  static let version9 = [
    "DROP TRIGGER key_sums_after_insert ON answers",
    "DROP TRIGGER answer_sums_after_insert ON answers",
    "DROP FUNCTION key_sums_add_rows()",
    "DROP FUNCTION answer_sums_add_rows()",
    """
    CREATE FUNCTION readiness_sums_add_rows() RETURNS trigger LANGUAGE plpgsql SET join_collapse_limit = 1 AS $$
    DECLARE
      batch uuid[] := ARRAY(SELECT DISTINCT attempt_id FROM added);
    BEGIN
      \(AnswerSums.lockingCommunes);
      \(AnswerSums.numberingOfficials(attempts: AnswerSums.attemptsOfBatch));
      \(AnswerSums.adding(
        into: "answer_sums", key: "question_id", from: "a.question_id", attempts: AnswerSums.attemptsOfBatch));
      \(AnswerSums.adding(
        into: "key_sums", key: "key", from: "k.key",
        joining: "JOIN readiness_keys k ON k.question_id = a.question_id", attempts: AnswerSums.attemptsOfBatch));
      RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER readiness_sums_after_insert AFTER INSERT ON answers
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION readiness_sums_add_rows()
    """,
  ]
}

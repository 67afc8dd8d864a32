extension Migrations {
  /// Version 2: training classes as the commune machines keep them (`classes`, the communes each
  /// is for in `class_communes`, the officials who joined it in `class_members`), attempts'
  /// `class_id` referring to them, and the roster's audit record (`roster_changes`: entries
  /// removed, renamed or merged into another on a machine), carried by sync and applied to
  /// `officials` (`removed_at`, `merged_into`).
  ///
  /// `classes.commune_code` is the commune whose machine first sent the class; a class of
  /// several communes is one row, its communes in `class_communes`. `status` is `open` until the
  /// trainer closes it (`closed_at`). `opened_at` and `ends_on` are the class's first and last
  /// days. Attempts stored before version 2 may name a class the server never received: the
  /// reference is checked for every attempt stored from now on (`NOT VALID`), not for those.
  static let version2 = [
    """
    CREATE TABLE classes (
      id uuid PRIMARY KEY,
      commune_code text NOT NULL REFERENCES communes (code),
      code text NOT NULL DEFAULT '',
      name text NOT NULL DEFAULT '',
      trainer text NOT NULL CHECK (trainer <> ''),
      place text NOT NULL CHECK (place <> ''),
      status text NOT NULL CHECK (status IN ('open', 'closed')),
      opened_at date NOT NULL,
      ends_on date NOT NULL,
      pretest_quiz_id text,
      posttest_quiz_id text,
      closed_at timestamptz,
      updated_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_on >= opened_at),
      CHECK ((status = 'closed') = (closed_at IS NOT NULL)))
    """,
    "CREATE INDEX classes_by_commune ON classes (commune_code, status)",
    """
    CREATE TABLE class_communes (
      class_id uuid NOT NULL REFERENCES classes (id),
      commune_code text NOT NULL CHECK (commune_code ~ '^[0-9]{1,12}$'),
      PRIMARY KEY (class_id, commune_code))
    """,
    "CREATE INDEX class_communes_by_commune ON class_communes (commune_code, class_id)",
    """
    CREATE TABLE class_members (
      class_id uuid NOT NULL REFERENCES classes (id),
      official_id uuid NOT NULL REFERENCES officials (id),
      joined_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (class_id, official_id))
    """,
    "CREATE INDEX class_members_by_official ON class_members (official_id)",
    """
    ALTER TABLE attempts ADD CONSTRAINT attempts_class_id_fkey
      FOREIGN KEY (class_id) REFERENCES classes (id) NOT VALID
    """,
    """
    ALTER TABLE officials ADD COLUMN removed_at timestamptz,
      ADD COLUMN merged_into uuid REFERENCES officials (id)
    """,
    """
    CREATE TABLE roster_changes (
      id uuid PRIMARY KEY,
      commune_code text NOT NULL REFERENCES communes (code),
      kind text NOT NULL CHECK (kind IN ('remove', 'rename', 'merge')),
      official_id uuid NOT NULL,
      kept_id uuid,
      old_name text NOT NULL,
      new_name text NOT NULL,
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'merge') = (kept_id IS NOT NULL)))
    """,
    "CREATE INDEX roster_changes_by_official ON roster_changes (official_id, changed_at)",
    """
    CREATE FUNCTION roster_changes_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'papi-server keeps every roster change as recorded: never changed or deleted'
        USING ERRCODE = 'restrict_violation';
    END $$
    """,
    """
    CREATE TRIGGER roster_changes_are_kept_before_change BEFORE UPDATE OR DELETE ON roster_changes
      FOR EACH ROW EXECUTE FUNCTION roster_changes_are_kept()
    """,
  ]
}

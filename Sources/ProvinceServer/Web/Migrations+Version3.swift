extension Migrations {
  /// Version 3: the leaders' web pages. `leaders` (a name, the province they watch, the
  /// passphrase as an scrypt hash in Access's ``PassphraseHash`` JSON, wrong passphrases in a
  /// row and the lock they led to), `web_sessions` (only the
  /// SHA-256 of a session's cookie is kept, with the session's CSRF token and its expiry), and
  /// `class_reviews`: a leader's decision on a class's results (version 2's `classes`), approved
  /// or returned to the trainer with a note; one row a class, the latest decision.
  static let version3 = [
    """
    CREATE TABLE leaders (
      name text PRIMARY KEY CHECK (name <> '' AND length(name) <= 100),
      province_code text NOT NULL CHECK (province_code ~ '^[0-9]{1,12}$'),
      passphrase jsonb NOT NULL,
      failed_sign_ins integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
      locked_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      disabled_at timestamptz)
    """,
    """
    CREATE TABLE web_sessions (
      token_hash text PRIMARY KEY CHECK (length(token_hash) = 64),
      leader text NOT NULL REFERENCES leaders (name) ON DELETE CASCADE,
      csrf_token text NOT NULL CHECK (length(csrf_token) >= 32),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL)
    """,
    "CREATE INDEX web_sessions_by_expiry ON web_sessions (expires_at)",
    """
    CREATE TABLE class_reviews (
      class_id uuid PRIMARY KEY REFERENCES classes (id),
      decision text NOT NULL CHECK (decision IN ('approved', 'returned')),
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
      decided_at timestamptz NOT NULL DEFAULT now(),
      leader text NOT NULL REFERENCES leaders (name),
      CHECK (decision = 'approved' OR note <> ''))
    """,
  ]
}

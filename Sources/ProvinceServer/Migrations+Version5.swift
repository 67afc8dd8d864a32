extension Migrations {
  /// Course publishing: the province's publishing key (the Ed25519 key that signs every course
  /// package; devices learn its public half at enrolment and install nothing else), and the
  /// packages published, one per course version in `course_versions`.
  static let version5 = [
    """
    CREATE TABLE publishing_keys (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      private_key bytea NOT NULL CHECK (length(private_key) = 32),
      public_key text NOT NULL CHECK (length(public_key) = 44),
      created_at timestamptz NOT NULL DEFAULT now())
    """,
    """
    CREATE TABLE course_packages (
      course_id text NOT NULL,
      version text NOT NULL,
      package bytea NOT NULL,
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      key_id text NOT NULL,
      file_count integer NOT NULL CHECK (file_count > 0),
      published_at timestamptz NOT NULL,
      PRIMARY KEY (course_id, version),
      FOREIGN KEY (course_id, version) REFERENCES course_versions (course_id, version))
    """,
    "CREATE INDEX course_packages_newest ON course_packages (course_id, published_at DESC)",
  ]
}

extension Migrations {
  /// Readiness's facts per commune (its first and latest answer) read from an index in time
  /// order rather than by scanning the commune's answers.
  static let version4 = [
    "CREATE INDEX answers_by_moment ON answers (province_code, commune_code, answered_at)"
  ]
}

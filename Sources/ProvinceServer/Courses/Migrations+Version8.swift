extension Migrations {
  /// The publishing key's private half leaves the database: from this version `publishing_keys`
  /// holds the public half only, and the private half lives in a key file on the machine that
  /// publishes (``PublishingKeyFile``). A database of versions 5 to 7 may still hold a private
  /// half: the first `courses publish` or `courses key` writes it into the key file and clears it.
  static let version8 = [
    "ALTER TABLE publishing_keys ALTER COLUMN private_key DROP NOT NULL"
  ]
}

/// A message catalogue: a ``LocalizedMessage`` type that can list a sample of every one of its
/// messages, so that a test renders each in every language (and checks that the Vietnamese
/// holds no English meant for the user).
public protocol MessageCatalogue: LocalizedMessage {
  /// At least one value of every case, with realistic arguments.
  static var samples: [Self] { get }
}

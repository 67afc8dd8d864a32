import Gradebook
import Units

/// Who is signed in: the official, their commune and the results of that commune.
struct SignedIn {
  var commune: CommuneEntry
  var store: any ResultsStore
  var official: Official
  /// Whether this official gave the trainer passphrase; a new sign-in starts locked.
  let trainer: TrainerUnlock
}

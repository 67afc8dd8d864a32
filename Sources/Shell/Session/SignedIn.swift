import Gradebook
import Units

/// Who is signed in: the official, their commune and the results of that commune, and the class
/// they joined at the start, if any.
struct SignedIn {
  var commune: CommuneEntry
  var store: any ResultsStore
  var official: Official
  /// The class every attempt of this session is taken in.
  var trainingClass: TrainingClass?
}

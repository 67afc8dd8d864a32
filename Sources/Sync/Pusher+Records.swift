import Foundation
import Gradebook
import SyncProtocol

/// What the server lacks of a commune's file besides answers: attempts it lacks or holds in an
/// earlier state, roster entries, classes it lacks or holds in an older state, memberships and
/// roster changes. Handed out a slice at a time, each slice a batch.
struct PendingRecords {
  var attempts: [AttemptID]
  var officials: [Official]
  var classes: [TrainingClass]
  var members: [ClassMember]
  var changes: [RosterChange]

  /// Compares the file in `store` with what the server holds (`state`). The attempts of answers
  /// after `cursor` are left out: each travels with its answers, in its latest state, and sending
  /// it here too had the server check and store every new attempt twice.
  init(
    store: CommuneStore, state: SyncState, cursor: Int64, roster: [OfficialID: Official],
    classes: [ClassID: TrainingClass]
  ) throws {
    let sentWithAnswers = try store.attemptIDs(ofAnswersAfter: cursor)
    attempts = try store.attemptStatuses().filter { local in
      guard !sentWithAnswers.contains(local.id) else { return false }
      let held = state.attempts[local.id.uuidString].flatMap(AttemptStatus.init(rawValue:))
      return held.map { local.status.progress > $0.progress } ?? true
    }.map(\.id)
    let knownOfficials = Set(state.officials.map { $0.uppercased() })
    officials = roster.values.filter { !knownOfficials.contains($0.id.uuidString) }
      .sorted { $0.id.uuidString < $1.id.uuidString }
    self.classes = classes.values.filter { local in
      state.classes[local.id.uuidString].map { WireTime.text(local.updatedAt) > $0 } ?? true
    }.sorted { $0.id.uuidString < $1.id.uuidString }
    let knownMembers = Set(state.classMembers.map { $0.uppercased() })
    members = try store.classMembers().filter { !knownMembers.contains(WireClassMember($0).key) }
    let knownChanges = Set(state.rosterChanges.map { $0.uppercased() })
    changes = try store.rosterChanges().filter { !knownChanges.contains($0.id.uuidString) }
  }

  /// How many records are pending.
  var count: Int { attempts.count + officials.count + classes.count + members.count + changes.count }

  /// The next slice: at most `limit` of each kind (oldest roster changes first).
  mutating func take(_ limit: Int) -> PendingRecords? {
    guard count > 0 else { return nil }
    var slice = self
    slice.attempts = Array(attempts.prefix(limit))
    slice.officials = Array(officials.prefix(limit))
    slice.classes = Array(classes.prefix(limit))
    slice.members = Array(members.prefix(limit))
    slice.changes = Array(changes.prefix(limit))
    attempts.removeFirst(slice.attempts.count)
    officials.removeFirst(slice.officials.count)
    classes.removeFirst(slice.classes.count)
    members.removeFirst(slice.members.count)
    changes.removeFirst(slice.changes.count)
    return slice
  }
}

/// What one batch carries besides answers, with everything its rows refer to.
struct BatchRecords {
  var officials: [Official] = []
  var classes: [TrainingClass] = []
  var members: [ClassMember] = []
  var changes: [RosterChange] = []
  var attempts: [Attempt] = []

  /// `attempts`, `members` and `changes`, with the officials and classes they name (from
  /// `roster` and `known`) after `officials` and `classes`, each once.
  init(
    attempts: [Attempt], members: [ClassMember] = [], changes: [RosterChange] = [],
    officials: [Official] = [],
    classes: [TrainingClass] = [], roster: [OfficialID: Official], known: [ClassID: TrainingClass]
  ) {
    self.attempts = attempts
    self.members = members
    self.changes = changes
    let officialIDs =
      officials.map(\.id) + attempts.map(\.officialID) + members.map(\.officialID)
      + changes.compactMap(\.keptID)
    let given = Dictionary(officials.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.officials = Self.unique(officialIDs) { given[$0] ?? roster[$0] }
    let classIDs = classes.map(\.id) + attempts.compactMap(\.classID) + members.map(\.classID)
    let changed = Dictionary(classes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.classes = Self.unique(classIDs) { changed[$0] ?? known[$0] }
  }

  private static func unique<ID: Hashable, Value>(_ ids: [ID], _ find: (ID) -> Value?) -> [Value] {
    var seen = Set<ID>()
    return ids.compactMap { id in seen.insert(id).inserted ? find(id) : nil }
  }
}

import Foundation
import Toolkit
import Units

/// One official's place in a class: who, from which commune, when they joined, and their
/// pre-test and post-test (the latest finished attempt of each taken in the class).
public struct ClassRollEntry: Sendable, Hashable {
  public var official: Official
  /// When they joined, nil for an official with attempts in the class who never joined (an
  /// attempt made before version 4 named the class).
  public var joinedAt: Date?
  public var pretest: Attempt?
  public var posttest: Attempt?
  /// Attempts taken in the class, finished or not.
  public var attempts: Int
}

extension ResultsDirectory {
  /// Every class stored in the folder, each once: the version edited last when files differ,
  /// with the communes of every version. Ordered by first day, then code.
  ///
  /// Read through SQLite (``readOnlyStore(for:)``), not through a checked private copy: the shell
  /// looks classes up while it holds its commune's file open for writing, and copying a file the
  /// process has open closes a descriptor of it, which drops every POSIX lock SQLite holds on it
  /// (the next write fails with "disk I/O error", or worse). Reports and exports, which read
  /// folders sent from outside, check each file (``withCheckedStore(for:limits:readableFrom:_:)``).
  public func classes() throws -> [TrainingClass] {
    var byID: [ClassID: TrainingClass] = [:]
    for code in try communeCodes() {
      guard let store = try readOnlyStore(for: code) else { continue }
      let stored = try store.classes()
      for found in stored {
        guard let known = byID[found.id] else {
          byID[found.id] = found
          continue
        }
        var kept = found.updatedAt > known.updatedAt ? found : known
        kept.communeCodes = Array(Set(known.communeCodes + found.communeCodes)).sorted()
        byID[found.id] = kept
      }
    }
    return byID.values.sorted { ($0.date, $0.label) < ($1.date, $1.label) }
  }

  /// The class a trainer or an official typed: its code (`LC-2612-A`, `lc2612a`) or its id.
  public func findClass(_ typed: String) throws -> TrainingClass {
    let text = typed.trimmingCharacters(in: .whitespaces)
    let all = try classes()
    if let id = ClassID(text) {
      guard let found = all.first(where: { $0.id == id }) else {
        throw ClassRosterError.unknownClass(text, folder: url.path)
      }
      return found
    }
    guard let code = ClassCode(text) else { throw ClassRosterError.notAClassCode(text) }
    let matches = all.filter { $0.code == code }
    guard let first = matches.first else {
      throw ClassRosterError.unknownClass(code.rawValue, folder: url.path)
    }
    guard matches.count == 1 else {
      throw ClassRosterError.ambiguousCode(code.rawValue, ids: matches.map(\.id.uuidString))
    }
    return first
  }

  /// Creates a class with the first code free in this folder for `placeName` and its first
  /// month, and stores it in the file of each of its communes.
  @discardableResult
  public func createClass(_ draft: TrainingClass, placeName: String) throws -> TrainingClass {
    guard !CommuneStore.clean(draft.title).isEmpty else { throw ClassRosterError.emptyTitle }
    guard !draft.communeCodes.isEmpty else { throw ClassRosterError.noCommunes }
    var made = try CommuneStore.validated(draft)
    guard let start = Day(made.date) else { throw GradebookError.invalidDate(made.date) }
    let taken = Set(try classes().compactMap(\.code))
    guard let code = ClassCode.first(placeName: placeName, start: start, taken: taken) else {
      throw ClassRosterError.noCodeLeft(ClassCode.initials(of: placeName))
    }
    made.code = code
    return try saveClass(made)
  }

  /// Closes a class in the file of each of its communes: nobody joins it any more; its results
  /// stay. Closing a closed class changes nothing.
  @discardableResult
  public func closeClass(_ trainingClass: TrainingClass, at date: Date = Date()) throws -> TrainingClass {
    guard trainingClass.isOpen else { return trainingClass }
    var closed = trainingClass
    closed.closedAt = date
    closed.updatedAt = date
    return try saveClass(closed)
  }

  /// Who is in the class, commune by commune (code order), then by name: those who joined and
  /// those with attempts in it. Read through SQLite, as ``classes()`` is and for its reason.
  public func roll(of trainingClass: TrainingClass) throws -> [ClassRollEntry] {
    var entries: [ClassRollEntry] = []
    for code in trainingClass.communeCodes {
      guard let store = try readOnlyStore(for: code) else { continue }
      entries += try Self.roll(of: trainingClass, in: store)
    }
    return entries
  }

  private static func roll(of trainingClass: TrainingClass, in store: CommuneStore) throws -> [ClassRollEntry]
  {
    let joined = Dictionary(
      try store.members(of: trainingClass.id).map { ($0.officialID, $0.joinedAt) }, uniquingKeysWith: min)
    let attempts = try store.allAttempts().filter { $0.classID == trainingClass.id }
    let byOfficial = Dictionary(grouping: attempts, by: \.officialID)
    return try store.officials().filter { joined[$0.id] != nil || byOfficial[$0.id] != nil }.map { official in
      let mine = byOfficial[official.id] ?? []
      return ClassRollEntry(
        official: official, joinedAt: joined[official.id],
        pretest: Self.latestFinished(mine, quiz: trainingClass.pretestQuizID),
        posttest: Self.latestFinished(mine, quiz: trainingClass.posttestQuizID), attempts: mine.count)
    }
  }

  private static func latestFinished(_ attempts: [Attempt], quiz: String?) -> Attempt? {
    guard let quiz else { return nil }
    return attempts.filter { $0.quizID == quiz && $0.status == .finished }.max { $0.startedAt < $1.startedAt }
  }
}

extension ResultsDirectory {
  /// The id of the class `typed` names: an id as is (checked where it is used), a code through
  /// ``findClass(_:)``; nil when it is neither.
  public func classID(_ typed: String) throws -> ClassID? {
    if let id = ClassID(typed.trimmingCharacters(in: .whitespaces)) { return id }
    guard ClassCode(typed) != nil else { return nil }
    return try findClass(typed).id
  }
}

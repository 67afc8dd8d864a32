import Foundation
internal import GRDB

/// What merging one file added to a commune's results.
public struct MergeCounts: Sendable, Hashable {
  /// Officials added to the roster.
  public var officials = 0
  /// Training classes added.
  public var classes = 0
  /// Attempts added.
  public var attempts = 0
  /// Attempts already present that the file carried further (in progress here, finished there).
  public var attemptsUpdated = 0
  /// Answers added, to new attempts or to attempts already present.
  public var answers = 0

  /// Nothing added.
  public init() {}

  /// Whether the merge changed nothing.
  public var isEmpty: Bool { self == MergeCounts() }

  /// The counts of two merges together.
  public static func + (lhs: MergeCounts, rhs: MergeCounts) -> MergeCounts {
    var sum = lhs
    sum.officials += rhs.officials
    sum.classes += rhs.classes
    sum.attempts += rhs.attempts
    sum.attemptsUpdated += rhs.attemptsUpdated
    sum.answers += rhs.answers
    return sum
  }
}

/// A record that exists on both sides under the same id with different contents. Merge keeps
/// what the destination has and reports the difference.
public enum MergeConflict: Sendable, Hashable {
  case official(UUID)
  case trainingClass(UUID)
  case attempt(UUID)
  case answer(attempt: UUID, question: String)
}

/// What happened to one file given to merge.
public enum MergeOutcome: Sendable, Hashable {
  /// Merged into the commune's results (possibly adding nothing, when merged before).
  case merged(
    commune: UnitCode, added: MergeCounts, conflicts: [MergeConflict], possibleDuplicates: [[Official]])
  /// The file is the destination file itself.
  case skippedDestination(commune: UnitCode)
  /// Refused; nothing was written.
  case refused(GradebookError)
}

/// One file given to merge and what happened to it.
public struct MergedFile: Sendable, Hashable {
  /// The file as named on the command line (or inside a folder named there).
  public var path: String
  /// What merging it did.
  public var outcome: MergeOutcome
}

/// The result of a merge run: one outcome per file, in the order given.
public struct MergeReport: Sendable, Hashable {
  /// Every file, in the order given (a folder's files in name order).
  public var files: [MergedFile]

  /// What was added per commune, over all files.
  public var totals: [UnitCode: MergeCounts] {
    var totals: [UnitCode: MergeCounts] = [:]
    for file in files {
      if case .merged(let commune, let added, _, _) = file.outcome {
        totals[commune, default: MergeCounts()] = totals[commune, default: MergeCounts()] + added
      }
    }
    return totals
  }

  /// Whether some file was refused.
  public var hasRefusals: Bool {
    files.contains { if case .refused = $0.outcome { true } else { false } }
  }
}

/// Brings results files from other machines into a results folder.
///
/// - Idempotent and keyed by stable ids: merging a file twice adds nothing the second time.
/// - Never modifies its input: each input (with its `-wal` file, if any) is copied to a private
///   temporary folder and read there; the original is only ever read.
/// - Refuses, with a message naming the file, a file that is not SQLite, not a results database,
///   damaged, or written by a newer papi-train. One file is merged in one transaction: all or nothing.
/// - Conflicts: answers of the same attempt are united; an attempt finished on one side and in
///   progress on the other ends up finished; records that differ under the same id keep the
///   destination's version and are reported. The same person added on two machines gets two ids:
///   both are kept and reported as possible duplicates (same name, diacritics ignored).
public struct ResultsMerger: Sendable {
  /// The results folder merged into; commune files are created in it as needed.
  public let destination: ResultsDirectory

  /// A merger into `destination`.
  public init(destination: ResultsDirectory) {
    self.destination = destination
  }

  /// Merges every file in `paths`; a folder stands for the `*.sqlite` files directly in it.
  public func merge(paths: [String]) -> MergeReport {
    var files: [MergedFile] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        files.append(
          MergedFile(
            path: path, outcome: .refused(.noSuchFile(path: path))))
        continue
      }
      if isDirectory.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let found = names.filter { $0.hasSuffix(".\(ResultsDirectory.fileExtension)") }.sorted()
        if found.isEmpty {
          files.append(
            MergedFile(
              path: path,
              outcome: .refused(.noResultsFiles(folder: path))))
        }
        for name in found {
          let file = (path as NSString).appendingPathComponent(name)
          files.append(MergedFile(path: file, outcome: mergeFile(at: file)))
        }
      } else {
        files.append(MergedFile(path: path, outcome: mergeFile(at: path)))
      }
    }
    return MergeReport(files: files)
  }

  /// Merges one file and says what happened.
  public func mergeFile(at path: String) -> MergeOutcome {
    do {
      let snapshot = try Snapshot.read(path: path)
      let store = try destination.store(for: snapshot.commune)
      if Self.sameFile(path, store.fileURL.path) { return .skippedDestination(commune: snapshot.commune) }
      let damage = try store.integrityCheck()
      guard damage.isEmpty else {
        throw GradebookError.damaged(path: store.path, details: damage.prefix(3).joined(separator: "; "))
      }
      return try store.merge(snapshot)
    } catch let error as GradebookError {
      return .refused(error)
    } catch {
      return .refused(.database(path: path, message: "\(error)"))
    }
  }

  static func sameFile(_ a: String, _ b: String) -> Bool {
    var first = stat()
    var second = stat()
    guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino
  }
}

/// Everything in an input file, read from a private copy.
struct Snapshot {
  var commune: UnitCode
  var officials: [Official]
  var classes: [TrainingClass]
  var attempts: [Attempt]

  static func read(path: String) throws -> Snapshot {
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
      throw GradebookError.noSuchFile(path: path)
    }
    let folder = fileManager.temporaryDirectory.appendingPathComponent(
      "papi-train-merge-\(UUID().uuidString)")
    defer { try? fileManager.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("input.sqlite")
    do {
      try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
      try fileManager.copyItem(atPath: path, toPath: copy.path)
      // Committed answers may still sit in the write-ahead log next to the file.
      if fileManager.fileExists(atPath: path + "-wal") {
        try fileManager.copyItem(atPath: path + "-wal", toPath: copy.path + "-wal")
      }
    } catch {
      throw GradebookError.fileSystem(path: path, message: error.localizedDescription)
    }
    do {
      let queue = try DatabaseQueue(path: copy.path, configuration: Schema.configuration())
      defer { try? queue.close() }
      let contents = try queue.read { try Schema.inspect($0, path: path) }
      guard case .results(_, let stated) = contents else {
        throw GradebookError.notAResultsDatabase(path: path)
      }
      let findings = try queue.read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
      guard findings == ["ok"] else {
        throw GradebookError.damaged(path: path, details: findings.prefix(3).joined(separator: "; "))
      }
      try CommuneStore.migrate(queue, path: path)
      let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
      guard let commune = stated ?? (try? UnitCode(name)) else {
        throw GradebookError.notAResultsDatabase(path: path)
      }
      return try queue.read { db in
        Snapshot(
          commune: commune,
          officials: try Row.fetchAll(db, sql: "SELECT * FROM officials ORDER BY created_at, id")
            .map(CommuneStore.official),
          classes: try CommuneStore.classes(db, where: "1", []),
          attempts: try CommuneStore.attempts(db, where: "1", []))
      }
    } catch {
      throw Schema.translate(error, path: path)
    }
  }
}

extension CommuneStore {
  /// Adds what the snapshot has and this file lacks, in one transaction.
  func merge(_ snapshot: Snapshot) throws -> MergeOutcome {
    try write { db in
      var added = MergeCounts()
      var conflicts: [MergeConflict] = []
      var addedNameKeys: Set<String> = []

      for official in snapshot.officials {
        if let existing = try Row.fetchOne(
          db, sql: "SELECT * FROM officials WHERE id = ?", arguments: [official.id.uuidString]
        ).map(Self.official) {
          if existing.name != official.name || existing.position != official.position {
            conflicts.append(.official(official.id))
          }
        } else {
          var moved = official
          moved.communeCode = communeCode
          try Self.insert(moved, into: db)
          added.officials += 1
          addedNameKeys.insert(Schema.nameKey(official.name))
        }
      }

      for trainingClass in snapshot.classes {
        let id = trainingClass.id.uuidString
        if let existing = try Self.classes(db, where: "id = ?", [id]).first {
          if (existing.trainer, existing.date, existing.place)
            != (trainingClass.trainer, trainingClass.date, trainingClass.place)
          {
            conflicts.append(.trainingClass(trainingClass.id))
          }
        } else {
          try db.execute(
            sql: "INSERT INTO classes (id, trainer, date, place) VALUES (?, ?, ?, ?)",
            arguments: [id, trainingClass.trainer.nfc, trainingClass.date, trainingClass.place.nfc])
          added.classes += 1
        }
        for code in trainingClass.communeCodes {
          try db.execute(
            sql: "INSERT OR IGNORE INTO class_communes (class_id, commune_code) VALUES (?, ?)",
            arguments: [id, code.rawValue])
        }
      }

      // One compiled statement for every answer added (merging a commune adds thousands).
      let insertAnswer = try db.cachedStatement(
        sql: """
          INSERT INTO answers (attempt_id, question_id, position, response, score, correct, time_taken, answered_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """)
      for attempt in snapshot.attempts {
        var isNew = false
        if let existing = try Self.attempts(db, where: "a.id = ?", [attempt.id.uuidString]).first {
          let sameIdentity =
            existing.officialID == attempt.officialID && existing.quizID == attempt.quizID
            && existing.seed == attempt.seed && existing.questionIDs == attempt.questionIDs
          guard sameIdentity else {
            conflicts.append(.attempt(attempt.id))
            continue
          }
          if attempt.status.rank > existing.status.rank {
            try db.execute(
              sql: "UPDATE attempts SET status = ?, ended_at = ?, score = ?, max_score = ? WHERE id = ?",
              arguments: [
                attempt.status.rawValue, attempt.endedAt, attempt.score, attempt.maxScore,
                attempt.id.uuidString,
              ])
            added.attemptsUpdated += 1
          } else if attempt.status == existing.status, attempt.status != .inProgress,
            attempt.score != existing.score || attempt.maxScore != existing.maxScore
          {
            conflicts.append(.attempt(attempt.id))
          }
        } else {
          var copy = attempt
          copy.answers = []
          try Self.insert(copy, into: db)
          added.attempts += 1
          isNew = true
        }
        for answer in attempt.answers {
          // An attempt just added has no answers here yet: nothing to look up.
          if !isNew,
            let stored = try Self.storedAnswer(db, attempt: answer.attemptID, question: answer.questionID)
          {
            if !Self.sameContent(stored, answer) {
              conflicts.append(.answer(attempt: answer.attemptID, question: answer.questionID))
            }
          } else {
            let answer = try Self.validated(answer)
            try insertAnswer.execute(arguments: [
              answer.attemptID.uuidString, answer.questionID, answer.position, answer.response, answer.score,
              answer.isCorrect, answer.timeTaken, answer.answeredAt,
            ])
            added.answers += 1
          }
        }
      }

      var duplicates: [[Official]] = []
      for key in addedNameKeys.sorted() {
        let namesakes = try Row.fetchAll(
          db, sql: "SELECT * FROM officials WHERE name_key = ? ORDER BY created_at, id", arguments: [key]
        ).map(Self.official)
        if namesakes.count > 1 { duplicates.append(namesakes) }
      }
      return .merged(commune: communeCode, added: added, conflicts: conflicts, possibleDuplicates: duplicates)
    }
  }
}

import Foundation
import GRDB
import PapiTrainTesting
import Testing
import Units

@testable import Gradebook

/// `CheckedFiles`: a results file checked as a file from outside is not checked again while it is
/// unchanged, and is checked again (and refused when it is bad) after any change: written in
/// place with its modification time put back, or replaced by another file. Real files, real
/// SQLite; the checks are counted, not timed.
@Suite struct CheckedFilesTests {
  /// Two communes with a finished attempt each, left alone long enough to be remembered once
  /// checked (`CheckedFiles.settling`).
  private func settledFolder() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    for commune in [Commune.muongKim, Commune.khoenOn] {
      let store = try folder.results.store(for: commune)
      let (_, attempt) = try startQuiz(in: store, count: 3)
      for position in 0..<3 {
        try store.record(
          Answer(
            attemptID: attempt.id, questionID: attempt.questionIDs[position], position: position,
            response: "{\"choice\":\"a\"}", score: Double(position % 2), isCorrect: position % 2 == 1,
            timeTaken: 5, answeredAt: attempt.startedAt.addingTimeInterval(Double(position))))
      }
      _ = try store.finishAttempt(
        attempt.id, score: 1, maxScore: 3, at: attempt.startedAt.addingTimeInterval(60))
      try store.database.close()
    }
    Thread.sleep(forTimeInterval: CheckedFiles.settling + 0.2)
    return folder
  }

  private func list(_ folder: TemporaryFolder) -> CheckedFiles {
    CheckedFiles(url: folder.appending("cache/checked-files"))
  }

  /// What a report reads of every commune: the sums of the readiness scan.
  private func sums(_ directory: ResultsDirectory, cache: ScanCache? = nil) throws -> [String] {
    let scan = WeightedAnswerScan(
      keysByQuestion: ["gd.q1": ["D1"], "gd.q2": ["D1"], "gd.q3": ["D2"]], halfLifeDays: 90,
      usesStoredSums: false)
    return try scan.map(directory, workers: 1, cache: cache) { "\($0.communeCode.rawValue) \($0.sums)" }.map {
      try $0.result.get()
    }
  }

  @Test func anUnchangedFileIsCheckedOnceByEveryWayOfReadingIt() throws {
    let folder = try settledFolder()
    let expected = try sums(folder.results)
    let first = list(folder)
    #expect(try sums(folder.results.remembering(first)) == expected)
    #expect(first.fullChecks == 2)
    #expect(try sums(folder.results.remembering(first)) == expected)
    #expect(first.fullChecks == 2)

    // Another process: the list is read from its file; reports, exports and class lookups read
    // the files without checking them again, and read the same.
    let later = list(folder)
    let directory = folder.results.remembering(later)
    #expect(try sums(directory) == expected)
    let officials = try directory.withCheckedStore(for: Commune.muongKim) { try $0.officials() }
    #expect(officials?.count == 1)
    #expect(try directory.checkedReadOnlyStore(for: Commune.khoenOn)?.officials().count == 1)
    #expect(try directory.classes().isEmpty)
    #expect(try sums(directory) == expected)
    #expect(later.fullChecks == 0)
  }

  @Test func aFileWrittenInPlaceWithItsTimesPutBackIsCheckedAgainAndRefused() throws {
    let folder = try settledFolder()
    let checked = list(folder)
    // The per-file sums kept too: they must not stand in for the file once it changed.
    let scanCache = ScanCache(url: folder.appending("cache/scan.sqlite"))
    _ = try sums(folder.results.remembering(checked), cache: scanCache)
    let path = folder.results.fileURL(for: Commune.khoenOn).path
    var before = stat()
    #expect(stat(path, &before) == 0)

    // A score of 1000 written over a row (triggers off, as a hand edit would), the file's size,
    // inode and modification time (to the nanosecond) kept.
    let queue = try DatabaseQueue(
      path: path, configuration: UntrustedResultsFile.configuration(readonly: false))
    try queue.write { db in try db.execute(sql: "UPDATE answers SET score = 1000 WHERE rowid = 1") }
    try queue.close()
    var times = [before.st_atim, before.st_mtim]
    #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    var after = stat()
    #expect(stat(path, &after) == 0)
    #expect(after.st_size == before.st_size && after.st_ino == before.st_ino)
    #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    #expect(after.st_ctim.tv_sec != before.st_ctim.tv_sec || after.st_ctim.tv_nsec != before.st_ctim.tv_nsec)

    let again = list(folder)
    let read = try folder.results.remembering(again).withCheckedStore(for: Commune.muongKim) { _ in true }
    #expect(read == true)
    #expect(again.fullChecks == 0)
    #expect(throws: GradebookError.self) {
      try folder.results.remembering(again).withCheckedStore(for: Commune.khoenOn) { _ in true }
    }
    #expect(again.fullChecks == 1)
    #expect(throws: GradebookError.self) {
      try self.sums(folder.results.remembering(again), cache: scanCache)
    }
    #expect(again.fullChecks == 2)
  }

  @Test func aFileReplacedByAnotherIsCheckedAgain() throws {
    let folder = try settledFolder()
    let checked = list(folder)
    _ = try sums(folder.results.remembering(checked))
    let path = folder.results.fileURL(for: Commune.muongKim).path
    // The other commune's file put in its place (a new inode): it says it holds 03640.
    let other = folder.results.fileURL(for: Commune.khoenOn).path
    try FileManager.default.copyItem(atPath: other, toPath: path + ".new")
    #expect(rename(path + ".new", path) == 0)
    let again = list(folder)
    #expect(throws: GradebookError.self) {
      try folder.results.remembering(again).withCheckedStore(for: Commune.muongKim) { _ in true }
    }
    #expect(again.fullChecks == 1)
  }

  @Test func aDamagedListIsIgnoredAndWrittenAnew() throws {
    let folder = try settledFolder()
    let expected = try sums(folder.results)
    _ = try sums(folder.results.remembering(list(folder)))
    let url = folder.appending("cache/checked-files")
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.hasPrefix(CheckedFiles.header + "\n"))
    #expect(text.split(separator: "\n").count == 3)

    // One entry with a digit changed (its checksum no longer holds), one cut short: neither is
    // taken; the file is still read, and the damage does not spread.
    var lines = text.split(separator: "\n").map(String.init)
    lines[1] = lines[1].replacingOccurrences(of: "Results", with: "Resulrs")
    lines[2] = String(lines[2].prefix(30))
    try Data(lines.joined(separator: "\n").utf8).write(to: url)
    let damaged = list(folder)
    #expect(try sums(folder.results.remembering(damaged)) == expected)
    #expect(damaged.fullChecks == 2)
    let repaired = try String(contentsOf: url, encoding: .utf8)
    #expect(repaired.hasPrefix(CheckedFiles.header + "\n") && repaired.hasSuffix("\n"))

    // Not a list at all: ignored, then written anew.
    try Data([0, 0xFF, 0x13, 0x37] + Array("not a list\n".utf8)).write(to: url)
    let garbage = list(folder)
    #expect(try sums(folder.results.remembering(garbage)) == expected)
    #expect(garbage.fullChecks == 2)
    let fresh = list(folder)
    #expect(try sums(folder.results.remembering(fresh)) == expected)
    #expect(fresh.fullChecks == 0)
  }

  @Test func aFileChangedJustBeforeItsCheckIsNotRemembered() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    _ = try startQuiz(in: store)
    try store.database.close()
    let checked = list(folder)
    let directory = folder.results.remembering(checked)
    for _ in 0..<2 {
      _ = try directory.withCheckedStore(for: Commune.muongKim) { try $0.officials() }
    }
    #expect(checked.fullChecks == 2)
  }

  @Test func aRememberedOlderFileIsReadAsItsMigratedCopyWouldBeAndNeverWritten() throws {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(at: folder.results.url, withIntermediateDirectories: true)
    let path = folder.results.fileURL(for: Commune.muongKim).path
    try makeOlderFile(at: path, version: 2) { db in
      let officialID = UUID().uuidString
      let attemptID = UUID().uuidString
      try db.execute(
        sql: """
          INSERT INTO officials (id, name, position, commune_code, created_at)
          VALUES (?, 'Cán bộ', 'chairman', '03637', '2025-08-01 08:00:00.000')
          """, arguments: [officialID])
      try db.execute(
        sql: """
          INSERT INTO attempts (id, official_id, quiz_id, course_id, course_version, started_at, seed,
            question_ids, status) VALUES (?, ?, 'q', 'c', '1', '2025-08-01 08:05:00.000', '1', '[]', 'finished')
          """, arguments: [attemptID, officialID])
      for question in 1...3 {
        try db.execute(
          sql: "INSERT INTO answers VALUES (?, ?, ?, 'x', ?, 0, 3.5, '2025-08-01 08:1\(question):00.000')",
          arguments: [attemptID, "gd.q\(question)", question, Double(question % 2)])
      }
    }
    let queue = try DatabaseQueue(path: path, configuration: Schema.configuration())
    try Schema.migrator.migrate(queue, upTo: Schema.migrationIdentifiers[WeightedAnswerScan.readableFrom - 1])
    try queue.close()
    Thread.sleep(forTimeInterval: CheckedFiles.settling + 0.2)
    let bytes = fileState(path)

    let expected = try sums(folder.results)
    let first = list(folder)
    #expect(try sums(folder.results.remembering(first)) == expected)
    #expect(first.fullChecks == 1)
    let later = list(folder)
    #expect(try sums(folder.results.remembering(later)) == expected)
    let officials = try folder.results.remembering(later).withCheckedStore(for: Commune.muongKim) {
      try $0.officials().count
    }
    #expect(officials == 1)
    #expect(later.fullChecks == 0)
    #expect(fileState(path) == bytes)
  }

  /// What an export reads (attempts with their answers, officials) of a remembered file of the
  /// oldest schema an export reads as it is: the same as of its migrated copy, the file itself
  /// read, never written, and not checked again.
  @Test func anExportReadsARememberedOlderFileAsItIs() throws {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(at: folder.results.url, withIntermediateDirectories: true)
    let path = folder.results.fileURL(for: Commune.muongKim).path
    try makeOlderFile(at: path, version: 2) { db in
      let officialID = UUID().uuidString
      try db.execute(
        sql: """
          INSERT INTO officials (id, name, position, commune_code, created_at)
          VALUES (?, 'Cán bộ', 'chairman', '03637', '2025-08-01 08:00:00.000')
          """, arguments: [officialID])
      for (number, attemptID) in [UUID().uuidString, UUID().uuidString].enumerated() {
        try db.execute(
          sql: """
            INSERT INTO attempts (id, official_id, quiz_id, course_id, course_version, started_at, seed,
              question_ids, status) VALUES (?, ?, 'q', 'c', '1', '2025-08-0\(number + 1) 08:05:00.000', '7',
              '["gd.q1","gd.q2","gd.q3"]', 'finished')
            """, arguments: [attemptID, officialID])
        for question in 1...3 {
          try db.execute(
            sql:
              "INSERT INTO answers VALUES (?, ?, ?, '{\"choice\":\"a\"}', ?, 0, 3.5, '2025-08-0\(number + 1) 08:1\(question):00.000')",
            arguments: [attemptID, "gd.q\(question)", question, Double(question % 2)])
        }
      }
    }
    let queue = try DatabaseQueue(path: path, configuration: Schema.configuration())
    try Schema.migrator.migrate(queue, upTo: Schema.migrationIdentifiers[CommuneStore.exportReadableFrom - 1])
    try queue.close()
    #expect(CommuneStore.exportReadableFrom < Schema.latestVersion)
    Thread.sleep(forTimeInterval: CheckedFiles.settling + 0.2)
    let bytes = fileState(path)
    func read(_ directory: ResultsDirectory, readableFrom: Int?) throws -> [String] {
      try directory.withCheckedStore(for: Commune.muongKim, readableFrom: readableFrom) { store in
        try store.attempts(classID: nil).map { attempt in
          "\(attempt.id) \(attempt.seed) \(attempt.startedAt) "
            + attempt.answers.map { "\($0.questionID.rawValue) \($0.response) \($0.score) \($0.answeredAt)" }
            .joined(separator: ", ")
        } + (try store.officials().map(\.name))
      } ?? []
    }
    let first = list(folder)
    let migrated = try read(folder.results.remembering(first), readableFrom: nil)
    #expect(first.fullChecks == 1)
    #expect(migrated.count == 3 && migrated[0].contains("gd.q3"))
    let later = list(folder)
    #expect(
      try read(folder.results.remembering(later), readableFrom: CommuneStore.exportReadableFrom) == migrated)
    #expect(later.fullChecks == 0)
    #expect(fileState(path) == bytes)
  }

  @Test func anEntryIsReadBackAsItWasWritten() throws {
    let stamp = FileStamp(
      device: 65_024, inode: 16_712_386, size: 1_486_848, changedSeconds: 1_796_317_404,
      changedNanoseconds: 777_656_695, modifiedSeconds: 1_796_317_400, modifiedNanoseconds: 5)
    let entry = CheckedFiles.Entry(
      path: "/x/Results/03637.sqlite", file: stamp, wal: nil, version: 6, checks: "ab")
    #expect(CheckedFiles.entry(from: Substring(CheckedFiles.line(for: entry))) == entry)
    var withWAL = entry
    withWAL.wal = stamp
    #expect(CheckedFiles.entry(from: Substring(CheckedFiles.line(for: withWAL))) == withWAL)
    for broken in [
      "", "\t\t\t\t\t", CheckedFiles.line(for: entry) + "\tmore",
      String(CheckedFiles.line(for: entry).dropLast()),
    ] {
      #expect(CheckedFiles.entry(from: Substring(broken)) == nil)
    }
  }
}

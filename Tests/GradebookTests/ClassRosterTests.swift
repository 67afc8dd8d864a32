import Foundation
import GRDB
import PapiTrainTesting
import Testing
import Toolkit
import Units

@testable import Gradebook

/// Class codes, classes across communes, class members and roster changes, through the store
/// and through merge (schema version 4).
@Suite struct ClassCodeTests {
  @Test func aCodeIsTypedInAnyCaseWithOrWithoutDashesAndConfusablesReadAsMeant() throws {
    let code = try #require(ClassCode("LC-2612-A"))
    #expect(ClassCode("lc2612a") == code)
    #expect(ClassCode(" lc 2612 a ") == code)
    #expect(ClassCode("LC-26I2-A") == code)  // I among the digits is 1
    #expect(ClassCode("lc-2612-b") != code)
    #expect(ClassCode("LC-2612-I") == nil)  // never given out: I and O look like 1 and 0
    #expect(ClassCode("LC-2612") == nil)
    #expect(ClassCode("../x") == nil)
  }

  @Test func theFirstFreeLetterIsGivenAndThePlaceGivesTheLetters() throws {
    let day = try #require(Day("2026-12-03"))
    let first = try #require(ClassCode.first(placeName: "Tỉnh Lai Châu", start: day, taken: []))
    #expect(first.rawValue == "LC-2612-A")
    let second = try #require(ClassCode.first(placeName: "Lai Châu", start: day, taken: [first]))
    #expect(second.rawValue == "LC-2612-B")
    #expect(ClassCode.initials(of: "Xã Sìn Hồ") == "SH")
    #expect(ClassCode.initials(of: "Điện Biên") == "DB")
  }
}

@Suite struct ClassRosterTests {
  let start = Date(timeIntervalSince1970: 1_780_000_000)

  func twoCommuneClass(in results: ResultsDirectory) throws -> TrainingClass {
    try results.createClass(
      TrainingClass(
        title: "Tập huấn một cửa", trainer: "Nguyễn Thị Hằng", date: "2026-12-03", endDate: "2026-12-04",
        place: "Hội trường huyện", communeCodes: [Commune.muongKim, Commune.khoenOn],
        pretestQuizID: "one-stop.pre", posttestQuizID: "one-stop.post", updatedAt: start),
      placeName: "Lai Châu")
  }

  @Test func aClassIsStoredInEachCommuneAndFoundByItsCode() throws {
    let folder = try TemporaryFolder()
    let made = try twoCommuneClass(in: folder.results)
    #expect(made.code?.rawValue == "LC-2612-A")
    for code in [Commune.muongKim, Commune.khoenOn] {
      #expect(try folder.results.store(for: code).trainingClass(id: made.id) == made)
    }
    #expect(try folder.results.findClass("lc2612a").id == made.id)
    #expect(try folder.results.findClass(made.id.uuidString).id == made.id)
    let next = try twoCommuneClass(in: folder.results)
    #expect(next.code?.rawValue == "LC-2612-B")
    #expect(throws: ClassRosterError.self) { try folder.results.findClass("LC-2612-C") }
  }

  /// The shell finds classes and reads a class's roll while it holds its commune's file open for
  /// writing: reading them must leave that connection's locks alone, so its next write succeeds.
  @Test func lookingClassesUpLeavesAFileOpenForWritingWritable() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    let official = try store.addOfficial(name: "Lò Văn Thắng", position: "chairman")
    let made = try twoCommuneClass(in: folder.results)
    #expect(try folder.results.findClass("LC-2612-A").id == made.id)
    _ = try folder.results.roll(of: made)
    try store.join(classID: made.id, officialID: official.id, at: start)
    _ = try twoCommuneClass(in: folder.results)
    #expect(try store.addOfficial(name: "Lò Thị Mai", position: "chairman").name == "Lò Thị Mai")
    #expect(try folder.results.classes().count == 2)
  }

  @Test func membersJoinAnOpenClassOnlyAndTheRollShowsTheirTests() throws {
    let folder = try TemporaryFolder()
    let made = try twoCommuneClass(in: folder.results)
    let store = try folder.results.store(for: Commune.muongKim)
    let official = try store.addOfficial(name: "Lò Văn Thắng", position: "chairman")
    try store.join(classID: made.id, officialID: official.id, at: start)
    try store.join(classID: made.id, officialID: official.id, at: start.addingTimeInterval(60))
    #expect(try store.members(of: made.id).count == 1)
    let attempt = try store.startAttempt(
      Attempt(
        officialID: official.id, quizID: "one-stop.pre", courseID: "one-stop", courseVersion: "1",
        classID: made.id, seed: 1, questionIDs: ["q1"], startedAt: start))
    try store.record(answer(attempt, 0))
    try store.finishAttempt(attempt.id, score: 1, maxScore: 1, at: start.addingTimeInterval(30))
    let roll = try folder.results.roll(of: made)
    #expect(roll.map(\.official.name) == ["Lò Văn Thắng"])
    #expect(roll.first?.pretest?.id == attempt.id && roll.first?.posttest == nil)

    try folder.results.closeClass(made, at: start.addingTimeInterval(3_600))
    #expect(try folder.results.findClass("LC-2612-A").isOpen == false)
    let late = try folder.results.store(for: Commune.khoenOn).addOfficial(
      name: "Hoàng Thị Mai", position: "chairman")
    #expect(throws: ClassRosterError.classClosed("LC-2612-A")) {
      try folder.results.store(for: Commune.khoenOn).join(classID: made.id, officialID: late.id)
    }
  }

  @Test func anEntryWithAttemptsIsNotRemovedAndEveryChangeIsRecorded() throws {
    let folder = try TemporaryFolder()
    let store = try folder.results.store(for: Commune.muongKim)
    let (official, _) = try startQuiz(in: store)
    let typo = try store.addOfficial(name: "Lo Van Thang", position: "chairman")
    #expect(throws: ClassRosterError.hasAttempts(name: "Lò Văn Thắng", attempts: 1)) {
      try store.removeOfficial(official.id, by: "Hằng")
    }
    try store.renameOfficial(typo.id, to: "Lò Văn Thắm", by: "Hằng", at: start)
    try store.removeOfficial(typo.id, by: "Hằng", at: start.addingTimeInterval(1))
    #expect(try store.officials().map(\.name) == ["Lò Văn Thắng"])
    let changes = try store.rosterChanges()
    #expect(changes.map(\.kind) == [.rename, .remove])
    #expect(changes.map(\.changedBy) == ["Hằng", "Hằng"])
    #expect(changes[0].oldName == "Lo Van Thang" && changes[0].newName == "Lò Văn Thắm")
    // The record is kept as written: SQLite itself refuses to change or delete it.
    _ = try? sqlite3(store.fileURL, "DELETE FROM roster_changes")
    _ = try? sqlite3(store.fileURL, "UPDATE roster_changes SET changed_by = 'x'")
    #expect(try sqlite3(store.fileURL, "SELECT count(*), min(changed_by) FROM roster_changes") == "2|Hằng")
  }

  @Test func mergingTwoEntriesMovesTheAttemptsAndALaterFileMergeNeverBringsTheEntryBack() throws {
    let folder = try TemporaryFolder()
    // A laptop in the training room: the same person registered twice, each with an attempt.
    let laptop = ResultsDirectory(url: folder.url.appendingPathComponent("laptop"))
    let room = try laptop.store(for: Commune.muongKim)
    let (kept, first) = try startQuiz(in: room, name: "Lò Văn Thắng", count: 2)
    try room.record(answer(first, 0))
    let (twice, second) = try startQuiz(in: room, name: "Lo Van Thang", count: 2, seed: 7)
    try room.record(answer(second, 0, score: 0))
    try room.record(answer(second, 1))
    // The province merges the laptop's file before anyone noticed.
    let province = folder.results
    _ = ResultsMerger(destination: province).merge(paths: [room.fileURL.path])
    // The trainer merges the two entries on the laptop, then the file goes to the province again.
    let (change, moved) = try room.mergeOnRoster(twice.id.uuidString, into: kept.id.uuidString, by: "Hằng")
    #expect(moved == 1 && change.kind == .merge)
    #expect(try room.officials().map(\.id) == [kept.id])
    #expect(try room.attempts(officialID: kept.id).count == 2)
    let report = ResultsMerger(destination: province).merge(paths: [room.fileURL.path])
    guard case .merged(_, let added, let conflicts, _) = report.files.first?.outcome else {
      Issue.record("not merged: \(report)")
      return
    }
    #expect(added.rosterChanges == 1 && conflicts.isEmpty)
    let central = try province.store(for: Commune.muongKim)
    #expect(try central.officials().map(\.id) == [kept.id])
    #expect(try central.attempts(officialID: kept.id).count == 2)
    #expect(try central.rosterChanges() == room.rosterChanges())

    // An older copy of the laptop's file (from before the roster merge) still holds the entry
    // and its attempt: merging it again brings neither the entry nor a conflict back.
    let oldFile = try makeStaleCopy(of: room, twice: twice, second: second, in: folder)
    let again = ResultsMerger(destination: province).merge(paths: [oldFile])
    guard case .merged(_, let addedAgain, let conflictsAgain, _) = again.files.first?.outcome else {
      Issue.record("not merged: \(again)")
      return
    }
    #expect(conflictsAgain.isEmpty)
    #expect(addedAgain.officials == 0)
    #expect(try central.officials().map(\.id) == [kept.id])
    #expect(try central.attempts(officialID: kept.id).count == 2)
    #expect(try central.integrityCheck().isEmpty)
  }

  /// A file as the laptop held it before the merge of entries: both entries, each with its attempt.
  func makeStaleCopy(of room: CommuneStore, twice: Official, second: Attempt, in folder: TemporaryFolder)
    throws
    -> String
  {
    let copy = ResultsDirectory(url: folder.url.appendingPathComponent("stale"))
    let store = try copy.store(for: Commune.muongKim)
    _ = try store.addOfficial(
      name: twice.name, position: twice.position, id: twice.id, createdAt: twice.createdAt)
    let attempt = try store.startAttempt(
      Attempt(
        id: second.id, officialID: twice.id, quizID: second.quizID, courseID: second.courseID,
        courseVersion: second.courseVersion, seed: second.seed, questionIDs: second.questionIDs,
        startedAt: second.startedAt))
    try store.record(answer(attempt, 0, score: 0))
    return store.fileURL.path
  }

  @Test func aClassEditedLaterWinsAMergeAndMembersAreUnited() throws {
    let folder = try TemporaryFolder()
    let laptop = ResultsDirectory(url: folder.url.appendingPathComponent("laptop"))
    let made = try twoCommuneClass(in: laptop)
    _ = try twoCommuneClass(in: folder.results)  // another class, its own id and code here
    let room = try laptop.store(for: Commune.muongKim)
    let official = try room.addOfficial(name: "Lò Văn Thắng", position: "chairman")
    try room.join(classID: made.id, officialID: official.id, at: start)
    let merger = ResultsMerger(destination: folder.results)
    _ = merger.merge(paths: [room.fileURL.path])
    let central = try folder.results.store(for: Commune.muongKim)
    #expect(try central.members(of: made.id).map(\.officialID) == [official.id])

    // Closed on the laptop later: the closing travels; merging again is idempotent.
    try laptop.closeClass(made, at: start.addingTimeInterval(7_200))
    let report = merger.merge(paths: [room.fileURL.path])
    guard case .merged(_, let added, let conflicts, _) = report.files.first?.outcome else {
      Issue.record("not merged: \(report)")
      return
    }
    #expect(added.classesUpdated == 1 && conflicts.isEmpty)
    #expect(try central.trainingClass(id: made.id)?.isOpen == false)
    let twice = merger.merge(paths: [room.fileURL.path])
    guard case .merged(_, let none, _, _) = twice.files.first?.outcome else { return }
    #expect(none.isEmpty)

    // An older version (still open) merged afterwards does not reopen it.
    var reopened = made
    reopened.updatedAt = start.addingTimeInterval(60)
    let old = ResultsDirectory(url: folder.url.appendingPathComponent("old"))
    try old.saveClass(reopened)
    _ = merger.merge(paths: [old.fileURL(for: Commune.muongKim).path])
    #expect(try central.trainingClass(id: made.id)?.isOpen == false)
  }
}

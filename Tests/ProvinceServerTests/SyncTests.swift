import Access
import Foundation
import Gradebook
import PapiTrainTesting
import ProvinceServerTesting
import SyncProtocol
import Testing
import Units

/// Enrolment and push through the real binaries: papi-server on a real PostgreSQL, papi-train on
/// a commune machine's results.
@Suite(.serialized, .enabled(if: serverTestsCanRun)) struct SyncTests {
  @Test func aMachineEnrolledWithACodePushesEveryResultOnceAndOnlyWhatIsNew() throws {
    let province = try Province()
    let answers = try province.generateResults()
    try province.enrolMachine()
    #expect(try province.count("SELECT count(*) FROM devices WHERE commune_code = '03388'") == 1)

    let first = try province.papiTrain(["sync"])
    #expect(first.status == 0, "\(first.output) \(first.error)")
    #expect(first.output.contains("Sent \(answers) answers"))
    #expect(first.error.isEmpty, "quiet through a pipe: \(first.error)")
    #expect(try province.count("SELECT count(*) FROM answers") == answers)
    #expect(
      try province.count("SELECT count(*) FROM answers_p12") == answers, "stored in Lai Châu's partition")
    #expect(try province.count("SELECT count(*) FROM officials") == 6)
    #expect(try province.count("SELECT count(*) FROM attempts") == 24)

    let again = try province.papiTrain(["sync"])
    #expect(again.status == 0)
    #expect(again.output.contains("The server has every result of commune 03388"), "\(again.output)")
    #expect(try province.count("SELECT count(*) FROM answers") == answers)

    // A new official's attempt: only it goes.
    let store = try ResultsDirectory(url: province.results).store(for: try .init("03388"))
    let official = try store.addOfficial(name: "Lò Văn Thắng", position: "chairman")
    let template = try #require(try store.allAttempts().first)
    let questions = template.questionIDs.prefix(2)
    let attempt = try store.startAttempt(
      Attempt(
        officialID: official.id, quizID: template.quizID, courseID: template.courseID,
        courseVersion: template.courseVersion, seed: 3, questionIDs: Array(questions), startedAt: Date()))
    for (position, question) in questions.enumerated() {
      try store.record(
        Answer(
          attemptID: attempt.id, questionID: question, position: position,
          response: "'; DROP TABLE answers; --",
          score: 0, isCorrect: false, timeTaken: 4, answeredAt: Date()))
    }
    let third = try province.papiTrain(["sync"])
    #expect(third.status == 0, "\(third.output) \(third.error)")
    #expect(third.output.contains("Sent 2 answers"), "\(third.output)")
    #expect(try province.count("SELECT count(*) FROM answers") == answers + 2)
    #expect(
      try province.count("SELECT count(*) FROM answers WHERE response = '''; DROP TABLE answers; --'") == 2,
      "SQL-looking text is stored as text")

    // Finishing the attempt adds no answer, but the server learns its state.
    _ = try store.finishAttempt(attempt.id, score: 0, maxScore: 2, at: Date())
    let fourth = try province.papiTrain(["sync"])
    #expect(fourth.status == 0, "\(fourth.output) \(fourth.error)")
    #expect(
      try province.count(
        "SELECT count(*) FROM attempts WHERE id = '\(attempt.id.uuidString)' AND status = 'finished'")
        == 1)
  }

  @Test func anEnrolmentCodeServesOnceAndOnlyBeforeItExpires() async throws {
    let province = try Province()
    let code = try province.enrolmentCode()
    let key = try province.machineKey()
    let request = try EnrolmentRequest.make(code: code, key: key, machine: "may-xa")
    let first = try await province.request("POST", "/v1/enrol", body: try JSONEncoder().encode(request))
    #expect(first.status == 201)
    let other = try province.strangerKey()
    let second = try await province.request(
      "POST", "/v1/enrol",
      body: try JSONEncoder().encode(try EnrolmentRequest.make(code: code, key: other, machine: "khac")))
    #expect(second.status == 403)
    #expect(errorCode(second.body) == "bad-enrolment-code")

    let expired = try province.enrolmentCode()
    try province.cluster.psql(
      province.database, "UPDATE enrolment_codes SET expires_at = now() - interval '1 second'")
    let late = try await province.request(
      "POST", "/v1/enrol",
      body: try JSONEncoder().encode(try EnrolmentRequest.make(code: expired, key: other, machine: "khac")))
    #expect(late.status == 403)

    // A code signed by another key than the one it registers proves nothing.
    let fresh = try province.enrolmentCode()
    var forged = try EnrolmentRequest.make(code: fresh, key: other, machine: "khac")
    forged.publicKey = key.publicKeyText
    let refused = try await province.request("POST", "/v1/enrol", body: try JSONEncoder().encode(forged))
    #expect(refused.status == 422)

    let unknown = try province.papiServer(["enrol", "--commune", "99999"])
    #expect(unknown.status == 1)
    #expect(unknown.error.contains("99999"))
  }

  @Test func aRevokedMachineIsRefusedAndTheListSaysSo() async throws {
    let province = try Province()
    try province.generateResults(officials: 1, attempts: 1)
    try province.enrolMachine()
    let key = try province.machineKey()
    let listed = try province.papiServer(["devices", "list"])
    #expect(listed.output.contains(key.publicKeyText))
    let revoked = try province.papiServer(["devices", "revoke", String(key.publicKeyText.prefix(10))])
    #expect(revoked.status == 0, "\(revoked.error)")
    let state = try await province.signed("GET", "/v1/sync/state", key: key)
    #expect(state.status == 403)
    #expect(errorCode(state.body) == "revoked-key")
    let sync = try province.papiTrain(["sync"])
    #expect(sync.status == 1)
    #expect(sync.error.contains("revoked"), "\(sync.error)")
    #expect(try province.count("SELECT count(*) FROM answers") == 0)
  }

  /// A commune's classes, who joined them, and its roster's renames, removals and merges reach the
  /// server with sync, and later changes to them too.
  @Test func classesMembershipsAndRosterChangesTravelWithSync() throws {
    let province = try Province()
    try province.generateResults(officials: 3, attempts: 2)
    try province.enrolMachine()
    let directory = ResultsDirectory(url: province.results)
    let commune = try CommuneCode(Province.commune)
    let store = try directory.store(for: commune)
    let made = try directory.createClass(
      TrainingClass(
        title: "Tập huấn một cửa", trainer: "Nguyễn Thị Hằng", date: "2026-12-03", endDate: "2026-12-04",
        place: "Hội trường xã", communeCodes: [commune, try CommuneCode("03390")]),
      placeName: "Lai Châu")
    let roster = try store.officials()
    for official in roster.prefix(2) { try store.join(classID: made.id, officialID: official.id) }
    let typo = try store.addOfficial(name: "Nguyen Thi Hao", position: "chairman")
    let mistake = try store.addOfficial(name: "Đăng ký nhầm", position: "chairman")
    let twice = try store.addOfficial(name: "Lò Văn Thắng (2)", position: "chairman")
    try store.join(classID: made.id, officialID: twice.id)
    let template = try #require(try store.allAttempts().first)
    let attempt = try store.startAttempt(
      Attempt(
        officialID: twice.id, quizID: template.quizID, courseID: template.courseID,
        courseVersion: template.courseVersion, classID: made.id, seed: 5, questionIDs: template.questionIDs,
        startedAt: Date()))

    let first = try province.papiTrain(["sync"])
    #expect(first.status == 0, "\(first.output) \(first.error)")
    let classCount = try store.classes().count
    #expect(try province.count("SELECT count(*) FROM classes") == classCount)
    #expect(
      try province.count(
        "SELECT count(*) FROM classes WHERE id = '\(made.id.uuidString)' AND code = '\(made.label)' AND status = 'open' AND opened_at = '2026-12-03' AND ends_on = '2026-12-04' AND commune_code = '03388'"
      ) == 1)
    #expect(
      try province.count("SELECT count(*) FROM class_communes WHERE class_id = '\(made.id.uuidString)'") == 2)
    #expect(
      try province.count("SELECT count(*) FROM class_members WHERE class_id = '\(made.id.uuidString)'") == 3)
    #expect(
      try province.count("SELECT count(*) FROM attempts WHERE class_id = '\(made.id.uuidString)'") == 1)
    #expect(
      try province.count("SELECT count(*) FROM attempts a JOIN classes c ON c.id = a.class_id")
        == (try store.allAttempts()).filter { $0.classID != nil }.count,
      "every class an attempt names is on the server")

    // Renamed, removed, merged and the class closed on the machine: the next sync carries it all.
    let keptID = roster[2].id
    try store.renameOfficial(typo.id, to: "Nguyễn Thị Hảo", by: "Nguyễn Thị Hằng")
    try store.removeOfficial(mistake.id, by: "Nguyễn Thị Hằng")
    try store.mergeOfficial(twice.id, into: keptID, by: "Nguyễn Thị Hằng")
    try directory.closeClass(made)
    let second = try province.papiTrain(["sync"])
    #expect(second.status == 0, "\(second.output) \(second.error)")
    #expect(try province.count("SELECT count(*) FROM roster_changes") == 3)
    #expect(
      try province.count(
        "SELECT count(*) FROM officials WHERE id = '\(typo.id.uuidString)' AND name = 'Nguyễn Thị Hảo'") == 1)
    #expect(
      try province.count(
        "SELECT count(*) FROM officials WHERE id = '\(mistake.id.uuidString)' AND removed_at IS NOT NULL")
        == 1)
    #expect(
      try province.count(
        "SELECT count(*) FROM officials WHERE id = '\(twice.id.uuidString)' AND merged_into = '\(keptID.uuidString)'"
      ) == 1)
    #expect(
      try province.count(
        "SELECT count(*) FROM attempts WHERE id = '\(attempt.id.uuidString)' AND official_id = '\(keptID.uuidString)'"
      ) == 1, "the merged entry's attempt belongs to the entry kept")
    #expect(
      try province.count(
        "SELECT count(*) FROM class_members WHERE class_id = '\(made.id.uuidString)' AND official_id = '\(keptID.uuidString)'"
      ) == 1)
    #expect(
      try province.count(
        "SELECT count(*) FROM class_members WHERE official_id = '\(twice.id.uuidString)'") == 0)
    #expect(
      try province.count(
        "SELECT count(*) FROM classes WHERE id = '\(made.id.uuidString)' AND status = 'closed' AND closed_at IS NOT NULL"
      ) == 1)
    #expect(
      throws: (any Error).self, "roster changes are kept as recorded"
    ) { try province.cluster.psql(province.database, "DELETE FROM roster_changes") }

    let third = try province.papiTrain(["sync"])
    #expect(third.output.contains("The server has every result of commune 03388"), "\(third.output)")
  }

  /// The leader's decision on a class reaches the trainer: printed once by `papi-train sync`,
  /// kept in the commune's file, shown by `class show` and `class list`; a decision that breaks
  /// the rules is refused by row and column, and nothing of it is kept.
  @Test func aLeadersDecisionOnAClassIsPrintedOnceKeptAndShown() throws {
    let province = try Province()
    try province.generateResults(officials: 2, attempts: 1)
    try province.enrolMachine()
    let directory = ResultsDirectory(url: province.results)
    let made = try directory.createClass(
      TrainingClass(
        title: "Tập huấn một cửa", trainer: "Nguyễn Thị Hằng", date: "2026-12-03", place: "Hội trường xã",
        communeCodes: [try CommuneCode(Province.commune)]),
      placeName: "Lai Châu")
    #expect(try province.papiTrain(["sync"]).status == 0)
    try province.decide(
      made.id, "returned", note: "Thiếu bài cuối khoá của 2 học viên", at: "2026-12-04 09:00:00")

    let told = try province.papiTrain(["sync"])
    #expect(told.status == 0, "\(told.output) \(told.error)")
    #expect(
      told.output.contains(
        "The province returned the results of class \(made.label) (Tập huấn một cửa) for correction: Lò Văn Minh, 2026-12-04"
      ), "\(told.output)")
    #expect(told.output.contains("Note: Thiếu bài cuối khoá của 2 học viên"), "\(told.output)")
    let shown = try province.trainerCommand(["class", "show", made.label])
    #expect(
      shown.output.contains("Province: results returned for correction (Lò Văn Minh, 2026-12-04)"),
      "\(shown.output)")
    #expect(shown.output.contains("The province's note: Thiếu bài cuối khoá của 2 học viên"))
    let vietnamese = try province.trainerCommand(["class", "list"], language: "vi")
    #expect(vietnamese.output.contains("trả lại"), "\(vietnamese.output)")

    let quiet = try province.papiTrain(["sync"])
    #expect(!quiet.output.contains("returned"), "told once: \(quiet.output)")

    try province.decide(made.id, "approved", note: "", at: "2026-12-05 10:00:00")
    let approved = try province.papiTrain(["sync"])
    #expect(
      approved.output.contains("The province approved the results of class \(made.label) (Tập huấn một cửa)"),
      "\(approved.output)")
    #expect(try province.trainerCommand(["class", "list"]).output.contains("approved"))

    // A note that would steer the trainer's terminal: refused, and the approval stays.
    try province.decide(made.id, "returned", note: "xem \u{1B}[2J", at: "2026-12-06 10:00:00")
    let refused = try province.papiTrain(["sync"])
    #expect(refused.status == 1)
    #expect(refused.error.contains("reviews, row 0, column note"), "\(refused.error)")
    let file = try #require(try directory.readOnlyStore(for: try CommuneCode(Province.commune)))
    #expect(try file.leaderDecisions()[made.id]?.verdict == .approved)
  }
}

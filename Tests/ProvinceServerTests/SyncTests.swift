import Access
import Foundation
import Gradebook
import PapiTrainTesting
import ProvinceServerTesting
import SyncProtocol
import Testing

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
}

import Curriculum
import Foundation
import Gradebook
import PapiTrainTesting
import Testing
import Units
import VietnameseText

/// `papi-train report ...` on real results files, run as a leader or trainer would.
@Suite struct ReportCommandTests {
  static let library = CurriculumLoader().load(
    path: PapiTrainProcess.repositoryRoot.appendingPathComponent("Courses").path
  ).library!
  static let asOf = "2026-10-31"
  static let day = Date(timeIntervalSince1970: 1_792_000_000)  // 2026-10-15

  /// A fresh folder, removed when the test ends.
  final class Folder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "papi-report-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    var results: ResultsDirectory { ResultsDirectory(url: url.appendingPathComponent("Results")) }
  }

  /// Officials who each answer every question of `quiz`'s course in one finished attempt; the
  /// question at index i is right when `right(i)`.
  @discardableResult
  static func answer(
    _ folder: Folder, commune: String, officials names: [String], quiz: String = "oss-practice-m1",
    course: String = "one-stop-shop", count: Int = 30, right: (Int, Int) -> Bool
  ) throws -> [Official] {
    let store = try folder.results.store(for: CommuneCode(commune))
    let questions = Array(library.course(course)!.questions.map(\.id).prefix(count))
    var officials: [Official] = []
    for (number, name) in names.enumerated() {
      let official = try store.addOfficial(name: name, position: "chairman", createdAt: day)
      officials.append(official)
      let attempt = try store.startAttempt(
        Attempt(
          officialID: official.id, quizID: quiz, courseID: course, courseVersion: "1", seed: 1,
          questionIDs: questions, startedAt: day))
      for (index, question) in questions.enumerated() {
        let score: Double = right(number, index) ? 1 : 0
        try store.record(
          Answer(
            attemptID: attempt.id, questionID: question, position: index, response: "{}", score: score,
            isCorrect: score == 1, timeTaken: 4, answeredAt: day))
      }
      _ = try store.finishAttempt(attempt.id, score: 0, maxScore: Double(questions.count), at: day)
    }
    return officials
  }

  func report(_ arguments: [String], _ folder: Folder) throws -> PapiTrainProcess.Result {
    try PapiTrainProcess.run(
      ["report"] + arguments + ["--results", folder.path("Results"), "--as-of", Self.asOf],
      environment: ["XDG_CACHE_HOME": folder.path("cache")])
  }

  /// Two communes: Mường Kim strong (4 officials, 90% right), Khoen On weak (3 officials, 40%),
  /// and Bản Lang with 2 officials only (insufficient data everywhere).
  func province() throws -> Folder {
    let folder = try Folder()
    try Self.answer(folder, commune: "03637", officials: ["A Một", "A Hai", "A Ba", "A Bốn"]) { _, i in
      i % 10 != 0
    }
    try Self.answer(folder, commune: "03640", officials: ["B Một", "B Hai", "B Ba"]) { _, i in i % 5 < 2 }
    try Self.answer(folder, commune: "03643", officials: ["C Một", "C Hai"]) { _, _ in true }
    return folder
  }

  /// The table's rows of communes: each starts with its status mark and holds its officials
  /// trained of the roster (the legend's line of marks does not).
  static func rows(_ output: String) -> [String] {
    output.split(separator: "\n").map(String.init).filter {
      ["●", "◐", "○"].contains(String($0.prefix(1))) && $0.contains("/")
    }
  }

  @Test func readinessListsTheWeakestCommuneFirstWithStatusAndInsufficientData() throws {
    let folder = try province()
    let result = try report(["readiness"], folder)
    #expect(result.status == 0, "\(result.error)")
    let rows = Self.rows(result.output)
    #expect(rows.first?.contains("Khoen On") == true, "\(result.output)")
    let khoenOn = try #require(rows.first { $0.contains("Khoen On") })
    #expect(khoenOn.hasPrefix("● ") && khoenOn.hasSuffix(" 3/3 2026-10-14"), "\(khoenOn)")
    // The two-official commune has some results but no score: only dashes.
    let third = try #require(rows.first { $0.contains("03643") })
    #expect(third.hasPrefix("◐ ") && third.contains("—") && !third.contains("."), "\(third)")
    #expect(result.output.contains("chưa đủ dữ liệu (dưới 20 câu trả lời hoặc 3 cán bộ)"))
    #expect(result.output.contains("Cần bồi dưỡng — Xã Khoen On"))
  }

  @Test func everyCommuneOfTheUnitsListIsListedWithWhatItSentAndAProvinceRow() throws {
    let folder = try province()
    let result = try report(["readiness", "--lang", "en"], folder)
    #expect(result.status == 0, "\(result.error)")
    let rows = Self.rows(result.output)
    // Lai Châu's 38 communes, two with results and 36 that never sent anything, and 03643 (a
    // results file of a commune not in the list).
    #expect(rows.count == 39, "\(result.output)")
    #expect(rows.filter { $0.hasPrefix("○ ") }.count == 36)
    let binhLu = try #require(rows.first { $0.contains("Bình Lư") })
    #expect(binhLu.hasPrefix("○ ") && binhLu.hasSuffix(" 0/0          —"), "\(binhLu)")
    let provinceRow = try #require(
      result.output.split(separator: "\n").first { $0.hasPrefix("  Tỉnh Lai Châu") })
    #expect(provinceRow.hasSuffix(" 9/9 2026-10-14"), "\(provinceRow)")
    #expect(result.output.contains("Trained: 2 of 39 communes; some results: 1; no results: 36."))
    #expect(result.output.contains("■ 5.5–7.2 below the weak line"))
    for line in result.output.split(separator: "\n") where !line.hasPrefix("To train") {
      #expect(line.displayWidth <= 80, "\(line)")
    }
  }

  @Test func theProvinceAverageIsOverEveryCommuneWhateverIsShown() throws {
    let folder = try province()
    func document(_ extra: [String]) throws -> [String: Any] {
      let result = try report(["readiness", "--json"] + extra, folder)
      #expect(result.status == 0, "\(result.error)")
      return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }
    func provinceAverages(_ document: [String: Any]) throws -> [Double?] {
      let province = try #require(document["province"] as? [String: Any])
      let dimensions = try #require(province["dimensions"] as? [[String: Any]])
      return dimensions.map { $0["average"] as? Double }
    }
    let all = try document([])
    let one = try document(["--commune", "Mường Kim"])
    let limited = try document(["--limit", "1"])
    #expect(try provinceAverages(all) == provinceAverages(one))
    #expect(try provinceAverages(all) == provinceAverages(limited))
    #expect((one["communes"] as? [[String: Any]])?.map { $0["code"] as? String } == ["03637"])
    let province = try #require(all["province"] as? [String: Any])
    #expect(province["communes"] as? Int == 39 && province["trained"] as? Int == 2)
    #expect(province["noResults"] as? Int == 36 && province["name"] as? String == "Tỉnh Lai Châu")
    // Mường Kim strong, Khoen On weak: the average lies between, not on Mường Kim itself.
    let strong = try #require((one["communes"] as? [[String: Any]])?.first?["dimensions"] as? [[String: Any]])
    let d5 = try #require(strong.first { $0["code"] as? String == "D5" }?["score"] as? Double)
    let average = try #require(try provinceAverages(all)[4])
    #expect(average < d5)
    // A name that matches no commune, or several, is refused by name.
    let unknown = try report(["readiness", "--commune", "Hà Nội"], folder)
    #expect(unknown.status == 1 && unknown.error.contains("Hà Nội"))
    let several = try report(["readiness", "--commune", "Mường"], folder)
    #expect(several.status == 1 && several.error.contains("03637"), "\(several.error)")
  }

  @Test func collectionNamesTheCommunesThatHaveSentNothingSinceADay() throws {
    let folder = try province()
    let result = try report(["collection", "--since", "2026-10-15", "--lang", "en"], folder)
    #expect(result.status == 0, "\(result.error)")
    #expect(
      result.output.contains("39 of 39 communes have sent nothing since 2026-10-15:"), "\(result.output)")
    let before = try report(["collection", "--since", "2026-10-14", "--lang", "en"], folder)
    #expect(
      before.output.contains("36 of 39 communes have sent nothing since 2026-10-14:"), "\(before.output)")
    #expect(!before.output.contains("Khoen On") && before.output.contains("Xã Bình Lư (03390)"))
    #expect(before.output.contains("never"))
    let everything = try report(["collection"], folder)
    #expect(everything.output.contains("Xã Khoen On (03640)") && everything.output.contains("3/3"))
    let bad = try report(["collection", "--since", "15/10/2026"], folder)
    #expect(bad.status == 1 && bad.error.contains("15/10/2026"))
  }

  @Test func groupReportsTakeACommuneByNameToo() throws {
    let folder = try province()
    let byName = try report(["weak", "--commune", "khoen on", "--json"], folder)
    let byCode = try report(["weak", "--commune", "03640", "--json"], folder)
    #expect(byName.status == 0, "\(byName.error)")
    let strip = { (text: String) in
      text.split(separator: "\n").filter { !$0.contains("\"generatedAt\"") }.joined(separator: "\n")
    }
    #expect(strip(byName.output) == strip(byCode.output))
    let unknown = try report(["weak", "--commune", "Hà Nội"], folder)
    #expect(unknown.status == 1 && unknown.error.contains("Hà Nội"))
  }

  @Test func choosingACommuneAtTheShellAndLeavingCreatesNoFileThatWouldShowUp() throws {
    let folder = try province()
    let results = folder.path("Results")
    let left = try PapiTrainProcess.run(["--results", results], input: "binh lu\n")
    #expect(left.status == 0, "\(left.error)")
    #expect(left.output.contains("Xã Bình Lư"), "\(left.output)")
    #expect(!FileManager.default.fileExists(atPath: folder.path("Results/03390.sqlite")))
    let readiness = try report(["readiness"], folder)
    let binhLu = try #require(Self.rows(readiness.output).first { $0.contains("Bình Lư") })
    #expect(binhLu.hasPrefix("○ "), "\(binhLu)")
    // Registering is a write: then the file comes into being, with the official.
    let registered = try PapiTrainProcess.run(
      ["--results", results],
      input: ["binh lu", "Nguyễn Thị Hoa", "c", "6", "quit"].joined(separator: "\n") + "\n")
    #expect(registered.status == 0, "\(registered.error)")
    let store = try #require(try folder.results.readOnlyStore(for: CommuneCode("03390")))
    #expect(try store.officials().map(\.name) == ["Nguyễn Thị Hoa"])
  }

  @Test func theSameFilesGiveByteIdenticalReports() throws {
    let folder = try province()
    for arguments in [
      ["readiness", "--json", "--no-cache"], ["items", "--commune", "03637", "--json"],
      ["weak", "--commune", "03640", "--json"], ["readiness", "--no-cache"],
    ] {
      let first = try report(arguments, folder)
      let second = try report(arguments, folder)
      #expect(first.status == 0, "\(first.error)")
      let strip = { (text: String) in
        text.split(separator: "\n").filter { !$0.contains("\"generatedAt\"") }.joined(separator: "\n")
      }
      #expect(strip(first.output) == strip(second.output), "\(arguments)")
    }
  }

  @Test func readinessOrdersCommunesAsAsked() throws {
    let folder = try province()
    func communes(_ order: String) throws -> [(code: String, name: String, mean: Double?)] {
      let result = try report(["readiness", "--json", "--sort", order], folder)
      #expect(result.status == 0, "\(result.error)")
      let document = try #require(
        try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
      return try #require(document["communes"] as? [[String: Any]]).map { commune in
        let scores = (commune["dimensions"] as? [[String: Any]] ?? []).compactMap { $0["score"] as? Double }
        return (
          commune["code"] as? String ?? "", commune["name"] as? String ?? "",
          scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
        )
      }
    }
    let byName = try communes("name")
    #expect(byName.count == 39)
    let keys = byName.map { ($0.name.matchKey(foldingDiacritics: true), $0.code) }
    #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "\(keys)")
    for (order, sign) in [("weakest", 1.0), ("strongest", -1.0)] {
      let listed = try communes(order)
      // The two communes with scores first, by their mean; then the others (one with too few
      // answers for a score, the rest with none) by code.
      let scored = listed.prefix { $0.mean != nil }.map { sign * ($0.mean ?? 0) }
      #expect(scored.count == 2, "\(order): \(listed.prefix(4))")
      #expect(scored == scored.sorted(), "\(order)")
      let unscored = listed.dropFirst(scored.count).map(\.code)
      #expect(unscored.count == 37 && unscored == unscored.sorted(), "\(order)")
    }
    #expect(try communes("weakest").first?.code == "03640")
    #expect(try communes("strongest").first?.code == "03637")
  }

  @Test func readinessJSONNamesItsSchemaAndNeverGivesAScoreWithoutData() throws {
    let folder = try province()
    let result = try report(["readiness", "--json", "--sort", "code"], folder)
    #expect(result.status == 0, "\(result.error)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(document["schema"] as? String == "papi-train.readiness/1")
    #expect(document["asOf"] as? String == Self.asOf)
    let listed = try #require(document["communes"] as? [[String: Any]])
    // Every commune of the units list; those without results say so.
    #expect(listed.count == 39)
    #expect(listed.filter { $0["status"] as? String == "no-results" }.count == 36)
    let communes = listed.filter { ["03637", "03640", "03643"].contains($0["code"] as? String) }
    #expect(communes.map { $0["code"] as? String } == ["03637", "03640", "03643"])
    #expect(communes.map { $0["status"] as? String } == ["trained", "trained", "some-results"])
    #expect(communes[0]["trainedOfficials"] as? Int == 4 && communes[0]["rosterOfficials"] as? Int == 4)
    #expect(communes[0]["lastReceived"] as? String == "2026-10-14")
    let cells = try #require(communes[2]["dimensions"] as? [[String: Any]])
    for cell in cells {
      #expect(cell["score"] is NSNull || cell["score"] == nil)
      let mastery = try #require(cell["mastery"] as? [String: Any])
      #expect(mastery["verdict"] as? String == "insufficient-data")
    }
    #expect(communes[2]["total"] is NSNull || communes[2]["total"] == nil)
    let strong = try #require(communes[0]["dimensions"] as? [[String: Any]])
    let scored = strong.compactMap { $0["score"] as? Double }
    #expect(!scored.isEmpty && scored.allSatisfy { (1...10).contains($0) })
  }

  @Test func everyFieldOfTheJSONIsDocumented() throws {
    let folder = try province()
    let documentation = try String(
      contentsOf: PapiTrainProcess.repositoryRoot.appendingPathComponent("docs/report-json.md"),
      encoding: .utf8)
    func keys(_ value: Any) -> Set<String> {
      if let object = value as? [String: Any] {
        return Set(object.keys).union(object.values.flatMap { keys($0) })
      }
      if let array = value as? [Any] { return Set(array.flatMap { keys($0) }) }
      return []
    }
    let readiness = try report(["readiness", "--json"], folder)
    let group = try report(["weak", "--commune", "03637", "--json"], folder)
    for output in [readiness.output, group.output] {
      let document = try JSONSerialization.jsonObject(with: Data(output.utf8))
      for key in keys(document) where !key.hasPrefix("D") {
        #expect(
          documentation.contains("`\(key)`") || documentation.contains(".\(key)`")
            || documentation.contains("\(key),")
            || documentation.contains(", \(key)}") || documentation.contains("{\(key)"),
          "\(key) is not in docs/report-json.md")
      }
    }
  }

  @Test func filtersByDimensionAndShowsBarsForOneCommune() throws {
    let folder = try province()
    let result = try report(["readiness", "--commune", "03637", "--dimension", "d5", "--lang", "en"], folder)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("D5") && !result.output.contains(" D6 "))
    #expect(result.output.contains("Public Administrative Procedures"))
    #expect(result.output.contains("█"))
    let unknown = try report(["readiness", "--dimension", "D12"], folder)
    #expect(unknown.status == 1)
    #expect(unknown.error.contains("không có chỉ số 'D12'"))
  }

  @Test func priorityRankingComesFromTheProvinceScoresAndBadLinesAreLocated() throws {
    let folder = try province()
    let scores = folder.path("papi.csv")
    try "\u{FEFF}dimension,score\nD1,5.1\nD2,5.3\nD3,4.4\nD4,6.6\nD5,7.2\nD6,7.4\nD7,3.2\nD8,2.9\n".write(
      toFile: scores, atomically: true, encoding: .utf8)
    let result = try report(["readiness", "--province-scores", scores, "--json"], folder)
    #expect(result.status == 0, "\(result.error)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let priorities = try #require(document["priorities"] as? [[String: Any]])
    #expect(priorities.count == 8)
    let urgencies = priorities.compactMap { $0["urgency"] as? Double }
    #expect(urgencies == urgencies.sorted(by: >))
    try "D1,5.1\nD2,abc\n".write(toFile: scores, atomically: true, encoding: .utf8)
    let bad = try report(["readiness", "--province-scores", scores], folder)
    #expect(bad.status == 1)
    #expect(bad.error.contains("papi.csv:2: 'abc' không phải số"), "\(bad.error)")
    try "D1,11\n".write(toFile: scores, atomically: true, encoding: .utf8)
    let outside = try report(["readiness", "--province-scores", scores, "--lang", "en"], folder)
    #expect(
      outside.error.contains("papi.csv:1: score 11.0 is outside the scale 1.0–10.0"), "\(outside.error)")
  }

  @Test func theDashboardIsOneSelfContainedFileThatEscapesNames() throws {
    let folder = try province()
    let units = folder.path("units.csv")
    try """
    level,code,name,kind,parent
    province,12,Tỉnh Lai Châu,Tỉnh,
    commune,03637,<script>alert(1)</script>,Xã,12
    commune,03640,Xã Khoen On,Xã,12
    commune,03643,Xã Bản Lang,Xã,12
    """.write(toFile: units, atomically: true, encoding: .utf8)
    let html = folder.path("dashboard.html")
    let result = try report(["readiness", "--units", units, "--html", html, "--in", "12"], folder)
    #expect(result.status == 0, "\(result.error)")
    let page = try String(contentsOfFile: html, encoding: .utf8)
    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!page.contains("<script"))
    #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("src="))
    #expect(page.contains("Mức sẵn sàng PAPI — Tỉnh Lai Châu"))
    #expect(page.contains("chưa đủ dữ liệu"))
    #expect(page.contains("<svg"))
    // An unwritable destination is an error that names it, not a crash.
    let nowhere = try report(["readiness", "--html", folder.path("missing/dir/d.html")], folder)
    #expect(nowhere.status == 1)
    #expect(nowhere.error.contains("missing/dir/d.html"))
  }

  @Test func aDamagedFileIsNamedAndTheOtherCommunesAreStillReported() throws {
    let folder = try province()
    try Data("garbage".utf8).write(to: URL(fileURLWithPath: folder.path("Results/03646.sqlite")))
    let result = try report(["readiness"], folder)
    #expect(result.status == 1)
    #expect(result.error.contains("bỏ qua xã 03646"))
    #expect(result.output.contains("Khoen On"))
  }

  @Test func weakGainAndItemsReportOneGroup() throws {
    let folder = try Folder()
    // A pre-test half right and a post-test all right for three officials.
    try Self.answer(
      folder, commune: "03637", officials: ["Lò Văn Một", "Lò Văn Hai", "Lò Văn Ba"], quiz: "oss-pretest"
    ) { number, index in (index + number) % 2 == 0 }
    let store = try folder.results.store(for: CommuneCode("03637"))
    for official in try store.officials() {
      let questions = Array(Self.library.course("one-stop-shop")!.questions.map(\.id).prefix(10))
      let attempt = try store.startAttempt(
        Attempt(
          officialID: official.id, quizID: "oss-posttest", courseID: "one-stop-shop", courseVersion: "1",
          seed: 2,
          questionIDs: questions, startedAt: Self.day))
      for (index, question) in questions.enumerated() {
        try store.record(
          Answer(
            attemptID: attempt.id, questionID: question, position: index, response: "{}", score: 1,
            isCorrect: true,
            timeTaken: 3, answeredAt: Self.day))
      }
    }
    let gain = try report(["gain", "--commune", "03637"], folder)
    #expect(gain.status == 0, "\(gain.error)")
    #expect(gain.output.contains("Lò Văn Một") && gain.output.contains("100%"))
    #expect(gain.output.contains("Trung bình"))
    let weak = try report(["weak", "--commune", "03637", "--official", "lo van hai", "--json"], folder)
    #expect(weak.status == 0, "\(weak.error)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(weak.output.utf8)) as? [String: Any])
    #expect(document["schema"] as? String == "papi-train.group/1")
    #expect(document["officials"] as? Int == 1)
    #expect(document["answers"] as? Int == 40)
    let items = try report(["items", "--commune", "03637", "--quiz", "oss-pretest"], folder)
    #expect(items.status == 0, "\(items.error)")
    #expect(items.output.contains("oss-pretest · ") && items.output.contains(": 3 lượt làm bài hoàn thành"))
    #expect(items.output.contains("độ dễ") && items.output.contains("chưa đủ dữ liệu"))
    let noScope = try report(["weak"], folder)
    #expect(noScope.status == 1 && noScope.error.contains("--commune"))
    let nobody = try report(["weak", "--commune", "03637", "--official", "Không Ai"], folder)
    #expect(nobody.status == 1 && nobody.error.contains("không có cán bộ 'Không Ai'"))
    let badDate = try report(["gain", "--commune", "03637", "--from", "15/10/2026"], folder)
    #expect(badDate.status == 1 && badDate.error.contains("YYYY-MM-DD"))
  }
}

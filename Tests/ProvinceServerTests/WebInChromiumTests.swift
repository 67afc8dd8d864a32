import Foundation
import PapiTrainTesting
import ProvinceServerTesting
import Testing

/// The leaders' pages as a leader uses them: headless Chromium (Debian's, driven by
/// scripts/browse.py over its DevTools pipe) signs in, opens the reporting rate and the approval
/// page, approves a class, and the test reads what each page showed.
@Suite(.serialized, .enabled(if: serverTestsCanRun)) struct WebInChromiumTests {
  /// One page as Chromium had it.
  struct Page: Decodable {
    var url: String
    var html: String
  }

  /// Runs scripts/browse.py over `steps`; the pages it kept, by name. Screenshots go to `folder`.
  static func browse(_ steps: [[String: String]], in folder: TemporaryFolder) throws -> [String: Page] {
    let stepsFile = folder.path("steps.json")
    try JSONSerialization.data(withJSONObject: steps).write(to: URL(fileURLWithPath: stepsFile))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", Repository.root.appendingPathComponent("scripts/browse.py").path, stepsFile, folder.url.path,
    ]
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let problem = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "browse.py: \(problem)")
    return try JSONDecoder().decode([String: Page].self, from: data)
  }

  @Test func aLeaderSignsInSeesTheCommunesAndApprovesAClass() throws {
    let province = try Province()
    try province.generateResults(officials: 4, attempts: 2)
    try province.enrolMachine()
    // The machine's class, on the server before the attempts that name it.
    let machineClass = try #require(try province.machineClasses().first)
    try province.insertClass(code: machineClass.code, id: machineClass.id)
    let sync = try province.papiTrain(["sync"])
    #expect(sync.status == 0, "\(sync.output) \(sync.error)")
    try province.addLeader()
    let code = machineClass.code
    let base = province.server.url
    let folder = try TemporaryFolder("papi-web-chromium")
    let pages = try Self.browse(
      [
        ["go": base + "/leaders/reporting"], ["dump": "start"],
        ["fill": "#name", "value": "lanh.dao"], ["fill": "#passphrase", "value": Province.leaderPassphrase],
        ["click": "#sign-in"], ["dump": "reporting"], ["shot": "reporting.png"],
        ["go": base + "/leaders/classes"], ["dump": "classes"],
        ["click": "[id=\"approve-\(code)\"]"], ["dump": "approved"], ["shot": "classes.png"],
      ], in: folder)

    let start = try #require(pages["start"])
    #expect(start.url.hasSuffix("/leaders/sign-in"), "no session: the sign-in form (\(start.url))")
    #expect(start.html.contains("Đăng nhập dành cho lãnh đạo tỉnh"))

    let reporting = try #require(pages["reporting"])
    #expect(reporting.url.hasSuffix("/leaders/reporting"))
    let row = try #require(Self.row(of: "data-commune=\"03388\"", in: reporting.html))
    #expect(row.contains("Phường Đoàn Kết") && row.contains("đã gửi"), "\(row)")
    let trained = try province.count(
      "SELECT count(DISTINCT official_id) FROM attempts WHERE status = 'finished' AND quiz_id NOT LIKE '%#review'"
    )
    #expect(trained > 0)
    #expect(row.contains("<td>\(trained)/4</td>"), "officials trained of the roster: \(row)")
    #expect(reporting.html.contains("chưa đăng ký máy"), "communes of the list that never sent")
    #expect(reporting.html.contains("lanh.dao"))

    let classes = try #require(pages["classes"])
    let waiting = try #require(Self.row(of: "data-class=\"\(code)\"", in: classes.html))
    #expect(waiting.contains("chờ duyệt") && waiting.contains("Giàng A Páo"), "\(waiting)")
    let attempts = try province.count(
      "SELECT count(*) FROM attempts WHERE class_id = '\(machineClass.id.uuidString.lowercased())'")
    #expect(
      attempts > 0 && waiting.contains(" / \(attempts)</td>"), "the class's synced attempts: \(waiting)")

    let approved = try #require(pages["approved"])
    #expect(approved.url.contains("/leaders/classes?approved="), "\(approved.url)")
    #expect(approved.html.contains("Đã duyệt kết quả lớp \(code)."))
    let done = try #require(Self.row(of: "data-class=\"\(code)\"", in: approved.html))
    #expect(done.contains("đã duyệt (lanh.dao"), "\(done)")
    #expect(!done.contains("approve-"), "no approve button once approved")
    #expect(
      try province.count(
        "SELECT count(*) FROM class_reviews WHERE class_id = '\(machineClass.id.uuidString.lowercased())' AND decision = 'approved'"
      )
        == 1)
    for shot in ["reporting.png", "classes.png"] {
      let data = try #require(FileManager.default.contents(atPath: folder.path(shot)))
      #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(shot) is a PNG")
    }
  }

  /// The table row whose opening tag holds `marker`.
  static func row(of marker: String, in html: String) -> String? {
    guard let start = html.range(of: marker),
      let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex)
    else { return nil }
    return String(html[start.lowerBound..<end.upperBound])
  }
}

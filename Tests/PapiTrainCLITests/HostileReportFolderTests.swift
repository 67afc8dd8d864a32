import Foundation
import PapiTrainTesting
import Testing

/// A results folder a leader was sent is read as merge reads files from outside: `report` checks
/// every file it opens (`UntrustedResultsFile`), refuses a hostile one by name with the reason,
/// still reports the good ones, leaves every file as it was and its TMPDIR empty.
@Suite(.serialized) struct HostileReportFolderTests {
  /// The province of ReportCommandTests with Khoen On's file given a trigger of the sender's
  /// choosing and Bản Lang's a score of 1000; the bytes of both as they were made.
  func hostileProvince() throws -> (ReportCommandTests.Folder, [String: Data]) {
    let folder = try ReportCommandTests().province()
    let edits = [
      "03640": "CREATE TRIGGER evil AFTER INSERT ON answers BEGIN DELETE FROM officials; END;",
      "03643": "UPDATE answers SET score = 1000 WHERE rowid = 1;",
    ]
    var bytes: [String: Data] = [:]
    for (code, sql) in edits {
      let path = folder.path("Results/\(code).sqlite")
      let said = try HostileResultsFileTests.sqlite3CLI(path, ".dbconfig enable_trigger off", sql)
      #expect(!said.contains("Error"), "\(said)")
      bytes[code] = try Data(contentsOf: URL(fileURLWithPath: path))
    }
    try FileManager.default.createDirectory(atPath: folder.path("tmp"), withIntermediateDirectories: true)
    return (folder, bytes)
  }

  func report(_ arguments: [String], _ folder: ReportCommandTests.Folder) throws -> PapiTrainProcess.Result {
    try PapiTrainProcess.run(
      ["report"] + arguments + ["--results", folder.path("Results"), "--as-of", ReportCommandTests.asOf],
      environment: ["XDG_CACHE_HOME": folder.path("cache"), "TMPDIR": folder.path("tmp")])
  }

  @Test func readinessRefusesTheHostileFilesByNameAndReportsTheGoodOne() throws {
    let (folder, bytes) = try hostileProvince()
    let result = try report(["readiness", "--lang", "en"], folder)
    #expect(result.status == 1)
    #expect(result.error.contains("left out commune 03640"), "\(result.error)")
    #expect(result.error.contains("03640.sqlite: the schema is not that of a results file"))
    #expect(result.error.contains("evil"))
    #expect(result.error.contains("left out commune 03643"))
    #expect(result.error.contains("03643.sqlite: invalid values"))
    // The good commune is reported with its figures; the refused ones are not read.
    let rows = ReportCommandTests.rows(result.output)
    #expect(rows.contains { $0.contains("Mường Kim") && $0.contains("4/4") }, "\(rows)")
    #expect(!rows.contains { $0.contains("Khoen On") && $0.hasPrefix("●") })
    for (code, data) in bytes {
      #expect(FileManager.default.contents(atPath: folder.path("Results/\(code).sqlite")) == data)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("tmp")).isEmpty)

    // JSON names the refusals the same way; a second run (cache warm) too.
    // The JSON document lists the refused files among its failures.
    let json = try report(["readiness", "--json", "--lang", "en"], folder)
    #expect(json.output.contains("03640.sqlite: the schema is not that of a results file"))
    let again = try report(["readiness", "--lang", "en"], folder)
    #expect(again.error.contains("left out commune 03640") && again.error.contains("left out commune 03643"))
  }

  @Test func aGroupReportOnAHostileFileRefusesItByName() throws {
    let (folder, bytes) = try hostileProvince()
    for kind in ["weak", "items"] {
      let result = try report([kind, "--commune", "03640", "--lang", "en"], folder)
      #expect(result.status != 0)
      #expect(
        result.error.contains("03640.sqlite: the schema is not that of a results file"), "\(result.error)")
    }
    let good = try report(["weak", "--commune", "03637", "--lang", "en"], folder)
    #expect(good.status == 0, "\(good.error)")
    #expect(FileManager.default.contents(atPath: folder.path("Results/03640.sqlite")) == bytes["03640"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("tmp")).isEmpty)
  }

  /// Runs papi-train in `folder` with its own TMPDIR (which must be left empty) and times as the
  /// class has them.
  func run(_ arguments: [String], _ folder: ReportCommandTests.Folder) throws -> PapiTrainProcess.Result {
    try PapiTrainProcess.run(
      arguments + ["--results", folder.path("Results"), "--lang", "en"],
      environment: ["TZ": "Asia/Ho_Chi_Minh", "TMPDIR": folder.path("tmp")])
  }

  @Test func exportAndNeedsHelpLeaveOutAHostileFileByNameAndReportTheRest() throws {
    // The class of ExportCommandTests: three officials in 03637, two in 03640, whose file is
    // given a trigger of the sender's choosing.
    let folder = try ExportCommandTests().classFolder()
    try FileManager.default.createDirectory(atPath: folder.path("tmp"), withIntermediateDirectories: true)
    let hostile = folder.path("Results/03640.sqlite")
    let said = try HostileResultsFileTests.sqlite3CLI(
      hostile, "CREATE TRIGGER evil AFTER INSERT ON answers BEGIN DELETE FROM officials; END;")
    #expect(!said.contains("Error"), "\(said)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: hostile))
    func expectRefusalOf03640(_ result: PapiTrainProcess.Result) {
      #expect(result.status == 1)
      #expect(result.error.contains("left out commune 03640"), "\(result.error)")
      #expect(
        result.error.contains("\(hostile): the schema is not that of a results file"), "\(result.error)")
      #expect(result.error.contains("evil"))
    }

    let output = folder.path("class.csv")
    let export = try run(
      ["export", "--class", ExportCommandTests.classID, "--table", "scores", "--output", output], folder)
    expectRefusalOf03640(export)
    #expect(export.output.contains("3 officials, 3 attempts, 12 answers, 1 commune."), "\(export.output)")
    let scores = try String(contentsOfFile: output, encoding: .utf8)
    #expect(scores.contains("Nguyễn Thị Hoa") && scores.contains("Lò Văn Thắng"))
    #expect(!scores.contains("Hoàng Thị Mai") && !scores.contains("Trần"))

    let needsHelp = try run(["report", "needs-help", "--class", ExportCommandTests.classID], folder)
    expectRefusalOf03640(needsHelp)
    #expect(needsHelp.output.hasPrefix("Officials who need help: "), "\(needsHelp.output)")
    #expect(needsHelp.output.contains(" of 3 "), "\(needsHelp.output)")

    // With 03637's file refused too (a score of 1000), nothing is read and nothing is written.
    let other = folder.path("Results/03637.sqlite")
    let changed = try HostileResultsFileTests.sqlite3CLI(
      other, ".dbconfig enable_trigger off", "UPDATE answers SET score = 1000 WHERE rowid = 1;")
    #expect(!changed.contains("Error"), "\(changed)")
    let none = try run(
      ["export", "--commune", "03637", "--commune", "03640", "--output", folder.path("none.xlsx")], folder)
    expectRefusalOf03640(none)
    #expect(none.error.contains("left out commune 03637") && none.error.contains("\(other): invalid values"))
    #expect(none.error.contains("every results file chosen was refused"), "\(none.error)")
    #expect(!FileManager.default.fileExists(atPath: folder.path("none.xlsx")))

    #expect(FileManager.default.contents(atPath: hostile) == bytes)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("tmp")).isEmpty)
  }
}

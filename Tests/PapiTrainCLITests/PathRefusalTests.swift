import Foundation
import PapiTrainTesting
import Testing

/// Names and codes never become paths unchecked: at every entry point a commune code or a file's
/// stated commune such as ../../x is refused, and nothing is written outside the results folder.
@Suite struct PathRefusalTests {
  let home = FileManager.default.temporaryDirectory.appendingPathComponent("papi-paths-\(UUID().uuidString)")
  var results: URL { home.appendingPathComponent("deep/er/Results") }
  static let hostile = ["../../x", "03390/../../y", "/tmp/x", "..", "03390.sqlite"]

  /// Every file under the test's folder, relative to it.
  func everything() throws -> [String] {
    guard FileManager.default.fileExists(atPath: home.path) else { return [] }
    return try FileManager.default.subpathsOfDirectory(atPath: home.path).sorted()
  }

  @Test(arguments: hostile)
  func aHostileCommuneCodeIsRefusedByEveryCommand(code: String) throws {
    let commands: [[String]] = [
      ["roster", "list", "--commune", code],
      ["roster", "add", "--commune", code, "--position", "chairman", "Lò Văn A"],
      ["roster", "import", "--commune", code, "/dev/null"],
      ["report", "weak", "--commune", code],
      ["report", "readiness", "--in", code],
      ["export", "--commune", code, "--output", home.appendingPathComponent("out.xlsx").path],
    ]
    for command in commands {
      let run = try PapiTrainProcess.run(command + ["--results", results.path])
      #expect(run.status != 0, "\(command)")
      #expect(run.error.contains("'\(code)' không hợp lệ"), "\(command): \(run.error)")
    }
    // The shell: on the command line and typed at its prompt, the code is a name it does not know.
    let shell = try PapiTrainProcess.run(
      ["--courses", miniCourse, "--results", results.path, "--commune", code], input: "\(code)\n")
    #expect(shell.status == 0)
    #expect(
      shell.output.components(separatedBy: "Không tìm thấy xã/phường '\(code)'").count == 3, "\(shell.output)"
    )
    #expect(try everything().isEmpty)
  }

  @Test func aResultsFileStatingAHostileCommuneIsRefusedByMerge() throws {
    // A real results file, then its stated commune changed to a path, under a name that is no code.
    let elsewhere = home.appendingPathComponent("elsewhere")
    let made = try PapiTrainProcess.run(
      ["--courses", miniCourse, "--results", elsewhere.path, "--commune", "03390", "--official", "Lò Văn B"],
      input: "c\n1\nquit\n")
    #expect(made.status == 0)
    let stated = elsewhere.appendingPathComponent("03390.sqlite")
    let renamed = elsewhere.appendingPathComponent("..x.sqlite")
    _ = try sqlite3(stated, "UPDATE meta SET value = '../../x' WHERE key = 'commune_code'")
    try FileManager.default.moveItem(at: stated, to: renamed)
    let before = try everything()
    let run = try PapiTrainProcess.run(["merge", "--results", results.path, renamed.path])
    #expect(run.status == 1, "\(run.output)\(run.error)")
    #expect(run.error.contains("..x.sqlite"), "\(run.error)")
    #expect(try everything().filter { !$0.hasPrefix("deep") } == before.filter { !$0.hasPrefix("deep") })
    #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("x").path))
    #expect(!FileManager.default.fileExists(atPath: results.appendingPathComponent("..x.sqlite").path))
  }

  @Test func aUnitsFileWithAHostileCodeIsRefusedByLineAndNeverUsed() throws {
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    let units = home.appendingPathComponent("units.csv")
    try "level,code,name,kind,parent\nprovince,12,Tỉnh Lai Châu,Tỉnh,\ncommune,../../x,Xã Mới,Xã,12\n".write(
      to: units, atomically: true, encoding: .utf8)
    let list = try PapiTrainProcess.run(["units", "list", "--units", units.path])
    #expect(list.status == 1)
    #expect(list.error.contains("units.csv:3"), "\(list.error)")
    let shell = try PapiTrainProcess.run(
      ["--courses", miniCourse, "--units", units.path, "--results", results.path, "--commune", "Xã Mới"],
      input: "")
    #expect(shell.status == 1)
    #expect(shell.error.contains("units.csv:3"), "\(shell.error)")
    let imported = try PapiTrainProcess.run(
      ["units", "import", units.path, "--output", home.appendingPathComponent("out.csv").path])
    #expect(imported.status == 1)
    #expect(try everything() == ["units.csv"])
  }
}

import Foundation
import PapiTrainTesting
import Testing

/// The real binary remembers the results files it checked (`$XDG_CACHE_HOME/papi-train/
/// checked-files`): exports and reports check an unchanged file once, a file written in place
/// after its check is checked again and refused by name, a damaged list is ignored with nothing
/// lost, and TMPDIR is left empty. Which files were checked in full is read from the log
/// `PAPI_CHECK_LOG` names (one path a line), not from timings.
@Suite(.serialized) struct CheckedFilesCommandTests {
  @Test func anUnchangedFileIsCheckedOnceAndAChangedOneAgain() throws {
    let folder = try ExportCommandTests().classFolder()
    try FileManager.default.createDirectory(atPath: folder.path("tmp"), withIntermediateDirectories: true)
    // Left alone long enough for a check to be remembered (CheckedFiles.settling, 3 s).
    Thread.sleep(forTimeInterval: 3.2)
    let log = folder.path("checks.log")
    func run(_ arguments: [String]) throws -> PapiTrainProcess.Result {
      try PapiTrainProcess.run(
        arguments + ["--results", folder.path("Results"), "--lang", "en"],
        environment: [
          "TZ": "Asia/Ho_Chi_Minh", "TMPDIR": folder.path("tmp"), "XDG_CACHE_HOME": folder.path("cache"),
          "PAPI_CHECK_LOG": log,
        ])
    }
    func checked() -> [String] {
      ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map {
        String($0.split(separator: "/").last ?? "")
      }
    }
    func export(_ name: String) throws -> PapiTrainProcess.Result {
      try run(
        ["export", "--class", ExportCommandTests.classID, "--table", "scores", "--output", folder.path(name)])
    }

    let first = try export("first.csv")
    #expect(first.status == 0, "\(first.error)")
    #expect(checked().sorted() == ["03637.sqlite", "03640.sqlite"])
    let second = try export("second.csv")
    #expect(second.status == 0, "\(second.error)")
    let needsHelp = try run(["report", "needs-help", "--class", ExportCommandTests.classID])
    #expect(needsHelp.status == 0, "\(needsHelp.error)")
    let items = try run(["report", "items", "--class", ExportCommandTests.classID])
    #expect(items.status == 0, "\(items.error)")
    #expect(checked().count == 2, "\(checked())")
    #expect(
      FileManager.default.contents(atPath: folder.path("first.csv"))
        == FileManager.default.contents(atPath: folder.path("second.csv")))

    // A row written over in place, triggers off, the modification time put back: same inode,
    // same size, a new change time.
    let path = folder.path("Results/03640.sqlite")
    let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate]
    let said = try HostileResultsFileTests.sqlite3CLI(
      path, ".dbconfig enable_trigger off", "UPDATE answers SET score = 1000 WHERE rowid = 1;")
    #expect(!said.contains("Error"), "\(said)")
    try FileManager.default.setAttributes([.modificationDate: modified!], ofItemAtPath: path)
    let tampered = try export("tampered.csv")
    #expect(tampered.status == 1)
    #expect(tampered.error.contains("left out commune 03640"), "\(tampered.error)")
    #expect(tampered.error.contains("\(path): invalid values"), "\(tampered.error)")
    #expect(checked().count == 3 && checked().last == "03640.sqlite", "\(checked())")

    // A damaged list: nothing remembered is trusted, the report still reads every good file.
    let list = folder.path("cache/papi-train/checked-files")
    #expect(try String(contentsOfFile: list, encoding: .utf8).hasPrefix("papi-train checked files v1\n"))
    try Data("papi-train checked files v1\n\u{0}\u{1}garbage\tline\n".utf8).write(
      to: URL(fileURLWithPath: list))
    let afterDamage = try export("after.csv")
    #expect(afterDamage.status == 1)
    #expect(afterDamage.error.contains("left out commune 03640"), "\(afterDamage.error)")
    #expect(afterDamage.output.contains("3 officials"), "\(afterDamage.output)")
    #expect(checked().count == 5, "\(checked())")
    let rewritten = try String(contentsOfFile: list, encoding: .utf8)
    #expect(rewritten.contains("03637.sqlite") && !rewritten.contains("garbage"))

    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("tmp")).isEmpty)
  }
}

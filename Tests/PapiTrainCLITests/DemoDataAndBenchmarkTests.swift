import Foundation
import PapiTrainTesting
import Testing

/// `papi-train demo-data` on real files, and the benchmark harness at smoke sizes so it cannot rot.
@Suite struct DemoDataAndBenchmarkTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("papi-demo-\(UUID().uuidString)")

  @Test func demoDataIsAProvinceOfRealQuizzesThatRepeatsWithItsSeed() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    var contents: [String] = []
    for run in ["a", "b"] {
      let results = folder.appendingPathComponent(run)
      let written = try PapiTrainProcess.run([
        "demo-data", "--results", results.path, "--communes", "40", "--officials", "3", "--attempts", "6",
        "--seed", "4", "--units-out", folder.appendingPathComponent("units-\(run).csv").path, "--lang", "en",
      ])
      #expect(written.status == 0, "\(written.error)")
      #expect(written.output.contains("Wrote 40 communes, 120 officials, 720 attempts"))
      let file = results.appendingPathComponent("03390.sqlite")
      contents.append(
        try sqlite3(file, "SELECT group_concat(name || position, ';') FROM officials")
          + (try sqlite3(file, "SELECT count(*), sum(score) FROM answers")))
      #expect(try sqlite3(file, "PRAGMA integrity_check") == "ok")
    }
    #expect(contents[0] == contents[1])
    let units = try String(contentsOf: folder.appendingPathComponent("units-a.csv"), encoding: .utf8)
    #expect(units.contains("commune,03390,Xã Bình Lư,Xã,12"))
    #expect(units.contains("commune,90000,"))
    // Pre-tests are weaker than post-tests over the province.
    let results = folder.appendingPathComponent("a")
    var pre = 0.0
    var post = 0.0
    for name in try FileManager.default.contentsOfDirectory(atPath: results.path)
    where name.hasSuffix(".sqlite") {
      let file = results.appendingPathComponent(name)
      pre += Double(try sqlite3(file, "SELECT total(score) FROM attempts WHERE quiz_id LIKE '%pretest'")) ?? 0
      post +=
        Double(try sqlite3(file, "SELECT total(score) FROM attempts WHERE quiz_id LIKE '%posttest'")) ?? 0
    }
    #expect(pre < post)
    // Demo data never mixes with results already there.
    let again = try PapiTrainProcess.run([
      "demo-data", "--results", results.path, "--communes", "2", "--lang", "en",
    ])
    #expect(again.status == 1)
    #expect(again.error.contains("already holds results"))
  }

  @Test func theBenchmarkHarnessRunsEveryCaseAtSmokeSizes() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", PapiTrainProcess.repositoryRoot.appendingPathComponent("Benchmarks/run").path, "--smoke",
      "--binary", PapiTrainProcess.productsDirectory.appendingPathComponent("papi-train").path,
    ]
    process.currentDirectoryURL = PapiTrainProcess.repositoryRoot
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(output)")
    #expect(output.contains("papi-train") && output.contains("peer / target"))
    for (number, peer) in [
      ("1", "PyYAML"), ("2", "sqlite3"), ("3", "sqlite3"), ("4", "target 1 s"), ("5", "target"),
      ("6", "lint same"),
    ] {
      let lines = output.split(separator: "\n").filter { $0.hasPrefix(number + " ") }
      #expect(!lines.isEmpty, "case \(number) printed nothing:\n\(output)")
      #expect(lines.contains { $0.contains(peer) }, "case \(number) has no peer column:\n\(output)")
    }
  }
}

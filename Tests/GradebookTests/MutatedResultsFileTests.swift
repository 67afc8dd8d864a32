import Assessment
import Foundation
import PapiTrainTesting
import Testing
import Units

@testable import Gradebook

/// A brief fuzz run on every test run: a sound results file with seeded random damage (bytes
/// overwritten, runs zeroed, pages swapped, the file cut short) is handed to merge, which must
/// merge it or refuse it by name, never crash or hang, and leave no private copy behind. The
/// same damage, driven by libFuzzer for longer, is Fuzz/'s FuzzResultsFile (`scripts/fuzz`).
@Suite struct MutatedResultsFileTests {
  /// `bytes` damaged in one of four ways chosen by `generator`.
  static func mutated(_ bytes: [UInt8], _ generator: inout SeededGenerator) -> [UInt8] {
    var bytes = bytes
    switch Int.random(in: 0..<4, using: &generator) {
    case 0:
      for _ in 0..<Int.random(in: 1...16, using: &generator) {
        bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(
          in: 0...255, using: &generator)
      }
    case 1:
      let start = Int.random(in: 0..<bytes.count, using: &generator)
      let end = min(bytes.count, start + Int.random(in: 1...512, using: &generator))
      for index in start..<end { bytes[index] = 0 }
    case 2:
      let pages = bytes.count / 4_096
      if pages >= 2 {
        let a = Int.random(in: 0..<pages, using: &generator) * 4_096
        let b = Int.random(in: 0..<pages, using: &generator) * 4_096
        for offset in 0..<4_096 { bytes.swapAt(a + offset, b + offset) }
      }
    default:
      bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
    }
    return bytes
  }

  @Test func mergeNeverCrashesOnADamagedFileAndRefusesItByName() throws {
    let folder = try TemporaryFolder()
    let (laptop, _) = try MergeInSQLiteTests().busyLaptop(folder)
    _ = try laptop.database.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    let sound = Array(try Data(contentsOf: laptop.fileURL))
    let inputs = folder.url.appendingPathComponent("inputs")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    let iterations = Int(ProcessInfo.processInfo.environment["PAPI_MUTATION_RUNS"] ?? "") ?? 150
    var generator = SeededGenerator(seed: 20)
    var outcomes: [String: Int] = [:]
    let before = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()))
    for run in 0..<iterations {
      let input = inputs.appendingPathComponent("\(run)-03637.sqlite")
      try Data(Self.mutated(sound, &generator)).write(to: input)
      let merger = ResultsMerger(
        destination: ResultsDirectory(url: folder.url.appendingPathComponent("d\(run)")))
      switch merger.mergeFile(at: input.path) {
      case .merged: outcomes["merged", default: 0] += 1
      case .skippedDestination: Issue.record("skipped")
      case .refused(let error):
        outcomes["refused", default: 0] += 1
        #expect(error.text(in: .english).contains(input.path) || error.text(in: .english).contains("03637"))
      }
    }
    let left = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())).subtracting(
      before)
    #expect(left.filter { $0.hasPrefix("papi-train-merge-") }.isEmpty)
    #expect(outcomes["refused", default: 0] > 0)
  }
}

import Curriculum
import Foundation
import FuzzSupport
import Gradebook
import Units

/// libFuzzer's entry point: the input is a list of patches to a sound results file (5 bytes
/// each: a 4-byte offset into the file, then the byte written there; a last group of fewer bytes
/// cuts the file at that offset), and the damaged file is merged into an empty results folder.
/// A crash or a hang (libFuzzer's -timeout) is a finding; merge must merge the file or refuse it,
/// and leave no private copy behind (scripts/fuzz gives it a TMPDIR of its own).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResultsFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var bytes = Harness.sound
  let input = LibFuzzer.bytes(data, size)
  var index = 0
  while index + 5 <= input.count {
    let offset = input[index..<index + 4].reduce(0) { $0 << 8 | Int($1) } % max(bytes.count, 1)
    bytes[offset] = input[index + 4]
    index += 5
  }
  if index < input.count, let first = input.last {
    bytes = Array(bytes.prefix(Int(first) * bytes.count / 256))
  }
  let folder = Harness.scratch.appendingPathComponent(UUID().uuidString)
  defer { try? FileManager.default.removeItem(at: folder) }
  let file = folder.appendingPathComponent("03637.sqlite")
  do {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
  } catch {
    return 0
  }
  let merger = ResultsMerger(destination: ResultsDirectory(url: folder.appendingPathComponent("Results")))
  if case .refused(let error) = merger.mergeFile(at: file.path) {
    let text = error.text(in: .english)
    if !text.contains(file.path) && !text.contains("03637") {
      LibFuzzer.finding("a refusal that does not name the file: \(text)")
    }
  }
  let left = (try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []
  if let copy = left.first(where: { $0.hasPrefix("papi-train-merge-") }) {
    LibFuzzer.finding("a private copy was left behind: \(copy)")
  }
  return 0
}

enum Harness {
  static let scratch = LibFuzzer.scratchFolder("results")

  /// A sound results file: an official, a class, an attempt of three answers, written by
  /// Gradebook itself and checkpointed into the one file.
  static let sound: [UInt8] = {
    do {
      // The store is closed when make() returns: the last connection to close checkpoints the
      // log into the file.
      return Array(try Data(contentsOf: URL(fileURLWithPath: try make())))
    } catch {
      LibFuzzer.finding("cannot make the sound file: \(error)")
    }
  }()

  static func make() throws -> String {
    let folder = scratch.appendingPathComponent("sound")
    do {
      let results = ResultsDirectory(url: folder)
      let commune = try CommuneCode("03637")
      let trainingClass = try results.saveClass(
        TrainingClass(
          trainer: "Nguyễn Thị Hằng", date: "2025-09-12", place: "Hội trường", communeCodes: [commune]))
      let store = try results.store(for: commune)
      let official = try store.addOfficial(name: "Lò Văn Thắng", position: "chairman")
      let attempt = try store.startAttempt(
        Attempt(
          officialID: official.id, quizID: "one-stop.check", courseID: "one-stop", courseVersion: "2025.2",
          classID: trainingClass.id, seed: 7, questionIDs: ["os.q1", "os.q2", "os.q3"], startedAt: Date()))
      for index in 0..<3 {
        try store.record(
          Answer(
            attemptID: attempt.id, questionID: QuestionID("os.q\(index + 1)"), position: index,
            response: "Hội đồng",
            score: 0.5, isCorrect: false, timeTaken: 3, answeredAt: Date()))
      }
      try store.finishAttempt(attempt.id, score: 1.5, maxScore: 3, at: Date())
      return store.fileURL.path
    }
  }
}

/// SwiftPM names an executable's entry point after its module; it hands over to libFuzzer.
@_cdecl("FuzzResultsFile_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  LibFuzzer.run(argc, argv, fuzzResultsFile)
}

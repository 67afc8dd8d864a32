import Curriculum
import Foundation
import FuzzSupport

/// libFuzzer's entry point: the input replaces one file of a small valid course (the slot named
/// by PAPI_FUZZ_SLOT: course, questions or lessons), then the real loader and validator run.
/// A crash, a hang (libFuzzer's -timeout) or an error without file:line:column is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCurriculum(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let loaded: LoadedCurriculum
  do {
    loaded = try Harness.course.get().load(Data(LibFuzzer.bytes(data, size)), in: Harness.slot)
  } catch {
    LibFuzzer.finding("the course could not be written: \(error)")
  }
  let unlocated = BrokenCourse.unlocated(loaded)
  if !unlocated.isEmpty {
    LibFuzzer.finding("an error without a location: \(unlocated.map { $0.formatted(in: .english) })")
  }
  return 0
}

enum Harness {
  static let environment = ProcessInfo.processInfo.environment
  static let slot = BrokenCourse.Slot(rawValue: environment["PAPI_FUZZ_SLOT"] ?? "course") ?? .course
  /// The course, copied once (libFuzzer runs one input at a time).
  nonisolated(unsafe) static let course = Result {
    try BrokenCourse(
      fixtures: URL(fileURLWithPath: environment["PAPI_FUZZ_FIXTURES"] ?? "Tests/CurriculumTests/Fixtures"))
  }
}

/// SwiftPM names an executable's entry point after its module; it hands over to libFuzzer.
@_cdecl("FuzzCurriculum_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  LibFuzzer.run(argc, argv, fuzzCurriculum)
}

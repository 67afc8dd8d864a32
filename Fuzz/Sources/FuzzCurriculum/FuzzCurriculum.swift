import Curriculum
import Foundation

/// libFuzzer's entry point: the input replaces one file of a small valid course (the slot named
/// by PAPI_FUZZ_SLOT: course, questions or lessons), then the real loader and validator run.
/// A crash, a hang (libFuzzer's -timeout) or an error without file:line:column is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCurriculum(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let loaded = try! Harness.course.load(Data(bytes: data, count: size), in: Harness.slot)
  let unlocated = BrokenCourse.unlocated(loaded)
  if !unlocated.isEmpty {
    fatalError("an error without a location: \(unlocated.map { $0.formatted(in: .english) })")
  }
  return 0
}

enum Harness {
  static let environment = ProcessInfo.processInfo.environment
  static let slot = BrokenCourse.Slot(rawValue: environment["PAPI_FUZZ_SLOT"] ?? "course") ?? .course
  nonisolated(unsafe) static let course = try! BrokenCourse(
    fixtures: URL(fileURLWithPath: environment["PAPI_FUZZ_FIXTURES"] ?? "Tests/CurriculumTests/Fixtures"))
}

/// libFuzzer's driver, which parses -max_total_time, -timeout and the corpus folders.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM names an executable's entry point after its module; it hands over to libFuzzer.
@_cdecl("FuzzCurriculum_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  var count = argc
  var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
  return runFuzzerDriver(&count, &arguments, fuzzCurriculum)
}

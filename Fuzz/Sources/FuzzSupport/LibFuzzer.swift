import Foundation

/// What every fuzz target shares: handing the process over to libFuzzer's driver, and the
/// fuzzer's input as bytes.
public enum LibFuzzer {
  /// libFuzzer's callback for one input: its bytes and their count; returns 0.
  public typealias Callback = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

  /// Runs libFuzzer's driver (it parses -max_total_time, -timeout, -runs and the corpus
  /// folders) with `callback` for each input; the process's exit status.
  public static func run(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, _ callback: Callback
  ) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runFuzzerDriver(&count, &arguments, callback)
  }

  /// The input libFuzzer hands over, copied.
  public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
  }

  /// A folder of its own under the temporary folder for this process's scratch files.
  public static func scratchFolder(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("papi-fuzz-\(name)-\(getpid())")
  }

  /// Ends the process with a message: a finding libFuzzer records with the input that caused it.
  public static func finding(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("finding: " + message + "\n").utf8))
    abort()
  }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: LibFuzzer.Callback
) -> CInt

import Foundation

/// Where the shell writes what the user reads.
public protocol OutputSink: AnyObject {
  func write(_ text: String)
}

/// Standard output, written through at once so prompts and feedback appear before the next read.
public final class StandardOutput: OutputSink {
  public init() {}

  public func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}
